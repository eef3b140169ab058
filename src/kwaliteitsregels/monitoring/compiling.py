"""Monitoring file → compiled units: one small durable-rules ruleset definition per obligation or order check.

The units serve the durable-rules engine (`engine="durable"`); the default streaming engine
(`ledger.py`) reads the obligations and the vocabulary directly. Recurring obligations (`every`)
have no durable unit.

The definitions are plain JSON-like data without actions; `engine.py` attaches the actions and
registers them under names unique to one run. Design limits of durable-rules 2.0.28 that shape them:

- one unit per obligation, at most `MAX_RULES_PER_UNIT` rules each, so one fact never meets more
  than a handful of rules (about 60 rules on one fact overflowed the engine's 64-entry stack);
- at most `MAX_JOIN_EXPRESSIONS` (one) expression that refers to another fact in one condition: the
  engine refuses more than 31 (error 113), and already two, an equality and a comparison, crash it
  now and then (SIGSEGV in `reduceExpressionSequence`, reproduced here; likely upstream jruizgit/rules#381).
  So the engine joins on the key, and the action compares times in Python. Constant filters such as
  a municipality list are alpha tests and do not count;
- every fact carries every field a condition reads (`FACT_FIELDS`), so no condition ever tests a
  missing field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kwaliteitsregels.errors import Problem
from kwaliteitsregels.monitoring.events import CORE, Vocabulary
from kwaliteitsregels.monitoring.models import MonitoringFile, Obligation, Pattern

MAX_RULES_PER_UNIT = 8
MAX_JOIN_EXPRESSIONS = 1
FACT_FIELDS = ("kind", "type", "key", "n", "at", "time", "seq", "deadline", "crisis", "law", "mun")

Condition = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Unit:
    """One durable ruleset (without actions): an obligation or an order check between two event types."""

    name: str
    key: str
    rules: dict[str, dict[str, Any]]
    types: frozenset[str]
    obligation: Obligation | None = None
    order: tuple[str, str] | None = None  # (later type, earlier type) for order checks


@dataclass(frozen=True, slots=True)
class CompiledMonitoring:
    """A validated monitoring file with its units, ready to run against any number of event streams."""

    spec: MonitoringFile
    source: str
    hash: str
    units: tuple[Unit, ...]
    extra_holidays: frozenset[dt.date] = field(default_factory=frozenset)
    vocabulary: Vocabulary = CORE

    @property
    def id(self) -> str:
        """The monitoring file's id."""
        return self.spec.id

    @property
    def obligations(self) -> tuple[Obligation, ...]:
        """The obligations, in file order."""
        return tuple(self.spec.obligations)


def _filters(pattern: Pattern) -> list[Condition]:
    found: list[Condition] = [{"kind": "event"}, {"type": pattern.event}]
    where = pattern.where
    if where.crisis is not None:
        found.append({"crisis": where.crisis})
    if where.law is not None:
        found.append({"law": where.law})
    if where.municipality:
        found.append({"$or": [{"mun": name} for name in where.municipality]})
    return found


def _rule(*facts: tuple[str, list[Condition]]) -> dict[str, Any]:
    return {
        "all": [{alias: {"$and": conditions} if len(conditions) > 1 else conditions[0]} for alias, conditions in facts]
    }


def obligation_rules(obligation: Obligation) -> dict[str, dict[str, Any]]:
    """The three rules of an obligation.

    `open`: a trigger event whose key has no obligation yet opens one (the action computes the term
    and asserts an `opened` marker and a `pending` fact); `resolve`: a pending term meets an awaited
    event with the same key (for an obligation without `awaited`, the trigger event itself); the
    action judges on time or late; `at_clock`: a pending term meets the clock: open or overdue.
    """
    trigger = _filters(obligation.trigger)
    awaited = [*trigger, {"n": {"p": "n"}}]  # without `awaited`: the trigger event itself
    if obligation.awaited:
        awaited = [*_filters(obligation.awaited), {"key": {"p": "key"}}]
    pending: list[Condition] = [{"kind": "pending"}]
    return {
        "open": _rule(("m", trigger), ("x$not", [{"kind": "opened"}, {"key": {"m": "key"}}])),
        "resolve": _rule(("p", pending), ("a", awaited)),
        "at_clock": _rule(("p", pending), ("k", [{"kind": "clock"}])),
    }


def order_rules(later: str, earlier: str) -> dict[str, dict[str, Any]]:
    """One rule: an event of type `later` meets the `earlier` event with the same key; the action checks the order."""
    first: list[Condition] = [{"kind": "event"}, {"type": later}]
    second: list[Condition] = [{"kind": "event"}, {"type": earlier}, {"key": {"x": "key"}}]
    return {"pair": _rule(("x", first), ("y", second))}


def join_expressions(condition: Any) -> int:
    """How many expressions in one fact's condition refer to another fact (durable-rules allows at most 31)."""
    if isinstance(condition, list):
        return sum(join_expressions(item) for item in condition)
    if not isinstance(condition, dict):
        return 0
    return sum(1 if _is_reference(value) else join_expressions(value) for value in condition.values())


def _is_reference(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and len(value) == 1
        and all(not key.startswith("$") and isinstance(item, str) for key, item in value.items())
    )


def _check_limits(unit: Unit) -> list[Problem]:
    problems = []
    if len(unit.rules) > MAX_RULES_PER_UNIT:
        problems.append(Problem("engine.too-many-rules", f"{unit.name}: meer dan {MAX_RULES_PER_UNIT} regels"))
    for name, rule in unit.rules.items():
        for fact in rule["all"]:
            count = sum(join_expressions(condition) for condition in fact.values())
            if count > MAX_JOIN_EXPRESSIONS:
                message = f"{unit.name}.{name}: {count} verwijzingen naar andere feiten (max. {MAX_JOIN_EXPRESSIONS})"
                problems.append(Problem("engine.too-many-expressions", message))
    return problems


def compile_units(spec: MonitoringFile, vocabulary: Vocabulary = CORE) -> tuple[tuple[Unit, ...], list[Problem]]:
    """One unit per obligation, plus one per order check of the vocabulary; and any limit exceeded."""
    units: list[Unit] = []
    for index, obligation in enumerate(spec.obligations):
        if obligation.every is not None:
            continue
        types = {obligation.trigger.event} | ({obligation.awaited.event} if obligation.awaited else set())
        rules = obligation_rules(obligation)
        units.append(Unit(f"o{index}", obligation.key, rules, frozenset(types), obligation=obligation))
    for later, kind in sorted(vocabulary.types.items()):
        if kind.not_before and kind.key:
            rules = order_rules(later, kind.not_before)
            units.append(
                Unit(f"s{later}", kind.key, rules, frozenset({later, kind.not_before}), order=(later, kind.not_before))
            )
    problems = [p for unit in units for p in _check_limits(unit)]
    return tuple(units), problems
