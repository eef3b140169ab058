"""`monitor()`: monitoring rules × events × clock → report. Bad events become problems; the run goes on.

A file is streamed: one line at a time into the engine, so memory follows the open cases. A file
whose events are not in time order is read a second time and sorted with bounded memory (sorted
runs on disk, merged: `ordering.py`). Events given in Python are sorted as given, in memory.
Problems are bounded too: per code the first `problems.PER_CODE` by line, the rest counted.
The default engine is the streaming `ledger`; `engine="durable"` runs the same obligations on
durable-rules (see docs/monitoring.md).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from kwaliteitsregels.errors import InputError, Problem, UsageError, single
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring
from kwaliteitsregels.monitoring.events import (
    AMSTERDAM,
    LAST_YEAR,
    Entry,
    Event,
    EventBatch,
    stream_file,
    stream_records,
)
from kwaliteitsregels.monitoring.ledger import Ledger, Unordered
from kwaliteitsregels.monitoring.loading import Source, load_monitoring_rules
from kwaliteitsregels.monitoring.ordering import in_time_order
from kwaliteitsregels.monitoring.problems import ProblemList
from kwaliteitsregels.monitoring.results import Finding, MonitoringReport, Outcome, Tally
from kwaliteitsregels.monitoring.spool import Spool, finding_key
from kwaliteitsregels.workdays import FIRST_YEAR

Events = EventBatch | str | Path | Iterable[Event | Mapping[str, Any]]
Engine = Literal["ledger", "durable"]
Items = Iterable[Entry | Problem]


def _source(events: Events, compiled: CompiledMonitoring) -> tuple[str, Callable[[], Items], bool]:
    """The source name, a way to (re)read its items, and whether they are already in time order."""
    vocabulary = compiled.vocabulary
    if isinstance(events, EventBatch):
        return events.source, lambda: _in_order([*events.problems, *events.entries]), True
    if isinstance(events, str | Path):
        return str(events), lambda: stream_file(events, vocabulary), False
    items = list(stream_records(events, "<python>", vocabulary))
    return "<python>", lambda: _in_order(items), True


def _in_order(items: Iterable[Entry | Problem]) -> list[Entry | Problem]:
    problems: list[Entry | Problem] = []
    entries: list[Entry] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            entries.append(item)
    entries.sort(key=lambda e: (e.event.at, e.line))
    return [*problems, *entries]


def _moment(clock: object) -> dt.datetime:
    if isinstance(clock, str):
        try:
            clock = dt.datetime.fromisoformat(clock)
        except ValueError:
            message = f"peilmoment '{clock}' is geen ISO-datum of -tijd"
            raise single(InputError, "clock", message, path="clock") from None
    if not isinstance(clock, dt.date):
        message = f"peilmoment: een datetime, date of ISO-tekst, niet {type(clock).__name__}"
        raise single(UsageError, "clock-type", message, path="clock")
    if not isinstance(clock, dt.datetime):
        clock = dt.datetime.combine(clock, dt.time())
    moment = clock.replace(tzinfo=AMSTERDAM) if clock.tzinfo is None else clock
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        message = f"peilmoment {moment.date()} ligt buiten de jaren {FIRST_YEAR}-{LAST_YEAR}"
        raise single(InputError, "clock", message, path="clock")
    return moment


@dataclass
class _Outcome:
    source: str
    clock: dt.datetime
    keep_on_time: bool
    findings: Spool[Finding]
    problems: ProblemList
    tally: Tally = field(default_factory=Tally)
    missed: Counter[str] = field(default_factory=Counter)

    @classmethod
    def new(  # noqa: PLR0913 - the run, and where a worker's runs go
        cls,
        compiled: CompiledMonitoring,
        source: str,
        clock: dt.datetime,
        *,
        keep_on_time: bool,
        folders: tuple[Path, Path] | None = None,
        prefix: str = "run-",
    ) -> _Outcome:
        """An empty outcome whose findings go to disk past a bounded buffer (in `folders[0]`, if given)."""
        found = folders[0] if folders else None
        return cls(source, clock, keep_on_time, Spool(finding_key, compiled, found, prefix), ProblemList())

    def record(self, finding: Finding) -> None:
        self.tally.finding(finding)
        if finding.is_violation:
            self.missed[finding.obligation.severity] += 1
        if self.keep_on_time or finding.outcome is not Outcome.ON_TIME:
            self.findings.add(finding)

    def count(self, provider: str, month: str, outcome: str) -> None:
        self.tally.count(provider, month, outcome)

    def after_clock(self, entry: Entry) -> None:
        """Note an event after the clock: a problem, not used."""
        message = f"ligt na het peilmoment {self.clock.isoformat()}; niet gebruikt"
        self.problems.add(Problem("event.after-clock", message, self.source, entry.line, path="at"))

    def usable(self, items: Items) -> Iterator[Entry]:
        """The entries at or before the clock; every problem and later event noted."""
        for item in items:
            if isinstance(item, Problem):
                self.problems.add(item)
            elif item.event.at > self.clock:
                self.after_clock(item)
            else:
                self.tally.event(item)
                yield item


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector runs less often while a stream passes (and as before afterwards).

    A region's year keeps hundreds of thousands of open terms and cases, and each full collection
    walks them all: at the default thresholds that cost ~15 % of the CPU time of 10^6 events. Cycles
    are still collected, in batches of `_YOUNG` new objects instead of 700, so memory stays bounded.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _YOUNG), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


_YOUNG = 50_000


def _ledger(compiled: CompiledMonitoring, items: Items, outcome: _Outcome) -> None:
    with _fewer_collections():
        _ledger_run(compiled, items, outcome)


def _ledger_run(compiled: CompiledMonitoring, items: Items, outcome: _Outcome) -> None:
    ledger = Ledger(compiled, outcome.clock, outcome)
    problems, source = ledger.problems, outcome.source
    feed, clock, counted = ledger.feed, outcome.clock, outcome.tally.event
    for item in items:  # `outcome.usable(items)`, in line: this loop runs once per event
        if isinstance(item, Problem):
            outcome.problems.add(item)
        elif item.event.at > clock:
            outcome.after_clock(item)
        else:
            counted(item)
            feed(item)
            if problems:  # taken at once: the ledger holds no problem past its event
                outcome.problems.extend(replace(p, file=source) for p in problems)
                problems.clear()
    outcome.problems.extend(replace(p, file=source) for p in ledger.finish())


def _durable(compiled: CompiledMonitoring, items: Items, outcome: _Outcome) -> None:
    from kwaliteitsregels.monitoring.engine import execute  # noqa: PLC0415 - durable-rules only when asked for

    entries = list(outcome.usable(_in_order(items)))
    run = execute(compiled, entries, outcome.clock)
    for finding in run.findings:
        outcome.record(finding)
    recurring = Ledger(compiled, outcome.clock, outcome, recurring_only=True)  # durable has no calendar
    for entry in entries:
        recurring.feed(entry)
    problems = [*run.problems, *recurring.finish()]
    outcome.problems.extend(replace(p, file=outcome.source) for p in problems)


def monitor(  # noqa: PLR0913 - rules, events, clock and three options by keyword
    rules: Source | CompiledMonitoring,
    events: Events,
    clock: dt.datetime | dt.date | str,
    *,
    keep_on_time: bool = True,
    engine: Engine = "ledger",
    jobs: int = 1,
) -> MonitoringReport:
    """Replay `events` against `rules` as of `clock` (a date means its start; naive times are Dutch time).

    Obligations fulfilled before the clock are on time or late; those still unfulfilled at the clock
    are open (within the term) or overdue. Events after the clock are not used and are reported as
    problems, like unusable lines; every other event is processed. `keep_on_time=False` counts the
    on-time findings without keeping them (a region's year has hundreds of thousands).

    `jobs` > 1 splits a file by provider over that many worker processes (the ledger only; events
    given in Python run in this process): the report is the same, whatever the number.
    """
    if engine not in ("ledger", "durable"):
        raise single(UsageError, "engine", f"engine: 'ledger' of 'durable', niet {engine!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise single(UsageError, "jobs", f"jobs: een geheel getal van minstens 1, niet {jobs!r}", path="jobs")
    compiled = load_monitoring_rules(rules)
    moment = _moment(clock)
    if engine == "ledger" and isinstance(events, str | Path):  # a file: in parts (one part: in this process)
        from kwaliteitsregels.monitoring.parallel import run_parts  # noqa: PLC0415 - it imports this module

        return _report(compiled, run_parts(compiled, events, moment, keep_on_time=keep_on_time, jobs=jobs))
    source, read, ordered = _source(events, compiled)
    run = _durable if engine == "durable" else _ledger
    outcome = _Outcome.new(compiled, source, moment, keep_on_time=keep_on_time)
    try:
        run(compiled, read(), outcome)
    except Unordered:  # not in time order: read again and sort, with sorted runs on disk past a bound
        assert not ordered  # noqa: S101 - sorted sources never raise it
        outcome.findings.discard()
        outcome = _Outcome.new(compiled, source, moment, keep_on_time=keep_on_time)
        run(compiled, in_time_order(read()), outcome)
    return _report(compiled, outcome)


def _report(compiled: CompiledMonitoring, outcome: _Outcome) -> MonitoringReport:
    spec = compiled.spec
    return MonitoringReport(
        rules_id=spec.id,
        rules_title=spec.title.nl,
        rules_version=spec.version,
        rules_hash=compiled.hash,
        source=outcome.source,
        clock=outcome.clock,
        event_count=outcome.tally.events,
        findings=outcome.findings.result(),
        problems=outcome.problems.kept(),
        tally=dict(outcome.tally.outcomes),
        months=outcome.tally.summary(),
        missed=dict(outcome.missed),
        problems_omitted=dict(sorted(outcome.problems.omitted.items())),
    )
