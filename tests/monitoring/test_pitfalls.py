"""The known pitfalls of durable-rules 2.0.28, each designed around and checked through the API (engine="durable")."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

from kwaliteitsregels import monitoring
from kwaliteitsregels.monitoring.compiling import MAX_JOIN_EXPRESSIONS, join_expressions

SEED = "003_21f967ad4be776cb.txt"


def _rules(*obligations: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "test",
        "title": "Test",
        "issuer": "test",
        "version": "1",
        "source": {"title": "test", "seed": SEED},
        "obligations": list(obligations),
    }


def _obligation(number: int, **changes: Any) -> dict[str, Any]:
    base = {
        "id": f"o{number}",
        "title": f"Obligation {number}",
        "text": "…",
        "source": {"document": "d", "section": "s", "seed": SEED, "line": 1},
        "party": "provider",
        "trigger": {"event": "calamity"},
        "awaited": {"event": "calamity_reported_municipality"},
        "key": "incident",
        "deadline": {"hours": number + 1},
    }
    return base | changes


def _calamity(number: int, at: str = "2026-03-02T10:00", **extra: Any) -> dict[str, Any]:
    return {"id": f"k{number}", "provider": "p", "type": "calamity", "at": at, "incident": f"I{number}", **extra}


def test_repeat_runs_in_one_process_give_the_same_bytes() -> None:
    events = [_calamity(1), {**_calamity(2), "type": "calamity_reported_municipality", "incident": "I1"}]
    outputs = {
        monitoring.monitor("achterhoek-2019", events, clock="2026-03-05", engine="durable").to_json() for _ in range(25)
    }
    assert len(outputs) == 1


def test_no_thread_is_left_behind() -> None:
    before = set(threading.enumerate())
    monitoring.monitor("achterhoek-2019", [_calamity(1)], clock="2026-03-05", engine="durable")
    monitoring.monitor("twente", [_calamity(1, law="jeugdwet")], clock="2026-03-05", engine="durable")
    assert set(threading.enumerate()) == before


def test_one_event_triggers_one_obligation_and_fulfils_another() -> None:
    events = [
        {"id": "r", "provider": "p", "type": "315", "at": "2026-03-02T09:00", "request": "Q"},
        {
            "id": "a",
            "provider": "p",
            "type": "301",
            "at": "2026-03-03T09:00",
            "request": "Q",
            "assignment": "A",
            "law": "wmo",
        },
    ]
    report = monitoring.monitor("achterhoek-2019", events, clock="2026-03-04", engine="durable")
    outcomes = {(f.obligation.id, f.trigger.id): f.outcome.value for f in report.findings}
    assert outcomes == {("6.5.1.1.1-301", "r"): "on_time", ("6.5.2.1-1", "a"): "open"}


def test_many_obligations_on_one_event_all_fire() -> None:
    rules = _rules(*(_obligation(n) for n in range(80)))
    report = monitoring.monitor(rules, [_calamity(1)], clock="2026-03-03T12:00", engine="durable")
    assert len(report.findings) == 80
    assert sum(f.outcome is monitoring.Outcome.OVERDUE for f in report.findings) == 26  # deadlines 1..26 hours


def test_events_without_optional_fields_fire_each_rule_once() -> None:
    rules = _rules(
        _obligation(1),
        _obligation(2, trigger={"event": "calamity", "where": {"crisis": False}}),
        _obligation(3, trigger={"event": "calamity", "where": {"law": "jeugdwet"}}),
    )
    events = [_calamity(n) for n in range(5)]
    report = monitoring.monitor(rules, events, clock="2026-03-10", engine="durable")
    assert sorted(f.obligation.id for f in report.findings) == ["o1"] * 5 + ["o2"] * 5
    expected = [(n, "event.missing-field", "law") for n in range(1, 6)]
    assert [(p.line, p.code, p.path) for p in report.problems] == expected


def test_a_long_municipality_list_stays_within_the_expression_limit() -> None:
    towns = [f"gemeente-{n}" for n in range(40)]
    rules = _rules(_obligation(1, trigger={"event": "calamity", "where": {"municipality": towns}}))
    compiled = monitoring.load_monitoring_rules(rules)
    report = monitoring.monitor(
        compiled, [_calamity(1, municipality="gemeente-39")], clock="2026-03-10", engine="durable"
    )
    assert [f.outcome.value for f in report.findings] == ["overdue"]
    for name in ("twente", "achterhoek-2019"):
        units = monitoring.load_monitoring_rules(name).units
        counts = [join_expressions(c) for u in units for r in u.rules.values() for f in r["all"] for c in f.values()]
        assert max(counts) == MAX_JOIN_EXPRESSIONS == 1


def test_more_correlation_keys_than_engine_sessions() -> None:
    events = [_calamity(n, at=f"2026-03-02T{n % 24:02d}:00") for n in range(3000)]
    events += [
        {**_calamity(n, at="2026-03-02T23:00"), "id": f"m{n}", "type": "calamity_reported_municipality"}
        for n in range(0, 3000, 2)
    ]
    report = monitoring.monitor(_rules(_obligation(0)), events, clock="2026-03-03T01:00", engine="durable")
    assert report.problems == ()
    assert report.counts() == {"on_time": 0, "late": 1500, "overdue": 1500, "open": 0}


def test_joins_on_key_and_order_survive_many_runs() -> None:
    # Two references to another fact in one condition (key equality plus a time comparison) crashed
    # durable-rules 2.0.28 with SIGSEGV after a few runs; run in a child process so a crash fails one test.
    code = (
        "from kwaliteitsregels import monitoring as m\n"
        "ev = [dict(id='a', provider='p', type='igj_report', at='2026-05-01T10:00', report='R'),\n"
        "      dict(id='b', provider='p', type='igj_report_shared', at='2026-05-04T10:00', report='R'),\n"
        "      dict(id='c', provider='p', type='307', at='2026-05-02T10:00', assignment='A',\n"
        "           effective_date='2026-05-02'),\n"
        "      dict(id='d', provider='p', type='305', at='2026-05-03T10:00', assignment='A',\n"
        "           effective_date='2026-05-03')]\n"
        "for _ in range(150):\n"
        "    r = m.monitor('achterhoek-2019', ev, '2026-06-01', engine='durable')\n"
        "print(sorted((f.obligation.id, f.outcome.value) for f in r.findings), [p.code for p in r.problems])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, result.stderr[-2000:]
    expected = "[('6.5.1.2-2', 'open'), ('6.5.1.7.3-6', 'on_time'), ('6.5.4.3-1', 'open')] ['event.out-of-order']"
    assert result.stdout.strip() == expected


def test_durable_rules_stays_behind_the_api() -> None:
    code = (
        "import sys, kwaliteitsregels.monitoring as m, kwaliteitsregels.cli; "
        "assert not any(n.split('.')[0] in ('durable', 'durable_rules_engine') for n in sys.modules), 'imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, result.stderr
