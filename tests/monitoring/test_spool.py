"""Findings and problems past a bounded buffer go to sorted runs on disk; the report is the same to the byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwaliteitsregels import monitoring
from kwaliteitsregels.monitoring import spool
from kwaliteitsregels.monitoring.render import render_text

ROOT = Path(__file__).parents[2]
STREAMS = [
    (ROOT / "examples" / "monitoring" / "kwartaal-2026-q1.jsonl", "2026-04-01T00:00"),
    (Path(__file__).parent / "fixtures" / "bad-events.jsonl", "2026-06-01"),
    (Path(__file__).parent / "fixtures" / "events.csv", "2026-06-01"),
]


def _everything(report: monitoring.MonitoringReport) -> tuple[object, ...]:
    findings = [f.to_dict(lang) for f in report.findings for lang in ("nl", "en")]
    texts = tuple(report.to_json(lang) + render_text(report, lang) for lang in ("nl", "en"))
    return findings, list(report.problems), texts, report.exit_code(), report.exit_code("warning")


@pytest.mark.parametrize(("stream", "clock"), STREAMS, ids=lambda s: getattr(s, "name", ""))
def test_a_spooled_report_is_the_same_as_one_held_in_memory(
    monkeypatch: pytest.MonkeyPatch, stream: Path, clock: str
) -> None:
    held = monitoring.monitor("achterhoek-2019", stream, clock=clock)
    assert isinstance(held.findings, tuple)
    monkeypatch.setattr(spool, "CHUNK", 3)  # every third finding or problem starts a run on disk
    spooled = monitoring.monitor("achterhoek-2019", stream, clock=clock)
    assert isinstance(spooled.findings, spool.Spooled)
    assert len(spooled.findings) == len(held.findings)
    assert _everything(spooled) == _everything(held)
    assert spooled.findings[-1] == held.findings[-1]
    assert list(spooled.findings[1:4]) == list(held.findings[1:4])


def test_the_runs_are_removed_when_the_report_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spool, "CHUNK", 3)
    stream, clock = STREAMS[0]
    report = monitoring.monitor("achterhoek-2019", stream, clock=clock)
    assert isinstance(report.findings, spool.Spooled)
    folder = report.findings._spool.folder()  # noqa: SLF001 - the test looks where the runs are
    assert any(folder.iterdir())
    del report
    assert not folder.exists()


@pytest.mark.parametrize(("stream", "clock"), STREAMS[:2], ids=lambda s: getattr(s, "name", ""))
def test_runs_are_merged_as_they_come_and_the_report_stays_the_same(
    monkeypatch: pytest.MonkeyPatch, stream: Path, clock: str
) -> None:
    held = monitoring.monitor("achterhoek-2019", stream, clock=clock)
    monkeypatch.setattr(spool, "CHUNK", 1)  # every finding, problem and id a run of its own
    monkeypatch.setattr(spool, "FAN_IN", 2)  # and every two runs of one size merged into one
    merged = monitoring.monitor("achterhoek-2019", stream, clock=clock)
    assert _everything(merged) == _everything(held)
    assert isinstance(merged.findings, spool.Spooled)
    runs = merged.findings._spool.runs  # noqa: SLF001 - the test counts the runs a read opens
    chunks = len(merged.findings)
    assert chunks > 4
    assert len(runs) == chunks.bit_count()  # one run per 1 in the count written in binary: log₂, not one per chunk
    folder = merged.findings._spool.folder()  # noqa: SLF001
    assert sorted(folder.iterdir()) == sorted(runs)  # the merged runs are gone from disk
