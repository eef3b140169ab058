"""The measurable terms of a condition: which fact, which comparison, which value, and which way is stricter.

A condition is walked as data (never evaluated). Every comparison with a fixed value becomes a
`Parameter`; its `key` (the fact and the kind of comparison) says which parameters of two
requirements speak about the same thing, and `tighter` says how to order their values:

| keyword | stricter when the value is |
|---|---|
| `minimum`, `greater_than`, `count.min`, `older_than`, `after`, `on_or_after` (shift) | higher |
| `maximum`, `less_than`, `count.max`, `not_older_than`, `at_most_before`, `decimals`, `before`, `on_or_before` | lower|
| `one_of`, `in_table` | a subset of the other's values |
| `equals`, `contains`, `matches`, `starts_with`, `present`, `absent`, `not_expired`, `declared` | — (equal or not) |

Inside `every` and `count` a fact is named with its list: `professionals.vog_issued_on`. The
`where` of `every` narrows who is checked: its terms are parameters with `scope` (narrower is
looser); the `where` of `count` says what counts (narrower is stricter). Terms under `not` are
read but not compared.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from kwaliteitsregels._durations import Duration

Tighter = Literal["higher", "lower", "subset"]
HIGHER: frozenset[str] = frozenset({"minimum", "greater_than", "count.min", "older_than", "after", "on_or_after"})
LOWER: frozenset[str] = frozenset(
    {"maximum", "less_than", "count.max", "not_older_than", "at_most_before", "decimals", "before", "on_or_before"}
)
SUBSET: frozenset[str] = frozenset({"one_of", "in_table"})
_LOGIC = ("all", "any")
_DAYS_PER_YEAR = Decimal("365.25")
_DAYS_PER_MONTH = Decimal("30.4375")


@dataclass(frozen=True, slots=True)
class Parameter:
    """One measurable term: `fact` compared by `keyword` with `value` (as written)."""

    fact: str
    keyword: str
    value: str
    magnitude: Decimal | None = None  # a number or a duration in days, for ordering
    members: frozenset[str] | None = None  # the allowed values of one_of / in_table
    reference: str | None = None  # the other date or field it is compared with
    scope: bool = False  # from the `where` of `every`: narrows who is checked (narrower is looser)

    @property
    def key(self) -> tuple[str, str]:
        """What the parameter is about: the fact and the comparison (and its reference)."""
        return (self.fact, self.keyword if self.reference is None else f"{self.keyword}:{self.reference}")

    @property
    def tighter(self) -> Tighter | None:
        """Which way the parameter gets stricter; None when values can only be equal or different."""
        if self.keyword in HIGHER:
            return "higher"
        if self.keyword in LOWER:
            return "lower"
        return "subset" if self.keyword in SUBSET else None

    def compare(self, other: Parameter) -> int | None:
        """1: this one is stricter; -1: looser; 0: the same; None: different and not comparable."""
        found = self._compare(other)
        return -found if self.scope and found else found

    def _compare(self, other: Parameter) -> int | None:
        if self.value == other.value:
            return 0
        if self.tighter == "subset" and self.members is not None and other.members is not None:
            return _subset(self.members, other.members)
        if self.magnitude is None or other.magnitude is None or self.tighter is None:
            return None
        if self.magnitude == other.magnitude:
            return 0
        higher = self.magnitude > other.magnitude
        return 1 if higher == (self.tighter == "higher") else -1

    def describe(self) -> str:
        """`fact keyword value`, as a short line."""
        reference = f" ({self.reference})" if self.reference else ""
        scope = "where " if self.scope else ""
        return f"{scope}{self.fact} {self.keyword}{reference} {self.value}".strip()


def _subset(mine: frozenset[str], theirs: frozenset[str]) -> int | None:
    if mine == theirs:
        return 0
    if mine < theirs:
        return 1
    return -1 if theirs < mine else None


def magnitude(value: Any) -> Decimal | None:
    """A number, or an ISO duration in (average) days; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    return _text_magnitude(value) if isinstance(value, str) else None


def _text_magnitude(value: str) -> Decimal | None:
    try:
        found = Duration.parse(value)
    except ValueError:
        try:
            return Decimal(value)
        except InvalidOperation:
            return None
    return found.years * _DAYS_PER_YEAR + found.months * _DAYS_PER_MONTH + found.days


def canonical(value: Any) -> str:
    """Stable text for any condition data (keys sorted): equal text, equal condition."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return canonical(value)
    return str(value)


_SIGNS = {"add": " + ", "subtract": " - ", "multiply": " × ", "divide": " / "}


def quantity_name(quantity: Any, prefix: str = "") -> str:
    """A short name for a quantity: `professionals.caseload`, `share(professionals)`, `a / b × 100`."""
    if not isinstance(quantity, dict) or len(quantity) != 1:
        return _show(quantity)
    ((op, args),) = quantity.items()
    if op in {"field", "value"}:
        return prefix + str(args) if op == "field" else _show(args)
    if op in _SIGNS and isinstance(args, list):
        return _SIGNS[op].join(quantity_name(part, prefix) for part in args)
    if not isinstance(args, dict):
        return str(op)
    if op == "days_between":
        return f"{op}({prefix}{args.get('from')}, {prefix}{args.get('to')})"
    field = f".{args['field']}" if "field" in args else ""
    return f"{op}({prefix}{args.get('items', '')}{field})"


@dataclass(slots=True)
class Walk:
    """What a condition reads and compares: facts, declarations and parameters."""

    facts: set[str]
    declarations: set[str]
    parameters: list[Parameter]
    tables: dict[str, list[Any]]

    def visit(self, condition: Any, prefix: str = "", *, measured: bool = True, scope: bool = False) -> None:
        """Walk `condition`; `prefix` names the list it stands in; `measured`: record parameters (`scope`: as such)."""
        if not isinstance(condition, dict) or len(condition) != 1:
            return
        ((keyword, args),) = condition.items()
        if keyword in _LOGIC and isinstance(args, list):
            for part in args:
                self.visit(part, prefix, measured=measured, scope=scope)
        elif keyword == "not":
            self.visit(args, prefix, measured=False)
        elif keyword == "at_least" and isinstance(args, dict):
            for part in args.get("of", []):
                self.visit(part, prefix, measured=measured, scope=scope)
        elif keyword in {"every", "count"} and isinstance(args, dict):
            self._list(keyword, args, prefix, measured=measured)
        else:
            for found in self._leaf(keyword, args, prefix):
                if measured:
                    self.parameters.append(dataclasses.replace(found, scope=True) if scope else found)

    def _list(self, keyword: str, args: dict[str, Any], prefix: str, *, measured: bool) -> None:
        items = _strip(prefix + str(args.get("items", "")))
        self.facts.add(items)
        # every: the where narrows who is checked (scope); count: it says what counts (a qualification)
        self.visit(args.get("where"), items + ".", measured=measured, scope=keyword == "every")
        if keyword == "every":
            self.visit(args.get("check"), items + ".", measured=measured)
            return
        for bound in ("min", "max"):
            if args.get(bound) is not None and measured:
                value = args[bound]
                self.parameters.append(Parameter(items, f"count.{bound}", _show(value), Decimal(value)))

    def _leaf(self, keyword: str, args: Any, prefix: str) -> Iterator[Parameter]:
        if keyword == "declared":
            self.declarations.add(str(args))
            yield Parameter(f"declared:{args}", "declared", "true")
            return
        if isinstance(args, str):  # present, absent, not_expired
            fact = _strip(prefix + args)
            self.facts.add(fact)
            yield Parameter(fact, keyword, "")
            return
        if not isinstance(args, dict):
            return
        fact = self._subject(args, prefix)
        yield from _terms(keyword, args, fact, prefix, self.tables)

    def _subject(self, args: dict[str, Any], prefix: str) -> str:
        if "quantity" in args:
            self._quantity_facts(args["quantity"], prefix)
            return quantity_name(args["quantity"], prefix)
        fact = _strip(prefix + str(args.get("field", "")))
        self.facts.add(fact)
        for other in ("reference", "value_of"):
            if isinstance(args.get(other), str):
                self.facts.add(_strip(prefix + args[other]))
        return fact

    def _quantity_facts(self, quantity: Any, prefix: str) -> None:
        if isinstance(quantity, dict):
            for op, args in quantity.items():
                if op == "field" and isinstance(args, str):
                    self.facts.add(_strip(prefix + args))
                elif isinstance(args, list):
                    for part in args:
                        self._quantity_facts(part, prefix)
                elif isinstance(args, dict) and "items" in args:
                    items = _strip(prefix + str(args["items"]))
                    self.facts.add(items)
                    for name in ("field", "from", "to"):
                        if isinstance(args.get(name), str):
                            self.facts.add(f"{items}.{args[name]}")
                    self.visit(args.get("where"), items + ".", measured=False)


def _strip(path: str) -> str:
    """A per-lot requirement reads the rest of the profile under `profile.`; name it as a provider-wide one."""
    return path.removeprefix("profile.")


def _terms(
    keyword: str, args: dict[str, Any], fact: str, prefix: str, tables: dict[str, list[Any]]
) -> Iterator[Parameter]:
    if keyword == "one_of":
        values = frozenset(_show(v) for v in args.get("values", []))
        yield Parameter(fact, keyword, _show(sorted(values)), members=values)
    elif keyword == "in_table":
        column = args.get("column")
        rows = tables.get(str(args.get("table")), [])
        values = frozenset(_show(row.get(column) if isinstance(row, dict) and column else row) for row in rows)
        yield Parameter(fact, keyword, f"{args.get('table')}: {_show(sorted(values))}", members=values)
    elif keyword in {"not_older_than", "older_than"}:
        yield Parameter(fact, keyword, str(args.get("duration")), magnitude(args.get("duration")))
    elif keyword == "at_most_before":
        duration = args.get("duration")
        reference = _strip(prefix + str(args.get("reference")))
        yield Parameter(fact, keyword, str(duration), magnitude(duration), reference=reference)
    elif keyword in {"before", "on_or_before", "after", "on_or_after"}:
        yield _dated(keyword, args, fact, prefix)
    elif keyword == "decimals":
        yield Parameter(fact, keyword, _show(args.get("max")), magnitude(args.get("max")))
    elif keyword in {"matches", "starts_with"}:
        yield Parameter(fact, keyword, _show(args.get("pattern", args.get("prefixes"))))
    else:
        yield _compared(keyword, args, fact, prefix)


def _dated(keyword: str, args: dict[str, Any], fact: str, prefix: str) -> Parameter:
    given = args.get("date")
    date: dict[str, Any] = given if isinstance(given, dict) else {}
    origin = str(date.get("from", "peildatum"))
    reference = origin if origin == "peildatum" else _strip(prefix + origin)
    if date.get("working_days") is not None:
        days = Decimal(date["working_days"])
        return Parameter(fact, keyword, f"+{days} werkdagen", days, reference=reference)
    shift = date.get("plus") or date.get("minus")
    if shift is None:
        return Parameter(fact, keyword, "", Decimal(0), reference=reference)
    size = magnitude(shift) or Decimal(0)
    signed = size if date.get("plus") else -size
    return Parameter(fact, keyword, ("+" if date.get("plus") else "-") + str(shift), signed, reference=reference)


def _compared(keyword: str, args: dict[str, Any], fact: str, prefix: str) -> Parameter:
    if args.get("value") is not None:
        value = args["value"]
        return Parameter(fact, keyword, _show(value), magnitude(value) if keyword != "equals" else None)
    if args.get("value_of") is not None:
        return Parameter(fact, keyword, "", reference=_strip(prefix + str(args["value_of"])))
    lookup = args.get("value_from") or {}
    return Parameter(fact, keyword, "", reference=f"{lookup.get('table')}.{lookup.get('column')}")


def walk(condition: Any, tables: dict[str, list[Any]] | None = None) -> Walk:
    """The facts, declarations and parameters of `condition` (tables: to read `in_table` values)."""
    found = Walk(set(), set(), [], tables or {})
    found.visit(condition)
    return found
