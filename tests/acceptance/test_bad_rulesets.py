"""Negative examples: every file under bad_rulesets/ must be rejected with the stated code, line and suggestion.

The first line of each file says what is expected: `# expect: CODE line N [suggestion S]`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main

BAD = Path(__file__).parent / "bad_rulesets"
EXPECT = re.compile(r"# expect: (\S+) line (\d+)(?: suggestion (\S+))?")


def _expectation(path: Path) -> tuple[str, int, str | None]:
    match = EXPECT.match(path.read_text("utf-8").splitlines()[0])
    assert match, f"{path.name} has no '# expect:' line"
    return match.group(1), int(match.group(2)), match.group(3)


@pytest.mark.parametrize("path", sorted(BAD.glob("*.yaml")), ids=lambda p: p.stem)
def test_rejected_with_location_and_suggestion(path: Path) -> None:
    code, line, suggestion = _expectation(path)
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.load_ruleset(path)
    problems = caught.value.problems
    match = [p for p in problems if p.code == code]
    assert match, f"expected {code}, got {[p.code for p in problems]}"
    assert match[0].file == str(path)
    assert match[0].line == line, str(match[0])
    assert match[0].suggestion == suggestion, str(match[0])


@pytest.mark.parametrize("path", sorted(BAD.glob("*.yaml")), ids=lambda p: p.stem)
def test_cli_reports_bad_ruleset_without_traceback(path: Path, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("organisation: {name: X}\nservices: {law_domains: [wmo]}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(profile), "--ruleset", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    code, line, _ = _expectation(path)
    assert f"{path}:{line}" in result.output
    assert code in result.output
