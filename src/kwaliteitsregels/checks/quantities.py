"""Quantities: a closed set of expressions that count, add up and divide facts (never `eval`).

A quantity is a mapping with one key from QUANTITIES, and optionally a `label`: the ruleset's own
words for it in a reason. It compiles to a function from the object under test to a Decimal, to
`Bounds` when unknown items leave a count or share between two values, or to None when a fact it
needs is missing (not demonstrated). Units are checked when the ruleset compiles: quantities in
different units are never added or compared.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from kwaliteitsregels import workdays
from kwaliteitsregels._durations import Duration
from kwaliteitsregels._validation import closest
from kwaliteitsregels.checks.base import Builder
from kwaliteitsregels.facts import units
from kwaliteitsregels.models.common import LocalizedText, Text
from kwaliteitsregels.quantity_phrases import LABEL, PHRASES, Phrase, registered
from kwaliteitsregels.trace import Context

HUNDRED = Decimal(100)
NUMERIC = frozenset({"number", "duration"})


@dataclass(frozen=True, slots=True)
class Bounds:
    """A value known only to lie between `low` and `high` (some items could not be judged)."""

    low: Decimal
    high: Decimal

    def __str__(self) -> str:
        """`60–80`: the range the value lies in."""
        return f"{self.low}–{self.high}"


Value = Decimal | Bounds | None
QUANTITY_MARK = "x-kwaliteitsregels-quantity"  # replaced by a reference to the quantity grammar (schemas.py)
QuantityExpr = Annotated[dict[str, Any], WithJsonSchema({QUANTITY_MARK: True})]  # one form of QUANTITIES
Getter = Callable[[Any, Context], Value]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A compiled quantity: how to compute it, its unit, and how a reason names it."""

    get: Getter
    unit: str | None
    label: str
    duration: bool = False  # counted in days from a duration fact: constants may be written as P4W


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemsArgs(_Args):
    """`items` (a list path) and an optional `where` filter."""

    items: str
    where: dict[str, Any] | None = None


class FieldOfItemsArgs(ItemsArgs):
    """`items`, the numeric `field` of each item, and an optional `where` filter."""

    field: str


class DaysArgs(_Args):
    """Two date fields of the current object and whether calendar or working days count."""

    from_: str = Field(alias="from")
    to: str
    count: Literal["calendar", "working"] = "calendar"


@dataclass(frozen=True, slots=True)
class QuantityForm:
    """One quantity expression: its argument type and its compiler."""

    name: str
    args: Any
    build: Callable[[Any, Builder, tuple[str | int, ...]], Quantity]
    summary: str


UNIT = "unit"  # and the unit its plain number is in: a percentage worked out as (a / b) × 100
_BESIDE = (LABEL, UNIT)


def compile_quantity(raw: Any, builder: Builder, *at: str | int) -> Quantity:
    """Compile the quantity expression `raw` found at `at`; a problem is reported and a missing value returned."""
    forms = {key: value for key, value in raw.items() if key not in _BESIDE} if isinstance(raw, dict) else {}
    unknown = [key for key in forms if key not in QUANTITIES]
    for name in unknown:  # a typo is named as one, also beside a form ('labl')
        suggestion = closest(str(name), [*QUANTITIES, *_BESIDE])
        builder.fail("unknown-quantity", f"onbekende grootheid '{name}'", *at, name, suggestion=suggestion)
    if unknown:
        return _UNKNOWN
    if len(forms) != 1:
        message = "een grootheid is een mapping met precies één vorm (en eventueel 'label' en 'unit')"
        builder.fail("quantity-shape", message, *at)
        return _UNKNOWN
    ((name, args),) = forms.items()
    form = QUANTITIES[name]
    parsed = builder.arguments(form.args, args, *at, name)
    quantity = _UNKNOWN if parsed is None else form.build(parsed, builder, (*at, name))
    if UNIT in raw and quantity is not _UNKNOWN:
        quantity = _in_unit(quantity, raw[UNIT], builder, (*at, UNIT))
    if LABEL not in raw or quantity is _UNKNOWN:
        return quantity
    text = builder.arguments(LocalizedText, raw[LABEL], *at, LABEL)
    return quantity if text is None else _labelled(quantity, text)


def _in_unit(quantity: Quantity, unit: Any, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
    """`quantity` in the declared `unit`: a plain number gets it, a quantity in that unit keeps it, others fail.

    Its path says the unit ("(a / b) × 100 (percent)"): the same formula without a unit elsewhere is
    another quantity, and a reason shows its values in the unit ("66,67%").
    """
    known = builder.units()
    if not isinstance(unit, str) or unit not in known:
        suggestion = closest(unit, sorted(known)) if isinstance(unit, str) else None
        builder.fail("unknown-unit", f"onbekende eenheid {unit!r}", *at, suggestion=suggestion)
        return _UNKNOWN
    if quantity.unit not in {None, unit}:
        message = f"eenheden passen niet: {quantity.label} is in {quantity.unit}, niet in {unit}"
        builder.fail("unit-mismatch", message, *at)
        return _UNKNOWN
    inner = PHRASES.get(quantity.label)
    phrase = replace(inner, unit=unit) if inner is not None else Phrase(LABEL, operands=(quantity.label,), unit=unit)
    return Quantity(quantity.get, unit, registered(f"{quantity.label} ({unit})", phrase), quantity.duration)


def _labelled(quantity: Quantity, text: Text) -> Quantity:
    """`quantity` said in the ruleset's words: its path is the Dutch label and what it computes.

    "gegronde klachten per 100 cliënten = (complaints.upheld / annual_figures.clients) × 100": the JSON
    keeps the formula, a reason says the label (in the reader's language), the values in the quantity's unit.
    """
    inner = PHRASES.get(quantity.label)
    unit = inner.unit if inner is not None else quantity.unit
    phrase = Phrase(LABEL, operands=(quantity.label,), unit=unit, text=text)
    path = registered(f"{text.nl} = {quantity.label}", phrase)
    return Quantity(quantity.get, quantity.unit, path, quantity.duration)


def _none(_obj: Any, _ctx: Context) -> Value:
    return None


_UNKNOWN = Quantity(_none, None, "?")


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Duration):
        return Decimal(value.days)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _field(path: Any, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
    if not isinstance(path, str):
        builder.fail("quantity-field", "field verwacht een pad naar een gegeven", *at)
        return _UNKNOWN
    field = builder.field(path, NUMERIC, *at)
    get = field.get
    duration = field.kind == "duration"
    return Quantity(lambda obj, _ctx: _number(get(obj)), "day" if duration else field.unit, path, duration)


def quantity_of_field(raw: dict[str, Any], builder: Builder) -> Quantity:
    """A duration (or number) field compared as a quantity."""
    return _field(raw["field"], builder, ("field",))


def _constant(value: Any, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
    number = constant(value, builder, at, duration=False)
    return Quantity(lambda _obj, _ctx: number, None, str(number))


def constant(value: Any, builder: Builder, at: tuple[str | int, ...], *, duration: bool) -> Decimal | None:
    """A number written in a ruleset (or, against a duration, an ISO duration such as P4W) as a Decimal."""
    if duration and isinstance(value, str) and value.startswith("P"):
        try:
            parsed = Duration.parse(value)
        except ValueError as exc:
            builder.fail("value-type", str(exc), *at)
            return None
        if parsed.years or parsed.months:
            builder.fail("value-type", f"'{value}': vergelijk een duur in weken of dagen (P4W, P10D)", *at)
        return Decimal(parsed.days)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        builder.fail("value-type", f"waarde {value!r} is geen getal", *at)
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        builder.fail("value-type", f"waarde {value!r} is geen getal", *at)
        return None


_SELECTED = " (selectie)"  # the label of a count or aggregate over the items a `where` lets through: another quantity


def _counted(args: ItemsArgs, builder: Builder, at: tuple[str | int, ...]) -> tuple[Any, Any]:
    field, scoped = builder.items(args.items, *at, "items")
    where = scoped.condition(args.where, *at, "where") if args.where is not None else None
    return field.get, where


def _tally(values: Any, where: Any, ctx: Context) -> tuple[int, int, int]:
    """(matching, unknown, total) over the items."""
    if where is None:
        return len(values), 0, len(values)
    low = unknown = 0
    for item in values:
        outcome = where(item, ctx).outcome
        low += outcome is True
        unknown += outcome is None
    return low, unknown, len(values)


def _count(args: ItemsArgs, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
    get, where = _counted(args, builder, at)

    def count(obj: Any, ctx: Context) -> Value:
        low, unknown, _ = _tally(get(obj) or (), where, ctx)
        return Decimal(low) if not unknown else Bounds(Decimal(low), Decimal(low + unknown))

    selected = args.where is not None  # another quantity than the count of all items: a label of its own
    phrase = Phrase("count", {"items": args.items}, filtered=selected)
    return Quantity(count, "count", registered(f"aantal {args.items}{_SELECTED if selected else ''}", phrase))


def _share(args: ItemsArgs, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
    get, where = _counted(args, builder, at)

    def share(obj: Any, ctx: Context) -> Value:
        low, unknown, total = _tally(get(obj) or (), where, ctx)
        if not total:
            return None
        if not unknown:
            return Decimal(low) * HUNDRED / total
        return Bounds(Decimal(low) * HUNDRED / total, Decimal(low + unknown) * HUNDRED / total)

    phrase = Phrase("share", {"items": args.items}, unit="percent")
    return Quantity(share, "percent", registered(f"aandeel {args.items} (%)", phrase))


_AGGREGATES = {"sum": "som", "average": "gemiddelde", "min": "minimum", "max": "maximum"}  # the label's word


def _aggregate(form: str, combine: Callable[[list[Decimal]], Decimal], empty: Decimal | None) -> Any:
    def build(args: FieldOfItemsArgs, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
        field, scoped = builder.items(args.items, *at, "items")
        inner = scoped.field(args.field, NUMERIC, *at, "field")
        where = scoped.condition(args.where, *at, "where") if args.where is not None else None
        get, read = field.get, inner.get

        def aggregate(obj: Any, ctx: Context) -> Value:
            numbers = []
            for item in get(obj) or ():
                scope = where(item, ctx).outcome if where is not None else True
                number = _number(read(item)) if scope is not False else None
                if scope is None or (scope and number is None):
                    return None
                if scope:
                    numbers.append(number)
            return combine(numbers) if numbers else empty  # type: ignore[arg-type]

        unit = "day" if inner.kind == "duration" else inner.unit
        paths = {"items": args.items, "field": f"{args.items}[0].{args.field}"}
        phrase = Phrase(form, paths, unit=unit, filtered=args.where is not None)
        label = f"{_AGGREGATES[form]} {args.items}.{args.field}{_SELECTED if args.where is not None else ''}"
        return Quantity(aggregate, unit, registered(label, phrase))

    return build


def _sum(numbers: list[Decimal]) -> Decimal:
    return sum(numbers, Decimal(0))


def _average(numbers: list[Decimal]) -> Decimal:
    return sum(numbers, Decimal(0)) / len(numbers)


def _operands(raw: Any, builder: Builder, at: tuple[str | int, ...], count: int | None) -> list[Quantity]:
    if not isinstance(raw, list) or len(raw) < 2 or (count is not None and len(raw) != count):
        wanted = f"precies {count}" if count else "minstens twee"
        builder.fail("quantity-operands", f"geef een lijst van {wanted} grootheden", *at)
        return []
    return [compile_quantity(item, builder, *at, i) for i, item in enumerate(raw)]


def _exact(value: Value) -> Decimal | None:
    if isinstance(value, Bounds):
        return value.low if value.low == value.high else None
    return value


def _arithmetic(
    symbol: str, apply: Callable[[Decimal, Decimal], Decimal], unit_rule: UnitRule, count: int | None
) -> Any:
    def build(raw: Any, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
        parts = _operands(raw, builder, at, count)
        if not parts:
            return _UNKNOWN
        unit = parts[0].unit
        for part in parts[1:]:
            unit = _unit(unit_rule, unit, part, builder, at)
        getters = [part.get for part in parts]

        def compute(obj: Any, ctx: Context) -> Value:
            values = [_exact(get(obj, ctx)) for get in getters]
            if any(v is None for v in values):
                return None
            result = values[0]
            try:
                for value in values[1:]:
                    result = apply(result, value)  # type: ignore[arg-type]
            except (DivisionByZero, InvalidOperation):
                return None  # dividing by zero: the ratio cannot be demonstrated
            return result

        label = f" {symbol} ".join(_bracketed(part.label) for part in parts)
        phrase = Phrase(symbol, operands=tuple(p.label for p in parts), unit=unit)
        return Quantity(compute, unit, registered(label, phrase))

    return build


UnitRule = Callable[[str | None, str | None], tuple[bool, str | None]]


def _unit(rule: UnitRule, unit: str | None, part: Quantity, builder: Builder, at: tuple[str | int, ...]) -> str | None:
    fits, result = rule(unit, part.unit)
    if not fits:
        builder.fail("unit-mismatch", f"eenheden passen niet: {unit} en {part.unit} ({part.label})", *at)
    return result


def _bracketed(label: str) -> str:
    return f"({label})" if " " in label else label


def _days(args: DaysArgs, builder: Builder, at: tuple[str | int, ...]) -> Quantity:
    start = builder.field(args.from_, frozenset({"date"}), *at, "from").get
    end = builder.field(args.to, frozenset({"date"}), *at, "to").get
    working = args.count == "working"

    def days(obj: Any, _ctx: Context) -> Value:
        first, last = start(obj), end(obj)
        if not isinstance(first, date) or not isinstance(last, date):
            return None
        if working:
            return Decimal(workdays.working_days_between(first, last))
        return Decimal((last - first).days)

    kind = "werkdagen" if working else "dagen"
    form = "working_days" if working else "days"
    phrase = Phrase(form, {"start": args.from_, "end": args.to}, unit="working_day" if working else "day")
    return Quantity(days, "day", registered(f"{kind} van {args.from_} tot {args.to}", phrase))


def _division(left: Decimal, right: Decimal) -> Decimal:
    if right == 0:
        raise DivisionByZero
    return left / right


QUANTITIES: dict[str, QuantityForm] = {
    form.name: form
    for form in (
        QuantityForm("field", str, _field, "een getal, bedrag of duur uit het profiel"),
        QuantityForm("value", Any, _constant, "een vast getal (zoals de 100 van 'per 100 cliënten')"),
        QuantityForm("count", ItemsArgs, _count, "het aantal items (dat aan 'where' voldoet)"),
        QuantityForm(
            "share", ItemsArgs, _share, "het percentage items dat aan 'where' voldoet; geen items: niet aangetoond"
        ),
        QuantityForm("sum", FieldOfItemsArgs, _aggregate("sum", _sum, Decimal(0)), "de som van een veld over de items"),
        QuantityForm(
            "average",
            FieldOfItemsArgs,
            _aggregate("average", _average, None),
            "het gemiddelde van een veld",
        ),
        QuantityForm("min", FieldOfItemsArgs, _aggregate("min", min, None), "de kleinste waarde van een veld"),
        QuantityForm("max", FieldOfItemsArgs, _aggregate("max", max, None), "de grootste waarde van een veld"),
        QuantityForm(
            "add", list[Any], _arithmetic("+", operator.add, units.combined, None), "optellen (zelfde eenheid)"
        ),
        QuantityForm(
            "subtract", list[Any], _arithmetic("−", operator.sub, units.combined, 2), "aftrekken (zelfde eenheid)"
        ),
        QuantityForm(
            "multiply", list[Any], _arithmetic("×", operator.mul, units.multiplied, 2), "vermenigvuldigen met een getal"
        ),
        QuantityForm(
            "divide", list[Any], _arithmetic("/", _division, units.quotient, 2), "delen; door nul: niet aangetoond"
        ),
        QuantityForm("days_between", DaysArgs, _days, "dagen (of werkdagen) tussen twee datums van hetzelfde item"),
    )
}


def decide(actual: Value, expected: Decimal | None, compare: Callable[[Any, Any], bool]) -> bool | None:
    """Three-valued comparison: unknown when either side is missing, or when `Bounds` straddle the answer."""
    if actual is None or expected is None:
        return None
    if not isinstance(actual, Bounds):
        return compare(actual, expected)
    if compare is operator.eq:
        return None if actual.low <= expected <= actual.high else False
    low, high = compare(actual.low, expected), compare(actual.high, expected)
    return low if low == high else None


def other_side(
    quantity: Quantity, value: Any, value_of: str | None, builder: Builder
) -> Callable[[Any], Decimal | None]:
    """What a quantity is compared with: a constant (`value`) or another numeric fact (`value_of`), units checked."""
    if value_of is None:
        number = constant(value, builder, ("value",), duration=quantity.duration)
        return lambda _obj: number
    other = _field(value_of, builder, ("value_of",))
    fits, _ = units.combined(quantity.unit, other.unit)
    if not fits:
        message = f"eenheden passen niet: {quantity.label} ({quantity.unit}) en {value_of} ({other.unit})"
        builder.fail("unit-mismatch", message, "value_of")
    get = other.get
    return lambda obj: _exact(get(obj, _NO_CONTEXT))


_NO_CONTEXT = Context(date.min, {}, tracing=False)  # a plain field reads no context
