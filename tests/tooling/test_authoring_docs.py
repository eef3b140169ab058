"""docs/howto-regio.md is true: its files are the test data, its commands give the output it shows.

Also: the modelines of the bundled ruleset, its cases and the examples resolve, and the pre-commit
hooks call commands that exist.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kwaliteitsregels.authoring.lints import modeline, modeline_kind
from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
HOWTO = ROOT / "docs" / "howto-regio.md"
REGIO = Path(__file__).parent / "data" / "regio"
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.DOTALL)


def _blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(HOWTO.read_text("utf-8")) if lang == kind]


def _without_modeline(text: str) -> list[str]:
    lines = text.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    return lines[1:]


def test_howto_shows_the_tested_files() -> None:
    ruleset, first, second = _blocks("yaml")[:3]
    assert _without_modeline(ruleset) == _without_modeline((REGIO / "ruleset.yaml").read_text("utf-8"))
    cases = _without_modeline((REGIO / "tests" / "basis.yaml").read_text("utf-8"))
    assert _without_modeline(first) + second.splitlines() == cases


def _write_project(root: Path) -> None:
    ruleset, first, _ = _blocks("yaml")[:3]
    (root / "rulesets" / "regio" / "tests").mkdir(parents=True)
    shutil.copytree(ROOT / "schemas", root / "schemas")
    (root / "rulesets" / "regio" / "ruleset.yaml").write_text(ruleset, encoding="utf-8")
    (root / "rulesets" / "regio" / "tests" / "basis.yaml").write_text(first, encoding="utf-8")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_howto_commands_give_the_output_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text_blocks = _blocks("text")
    _write_project(tmp_path)
    monkeypatch.chdir(tmp_path)

    assert _run("validate", "rulesets") == (0, text_blocks[0])

    ruleset_file = tmp_path / "rulesets" / "regio" / "ruleset.yaml"
    good = ruleset_file.read_text("utf-8")
    ruleset_file.write_text(good.replace("declared: governancecode_zorg", "declared: governancecode"), "utf-8")
    assert _run("validate", "rulesets") == (1, text_blocks[1])
    ruleset_file.write_text(good, "utf-8")

    assert _run("test", "rulesets", "--min-coverage", "100") == (1, text_blocks[2])

    cases = tmp_path / "rulesets" / "regio" / "tests" / "basis.yaml"
    cases.write_text(cases.read_text("utf-8") + _blocks("yaml")[2], encoding="utf-8")
    assert _run("test", "rulesets", "--min-coverage", "100") == (0, text_blocks[3])


def test_readme_links_the_tooling_docs() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "docs/howto-regio.md" in readme
    assert "docs/tooling.md" in readme


MODELINED = [
    ROOT / "rulesets" / "twente" / "ruleset.yaml",
    *sorted((ROOT / "rulesets" / "twente" / "tests").glob("*.yaml")),
    *sorted((ROOT / "examples").glob("*.yaml")),
]


@pytest.mark.parametrize("path", MODELINED, ids=lambda p: str(p.relative_to(ROOT)))
def test_modeline_resolves_to_the_right_schema(path: Path) -> None:
    found = modeline(path.read_text("utf-8"))
    assert found is not None, f"{path} has no yaml-language-server modeline"
    reference, line, _ = found
    assert line == 1
    assert (path.parent / reference).resolve().is_file(), reference
    expected = "ruleset" if path.name == "ruleset.yaml" else "test" if path.parent.name == "tests" else "profile"
    assert modeline_kind(reference) == expected


def test_pre_commit_hooks_call_existing_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert {h["id"] for h in hooks} == {"kwaliteitsregels-validate", "kwaliteitsregels-test"}
    local = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    used = [h for repo in local["repos"] for h in repo["hooks"]]
    for hook in [*hooks, *used]:
        program, *words = hook["entry"].split()
        if program != "kwaliteitsregels":
            continue
        command = words[0]
        assert command in main.commands, hook["entry"]
        help_result = CliRunner().invoke(main, [command, "--help"])
        for option in (w for w in words if w.startswith("--")):
            assert option in help_result.output, f"{hook['id']}: {option}"
    assert {"kwaliteitsregels-validate", "kwaliteitsregels-test"} <= {h["id"] for h in used}
