"""The example a newcomer runs from the README: a small region's quarter and its expected outcome."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kwaliteitsregels import monitoring
from kwaliteitsregels.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "monitoring"
STREAM = EXAMPLE / "kwartaal-2026-q1.jsonl"


def test_the_quarter_gives_the_expected_document() -> None:
    report = monitoring.monitor("achterhoek-2019", STREAM, clock="2026-04-01T00:00")
    expected = json.loads((EXAMPLE / "verwacht.json").read_text("utf-8"))
    actual = report.to_dict()
    assert {**actual, "source": ""} == {**expected, "source": ""}
    assert report.exit_code() == 1


def test_the_quarter_has_missed_deadlines_and_an_absence() -> None:
    report = monitoring.monitor("achterhoek-2019", STREAM, clock="2026-04-01")
    missed = {(f.obligation.id, f.key, f.outcome.value) for f in report.violations}
    assert missed == {
        ("6.5.2.1-1", "A2", "late"),
        ("6.5.1.7.3-1", "I1", "late"),
        ("6.5.2.1-2-contact", "A4", "late"),
        ("6.5.4.3-1", "A2", "overdue"),
        ("6.5.1.7.3-6", "R1", "overdue"),
        ("6.5.1.2-2", "A2", "overdue"),
    }
    absence = next(f for f in report.violations if f.obligation.id == "6.5.1.2-2")
    assert absence.period is not None
    assert [d.isoformat() for d in absence.period] == ["2026-02-01", "2026-02-28"]
    assert "geen Declaratie/factuur (303)" in absence.reason()
    assert report.problems == ()


def test_the_cli_runs_it_as_the_readme_says() -> None:
    args = ["monitor", str(STREAM), "--rules", "achterhoek-2019", "--clock", "2026-04-01"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "[TERMIJN VERSTREKEN] 6.5.1.2-2 Elke maand een declaratie (303)" in result.stdout
    never = CliRunner().invoke(main, [*args, "--fail-on", "never"])
    assert never.exit_code == 0
