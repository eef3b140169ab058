"""Bad events become problems with their line; processing goes on. Bad monitoring files raise with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwaliteitsregels import KwaliteitsregelsError, monitoring

FIXTURES = Path(__file__).parent / "fixtures"
BAD_RULES = Path(__file__).parent / "bad_rules"


def _problems(report: monitoring.MonitoringReport) -> dict[int, tuple[str, str | None, str | None]]:
    return {p.line or 0: (p.code, p.path, p.suggestion) for p in report.problems}


def test_every_bad_line_is_a_problem_and_every_good_line_is_used() -> None:
    report = monitoring.monitor("achterhoek-2019", FIXTURES / "bad-events.jsonl", clock="2026-06-01")
    assert _problems(report) == {
        2: ("event.unknown-type", "type", "308"),
        3: ("event.schema.missing", "at", None),
        4: ("event.json", None, None),
        6: ("event.out-of-order", "type", None),
        8: ("event.duplicate-id", "id", None),
        9: ("event.schema.extra_forbidden", "asignment", "assignment"),
        10: ("event.missing-field", "period_end", None),
        12: ("event.after-clock", "at", None),
        13: ("event.not-an-object", None, None),
    }
    assert all(p.file and p.file.endswith("bad-events.jsonl") for p in report.problems)
    assert report.event_count == 5  # e1, e4, e5, e7, e8
    start = next(f for f in report.findings if f.obligation.id == "6.5.2.1-1")
    assert (start.outcome, start.fulfilled_by and start.fulfilled_by.id) == (monitoring.Outcome.ON_TIME, "e8")
    assert report.exit_code() == 1


def test_csv_rows_are_read_with_their_line_numbers() -> None:
    report = monitoring.monitor("achterhoek-2019", FIXTURES / "events.csv", clock="2026-06-01")
    assert _problems(report) == {
        7: ("event.schema.bool_parsing", "crisis", None),
        8: ("event.csv-columns", None, None),
    }
    outcomes = {(f.obligation.id, f.trigger.id): f.outcome.value for f in report.findings}
    assert outcomes[("6.5.2.1-1", "e1")] == "late"
    assert outcomes[("6.5.2.1-2-wmo", "e3")] == "on_time"
    assert outcomes[("6.5.1.2-9", "e5")] == "on_time"


def test_python_events_are_validated_like_file_lines() -> None:
    events: list[monitoring.Event | dict[str, str]] = [
        {"id": "a", "provider": "p", "type": "calamity", "at": "2026-03-01T10:00", "incident": "I"},
        {"id": "b", "provider": "p", "type": "calamity_reported_municipality", "incident": "I"},
        monitoring.Event(id="c", provider="p", type="igj_report", at="2026-03-02T10:00", report="R"),
    ]
    report = monitoring.monitor("achterhoek-2019", events, clock="2026-03-03")
    assert [(p.line, p.code) for p in report.problems] == [(2, "event.schema.missing")]
    assert {f.obligation.id: f.outcome.value for f in report.findings} == {
        "6.5.1.7.3-1": "overdue",
        "6.5.1.7.3-6": "open",
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("typo-field.yaml", ["typo-field.yaml:16:5: [obligations[0].deadlne] onbekend veld", "u 'deadline'?"]),
        ("unknown-event.yaml", ["unknown-event.yaml:14:22:", "Bedoelde u 'calamity_reported_municipality'?"]),
        ("two-units.yaml", ["two-units.yaml:16:15: [obligations[0].deadline] geef precies één", "'assignment'"]),
    ],
)
def test_bad_monitoring_file_raises_with_location_and_suggestion(name: str, expected: list[str]) -> None:
    with pytest.raises(monitoring.MonitoringError) as caught:
        monitoring.load_monitoring_rules(BAD_RULES / name)
    text = str(caught.value)
    assert all(part in text for part in expected), text


def test_unknown_bundled_name_suggests_the_closest() -> None:
    with pytest.raises(KwaliteitsregelsError) as caught:
        monitoring.load_monitoring_rules("achterhoek")
    assert caught.value.first.suggestion == "achterhoek-2019"


def test_unreadable_inputs_raise_input_errors(tmp_path: Path) -> None:
    with pytest.raises(KwaliteitsregelsError, match="onbekend bestandstype"):
        monitoring.read_events(tmp_path / "events.txt")
    with pytest.raises(KwaliteitsregelsError, match="niet gevonden"):
        monitoring.read_events(tmp_path / "missing.jsonl")
    with pytest.raises(KwaliteitsregelsError, match="geen ISO-datum"):
        monitoring.monitor("twente", [], clock="gisteren")
