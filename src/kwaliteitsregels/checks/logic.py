"""Combinators: all, any, not, at_least. Three-valued (Kleene) logic: None is 'not demonstrated'."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from kwaliteitsregels.checks.base import Builder, Keyword
from kwaliteitsregels.trace import QUICK, Check, Context, Node, Outcome, leaf_of

Conditions = list[dict[str, Any]]
# `all: []` would always hold and `any: []` never: an empty list is a mistake, refused when the ruleset loads.
NonEmptyConditions = Annotated[Conditions, Field(min_length=1)]


def _all(outcomes: list[Outcome]) -> Outcome:
    if False in outcomes:
        return False
    return None if None in outcomes else True


def _any(outcomes: list[Outcome]) -> Outcome:
    if True in outcomes:
        return True
    return None if None in outcomes else False


def _children(raw: Conditions, builder: Builder) -> tuple[Check, ...]:
    return tuple(builder.condition(item, i) for i, item in enumerate(raw))


Part = tuple[Check, Any, Any]  # the check, and its leaf's read and test (None, None when it is no leaf)


def _parts(checks: tuple[Check, ...]) -> tuple[Part, ...]:
    """Each child with its leaf's read and test, so the quick loop runs leaves inline."""
    return tuple((c, *(leaf_of(c) or (None, None))) for c in checks)


def build_all(raw: Conditions, builder: Builder) -> Check:
    """Every sub-condition holds."""
    return _kleene("all", _children(raw, builder), decisive=False)


def build_any(raw: Conditions, builder: Builder) -> Check:
    """At least one sub-condition holds."""
    return _kleene("any", _children(raw, builder), decisive=True)


def _kleene(keyword: str, checks: tuple[Check, ...], *, decisive: bool) -> Check:
    """Kleene all (a child not met decides) or any (a child met decides); a child not demonstrated leaves it open."""
    combine = _any if decisive else _all
    decided, undecided, otherwise = QUICK[decisive], QUICK[None], QUICK[not decisive]
    parts = _parts(checks)

    def check(obj: Any, ctx: Context) -> Node:
        if ctx.tracing:
            nodes = [c(obj, ctx) for c in checks]
            return Node(keyword, combine([n.outcome for n in nodes]), "", None, None, tuple(nodes))
        open_ = False  # stop at the first deciding child
        for child, read, test in parts:
            if read is None:
                outcome = child(obj, ctx).outcome
            else:
                value = read(obj)
                outcome = None if value is None else test(value)
            if outcome is decisive:
                return decided
            if outcome is None:
                open_ = True
        return undecided if open_ else otherwise

    return check


def build_not(raw: dict[str, Any], builder: Builder) -> Check:
    """The sub-condition does not hold."""
    inner = builder.condition(raw)

    def check(obj: Any, ctx: Context) -> Node:
        node = inner(obj, ctx)
        outcome = None if node.outcome is None else not node.outcome
        return Node("not", outcome, children=(node,)) if ctx.tracing else QUICK[outcome]

    return check


class AtLeastArgs(BaseModel):
    """Arguments of `at_least`."""

    model_config = ConfigDict(extra="forbid")
    n: int = Field(ge=1)
    of: Conditions = Field(min_length=1)


def build_at_least(args: AtLeastArgs, builder: Builder) -> Check:
    """At least n of the sub-conditions hold."""
    if args.n > len(args.of):
        builder.fail("at-least-too-many", f"n = {args.n} is meer dan het aantal voorwaarden ({len(args.of)})", "n")
    checks = tuple(builder.condition(item, "of", i) for i, item in enumerate(args.of))
    needed = args.n

    def check(obj: Any, ctx: Context) -> Node:
        nodes = tuple(c(obj, ctx) for c in checks)
        met = sum(1 for n in nodes if n.outcome is True)
        open_ = sum(1 for n in nodes if n.outcome is None)
        outcome: Outcome = True if met >= needed else (False if met + open_ < needed else None)
        if not ctx.tracing:
            return QUICK[outcome]
        return Node("at_least", outcome, actual=met, expected=needed, children=nodes)

    return check


KEYWORDS = (
    Keyword("all", NonEmptyConditions, build_all, "alle voorwaarden gelden"),
    Keyword("any", NonEmptyConditions, build_any, "minstens één voorwaarde geldt"),
    Keyword("not", dict[str, Any], build_not, "de voorwaarde geldt niet"),
    Keyword("at_least", AtLeastArgs, build_at_least, "minstens n van de voorwaarden gelden"),
)
