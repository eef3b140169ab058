"""Checks on codes and texts: a prefix, or a pattern matched without catastrophic backtracking."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kwaliteitsregels.checks.base import Builder, Keyword
from kwaliteitsregels.facts.patterns import PatternError, compile_pattern
from kwaliteitsregels.trace import QUICK, Check, Context, Node

TEXT = frozenset({"text"})


class PatternArgs(BaseModel):
    """`field` (a text or code) and the `pattern` it must match as a whole."""

    model_config = ConfigDict(extra="forbid")
    field: str
    pattern: str


class PrefixArgs(BaseModel):
    """`field` (a text or code) and the `prefixes` it may start with."""

    model_config = ConfigDict(extra="forbid")
    field: str
    prefixes: list[str] = Field(min_length=1)


def build_matches(args: PatternArgs, builder: Builder) -> Check:
    """The text matches the pattern as a whole (a safe subset of regular expressions, linear time)."""
    field = builder.field(args.field, TEXT, "field")
    try:
        pattern = compile_pattern(args.pattern)
    except PatternError as exc:
        builder.fail("pattern", str(exc), "pattern")
        pattern = compile_pattern("")
    source = args.pattern

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = None if not isinstance(actual, str) or not actual else pattern.matches(actual)
        return Node("matches", outcome, field.path, actual, source) if ctx.tracing else QUICK[outcome]

    return check


def build_starts_with(args: PrefixArgs, builder: Builder) -> Check:
    """The text starts with one of the prefixes."""
    field = builder.field(args.field, TEXT, "field")
    prefixes = tuple(args.prefixes)

    def check(obj: Any, ctx: Context) -> Node:
        actual = field.get(obj)
        outcome = None if not isinstance(actual, str) or not actual else actual.startswith(prefixes)
        return Node("starts_with", outcome, field.path, actual, prefixes) if ctx.tracing else QUICK[outcome]

    return check


KEYWORDS = (
    Keyword(
        "matches",
        PatternArgs,
        build_matches,
        "de tekst past in zijn geheel op het patroon (veilige reguliere expressie)",
        "volgens patroon {expected}",
        "matching pattern {expected}",
    ),
    Keyword(
        "starts_with",
        PrefixArgs,
        build_starts_with,
        "de tekst begint met een van de voorvoegsels",
        "beginnend met {expected}",
        "starting with {expected}",
    ),
)
