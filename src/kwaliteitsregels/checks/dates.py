"""Checks on dates relative to the reference date (peildatum)."""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, ConfigDict

from kwaliteitsregels.checks.base import Builder, Keyword
from kwaliteitsregels.models.common import IsoDuration
from kwaliteitsregels.trace import Check, Context, Node

DATE = frozenset({"date"})


class AgeArgs(BaseModel):
    """`field` (a date) and the maximum age as an ISO 8601 `duration`."""

    model_config = ConfigDict(extra="forbid")
    field: str
    duration: IsoDuration


def build_not_older_than(args: AgeArgs, builder: Builder) -> Check:
    """The date lies no longer than the duration before the peildatum (and not after it)."""
    field = builder.field(args.field, DATE, "field")
    duration = args.duration
    limit_on = functools.lru_cache(maxsize=8)(duration.before)

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        limit = limit_on(ctx.peildatum)
        outcome = None if actual is None else limit <= actual <= ctx.peildatum
        return Node("not_older_than", outcome, field.path, actual, (duration, limit))

    return check


def build_not_expired(path: str, builder: Builder) -> Check:
    """The date (a 'valid until') lies on or after the peildatum."""
    field = builder.field(path, DATE)

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        return Node(
            "not_expired", None if actual is None else actual >= ctx.peildatum, field.path, actual, ctx.peildatum
        )

    return check


KEYWORDS = (
    Keyword(
        "not_older_than",
        AgeArgs,
        build_not_older_than,
        "de datum is niet ouder dan de duur op de peildatum",
        "niet ouder dan {expected[0]} (op of na {expected[1]})",
        "not older than {expected[0]} (on or after {expected[1]})",
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
