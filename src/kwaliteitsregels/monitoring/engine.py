"""Run compiled monitoring units on durable-rules, one private host per run, and collect findings.

durable-rules 2.0.28 is an implementation detail; nothing from it leaves this module. How each of its
known pitfalls is handled (docs/monitoring.md, "durable-rules"):

- process-wide registry, names never reusable: we never touch `durable.lang` and its global host;
  every run builds its own `Host`, registers its units under names unique to the run
  (`kwaliteitsregels-<run>-<unit>`) and deletes them from the C engine afterwards (its handle
  table is finite), so a notebook cell can run any number of times;
- a host starts background timer threads: our `Host` subclass replaces `_run` with nothing, and all
  work happens synchronously inside `assert_fact`; no thread is left behind;
- a posted event is consumed by the first rule that matches it: we assert *facts*, never post
  events, so one event can trigger one obligation and fulfil another;
- 32 expressions per condition, ~60 rules per fact: see `compiling.py` (one small unit per obligation);
- a condition on a missing field fired endlessly: every fact carries every field (`FACT_FIELDS`), an
  event lacking a field a filter needs becomes a problem instead of a fact, and a repeat of the same
  rule on the same facts stops the run with an error instead of looping;
- exceptions inside actions are swallowed by durable-rules: ours are caught, kept and re-raised;
- a ruleset holds at most 1024 sessions (sids): facts are spread over `BUCKETS` sids by a stable hash
  of provider and key, and rules join on the key inside a bucket.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kwaliteitsregels.errors import Problem, single
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring, Unit
from kwaliteitsregels.monitoring.deadlines import Due, compute_due, missed_by, unit_of_miss
from kwaliteitsregels.monitoring.errors import MonitoringError
from kwaliteitsregels.monitoring.events import AMSTERDAM, Entry
from kwaliteitsregels.monitoring.ledger import applies as _applies
from kwaliteitsregels.monitoring.ledger import pattern_time
from kwaliteitsregels.monitoring.ledger import start_of as _start_of
from kwaliteitsregels.monitoring.results import Finding, Occurrence, Outcome

BUCKETS = 32
_RUNS = itertools.count(1)
Action = Callable[[Any], None]


@cache
def _durable() -> tuple[Any, Any, type[Exception]]:
    """The durable-rules modules and a thread-free Host class, imported on first use."""
    try:
        import durable_rules_engine  # type: ignore[import-not-found]  # noqa: PLC0415 - optional extra
        from durable import engine  # type: ignore[import-untyped]  # noqa: PLC0415 - optional extra
    except ImportError:
        raise single(
            MonitoringError,
            "engine.missing",
            "contractmonitoring heeft durable-rules nodig: pip install 'kwaliteitsregels[monitoring]'",
        ) from None

    class Host(engine.Host):  # type: ignore[misc]
        """A host without the background dispatch and timer threads."""

        def _run(self) -> None:
            return

    return Host, durable_rules_engine, engine.MessageNotHandledException


def _stamp(moment: dt.datetime) -> float:
    return moment.timestamp()


@dataclass
class _Run:
    """The state of one run: the events, the open terms, the findings and any failure inside an action."""

    compiled: CompiledMonitoring
    entries: list[Entry]
    clock: dt.datetime
    pending: dict[tuple[str, int], tuple[Due, dt.datetime]] = field(default_factory=dict)
    open_buckets: dict[str, set[str]] = field(default_factory=dict)
    fired: set[tuple[str, str, tuple[Any, ...]]] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    missing: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    failure: BaseException | None = None

    def guarded(self, unit: Unit, rule: str, body: Callable[[Any], None]) -> Action:
        """Wrap an action: run it once per combination of facts, and keep any exception for the caller."""

        def action(c: Any) -> None:
            frame = tuple(sorted((alias, fact["id"]) for alias, fact in c._m.items()))  # noqa: SLF001
            if (unit.name, rule, frame) in self.fired:
                self.failure = self.failure or RuntimeError(f"regel {unit.name}.{rule} vuurt herhaald")
                return
            self.fired.add((unit.name, rule, frame))
            try:
                body(c)
            except Exception as exc:  # noqa: BLE001 - durable-rules would swallow it; we re-raise it later
                self.failure = self.failure or exc

        return action


def _fact(entry_index: int, entry: Entry, unit: Unit, moment: dt.datetime) -> dict[str, Any]:
    event = entry.event
    key = f"{event.provider}|{event.reference(unit.key)}"
    seq = _start_of(event.effective_date) if event.effective_date else _start_of(event.at.astimezone(AMSTERDAM).date())
    return {
        "sid": str(zlib.crc32(key.encode("utf-8")) % BUCKETS),
        "id": f"e{entry_index}",
        "kind": "event",
        "type": event.type,
        "key": key,
        "n": entry_index,
        "at": _stamp(event.at),
        "time": _stamp(moment),
        "seq": _stamp(seq),
        "deadline": 0,
        "crisis": event.crisis,
        "law": event.law or "",
        "mun": event.municipality or "",
    }


def _marker(base: Any, kind: str, **values: Any) -> dict[str, Any]:
    fact = {name: base[name] for name in ("sid", "key", "n", "at", "time", "seq", "deadline", "crisis", "law", "mun")}
    fact.update(kind=kind, type="", id=f"{kind[0]}{base['n']}", **values)
    return fact


class _Obligations:
    """The actions of obligation units."""

    def __init__(self, run: _Run) -> None:
        self.run = run

    def actions(self, unit: Unit) -> dict[str, Action]:
        guard = self.run.guarded
        return {
            "open": guard(unit, "open", lambda c: self.open(unit, c)),
            "resolve": guard(unit, "resolve", lambda c: self.resolve(unit, c)),
            "at_clock": guard(unit, "at_clock", lambda c: self.at_clock(unit, c)),
        }

    def open(self, unit: Unit, c: Any) -> None:
        trigger = c.m._d  # noqa: SLF001
        assert unit.obligation is not None  # noqa: S101 - obligation units always have one
        anchor = dt.datetime.fromtimestamp(trigger["time"], AMSTERDAM)
        due = compute_due(anchor, unit.obligation.deadline, self.run.compiled.extra_holidays)
        self.run.pending[(unit.name, trigger["n"])] = (due, anchor)
        self.run.open_buckets.setdefault(unit.name, set()).add(trigger["sid"])
        c.assert_fact(_marker(trigger, "opened"))
        c.assert_fact(_marker(trigger, "pending", deadline=_stamp(due.limit)))
        if unit.obligation.awaited is not None:  # the marker and the pending term carry on; the trigger can go
            c.retract_fact(trigger)

    def resolve(self, unit: Unit, c: Any) -> None:
        pending, awaited = c.p._d, c.a._d  # noqa: SLF001
        moment = awaited["time"] if unit.obligation and unit.obligation.awaited else awaited["at"]
        outcome = Outcome.ON_TIME if moment < pending["deadline"] else Outcome.LATE
        self._record(unit, pending, outcome, self.run.entries[awaited["n"]], moment)
        c.retract_fact(pending)
        c.retract_fact(awaited)

    def at_clock(self, unit: Unit, c: Any) -> None:
        pending, clock = c.p._d, c.k._d["time"]  # noqa: SLF001
        self._record(unit, pending, Outcome.OVERDUE if clock >= pending["deadline"] else Outcome.OPEN, None, clock)

    def _record(self, unit: Unit, pending: Any, outcome: Outcome, by: Entry | None, moment: float) -> None:
        obligation = unit.obligation
        assert obligation is not None  # noqa: S101 - obligation units always have one
        due, anchor = self.run.pending.pop((unit.name, pending["n"]))
        measured = dt.datetime.fromtimestamp(moment, AMSTERDAM)
        extra = self.run.compiled.extra_holidays
        types = self.run.compiled.vocabulary.types
        trigger = self.run.entries[pending["n"]]
        awaited = obligation.awaited or obligation.trigger
        finding = Finding(
            obligation=obligation,
            outcome=outcome,
            trigger=Occurrence.of(trigger, types[trigger.event.type]),
            key=trigger.event.reference(obligation.key) or "",
            anchor=anchor,
            due=due,
            fulfilled_by=Occurrence.of(by, types[by.event.type]) if by else None,
            measured=measured,
            missed_by=missed_by(obligation.deadline, due, measured, extra) if outcome is not Outcome.OPEN else 0,
            missed_unit=unit_of_miss(obligation.deadline),
            awaited_title=types[awaited.event].title,
        )
        self.run.findings.append(finding)


def _order_action(run: _Run, unit: Unit) -> dict[str, Action]:
    def pair(c: Any) -> None:
        x, y = c.x._d, c.y._d  # noqa: SLF001
        if y["seq"] > x["seq"]:
            report(run.entries[x["n"]], run.entries[y["n"]])
        c.retract_fact(x)  # a checked pair is done with; its facts need not pile up
        c.retract_fact(y)

    def report(later: Entry, earlier: Entry) -> None:
        assert unit.order is not None  # noqa: S101 - order units always have one
        first, second = (run.compiled.vocabulary.types[t].title.get("nl") for t in unit.order)
        message = (
            f"{first} '{later.event.id}' ligt vóór {second} '{earlier.event.id}' (regel {earlier.line}) "
            f"met dezelfde {unit.key} '{later.event.reference(unit.key)}'"
        )
        run.problems.append(Problem("event.out-of-order", message, None, later.line, path="type"))

    return {"pair": run.guarded(unit, "pair", pair)}


def _route(run: _Run, unit: Unit, index: int, entry: Entry) -> dict[str, Any] | None:
    """The fact to assert for `entry` in `unit`, or None (with a problem if a needed field is missing)."""
    event = entry.event
    if event.type not in unit.types:
        return None
    obligation = unit.obligation
    is_trigger = obligation is not None and event.type == obligation.trigger.event
    if event.reference(unit.key) is None:
        # A trigger without its key cannot be followed: a problem. An awaited event without it (a 301
        # that answers no 315) simply fulfils nothing here; the event is still used by other units.
        if is_trigger:
            _missing(run, unit, entry, unit.key)
        return None
    if obligation is None:
        return _fact(index, entry, unit, event.at)
    pattern = obligation.trigger if is_trigger else obligation.awaited
    assert pattern is not None  # noqa: S101 - the type is the trigger's or the awaited's
    applies = _applies(pattern, entry.event)
    if applies is not True:  # False: cannot match here (the rule's own filters say the same); a str: undecidable
        if applies:
            _missing(run, unit, entry, applies)
        return None
    moment = pattern_time(pattern, entry)
    if moment is None:
        _missing(run, unit, entry, "period_end" if pattern.time == "period_end" else "effective_date")
        return None
    return _fact(index, entry, unit, moment)


def _missing(run: _Run, unit: Unit, entry: Entry, name: str) -> None:
    what = unit.obligation.id if unit.obligation else "volgorde"
    run.missing.setdefault((entry.line, name), []).append(what)


def _missing_problems(run: _Run) -> list[Problem]:
    """One problem per line and missing field, naming every obligation that could not be checked."""
    return [
        Problem(
            "event.missing-field",
            f"'{name}' ontbreekt; deze gebeurtenis kon niet getoetst worden aan {', '.join(whats)}",
            None,
            line,
            path=name,
        )
        for (line, name), whats in sorted(run.missing.items())
    ]


def _definitions(run: _Run, run_id: int) -> dict[str, dict[str, Any]]:
    """Each unit's rules with their actions, under a ruleset name unique to this run."""
    obligations = _Obligations(run)
    definitions = {}
    for unit in run.compiled.units:
        actions = obligations.actions(unit) if unit.obligation else _order_action(run, unit)
        rules = {rule: {**body, "run": actions[rule]} for rule, body in unit.rules.items()}
        definitions[f"kwaliteitsregels-{run_id}-{unit.name}"] = rules
    return definitions


def _clock_fact(sid: str, clock: dt.datetime) -> dict[str, Any]:
    stamp = _stamp(clock)
    return {
        "sid": sid,
        "id": "clock",
        "kind": "clock",
        "type": "",
        "key": "",
        "n": -1,
        "at": stamp,
        "time": stamp,
        "seq": 0,
        "deadline": 0,
        "crisis": False,
        "law": "",
        "mun": "",
    }


def _feed(run: _Run, post: Callable[[Unit, dict[str, Any]], None]) -> None:
    """Every entry into the units whose event types it has, in time order; then the clock where terms are open."""
    routes: dict[str, list[Unit]] = {}
    for unit in run.compiled.units:
        for kind in sorted(unit.types):
            routes.setdefault(kind, []).append(unit)
    for index, entry in enumerate(run.entries):
        for unit in routes.get(entry.event.type, ()):
            fact = _route(run, unit, index, entry)
            if fact is not None:
                post(unit, fact)
    for unit in run.compiled.units:
        for sid in sorted(run.open_buckets.get(unit.name, ()), key=int):
            post(unit, _clock_fact(sid, run.clock))


def execute(compiled: CompiledMonitoring, entries: list[Entry], clock: dt.datetime) -> _Run:
    """Assert every entry (already sorted by time) into the units it concerns, then the clock."""
    host_class, engine_module, not_handled = _durable()
    run = _Run(compiled, entries, clock)
    run_id = next(_RUNS)
    definitions = _definitions(run, run_id)
    host = host_class()
    try:
        host.register_rulesets(definitions)
    except Exception as exc:  # noqa: BLE001 - durable-rules raises plain Exception
        raise single(MonitoringError, "engine.rules", f"durable-rules weigert de regels: {exc}") from None
    try:
        _feed(run, lambda unit, fact: _assert(host, f"kwaliteitsregels-{run_id}-{unit.name}", fact, run, not_handled))
    finally:
        for name in definitions:
            engine_module.delete_ruleset(host.get_ruleset(name)._handle)  # noqa: SLF001
    run.problems.extend(_missing_problems(run))
    return run


def _assert(host: Any, name: str, fact: dict[str, Any], run: _Run, not_handled: type[Exception]) -> None:
    with contextlib.suppress(not_handled):  # the fact matched no rule here (a crisis 301 in a non-crisis unit)
        host.assert_fact(name, fact)
    if run.failure is not None:
        raise single(MonitoringError, "engine.action", f"fout in een monitoringregel: {run.failure}")
