"""Data-driven monitoring cases: each YAML file holds rules, a clock, events and the exact expected findings.

Every case runs on both engines, the streaming ledger and durable-rules: they must agree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml

from kwaliteitsregels import monitoring

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def _expected(item: dict[str, Any]) -> tuple[str, str, str, str | None, str, int]:
    due = item["due"]
    return (item["obligation"], item["outcome"], item["trigger"], item["by"], str(due), item["missed_by"])


def _actual(finding: monitoring.Finding) -> tuple[str, str, str, str | None, str, int]:
    by = finding.fulfilled_by.id if finding.fulfilled_by else None
    due = finding.due.last.isoformat()
    return (finding.obligation.id, finding.outcome.value, finding.trigger.id, by, due, finding.missed_by)


@pytest.mark.parametrize("engine", ["ledger", "durable"])
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, engine: Literal["ledger", "durable"]) -> None:
    case = yaml.safe_load(path.read_text("utf-8"))
    clock = case["clock"]
    report = monitoring.monitor(case["rules"], case["events"], clock=clock, engine=engine)
    only = set(case.get("obligations") or [f.obligation.id for f in report.findings])
    actual = sorted(_actual(f) for f in report.findings if f.obligation.id in only)
    assert actual == sorted(_expected(item) for item in case["expect"]["findings"])
    problems = sorted((p.code, p.line) for p in report.problems)
    assert problems == sorted((p["code"], p["line"]) for p in case["expect"]["problems"])
    assert isinstance(report.clock, dt.datetime)
