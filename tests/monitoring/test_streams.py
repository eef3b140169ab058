"""A region's stream as it really comes: one bad line among many, any order, region terms, exit policies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kwaliteitsregels import KwaliteitsregelsError, monitoring
from kwaliteitsregels.cli import main
from kwaliteitsregels.monitoring.events import AMSTERDAM, Entry
from kwaliteitsregels.monitoring.ledger import Ledger
from kwaliteitsregels.monitoring.results import Finding

GOOD = {"id": "g1", "provider": "p", "type": "calamity", "at": "2026-03-01T10:00", "incident": "I1"}
LATER = {
    "id": "g2",
    "provider": "p",
    "type": "calamity_reported_municipality",
    "at": "2026-03-03T10:00",
    "incident": "I1",
}
HOSTILE = [
    json.dumps({**GOOD, "id": "b1", "at": "1985-03-01T10:00", "incident": "J"}),
    json.dumps({**GOOD, "id": "b2", "at": "9999-12-31T23:59", "incident": "K"}),
    json.dumps({**GOOD, "id": "b3", "at": "9999-12-31T23:59-05:00", "incident": "K"}),
    "[" * 100_000,
    '{"id": "b4", "provider": "p", "type": "calamity", "at": "2026-03-01T10:00", "incident": ' + "9" * 5000 + "}",
    json.dumps({**GOOD, "id": "b5", "type": "303", "invoice": "F", "period_end": "9999-12-31"}),
]


def test_every_hostile_line_is_a_problem_with_its_line_and_the_rest_is_used(tmp_path: Path) -> None:
    stream = tmp_path / "events.jsonl"
    lines = [json.dumps(GOOD), *HOSTILE, json.dumps(LATER)]
    stream.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "\xff"}\n')
    report = monitoring.monitor("achterhoek-2019", stream, clock="2026-04-01")
    assert [(p.line, p.code) for p in report.problems] == [
        (2, "event.date-range"),
        (3, "event.date-range"),
        (4, "event.date-range"),
        (5, "event.json"),
        (6, "event.json"),
        (7, "event.date-range"),
        (9, "event.encoding"),
    ]
    assert report.event_count == 2
    assert [(f.obligation.id, f.outcome.value) for f in report.findings] == [("6.5.1.7.3-1", "late")]
    result = CliRunner().invoke(main, ["monitor", str(stream), "-r", "achterhoek-2019", "--clock", "2026-04-01"])
    assert result.exit_code == 1  # a missed term and bad lines: findings, not a crash
    assert "Traceback" not in result.output


def test_wrong_python_values_stay_in_the_family() -> None:
    batch = monitoring.parse_events([None, 5, GOOD])  # type: ignore[list-item]
    assert [(p.line, p.code) for p in batch.problems] == [(1, "event.not-an-object"), (2, "event.not-an-object")]
    assert len(batch.entries) == 1
    for clock in (12345, None, object()):
        with pytest.raises(KwaliteitsregelsError) as caught:
            monitoring.monitor("twente", [GOOD], clock=clock)  # type: ignore[arg-type]
        assert isinstance(caught.value, TypeError)
    with pytest.raises(KwaliteitsregelsError, match="1990-2199"):
        monitoring.monitor("twente", [GOOD], clock="1985-01-01")
    with pytest.raises(KwaliteitsregelsError):
        monitoring.monitor(12345, [GOOD], clock="2026-04-01")  # type: ignore[arg-type]


def test_a_stream_out_of_time_order_gives_what_the_sorted_stream_gives(tmp_path: Path) -> None:
    source = Path(__file__).parents[2] / "examples" / "monitoring" / "kwartaal-2026-q1.jsonl"
    lines = source.read_text("utf-8").splitlines()
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("\n".join(reversed(lines)) + "\n", "utf-8")
    ordered, reverse = (monitoring.monitor("achterhoek-2019", p, clock="2026-04-01") for p in (source, shuffled))
    assert [_plain(f) for f in ordered.findings] == [_plain(f) for f in reverse.findings]


def _plain(finding: Finding) -> tuple[Any, ...]:
    return (finding.obligation.id, finding.key, finding.outcome, finding.trigger.id, finding.period, finding.due)


def test_engine_state_follows_open_cases_not_events() -> None:
    compiled = monitoring.load_monitoring_rules("achterhoek-2019")

    class Sink:
        keep_on_time = False
        decided = 0

        def record(self, finding: Finding) -> None:
            self.decided += finding is not None

        def count(self, provider: str, month: str, outcome: str) -> None:
            self.decided += bool(provider and month and outcome)

    ledger = Ledger(compiled, dt.datetime(2026, 12, 31, tzinfo=AMSTERDAM), Sink())
    sizes = []
    for wave in range(5):  # five waves of 200 assignments, each opened, served, declared and closed
        entries = [entry for n in range(200) for entry in _assignment(wave * 1000 + n, 2 * wave + 1)]
        for entry in sorted(entries, key=lambda e: (e.event.at, e.line)):
            ledger.feed(entry)
        sizes.append(ledger.open_state())
    assert sizes == [0] * 5


def _assignment(number: int, month: int) -> list[Entry]:
    day, next_month = f"2026-{month:02d}", f"2026-{month + 1:02d}"
    end = (dt.date(2026, month + 1, 1) - dt.timedelta(days=1)).isoformat()
    base = {"provider": "p", "assignment": f"A{number}", "law": "wmo"}
    records = [
        base | {"id": f"a{number}", "type": "301", "at": f"{day}-02T09:00"},
        base | {"id": f"b{number}", "type": "305", "at": f"{day}-03T09:00", "effective_date": f"{day}-03"},
        base | {"id": f"c{number}", "type": "support_plan", "at": f"{day}-10T09:00"},
        base | {"id": f"d{number}", "type": "307", "at": f"{day}-20T09:00", "effective_date": f"{day}-20"},
        base
        | {
            "id": f"e{number}",
            "type": "303",
            "at": f"{next_month}-05T09:00",
            "invoice": f"F{number}",
            "period_end": end,
        },
        {"id": f"f{number}", "provider": "p", "type": "304", "at": f"{next_month}-10T09:00", "invoice": f"F{number}"},
    ]
    return list(monitoring.parse_events(records).entries)
