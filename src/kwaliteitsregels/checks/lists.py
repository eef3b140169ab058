"""Quantifiers over lists in the profile: every item, count of items."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kwaliteitsregels.checks import base
from kwaliteitsregels.checks.base import Builder, Keyword
from kwaliteitsregels.models.common import LocalizedText
from kwaliteitsregels.trace import ITEM, QUICK, Check, Context, Deferred, Items, Node, Outcome, leaf_of

LOT_HELP = (
    "in een eis met per: lot: alleen de items waarvan dit tekstveld het perceel noemt dat getoetst wordt "
    "/ in a per-lot requirement: only the items whose text field names the lot being checked"
)


class EveryArgs(BaseModel):
    """`items` (a list path), optional `where` filter, the `check` per item."""

    model_config = ConfigDict(extra="forbid")
    items: str
    where: dict[str, Any] | None = None
    check: dict[str, Any]
    allow_empty: bool = False
    lot: str | None = Field(default=None, description=LOT_HELP)


class CountArgs(BaseModel):
    """`items` (a list path), optional `where` filter, bounds `min` and/or `max`."""

    model_config = ConfigDict(extra="forbid")
    items: str
    where: dict[str, Any] | None = None
    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)
    label: LocalizedText | None = Field(
        default=None, description="what is counted, for reasons ('geregistreerde professionals')"
    )
    lot: str | None = Field(default=None, description=LOT_HELP)


class RefersToArgs(BaseModel):
    """`field` of the current item names an item of `items` (a collection of the profile) by its `key`."""

    model_config = ConfigDict(extra="forbid")
    field: str = Field(description="a text field of the current item: the key it names (e.g. party)")
    items: str = Field(description="a collection of the profile, read from its root (e.g. registration.parties)")
    key: str = Field(description="the field of those items that must equal it (e.g. name)")
    check: dict[str, Any] | None = Field(default=None, description="what the item referred to must satisfy")
    label: LocalizedText = Field(description="what the field must refer to, for reasons ('een derde met een …')")


def _bounded(low: int, high: int, low_bound: int | None, high_bound: int | None) -> Outcome:
    """Whether a count between `low` (certain) and `high` (possible) lies within the bounds."""
    if (low_bound is not None and high < low_bound) or (high_bound is not None and low > high_bound):
        return False
    if (low_bound is not None and low < low_bound) or (high_bound is not None and high > high_bound):
        return None
    return True


def _implies(where: Outcome, then: Outcome) -> Outcome:
    if where is False or then is True:
        return True
    if where is True:
        return then
    return None


def build_every(args: EveryArgs, builder: Builder) -> Check:
    """Every item (matching `where`; of the lot checked, with `lot`) satisfies `check`; no items: not demonstrated."""
    field, scoped = builder.items(args.items, "items")
    written = scoped.condition(args.where, "where") if args.where is not None else None
    inner = scoped.condition(args.check, "check")
    empty: Outcome = True if args.allow_empty else None
    lot_field = _lot_field(args.lot, builder, scoped)
    leaf = _leaf(written)

    def quick(values: Any, ctx: Context, where: Check | None, read: Any, test: Any) -> Node:
        unknown = False
        for item in values:
            if read is not None:
                value = read(item)
                scope = None if value is None else test(value)
            else:
                scope = where(item, ctx).outcome if where is not None else True
            if scope is False:
                continue
            outcome = _implies(scope, inner(item, ctx).outcome)
            if outcome is False:
                return QUICK[False]
            unknown = unknown or outcome is None
        return QUICK[None] if unknown else QUICK[True]

    def check(obj: Any, ctx: Context) -> Node:
        values = field.get(obj) or ()
        where, (read, test) = (
            (written, leaf) if lot_field is None else (_of_lot(written, lot_field, obj.lot), (None, None))
        )
        if not ctx.tracing:
            return quick(values, ctx, where, read, test) if values else QUICK[empty]
        first = _traced_items(values, where, inner, ctx, range(len(values)), until_failed=True)  # settles it
        known = [node.outcome for node in first]
        outcome = empty if not values else (False if False in known else (None if None in known else True))
        if len(first) == len(values):  # every item traced: a node like any other
            return Node("every", outcome, field.path, len(first), None, tuple(first))
        quickly = functools.partial(_outcomes, values, ctx, where, read, test, inner)
        trace = functools.partial(_traced_items, values, where, inner, ctx)
        return Items(outcome, field.path, first, known, quickly, trace, len(values))

    return check


def _outcomes(  # noqa: PLR0913, PLR0917 - the every's loop, its parts bound once at compile time
    values: Any, ctx: Context, where: Check | None, read: Any, test: Any, inner: Check, start: int
) -> list[Outcome]:
    """The outcomes of the items from `start` on, found quickly: an item out of scope (`where` does not hold) passes."""
    ctx, found = ctx.quick(), []
    for index in range(start, len(values)):
        item = values[index]
        if read is not None:
            value = read(item)
            scope = None if value is None else test(value)
        else:
            scope = where(item, ctx).outcome if where is not None else True
        found.append(True if scope is False else _implies(scope, inner(item, ctx).outcome))
    return found


def _traced_items(  # noqa: PLR0913 - the every's traced loop, its parts bound once at compile time
    values: Any,
    where: Check | None,
    inner: Check,
    ctx: Context,
    indexes: Sequence[int],
    *,
    until_failed: bool = False,
) -> list[Node]:
    """The items at `indexes`, traced: each its `check` and, with a `where`, its scope.

    With `until_failed`: up to and with the first item that is not met.
    """
    nodes = []
    for index in indexes:
        item = values[index]
        checked = inner(item, ctx)
        if where is None:
            node = Node(ITEM, checked.outcome, index_path(index), None, None, (checked,))
        else:
            scope = where(item, ctx)
            node = Node(ITEM, _implies(scope.outcome, checked.outcome), index_path(index), None, None, (scope, checked))
        nodes.append(node)
        if until_failed and node.outcome is False:
            break
    return nodes


def build_count(args: CountArgs, builder: Builder) -> Check:
    """The number of items matching `where` lies within `min` and `max`."""
    if args.min is None and args.max is None:
        builder.fail("count-bounds", "geef 'min' en/of 'max'", "min")
    field, scoped = builder.items(args.items, "items")
    written = scoped.condition(args.where, "where") if args.where is not None else None
    low_bound, high_bound, label = args.min, args.max, args.label
    lot_field = _lot_field(args.lot, builder, scoped)

    enough = low_bound if high_bound is None and low_bound else None  # a count that only needs a minimum
    leaf = _leaf(written)

    def check(obj: Any, ctx: Context) -> Node:
        where, (read, test) = (
            (written, leaf) if lot_field is None else (_of_lot(written, lot_field, obj.lot), (None, None))
        )
        values = field.get(obj) or ()
        if not ctx.tracing:
            low, unknown = (len(values), 0) if where is None else _matching(values, where, read, test, enough, ctx)
            return QUICK[_bounded(low, low + unknown, low_bound, high_bound)]
        if where is None:
            nodes = _counted(values, where, ctx)
            outcome = _bounded(len(nodes), len(nodes), low_bound, high_bound)
            return Node("count", outcome, field.path, len(nodes), (low_bound, high_bound, label), nodes)
        low, unknown = _matching(values, where, read, test, None, ctx.quick())  # all of them: the number is shown
        outcome = _bounded(low, low + unknown, low_bound, high_bound)
        made = functools.partial(_counted, values, where, ctx)  # its items' traces: for the facts read, or too few
        return Deferred("count", outcome, field.path, low, (low_bound, high_bound, label), made)

    return check


def build_refers_to(args: RefersToArgs, builder: Builder) -> Check:
    """The item names (by `field`) an item of `items` whose `key` equals it and that satisfies `check`.

    Nothing named: not demonstrated. A name no item has: not met. Several items with that name: one that
    satisfies `check` suffices (Kleene: none satisfies but one is in doubt → not demonstrated).
    """
    field = builder.field(args.field, frozenset({"text"}), "field")
    items, scoped = builder.root_items(args.items, "items")
    key = scoped.field(args.key, frozenset({"text"}), "key")
    inner = scoped.condition(args.check, "check") if args.check is not None else None
    get_items, get_key, label = items.get, key.get, args.label

    def outcome(value: Any, ctx: Context) -> Outcome:
        if value is None:
            return None
        named = [item for item in get_items(ctx.root) or () if get_key(item) == value]
        if not named:
            return False
        if inner is None:
            return True
        found = [inner(item, ctx).outcome for item in named]
        return True if True in found else (None if None in found else False)

    def check(obj: Any, ctx: Context) -> Node:
        value = field.get(obj)
        result = outcome(value, ctx)
        return QUICK[result] if not ctx.tracing else Node("refers_to", result, field.path, value, label)

    return check


def _lot_field(path: str | None, builder: Builder, scoped: Builder) -> base.Field | None:
    """The item field naming its lot (`lot:`), allowed only at the top of a per-lot requirement."""
    if path is None:
        return None
    if not builder.at_lot():
        message = "'lot' kan alleen bovenaan een eis met per: lot (het perceel dat getoetst wordt)"
        builder.fail("lot-scope", message, "lot")
        return None
    return scoped.field(path, frozenset({"text"}), "lot")


def _of_lot(where: Check | None, lot_field: base.Field, lot: str) -> Check:
    """`where` of the items of `lot` only: another lot's item is out of scope, one without a lot in doubt."""
    read = lot_field.get

    def check(item: Any, ctx: Context) -> Node:
        value = read(item)
        outcome: Outcome = None if value is None else value == lot
        if where is None or outcome is False:
            return Node("equals", outcome, lot_field.path, value, lot) if ctx.tracing else QUICK[outcome]
        inner = where(item, ctx)
        both: Outcome = False if inner.outcome is False else (None if None in (outcome, inner.outcome) else True)
        if not ctx.tracing:
            return QUICK[both]
        return Node("all", both, "", children=(Node("equals", outcome, lot_field.path, value, lot), inner))

    return check


def _leaf(where: Check | None) -> tuple[Any, Any]:
    """The read and test of a `where` that is a leaf (run inline), else (None, None)."""
    found = leaf_of(where) if where is not None else None
    return found if found is not None else (None, None)


def _matching(  # noqa: PLR0913, PLR0917 - the count's loop, its parts bound once at compile time
    values: Any, where: Check, read: Any, test: Any, enough: int | None, ctx: Context
) -> tuple[int, int]:
    """(items matching `where`, items in doubt), stopping once `enough` match (a count with only a minimum)."""
    low = unknown = 0
    for item in values:
        if read is not None:
            value = read(item)
            outcome = None if value is None else test(value)
        else:
            outcome = where(item, ctx).outcome
        if outcome is True:
            low += 1
            if low == enough:  # the rest cannot change the outcome
                return low, 0
        elif outcome is None:
            unknown += 1
    return low, unknown


def _counted(values: Any, where: Check | None, ctx: Context) -> tuple[Node, ...]:
    """One traced item node per value: matched (True), not matched (False) or unknown (None)."""
    if where is None:
        return tuple([Node(ITEM, outcome=True, path=index_path(i)) for i in range(len(values))])
    nodes = []
    for i, item in enumerate(values):
        scope = where(item, ctx)
        nodes.append(Node(ITEM, scope.outcome, index_path(i), None, None, (scope,)))
    return tuple(nodes)


_INDEX_PATHS = tuple(f"[{i}]" for i in range(256))


def index_path(index: int) -> str:
    """`[index]`, without formatting a new string for the common small indexes."""
    return _INDEX_PATHS[index] if index < len(_INDEX_PATHS) else f"[{index}]"


KEYWORDS = (
    Keyword(
        "every",
        EveryArgs,
        build_every,
        "elk item (dat aan 'where' voldoet) voldoet aan 'check'",
        "elk item voldoet",
        "every item complies",
    ),
    Keyword(
        "refers_to",
        RefersToArgs,
        build_refers_to,
        "het gegeven noemt een item van een lijst van het profiel (op 'key') dat aan 'check' voldoet",
        "{expected}",
        "{expected}",
    ),
    Keyword(
        "count",
        CountArgs,
        build_count,
        "het aantal items dat aan 'where' voldoet ligt tussen min en max",
        "{bounds}",
        "{bounds}",
    ),
)
