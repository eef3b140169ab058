"""Checks on profile facts: presence, equality, membership, comparison, tables, declarations."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kwaliteitsregels.checks.base import Builder, Keyword
from kwaliteitsregels.checks.operands import NO_CONSTRAINT, Compared, Constant, NoRow, operand
from kwaliteitsregels.checks.quantities import compile_quantity, decide, other_side, quantity_of_field
from kwaliteitsregels.trace import QUICK, Check, Context, Node, leaves, mark_leaf

SCALAR = frozenset({"text", "number", "bool", "date"})
ORDERED = frozenset({"number", "date"})
ANY_KIND = frozenset({"text", "number", "bool", "date", "duration", "list", "object"})


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldValue(_Args):
    """`field` and one `value`."""

    field: str
    value: Any


class FieldValues(_Args):
    """`field` and a list of `values`."""

    field: str
    values: list[Any] = Field(min_length=1)


class TableArgs(_Args):
    """`field`, a `table` name and optionally the table's `column`."""

    field: str
    table: str
    column: str | None = None


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, list | str) and not value)


def build_present(path: str, builder: Builder) -> Check:
    """The fact is filled in (a missing fact is 'not demonstrated', never false)."""
    field = builder.field(path, ANY_KIND)

    get, path, known, unknown = field.get, field.path, QUICK[True], QUICK[None]

    def check(obj: Any, ctx: Context) -> Node:
        actual = get(obj)
        if ctx.tracing:
            return Node("present", None if _missing(actual) else True, path, actual)
        return unknown if actual is None or actual in ("", []) else known

    return check


def build_equals(args: Compared, builder: Builder) -> Check:
    """The fact (or quantity) equals the value (a constant, another field, or a table cell)."""
    if args.quantity is not None:
        return _quantity_check("equals", operator.eq, args, builder)
    field = builder.field(str(args.field), SCALAR | {"duration"}, "field")
    if field.kind == "duration":
        return _quantity_check("equals", operator.eq, args, builder)
    expected_of = operand(args, field, builder)
    if isinstance(expected_of, Constant):
        return _against_constant("equals", operator.eq, field.get, field.path, expected_of.value)

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        expected = expected_of(obj)
        outcome = _compared(actual, expected, operator.eq)
        return Node("equals", outcome, field.path, actual, expected) if ctx.tracing else QUICK[outcome]

    return check


def _against_constant(
    name: str, compare: Callable[[Any, Any], bool], get: Callable[[Any], Any], path: str, expected: Any
) -> Check:
    """A comparison with a constant: the hot path reads the fact and compares, nothing else."""
    met, not_met, unknown = QUICK[True], QUICK[False], QUICK[None]

    def check(obj: Any, ctx: Context) -> Node:
        actual = get(obj)
        if ctx.tracing:
            return Node(name, _compared(actual, expected, compare), path, actual, expected)
        if actual is None:
            return unknown
        return met if compare(actual, expected) else not_met

    mirrored = _MIRRORED.get(compare)
    return check if mirrored is None else mark_leaf(check, get, functools.partial(mirrored, expected))


# compare(actual, expected) as a function of `actual` alone: partial(mirrored, expected)(actual)
_MIRRORED: dict[Callable[[Any, Any], bool], Callable[[Any, Any], bool]] = {
    operator.eq: operator.eq,
    operator.ge: operator.le,
    operator.le: operator.ge,
    operator.gt: operator.lt,
    operator.lt: operator.gt,
}


def build_one_of(args: FieldValues, builder: Builder) -> Check:
    """The fact is one of the values."""
    field = builder.field(args.field, SCALAR, "field")
    expected = tuple(builder.value(field, v, "values", i) for i, v in enumerate(args.values))

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = None if actual is None else actual in expected
        return Node("one_of", outcome, field.path, actual, expected) if ctx.tracing else QUICK[outcome]

    return mark_leaf(check, field.get, expected.__contains__)


def build_contains(args: FieldValue, builder: Builder) -> Check:
    """The list fact contains the value (an empty list is 'not demonstrated')."""
    field = builder.field(args.field, frozenset({"list"}), "field")
    expected = builder.value(field, [args.value], "value")[0]

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = None if _missing(actual) else expected in actual
        return Node("contains", outcome, field.path, actual, expected) if ctx.tracing else QUICK[outcome]

    return check


def _compared(actual: Any, expected: Any, compare: Callable[[Any, Any], bool]) -> bool | None:
    if expected is NO_CONSTRAINT:
        return True
    if actual is None or expected is None or isinstance(expected, NoRow):
        return None
    return compare(actual, expected)


def _comparison(name: str, compare: Callable[[Any, Any], bool]) -> Callable[[Compared, Builder], Check]:
    def build(args: Compared, builder: Builder) -> Check:
        if args.quantity is not None:
            return _quantity_check(name, compare, args, builder)
        field = builder.field(str(args.field), ORDERED | {"duration"}, "field")
        if field.kind == "duration":
            return _quantity_check(name, compare, args, builder)
        expected_of = operand(args, field, builder)
        if isinstance(expected_of, Constant):
            return _against_constant(name, compare, field.get, field.path, expected_of.value)

        def check(obj: Any, ctx: Context) -> Node:
            actual = field.get(obj)
            expected = expected_of(obj)
            outcome = _compared(actual, expected, compare)
            return Node(name, outcome, field.path, actual, expected) if ctx.tracing else QUICK[outcome]

        return check

    build.__doc__ = f"Compare the fact with the value ({name})."
    return build


def _quantity_check(name: str, compare: Callable[[Any, Any], bool], args: Compared, builder: Builder) -> Check:
    """A comparison whose left side is a quantity (or a duration): units checked, three-valued with bounds."""
    raw = args.quantity if args.quantity is not None else {"field": args.field}
    at = "quantity" if args.quantity is not None else "field"
    measured = compile_quantity(raw, builder, at) if args.quantity is not None else quantity_of_field(raw, builder)
    expected_of = other_side(measured, args.value, args.value_of, builder)
    get, label = measured.get, measured.label

    def check(obj: Any, ctx: Context) -> Node:
        actual = get(obj, ctx)
        expected = expected_of(obj)
        outcome = decide(actual, expected, compare)
        return Node(name, outcome, label, actual, expected) if ctx.tracing else QUICK[outcome]

    return check


class DecimalsArgs(_Args):
    """`field` (a number) and the most decimals it may have."""

    field: str
    max: int = Field(ge=0)


def build_decimals(args: DecimalsArgs, builder: Builder) -> Check:
    """The number has at most `max` decimals as given (45.555 has three)."""
    field = builder.field(args.field, frozenset({"number"}), "field")
    most = args.max

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = None if actual is None else _decimals(actual) <= most
        return Node("decimals", outcome, field.path, actual, most) if ctx.tracing else QUICK[outcome]

    return check


def _decimals(number: Any) -> int:
    exponent = Decimal(str(number)).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def build_in_table(args: TableArgs, builder: Builder) -> Check:
    """The fact occurs in a lookup table of the ruleset (in one column, for tables of rows)."""
    field = builder.field(args.field, SCALAR, "field")
    rows = builder.table(args.table, "table")
    column = args.column
    if column is not None and not all(isinstance(r, dict) and column in r for r in rows):
        builder.fail("table-column", f"niet elke rij van tabel '{args.table}' heeft kolom '{column}'", "column")
    allowed = frozenset(r[column] if column is not None and isinstance(r, dict) else r for r in rows)
    if any(isinstance(r, dict) for r in allowed):
        builder.fail("table-column", f"tabel '{args.table}' bestaat uit rijen: kies een 'column'", "table")
    label = args.table if column is None else f"{args.table}.{column}"

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = None if actual is None else actual in allowed
        return Node("in_table", outcome, field.path, actual, label) if ctx.tracing else QUICK[outcome]

    return mark_leaf(check, field.get, allowed.__contains__)


@dataclass(frozen=True, slots=True)
class Refuted:
    """A declaration the recorded facts contradict: those facts, by path, with their values."""

    facts: tuple[tuple[str, Any], ...]


def build_declared(key: str, builder: Builder) -> Check:
    """The provider has declared this statement, and no recorded fact refutes it (`refuted_by`)."""
    name, refuted_by = builder.declaration(key)
    path = f"declarations.{name}"

    def check(obj: Any, ctx: Context) -> Node:  # noqa: ARG001 - declarations live on the context
        actual = ctx.declarations.get(name)
        if actual is True and refuted_by is not None:
            against = refuted_by(ctx.root, ctx)
            if against.outcome is True:
                refuted = Refuted(_read(against))
                return (
                    Node("declared", outcome=False, path=path, actual=actual, expected=refuted)
                    if ctx.tracing
                    else QUICK[False]
                )
        return Node("declared", actual, path, actual, expected=True) if ctx.tracing else QUICK[actual]

    return check


def _read(node: Node) -> tuple[tuple[str, Any], ...]:
    return tuple({path: leaf.actual for path, leaf in leaves(node)}.items())


def build_absent(path: str, builder: Builder) -> Check:
    """Nothing is recorded for the fact: 'absent means none', said explicitly (two-valued)."""
    field = builder.field(path, ANY_KIND)

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = _missing(actual)
        return Node("absent", outcome, field.path, actual) if ctx.tracing else QUICK[outcome]

    return check


KEYWORDS = (
    Keyword("present", str, build_present, "het gegeven is ingevuld", "ingevuld", "filled in"),
    Keyword("absent", str, build_absent, "er is niets vastgelegd voor het gegeven", "niet ingevuld", "not filled in"),
    Keyword("equals", Compared, build_equals, "het gegeven is gelijk aan de waarde", "{expected}", "{expected}"),
    Keyword(
        "one_of",
        FieldValues,
        build_one_of,
        "het gegeven is een van de waarden",
        "een van {expected}",
        "one of {expected}",
    ),
    Keyword(
        "contains", FieldValue, build_contains, "de lijst bevat de waarde", "bevat {expected}", "contains {expected}"
    ),
    Keyword(
        "minimum",
        Compared,
        _comparison("minimum", operator.ge),
        "minstens de waarde",
        "minstens {expected}",
        "at least {expected}",
    ),
    Keyword(
        "maximum",
        Compared,
        _comparison("maximum", operator.le),
        "hoogstens de waarde",
        "hoogstens {expected}",
        "at most {expected}",
    ),
    Keyword(
        "greater_than",
        Compared,
        _comparison("greater_than", operator.gt),
        "meer dan de waarde",
        "meer dan {expected}",
        "more than {expected}",
    ),
    Keyword(
        "less_than",
        Compared,
        _comparison("less_than", operator.lt),
        "minder dan de waarde",
        "minder dan {expected}",
        "less than {expected}",
    ),
    Keyword(
        "in_table",
        TableArgs,
        build_in_table,
        "het gegeven staat in een tabel van de regelset",
        "voorkomend in tabel '{expected}'",
        "listed in table '{expected}'",
    ),
    Keyword(
        "decimals",
        DecimalsArgs,
        build_decimals,
        "het getal heeft hoogstens max decimalen",
        "hoogstens {expected} decimalen",
        "at most {expected} decimals",
    ),
    Keyword("declared", str, build_declared, "de aanbieder heeft de verklaring afgegeven", "verklaard", "declared"),
)
