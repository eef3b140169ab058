"""What a condition keyword is: its argument type, how it compiles, how it reads."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Protocol

from kwaliteitsregels.trace import Check


class Field(Protocol):
    """A profile field path, checked at load time."""

    path: str
    kind: str  # "date", "number", "duration", "bool", "text", "list", "object"
    unit: str | None  # from the vocabulary: "eur", "percent", "week" … (None: a plain number or no number)

    def get(self, obj: Any) -> Any:
        """The value at this path below `obj`, or None when any step is missing."""

    def coerce(self, value: Any) -> Any:
        """`value` validated as a value of this field (raises ValueError)."""


class Builder(Protocol):
    """What a keyword may ask of the compiler while compiling its arguments."""

    def condition(self, raw: Any, *at: str | int) -> Check:
        """Compile a nested condition found at `at` below this keyword's arguments."""

    def field(self, path: str, kinds: frozenset[str], *at: str | int) -> Field:
        """Resolve a field path in the current scope and check its kind."""

    def items(self, path: str, *at: str | int) -> tuple[Field, Builder]:
        """Resolve a list-of-objects path; return it and a builder scoped to one item."""

    def root_items(self, path: str, *at: str | int) -> tuple[Field, Builder]:
        """Resolve a list-of-objects path from the profile's root (wherever this scope is); as `items`."""

    def at_lot(self) -> bool:
        """Whether this scope is the view of one lot (the top of a `per: lot` requirement)."""

    def table(self, name: str, *at: str | int) -> list[Any]:
        """A lookup table of the ruleset."""

    def units(self) -> Collection[str]:
        """The units a quantity may be in: the built-in ones and those the vocabularies in play declare."""

    def declaration(self, name: str, *at: str | int) -> tuple[str, Check | None]:
        """A declaration key the ruleset defines, and the condition on recorded facts that refutes it."""

    def value(self, field: Field, value: Any, *at: str | int) -> Any:
        """`value` checked against the field's type."""

    def arguments(self, args_type: Any, raw: Any, *at: str | int) -> Any:
        """`raw` validated as `args_type`; None (after recording the problems) when it does not fit."""

    def fail(self, code: str, message: str, *at: str | int, suggestion: str | None = None) -> None:
        """Record a problem at `at` (compilation goes on)."""


@dataclass(frozen=True, slots=True)
class Keyword:
    """One condition keyword: the registry maps its name to this."""

    name: str
    args: Any  # a type pydantic can validate the arguments with
    build: Callable[[Any, Builder], Check]
    summary: str
    expect_nl: str = ""
    expect_en: str = ""
