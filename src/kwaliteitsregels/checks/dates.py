"""Checks on dates relative to the reference date (peildatum)."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kwaliteitsregels import workdays
from kwaliteitsregels.checks.base import Builder, Keyword
from kwaliteitsregels.models.common import IsoDuration
from kwaliteitsregels.trace import QUICK, Check, Context, Node

DATE = frozenset({"date"})


@dataclass(frozen=True, slots=True)
class NotYet:
    """A date of something that happened (issued, measured, dissolved) lies after the peildatum.

    On the peildatum it had not happened yet: the facts contradict each other, so the check is
    not demonstrated (never met, and never a 'not met' whose reason says it is too old).
    """

    peildatum: date


class AgeArgs(BaseModel):
    """`field` (a date) and the maximum age as an ISO 8601 `duration`."""

    model_config = ConfigDict(extra="forbid")
    field: str
    duration: IsoDuration


def build_not_older_than(args: AgeArgs, builder: Builder) -> Check:
    """The date lies no longer than the duration before the peildatum (after it: not demonstrated, `NotYet`)."""
    field = builder.field(args.field, DATE, "field")
    duration = args.duration
    limit_on = functools.lru_cache(maxsize=8)(duration.before)

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        if actual is not None and actual > ctx.peildatum:
            return (
                Node("not_older_than", None, field.path, actual, NotYet(ctx.peildatum)) if ctx.tracing else QUICK[None]
            )
        limit = limit_on(ctx.peildatum)
        outcome = None if actual is None else limit <= actual
        return Node("not_older_than", outcome, field.path, actual, (duration, limit)) if ctx.tracing else QUICK[outcome]

    return check


def build_older_than(args: AgeArgs, builder: Builder) -> Check:
    """The date lies more than the duration before the peildatum (e.g. a dissolution more than two years ago)."""
    field = builder.field(args.field, DATE, "field")
    limit_on = functools.lru_cache(maxsize=8)(args.duration.before)
    duration = args.duration

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        if actual is not None and actual > ctx.peildatum:
            return Node("older_than", None, field.path, actual, NotYet(ctx.peildatum)) if ctx.tracing else QUICK[None]
        limit = limit_on(ctx.peildatum)
        outcome = None if actual is None else actual < limit
        return Node("older_than", outcome, field.path, actual, (duration, limit)) if ctx.tracing else QUICK[outcome]

    return check


class BeforeArgs(BaseModel):
    """`field` (a date), the `reference` date field, and how long before the reference it may lie."""

    model_config = ConfigDict(extra="forbid")
    field: str
    reference: str
    duration: IsoDuration


def build_at_most_before(args: BeforeArgs, builder: Builder) -> Check:
    """The date lies no longer than the duration before the reference date (a VOG before starting work)."""
    field = builder.field(args.field, DATE, "field")
    reference = builder.field(args.reference, DATE, "reference")
    duration = args.duration

    def check(obj: Any, ctx: Context) -> Node:
        actual, other = field.get(obj), reference.get(obj)
        if actual is not None and actual > ctx.peildatum:
            return (
                Node("at_most_before", None, field.path, actual, NotYet(ctx.peildatum)) if ctx.tracing else QUICK[None]
            )
        if actual is None or other is None:
            if not ctx.tracing:
                return QUICK[None]
            if actual is not None:  # the reference date is what is missing: name it, not the date that is there
                return Node("at_most_before", None, reference.path, None, (duration, field.path, actual))
            return Node("at_most_before", None, field.path, actual, (duration, reference.path, other))
        limit = duration.before(other)
        outcome = actual >= limit
        return (
            Node("at_most_before", outcome, field.path, actual, (duration, reference.path, limit))
            if ctx.tracing
            else QUICK[outcome]
        )

    return check


def build_not_expired(path: str, builder: Builder) -> Check:
    """The date (a 'valid until') lies on or after the peildatum."""
    field = builder.field(path, DATE)

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = None if actual is None else actual >= ctx.peildatum
        return Node("not_expired", outcome, field.path, actual, ctx.peildatum) if ctx.tracing else QUICK[outcome]

    return check


class DateFrom(BaseModel):
    """A date to compare with: the peildatum or a date field, moved by a duration or working days."""

    model_config = ConfigDict(extra="forbid")
    from_: str = Field(alias="from", description="'peildatum' of een datumveld")
    plus: IsoDuration | None = None
    minus: IsoDuration | None = None
    working_days: int | None = Field(default=None, ge=0, le=1000, description="werkdagen erna (Atw)")

    @model_validator(mode="after")
    def _one_shift(self) -> DateFrom:
        if sum(x is not None for x in (self.plus, self.minus, self.working_days)) > 1:
            msg = "geef hoogstens één van plus, minus of working_days"
            raise ValueError(msg)
        return self


class DateCompareArgs(BaseModel):
    """`field` (a date) and the `date` it is compared with."""

    model_config = ConfigDict(extra="forbid")
    field: str
    date: DateFrom


def _shifted(spec: DateFrom) -> Callable[[date], date]:
    if spec.plus is not None:
        return spec.plus.after
    if spec.minus is not None:
        return spec.minus.before
    if spec.working_days is not None:
        count = spec.working_days
        return lambda day: workdays.add_working_days(day, count)
    return lambda day: day


def _date_comparison(name: str, compare: Callable[[date, date], bool]) -> Callable[[DateCompareArgs, Builder], Check]:
    def build(args: DateCompareArgs, builder: Builder) -> Check:
        field = builder.field(args.field, DATE, "field")
        start = None if args.date.from_ == "peildatum" else builder.field(args.date.from_, DATE, "date", "from").get
        shift = functools.lru_cache(maxsize=64)(_shifted(args.date))

        def check(obj: Any, ctx: Context) -> Node:
            actual = field.get(obj)
            origin = ctx.peildatum if start is None else start(obj)
            limit = None if origin is None else shift(origin)
            outcome = None if actual is None or limit is None else compare(actual, limit)
            return Node(name, outcome, field.path, actual, limit) if ctx.tracing else QUICK[outcome]

        return check

    build.__doc__ = f"The date lies {name.replace('_', ' ')} the date given (the boundary as the name says)."
    return build


KEYWORDS = (
    Keyword(
        "before",
        DateCompareArgs,
        _date_comparison("before", operator.lt),
        "de datum ligt vóór de gegeven datum (die dag zelf telt niet mee)",
        "vóór {expected}",
        "before {expected}",
    ),
    Keyword(
        "on_or_before",
        DateCompareArgs,
        _date_comparison("on_or_before", operator.le),
        "de datum ligt op of vóór de gegeven datum (die dag zelf telt mee)",
        "op of vóór {expected}",
        "on or before {expected}",
    ),
    Keyword(
        "after",
        DateCompareArgs,
        _date_comparison("after", operator.gt),
        "de datum ligt na de gegeven datum (die dag zelf telt niet mee)",
        "na {expected}",
        "after {expected}",
    ),
    Keyword(
        "on_or_after",
        DateCompareArgs,
        _date_comparison("on_or_after", operator.ge),
        "de datum ligt op of na de gegeven datum (die dag zelf telt mee)",
        "op of na {expected}",
        "on or after {expected}",
    ),
    Keyword(
        "not_older_than",
        AgeArgs,
        build_not_older_than,
        "de datum is niet ouder dan de duur op de peildatum",
        "niet ouder dan {expected[0]} (op of na {expected[1]})",
        "not older than {expected[0]} (on or after {expected[1]})",
    ),
    Keyword(
        "older_than",
        AgeArgs,
        build_older_than,
        "de datum ligt meer dan de duur voor de peildatum",
        "ouder dan {expected[0]} (voor {expected[1]})",
        "older than {expected[0]} (before {expected[1]})",
    ),
    Keyword(
        "at_most_before",
        BeforeArgs,
        build_at_most_before,
        "de datum ligt hoogstens de duur voor een andere datum",
        "hoogstens {expected[0]} voor {expected[1]} (op of na {expected[2]})",
        "at most {expected[0]} before {expected[1]} (on or after {expected[2]})",
    ),
    Keyword(
        "not_expired",
        str,
        build_not_expired,
        "de geldigheidsdatum is niet verstreken op de peildatum",
        "geldig op {expected}",
        "valid on {expected}",
    ),
)
