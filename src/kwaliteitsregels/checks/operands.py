"""What a comparison compares with: a constant `value`, another field (`value_of`), or a table cell (`value_from`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kwaliteitsregels.checks.base import Builder
from kwaliteitsregels.checks.base import Field as ProfileField
from kwaliteitsregels.checks.quantities import QuantityExpr

KEY_KINDS = frozenset({"text", "number", "bool", "date"})


class _NoConstraint:
    """An empty table cell: the row sets no value to compare with, so the comparison holds."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "(geen)"

    __str__ = __repr__


NO_CONSTRAINT = _NoConstraint()


@dataclass(frozen=True, slots=True)
class NoRow:
    """No table row matches the item: the value to compare with is unknown (not demonstrated)."""

    table: str
    key: tuple[tuple[str, Any], ...]

    def __str__(self) -> str:
        """`code=04D99, lot=3`."""
        return ", ".join(f"{column}={value}" for column, value in self.key)


class TableLookup(BaseModel):
    """The cell in `column` of the row of `table` whose `match` columns equal the given fields."""

    model_config = ConfigDict(extra="forbid")
    table: str
    match: dict[str, str] = Field(min_length=1, description="table column → field path in the current scope")
    column: str


class Compared(BaseModel):
    """`field` (or a `quantity`) and exactly one of `value`, `value_of` or `value_from`."""

    model_config = ConfigDict(extra="forbid")
    field: str | None = None
    quantity: QuantityExpr | None = None
    value: Any = None
    value_of: str | None = None
    value_from: TableLookup | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Compared:
        if (self.field is None) == (self.quantity is None):
            msg = "geef precies één van field of quantity"
            raise ValueError(msg)
        given = [self.value is not None, self.value_of is not None, self.value_from is not None]
        if sum(given) != 1:
            msg = "geef precies één van value, value_of of value_from"
            raise ValueError(msg)
        if self.quantity is not None and self.value_from is not None:
            msg = "een quantity vergelijk je met value of value_of, niet met value_from"
            raise ValueError(msg)
        return self


class Constant:
    """A constant operand: what the comparison is built against once, not read per object."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __call__(self, _obj: Any) -> Any:
        """The constant, whatever the object."""
        return self.value


def operand(args: Compared, field: ProfileField, builder: Builder) -> Callable[[Any], Any]:
    """A function from the current object to the value `field` is compared with.

    None when unknown (no matching table row); NO_CONSTRAINT when the matching row's cell is empty.
    """
    if args.value_of is not None:
        other = builder.field(args.value_of, frozenset({field.kind}), "value_of")
        if field.unit is not None and other.unit is not None and field.unit != other.unit:
            message = f"eenheden passen niet: {field.path} ({field.unit}) en {other.path} ({other.unit})"
            builder.fail("unit-mismatch", message, "value_of")
        return other.get
    if args.value_from is not None:
        return _lookup(args.value_from, field, builder)
    return Constant(builder.value(field, args.value, "value"))


def _lookup(lookup: TableLookup, field: ProfileField, builder: Builder) -> Callable[[Any], Any]:
    rows = builder.table(lookup.table, "value_from", "table")
    keys = [
        (column, builder.field(path, KEY_KINDS, "value_from", "match", column)) for column, path in lookup.match.items()
    ]
    index: dict[tuple[Any, ...], Any] = {}
    for number, row in enumerate(rows):
        if not isinstance(row, dict) or any(column not in row for column, _ in keys) or lookup.column not in row:
            builder.fail("table-row", f"rij {number} van tabel '{lookup.table}' mist een kolom", "value_from")
            continue
        key = tuple(builder.value(key_field, row[column], "value_from", "match", column) for column, key_field in keys)
        if key in index:
            builder.fail(
                "table-key", f"tabel '{lookup.table}' heeft meer rijen met sleutel {key}", "value_from", "match"
            )
        cell = row[lookup.column]
        index[key] = NO_CONSTRAINT if cell is None else builder.value(field, cell, "value_from", "column")
    getters = [key_field.get for _, key_field in keys]
    columns = [column for column, _ in keys]
    table = lookup.table

    def look(obj: Any) -> Any:
        key = tuple(get(obj) for get in getters)
        found = index.get(key)
        return found if found is not None else NoRow(table, tuple(zip(columns, key, strict=True)))

    return look
