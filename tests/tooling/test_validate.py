"""`kwaliteitsregels validate`: positive and negative example files, through the CLI and the API.

Every file under data/invalid/ states on its second line what validate must report:
`# expect: CODE line N column C [suggestion S]`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kwaliteitsregels.authoring.validate import validate
from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
INVALID = sorted((DATA / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"# expect: (\S+) line (\d+) column (\d+)(?: suggestion (\S+))?")
LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): ")


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["validate", *args])


def _expectation(path: Path) -> tuple[str, int, int, str | None]:
    match = EXPECT.match(path.read_text("utf-8").splitlines()[1])
    assert match, f"{path.name}: second line must be '# expect: CODE line N column C'"
    return match.group(1), int(match.group(2)), int(match.group(3)), match.group(4)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_file_reports_code_location_and_suggestion(path: Path) -> None:
    code, line, column, suggestion = _expectation(path)
    outcome = validate([path])
    assert outcome.exit_code() == 1
    found = [p for p in outcome.problems if p.code == code]
    assert found, f"expected {code}, got {[str(p) for p in outcome.problems]}"
    assert (found[0].file, found[0].line, found[0].column) == (str(path), line, column), str(found[0])
    assert found[0].suggestion == suggestion, str(found[0])


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_cli_text_every_line_has_location_code_and_hint(path: Path) -> None:
    code, line, column, _ = _expectation(path)
    result = _run(str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    *problems, summary = result.output.splitlines()
    assert problems, result.output
    for text in problems:
        assert LOCATED.match(text), text
        assert re.search(r"\([a-z_.-]+\) — oplossing: \S", text), text
    assert f"{path}:{line}:{column}:" in result.output
    assert f"({code})" in result.output
    assert "gecontroleerde bestanden" in summary


def test_github_format_is_one_annotation_per_problem() -> None:
    result = _run("--format", "github", str(DATA / "invalid"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) >= len(INVALID)
    pattern = re.compile(r"^::error file=[^,]+,line=\d+,col=\d+,title=[a-z_.-]+::\S.* — oplossing: \S")
    for line in lines:
        assert pattern.match(line), line
    assert any("title=explain-unreachable" in line for line in lines)


def test_github_format_escapes_separators_in_properties(tmp_path: Path) -> None:
    weird = tmp_path / "a,b:c.yaml"
    weird.write_text("organisation: {name: X}\n", encoding="utf-8")
    result = _run("--format", "github", "--kind", "profile", str(weird))
    assert result.exit_code == 1
    assert "file=" + str(tmp_path).replace(":", "%3A").replace(",", "%2C") + "/a%2Cb%3Ac.yaml," in result.output


def test_json_format_lists_files_and_problems_with_hints() -> None:
    result = _run("--format", "json", str(DATA / "invalid" / "unknown-table.yaml"))
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["files"] == [{"path": str(DATA / "invalid" / "unknown-table.yaml"), "kind": "ruleset"}]
    (problem,) = document["problems"]
    assert problem["code"] == "unknown-table"
    assert problem["suggestion"] == "schemes"
    assert problem["hint"]
    assert document["summary"] == {"files": 1, "problems": 1, "skipped": 0}
    assert document["skipped"] == []


def test_english_hints() -> None:
    result = _run("--lang", "en", str(DATA / "invalid" / "unknown-declaration.yaml"))
    assert result.exit_code == 1
    assert "Did you mean 'governance'? (unknown-declaration) — fix: define it under 'declarations'" in result.output
    assert "1 problem in 1 of 1 checked files" in result.output


def test_twente_and_its_examples_are_clean() -> None:
    # CI validates every ruleset and example (`.ci/run`); this guards the bundled Twente ones in the suite.
    paths = [str(ROOT / "rulesets" / "twente"), *map(str, sorted((ROOT / "examples").glob("*.yaml")))]
    result = _run("-f", "json", *paths)
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["problems"] == []
    assert {item["kind"] for item in document["files"]} == {"ruleset", "profile", "test"}


def test_a_folder_leaves_files_without_modeline_alone(tmp_path: Path) -> None:
    (tmp_path / "expected").mkdir()
    (tmp_path / "expected" / "uitkomst.yaml").write_text("verdict: voldoet\n", encoding="utf-8")
    shutil.copy(DATA / "invalid" / "profile-typo.yaml", tmp_path / "profiel.yaml")
    checked = validate([tmp_path]).checked
    assert [c.path.name for c in checked] == ["profiel.yaml"]


def test_valid_ruleset_with_its_cases_is_clean() -> None:
    outcome = validate([DATA / "regio"])
    assert outcome.problems == ()
    assert sorted(c.kind for c in outcome.checked) == ["ruleset", "test"]


def test_explicit_file_kind_by_shape_and_unknown_kind(tmp_path: Path) -> None:
    profile = tmp_path / "aanbieder.yaml"
    profile.write_text("organisation: {name: X}\nservices: {law_domains: [wmo]}\n", encoding="utf-8")
    other = tmp_path / "iets.yaml"
    other.write_text("sleutel: waarde\n", encoding="utf-8")
    assert _run(str(profile)).exit_code == 0
    result = _run(str(other))
    assert result.exit_code == 1
    assert f"{other}:1:1:" in result.output
    assert "(unknown-kind)" in result.output


def test_ignore_unknown_skips_unrecognised_files(tmp_path: Path) -> None:
    other = tmp_path / ".pre-commit-config.yaml"
    other.write_text("repos: []\n", encoding="utf-8")
    result = _run("--ignore-unknown", str(other), str(DATA / "regio" / "ruleset.yaml"))
    assert result.exit_code == 0, result.output
    assert "1 bestand(en) gecontroleerd" in result.output
    assert f"1 bestand(en) overgeslagen, soort onbekend (--ignore-unknown): {other}" in result.output  # said
    as_json = json.loads(_run("--ignore-unknown", "--format", "json", str(other)).output)
    assert as_json["skipped"] == [str(other)]
    assert as_json["summary"] == {"files": 0, "problems": 0, "skipped": 1}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run(str(tmp_path / "bestaat-niet.yaml")).exit_code == 2
    empty = _run(str(tmp_path))
    assert empty.exit_code == 2
    assert "geen regelsets, profielen of testbestanden" in empty.output
    assert _run("--format", "xml", str(DATA / "regio")).exit_code == 2
    assert _run().exit_code == 2
