"""The streaming engine: events in time order → terms opened, met, missed; state only for open cases.

Each obligation keeps, per correlation key (provider and reference): the open term, an awaited
event that came before its trigger, and a marker that the key's first trigger was decided (later
triggers with that key open nothing). A recurring obligation (`every`) keeps, per case, its start,
its end and the periods already met. An order check keeps the unpaired event of each pair. The
event that closes a case (`closes` in the vocabulary: a 307 closes an assignment, a 304 an
invoice) lets the markers and early events of its key go; open terms stay until met or the clock.
So memory follows the open cases, not the events seen; the markers of keys nothing closes (a 315's
request) are 64-bit hashes, 16 bytes a key.

Time order is required (`Unordered` is raised otherwise); `running.py` sorts a stream that is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple, Protocol

from kwaliteitsregels.errors import Problem
from kwaliteitsregels.models.common import LocalizedText
from kwaliteitsregels.monitoring.compact import HashSet
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring
from kwaliteitsregels.monitoring.deadlines import Due, compute_due, missed_by, unit_of_miss
from kwaliteitsregels.monitoring.events import AMSTERDAM, REFERENCES, Entry, Event
from kwaliteitsregels.monitoring.models import Obligation, Pattern, Where
from kwaliteitsregels.monitoring.results import Finding, Occurrence, Outcome, month_of

_NO_FILTER = Where()
_DUES = 4096  # ends of terms kept per run: about a year of days for ten deadlines


class Sink(Protocol):
    """Where findings go: kept and counted, or (on time, when not kept) only counted."""

    keep_on_time: bool

    def record(self, finding: Finding) -> None:
        """Keep and count a finding."""

    def count(self, provider: str, month: str, outcome: str) -> None:
        """Count an outcome without keeping a finding."""


class Unordered(Exception):  # noqa: N818 - a signal to the runner, never shown
    """An event came earlier than one already processed."""


def start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day`, Dutch time (remembered for the last few thousand days asked)."""
    moment = _STARTS.get(day)
    if moment is None:
        if len(_STARTS) >= _DUES:
            _STARTS.clear()
        moment = _STARTS[day] = dt.datetime.combine(day, _MIDNIGHT, tzinfo=AMSTERDAM)
    return moment


_MIDNIGHT = dt.time()
_STARTS: dict[dt.date, dt.datetime] = {}


def pattern_time(pattern: Pattern, entry: Entry) -> dt.datetime | None:
    """The moment of `entry` that `pattern.time` names, or None if the event lacks it."""
    event = entry.event
    if pattern.time == "at":
        return event.at
    if pattern.time == "period_end":
        return start_of(event.period_end) if event.period_end else None
    effective = start_of(event.effective_date) if event.effective_date else None
    if pattern.time == "latest":
        return max(event.at, effective) if effective else event.at
    return effective


def applies(pattern: Pattern, event: Event) -> bool | str:
    """Whether the pattern's filters hold for the event: True, False, or the name of a missing field that decides."""
    where = pattern.where
    law, municipality = event.law, event.municipality
    if where.crisis is not None and where.crisis != event.crisis:
        return False
    if where.law is not None and law is not None and where.law != law:
        return False
    if where.municipality and municipality is not None and municipality not in where.municipality:
        return False
    if where.law is not None and law is None:
        return "law"
    if where.municipality is not None and municipality is None:
        return "municipality"
    return True


@dataclass(slots=True)
class _Term:
    trigger: Occurrence
    key: str
    anchor: dt.datetime
    due: Due


@dataclass
class _Context:
    compiled: CompiledMonitoring
    clock: dt.datetime
    sink: Sink
    missing: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    last: tuple[Entry, Occurrence] | None = None  # the occurrence of the event being fed, shared by its units
    dues: dict[tuple[int, dt.date], Due] = field(default_factory=dict)  # per deadline and day: a few thousand
    plains: dict[int, bool] = field(default_factory=dict)  # per pattern of the rules (alive for the run)
    units: dict[int, str] = field(default_factory=dict)  # per obligation: the unit a miss is counted in

    def __post_init__(self) -> None:
        self.keep_on_time, self.count = self.sink.keep_on_time, self.sink.count  # asked once per finding

    def unit_of_miss(self, obligation: Obligation) -> str:
        """`deadlines.unit_of_miss` of the obligation's deadline, found once per obligation."""
        unit = self.units.get(id(obligation))
        if unit is None:
            unit = self.units[id(obligation)] = unit_of_miss(obligation.deadline)
        return unit

    def plain(self, pattern: Pattern) -> bool:
        """Whether the pattern has no filter and counts the time of the message (`at`)."""
        found = self.plains.get(id(pattern))
        if found is None:
            found = self.plains[id(pattern)] = pattern.time == "at" and pattern.where == _NO_FILTER
        return found

    def emit(  # noqa: PLR0913, PLR0917 - the parts of a finding
        self,
        obligation: Obligation,
        term: _Term,
        outcome: Outcome,
        by: Occurrence | None,
        moment: dt.datetime,
        awaited_title: LocalizedText,
        period: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        """A decided term: counted, and kept unless it is on time and on-time findings are not kept."""
        if outcome is Outcome.ON_TIME and not self.keep_on_time:
            trigger = term.trigger
            month = month_of(period[0]) if period else month_of(trigger.at.astimezone(AMSTERDAM))
            self.count(trigger.provider, month, "on_time")
            return
        self.sink.record(_finding(obligation, term, outcome, by, moment, awaited_title, self, period))

    def occurrence(self, entry: Entry) -> Occurrence:
        last = self.last
        if last is not None and last[0] is entry:
            return last[1]
        event = entry.event
        occurrence = Occurrence(
            entry.line, event.id, event.type, event.at, event.provider, self.compiled.vocabulary.types[event.type].title
        )  # `Occurrence.of`, without a call
        self.last = (entry, occurrence)
        return occurrence

    def due(self, obligation: Obligation, anchor: dt.datetime) -> Due:
        deadline = obligation.deadline
        if deadline.hours is not None:  # from the exact moment
            return compute_due(anchor, deadline, self.compiled.extra_holidays)
        key = (id(deadline), anchor.astimezone(AMSTERDAM).date())  # a term in days depends on the day alone
        due = self.dues.get(key)
        if due is None:
            if len(self.dues) >= _DUES:  # a stream of many years: start again rather than grow
                self.dues.clear()
            due = self.dues[key] = compute_due(anchor, deadline, self.compiled.extra_holidays)
        return due

    def flag(self, entry: Entry, name: str, what: str) -> None:
        self.missing.setdefault((entry.line, name), []).append(what)


class _Obligation:
    """A trigger and the event awaited after it (or the trigger itself, in time for its own date)."""

    def __init__(self, obligation: Obligation, context: _Context) -> None:
        self.ob, self.context = obligation, context
        self.open: dict[str, _Term] = {}
        self.early: dict[str, tuple[Occurrence, dt.datetime]] = {}
        self.done = HashSet()  # keys decided; nothing closes a request's, so 16 bytes a key (`compact.py`)
        awaited = obligation.awaited or obligation.trigger
        self.awaited_title = context.compiled.vocabulary.types[awaited.event].title
        self.trigger_type, self.value_of = obligation.trigger.event, reference_getter(obligation.key)
        self.plain_trigger = context.plain(obligation.trigger)  # the moment is the message's own (`_moment`)
        self.plain_awaited = obligation.awaited is not None and context.plain(obligation.awaited)

    @property
    def key(self) -> str:
        return self.ob.key

    def types(self) -> set[str]:
        return {self.ob.trigger.event} | ({self.ob.awaited.event} if self.ob.awaited else set())

    def take(self, entry: Entry) -> None:
        event = entry.event
        is_trigger = event.type == self.trigger_type
        value = self.value_of(event)
        if value is None:  # a trigger without its key cannot be followed; an awaited one fulfils nothing here
            if is_trigger:
                self.context.flag(entry, self.ob.key, self.ob.id)
            return
        if self.plain_trigger if is_trigger else self.plain_awaited:
            moment = event.at
        else:
            pattern = self.ob.trigger if is_trigger else self.ob.awaited
            assert pattern is not None  # noqa: S101 - the type is the trigger's or the awaited's
            found = _moment(pattern, entry, self.context, self.ob.id)
            if found is None:
                return
            moment = found
        key = f"{event.provider}|{value}"
        if is_trigger:
            self._trigger(entry, key, value, moment)
        elif key in self.open:
            self._resolve(self.open.pop(key), self.context.occurrence(entry), moment)
            self.done.add(key)
        elif key not in self.done and key not in self.early:
            self.early[key] = (self.context.occurrence(entry), moment)

    def _trigger(self, entry: Entry, key: str, value: str, moment: dt.datetime) -> None:
        if self.ob.awaited is None:  # the message itself must come within the term after its own date
            occurrence = self.context.occurrence(entry)
            term = _Term(occurrence, value, moment, self.context.due(self.ob, moment))
            self._resolve(term, occurrence, entry.event.at)
            return
        if key in self.open or key in self.done:
            return
        term = _Term(self.context.occurrence(entry), value, moment, self.context.due(self.ob, moment))
        early = self.early.pop(key, None)
        if early is None:
            self.open[key] = term
            return
        self._resolve(term, *early)
        self.done.add(key)

    def _resolve(self, term: _Term, by: Occurrence, moment: dt.datetime) -> None:
        outcome = Outcome.ON_TIME if moment < term.due.limit else Outcome.LATE
        self.context.emit(self.ob, term, outcome, by, moment, self.awaited_title)

    def close(self, key: str) -> None:
        self.done.discard(key)
        self.early.pop(key, None)

    def at_clock(self) -> None:
        clock = self.context.clock
        for term in self.open.values():
            outcome = Outcome.OVERDUE if clock >= term.due.limit else Outcome.OPEN
            self.context.emit(self.ob, term, outcome, None, clock, self.awaited_title)
        self.open.clear()


@dataclass(slots=True)
class _Case:
    trigger: Occurrence
    key: str
    first: int
    last: int | None = None
    met: set[int] = field(default_factory=set)


class _Recurring:
    """A case from trigger to `until`: every period in it needs an awaited event (absence is an event too)."""

    def __init__(self, obligation: Obligation, context: _Context) -> None:
        assert obligation.every is not None  # noqa: S101 - only recurring obligations come here
        assert obligation.awaited is not None  # noqa: S101 - the model requires it with `every`
        self.ob, self.context, self.months = obligation, context, obligation.every.months
        self.awaited: Pattern = obligation.awaited
        self.cases: dict[str, _Case] = {}
        self.early: dict[str, dict[int, tuple[Occurrence, dt.datetime]]] = {}
        self.awaited_title = context.compiled.vocabulary.types[self.awaited.event].title
        self.value_of = reference_getter(obligation.key)
        self.spans: dict[int, tuple[dt.date, dt.date]] = {}  # the bounds of each period seen: a few per year
        self.trigger_type = obligation.trigger.event
        self.until_type = obligation.until.event if obligation.until else None

    @property
    def key(self) -> str:
        return self.ob.key

    def types(self) -> set[str]:
        return {self.ob.trigger.event, self.awaited.event} | ({self.ob.until.event} if self.ob.until else set())

    def take(self, entry: Entry) -> None:
        event = entry.event
        role = "trigger" if event.type == self.trigger_type else "awaited"
        role = "until" if event.type == self.until_type else role
        pattern = self.ob.trigger if role == "trigger" else self.awaited if role == "awaited" else self.ob.until
        assert pattern is not None  # noqa: S101 - the role was found from the pattern's event type
        value = self.value_of(event)
        if value is None:
            if role == "trigger":
                self.context.flag(entry, self.ob.key, self.ob.id)
            return
        moment = _moment(pattern, entry, self.context, self.ob.id)
        if moment is None:
            return
        key, period = f"{event.provider}|{value}", self.period_of(moment.astimezone(AMSTERDAM).date())
        case = self.cases.get(key)
        if role == "trigger" and case is None:
            self._open(entry, key, value, period)
        elif role == "until" and case is not None and case.last is None:
            case.last = max(period, case.first)
            if case.met >= set(range(case.first, case.last + 1)):
                del self.cases[key]  # complete: nothing more can happen to it
        elif role == "awaited" and case is not None:
            self._meet(case, period, self.context.occurrence(entry), event.at)
            if case.last is not None and case.met >= set(range(case.first, case.last + 1)):
                del self.cases[key]  # ended and every period met
        elif role == "awaited":
            self.early.setdefault(key, {}).setdefault(period, (self.context.occurrence(entry), event.at))

    def _open(self, entry: Entry, key: str, value: str, period: int) -> None:
        case = self.cases[key] = _Case(self.context.occurrence(entry), value, period)
        for early_period, (by, moment) in sorted(self.early.pop(key, {}).items()):
            self._meet(case, early_period, by, moment)

    def _meet(self, case: _Case, period: int, by: Occurrence, moment: dt.datetime) -> None:
        if period < case.first or (case.last is not None and period > case.last) or period in case.met:
            return
        case.met.add(period)
        term = self._term(case, period)
        outcome = Outcome.ON_TIME if moment < term.due.limit else Outcome.LATE
        self.context.emit(self.ob, term, outcome, by, moment, self.awaited_title, self.bounds(period))

    def _term(self, case: _Case, period: int) -> _Term:
        anchor = start_of(self.bounds(period)[1])
        return _Term(case.trigger, case.key, anchor, self.context.due(self.ob, anchor))

    def period_of(self, day: dt.date) -> int:
        return (day.year * 12 + day.month - 1) // self.months

    def bounds(self, period: int) -> tuple[dt.date, dt.date]:
        span = self.spans.get(period)
        if span is None:
            year, month = divmod(period * self.months, 12)
            after_year, after_month = divmod(period * self.months + self.months, 12)
            first, after = dt.date(year, month + 1, 1), dt.date(after_year, after_month + 1, 1)
            span = self.spans[period] = (first, after - dt.timedelta(days=1))
        return span

    def close(self, key: str) -> None:
        self.early.pop(key, None)

    def at_clock(self) -> None:
        clock = self.context.clock
        complete = self.period_of(clock.astimezone(AMSTERDAM).date()) - 1  # the clock's own period is still running
        for case in self.cases.values():
            last = complete if case.last is None else min(case.last, complete)
            for period in range(case.first, last + 1):
                if period in case.met:
                    continue
                term = self._term(case, period)
                outcome = Outcome.OVERDUE if clock >= term.due.limit else Outcome.OPEN
                self.context.emit(self.ob, term, outcome, None, clock, self.awaited_title, self.bounds(period))
        self.cases.clear()


class _Waiting(NamedTuple):
    """An unpaired event of an order check: its line, id, key value and the date compared."""

    line: int
    id: str
    value: str
    seq: dt.date


class _Order:
    """An event type that may not precede its pair with the same key (a 307 before the 305)."""

    def __init__(self, later: str, earlier: str, key: str, context: _Context, problems: list[Problem]) -> None:
        self.later, self.earlier, self.key, self.context, self.problems = later, earlier, key, context, problems
        self.waiting: dict[tuple[str, str], list[_Waiting]] = {}  # what a report needs, not the event
        self.value_of = reference_getter(key)

    def types(self) -> set[str]:
        return {self.later, self.earlier}

    def take(self, entry: Entry) -> None:
        event = entry.event
        value = self.value_of(event)
        if value is None:
            return
        mine = _Waiting(entry.line, event.id, value, event.effective_date or event.at.astimezone(AMSTERDAM).date())
        other = self.earlier if event.type == self.later else self.later
        key = f"{event.provider}|{value}"
        partners = self.waiting.get((key, other))
        if not partners:
            self.waiting.setdefault((key, event.type), []).append(mine)
            return
        partner = partners.pop(0)
        if not partners:
            del self.waiting[(key, other)]
        later, earlier = (mine, partner) if event.type == self.later else (partner, mine)
        if earlier.seq > later.seq:
            self._report(later, earlier)

    def _report(self, later: _Waiting, earlier: _Waiting) -> None:
        types = self.context.compiled.vocabulary.types
        first, second = types[self.later].title.get("nl"), types[self.earlier].title.get("nl")
        message = (
            f"{first} '{later.id}' ligt vóór {second} '{earlier.id}' (regel {earlier.line}) "
            f"met dezelfde {self.key} '{later.value}'"
        )
        self.problems.append(Problem("event.out-of-order", message, None, later.line, path="type"))

    def close(self, key: str) -> None:
        """Unpaired events wait for their partner even after the case closed (a 305 after the 307)."""

    def at_clock(self) -> None:
        self.waiting.clear()


def reference_getter(key: str) -> Callable[[Event], str | None]:
    """`Event.reference(key)` as a function chosen once: an attribute, the id, or one of the region's own keys."""
    if key == "event":
        return attrgetter("id")
    if key in REFERENCES:
        return attrgetter(key)
    return lambda event: event.refs.get(key)


def _moment(pattern: Pattern, entry: Entry, context: _Context, what: str) -> dt.datetime | None:
    """The pattern's moment of the event, or None (with a problem if a field that decides is missing)."""
    if context.plain(pattern):  # the common case: no filter, the time of the message
        return entry.event.at
    fit = applies(pattern, entry.event)
    if fit is not True:  # False: not for this obligation; a str: a field that decides is missing
        if fit:
            context.flag(entry, fit, what)
        return None
    moment = pattern_time(pattern, entry)
    if moment is None:
        context.flag(entry, "period_end" if pattern.time == "period_end" else "effective_date", what)
    return moment


def _finding(  # noqa: PLR0913, PLR0917 - the parts of a finding
    obligation: Obligation,
    term: _Term,
    outcome: Outcome,
    by: Occurrence | None,
    moment: dt.datetime,
    awaited_title: LocalizedText,
    context: _Context,
    period: tuple[dt.date, dt.date] | None = None,
) -> Finding:
    extra = context.compiled.extra_holidays
    measured = moment.astimezone(AMSTERDAM)
    missed = missed_by(obligation.deadline, term.due, measured, extra) if outcome is not Outcome.OPEN else 0
    return Finding(
        obligation=obligation,
        outcome=outcome,
        trigger=term.trigger,
        key=term.key,
        anchor=term.anchor,
        due=term.due,
        fulfilled_by=by,
        measured=measured,
        missed_by=missed,
        missed_unit=context.unit_of_miss(obligation),
        awaited_title=awaited_title,
        period=period,
    )


Unit = _Obligation | _Recurring | _Order


class Ledger:
    """Feed it entries in time order, then `finish()`: findings go to the sink, problems to `problems`.

    The problems of an event are in `problems` once it has been fed; a caller may take them (and clear
    the list) after each event, so that they are not held until the end.
    """

    def __init__(
        self, compiled: CompiledMonitoring, clock: dt.datetime, sink: Sink, *, recurring_only: bool = False
    ) -> None:
        self.context = _Context(compiled, clock, sink)
        self.problems: list[Problem] = []
        self.units: list[Unit] = [
            _Recurring(ob, self.context) if ob.every else _Obligation(ob, self.context)
            for ob in compiled.obligations
            if ob.every or not recurring_only
        ]
        vocabulary = compiled.vocabulary
        for later, kind in sorted(vocabulary.types.items()):
            if kind.not_before and kind.key and not recurring_only:
                self.units.append(_Order(later, kind.not_before, kind.key, self.context, self.problems))
        self.routes: dict[str, list[Unit]] = {}
        for unit in self.units:
            for kind_name in sorted(unit.types()):
                self.routes.setdefault(kind_name, []).append(unit)
        self.closes = {
            name: (kind.closes, [u for u in self.units if u.key == kind.closes])
            for name, kind in vocabulary.types.items()
            if kind.closes
        }
        self.closers = {name: (reference_getter(key), units) for name, (key, units) in self.closes.items()}
        self.latest: dt.datetime | None = None

    def feed(self, entry: Entry) -> None:
        """Process one event; raises `Unordered` if it is earlier than the last one."""
        event = entry.event
        at = event.at
        if self.latest is not None and at < self.latest:
            raise Unordered
        self.latest = at
        kind = event.type
        for unit in self.routes.get(kind, ()):
            unit.take(entry)
        closes = self.closers.get(kind)
        if closes is not None:
            value = closes[0](event)
            if value is not None:
                key = f"{event.provider}|{value}"
                for unit in closes[1]:
                    unit.close(key)
        missing = self.context.missing
        if missing:  # every unit has seen the event: its missing fields are known, and need not be kept
            self.problems.extend(_missing_problems(missing))
            missing.clear()

    def finish(self) -> list[Problem]:
        """The clock: open terms become open or overdue; the problems found and not yet taken (`problems`)."""
        for unit in self.units:
            unit.at_clock()
        return self.problems

    def open_state(self) -> int:
        """How many items the units hold now (open terms, markers, early events, cases, unpaired events)."""
        total = 0
        for unit in self.units:
            if isinstance(unit, _Obligation):
                total += len(unit.open) + len(unit.early) + len(unit.done)
            elif isinstance(unit, _Recurring):
                total += len(unit.cases) + len(unit.early)
            else:
                total += sum(len(v) for v in unit.waiting.values())
        return total


def _missing_problems(missing: dict[tuple[int, str], list[str]]) -> Iterator[Problem]:
    """One problem per line and missing field, naming every obligation that could not be checked."""
    for (line, name), whats in sorted(missing.items()):
        message = f"'{name}' ontbreekt; deze gebeurtenis kon niet getoetst worden aan {', '.join(whats)}"
        yield Problem("event.missing-field", message, None, line, path=name)
