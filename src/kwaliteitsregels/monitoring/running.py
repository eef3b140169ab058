"""`monitor()`: monitoring rules × events × clock → report. Bad events become problems; the run goes on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from kwaliteitsregels.errors import InputError, Problem, single
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring
from kwaliteitsregels.monitoring.engine import execute
from kwaliteitsregels.monitoring.events import AMSTERDAM, Event, EventBatch, parse_events, read_events
from kwaliteitsregels.monitoring.loading import Source, load_monitoring_rules
from kwaliteitsregels.monitoring.results import MonitoringReport

Events = EventBatch | str | Path | Iterable[Event | Mapping[str, Any]]


def _batch(events: Events) -> EventBatch:
    if isinstance(events, EventBatch):
        return events
    if isinstance(events, str | Path):
        return read_events(events)
    return parse_events(events)


def _moment(clock: dt.datetime | dt.date | str) -> dt.datetime:
    if isinstance(clock, str):
        try:
            clock = dt.datetime.fromisoformat(clock)
        except ValueError:
            message = f"peilmoment '{clock}' is geen ISO-datum of -tijd"
            raise single(InputError, "clock", message, path="clock") from None
    if not isinstance(clock, dt.datetime):
        return dt.datetime.combine(clock, dt.time(), tzinfo=AMSTERDAM)
    return clock.replace(tzinfo=AMSTERDAM) if clock.tzinfo is None else clock


def monitor(
    rules: Source | CompiledMonitoring,
    events: Events,
    clock: dt.datetime | dt.date | str,
) -> MonitoringReport:
    """Replay `events` against `rules` as of `clock` (a date means its start; naive times are Dutch time).

    Obligations fulfilled before the clock are on time or late; those still unfulfilled at the clock
    are open (within the term) or overdue. Events after the clock are not used and are reported as
    problems, like unusable lines; every other event is processed.
    """
    compiled = load_monitoring_rules(rules)
    batch = _batch(events)
    moment = _moment(clock)
    ordered = sorted(batch.entries, key=lambda e: (e.event.at, e.line))
    usable = [e for e in ordered if e.event.at <= moment]
    late_entries = [
        Problem(
            "event.after-clock",
            f"ligt na het peilmoment {moment.isoformat()}; niet gebruikt",
            batch.source,
            e.line,
            path="at",
        )
        for e in ordered
        if e.event.at > moment
    ]
    run = execute(compiled, usable, moment)
    engine_problems = [replace(p, file=batch.source) for p in run.problems]
    problems = sorted([*batch.problems, *late_entries, *engine_problems], key=lambda p: (p.line or 0, p.code))
    findings = sorted(run.findings, key=lambda f: (f.provider, f.trigger.event.at, f.trigger.line, f.obligation.id))
    spec = compiled.spec
    return MonitoringReport(
        rules_id=spec.id,
        rules_title=spec.title.nl,
        rules_version=spec.version,
        rules_hash=compiled.hash,
        source=batch.source,
        clock=moment,
        events=tuple(usable),
        findings=tuple(findings),
        problems=tuple(problems),
    )
