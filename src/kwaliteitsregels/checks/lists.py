"""Quantifiers over lists in the profile: every item, count of items."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kwaliteitsregels.checks.base import Builder, Keyword
from kwaliteitsregels.models.common import LocalizedText
from kwaliteitsregels.trace import ITEM, Check, Context, Node, Outcome


class EveryArgs(BaseModel):
    """`items` (a list path), optional `where` filter, the `check` per item."""

    model_config = ConfigDict(extra="forbid")
    items: str
    where: dict[str, Any] | None = None
    check: dict[str, Any]
    allow_empty: bool = False


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


def _implies(where: Outcome, then: Outcome) -> Outcome:
    if where is False or then is True:
        return True
    if where is True:
        return then
    return None


def build_every(args: EveryArgs, builder: Builder) -> Check:
    """Every item (that matches `where`) satisfies `check`; no items is 'not demonstrated'."""
    field, scoped = builder.items(args.items, "items")
    where = scoped.condition(args.where, "where") if args.where is not None else None
    inner = scoped.condition(args.check, "check")
    empty: Outcome = True if args.allow_empty else None

    def check(obj: Any, ctx: Context) -> Node:
        values = field.get(obj) or ()
        nodes = []
        for i, item in enumerate(values):
            checked = inner(item, ctx)
            if where is None:
                nodes.append(Node(ITEM, checked.outcome, index_path(i), children=(checked,)))
                continue
            scope = where(item, ctx)
            nodes.append(Node(ITEM, _implies(scope.outcome, checked.outcome), index_path(i), children=(scope, checked)))
        outcomes = [n.outcome for n in nodes]
        outcome = empty if not nodes else (False if False in outcomes else (None if None in outcomes else True))
        return Node("every", outcome, field.path, len(nodes), None, tuple(nodes))

    return check


def build_count(args: CountArgs, builder: Builder) -> Check:
    """The number of items matching `where` lies within `min` and `max`."""
    if args.min is None and args.max is None:
        builder.fail("count-bounds", "geef 'min' en/of 'max'", "min")
    field, scoped = builder.items(args.items, "items")
    where = scoped.condition(args.where, "where") if args.where is not None else None
    low_bound, high_bound, label = args.min, args.max, args.label

    def check(obj: Any, ctx: Context) -> Node:
        nodes = []
        low = unknown = 0
        for i, item in enumerate(field.get(obj) or ()):
            if where is None:
                nodes.append(Node(ITEM, outcome=True, path=index_path(i)))
                low += 1
                continue
            scope = where(item, ctx)
            nodes.append(Node(ITEM, scope.outcome, index_path(i), children=(scope,)))
            if scope.outcome is True:
                low += 1
            elif scope.outcome is None:
                unknown += 1
        high = low + unknown
        outcome: Outcome = True
        if (low_bound is not None and high < low_bound) or (high_bound is not None and low > high_bound):
            outcome = False
        elif (low_bound is not None and low < low_bound) or (high_bound is not None and high > high_bound):
            outcome = None
        return Node("count", outcome, field.path, low, (low_bound, high_bound, label), tuple(nodes))

    return check


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
        "count",
        CountArgs,
        build_count,
        "het aantal items dat aan 'where' voldoet ligt tussen min en max",
        "{bounds}",
        "{bounds}",
    ),
)
