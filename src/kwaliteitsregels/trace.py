"""The evaluation trace: one node per condition evaluated, kept as a tree.

Checks return nodes; combinators hold their children. Everything a report says about
why (failing sub-conditions, facts read) is a pure function over this tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

Outcome = bool | None  # True: met; False: not met; None: not demonstrated (fact missing)


class Node:
    """One evaluated condition. `path` is relative to the enclosing item, if any."""

    __slots__ = ("actual", "children", "expected", "keyword", "outcome", "path")

    def __init__(  # noqa: PLR0913, PLR0917 - a plain record, built on the hot path
        self,
        keyword: str,
        outcome: Outcome,
        path: str = "",
        actual: Any = None,
        expected: Any = None,
        children: tuple[Node, ...] = (),
    ) -> None:
        self.keyword = keyword
        self.outcome = outcome
        self.path = path
        self.actual = actual
        self.expected = expected
        self.children = children


@dataclass(frozen=True, slots=True)
class Blame:
    """A leaf that decided a non-pass outcome, with its full path."""

    node: Node
    path: str
    negated: bool


class Context:
    """What every check may read besides the object under test."""

    __slots__ = ("declarations", "peildatum")

    def __init__(self, peildatum: date, declarations: dict[str, bool]) -> None:
        self.peildatum = peildatum
        self.declarations = declarations


Check = Callable[[Any, Context], Node]

ITEM = "item"
_SCOPES = frozenset({"every", "count", ITEM})
_AGGREGATES = frozenset({"count"})
_INVERTING = frozenset({"not"})


def join(prefix: str, path: str) -> str:
    """Join field paths: `professionals` + `[0]` + `vog_issued_on`."""
    if not path:
        return prefix
    if not prefix:
        return path
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def blame(node: Node, prefix: str = "", *, negated: bool = False) -> Iterator[Blame]:
    """The conditions responsible for `node.outcome` (meaningful when it is not True)."""
    path = join(prefix, node.path)
    if not node.children or node.keyword in _AGGREGATES:
        yield Blame(node, path, negated)
        if not node.children:
            return
    scope = path if node.keyword in _SCOPES else prefix
    flip = node.keyword in _INVERTING
    for child in node.children:
        if child.outcome is not (not flip):
            yield from blame(child, scope, negated=negated ^ flip)


def leaves(node: Node, prefix: str = "") -> Iterator[tuple[str, Node]]:
    """Every leaf with its full path: the facts the evaluation read."""
    path = join(prefix, node.path)
    if not node.children:
        yield path, node
        return
    scope = path if node.keyword in _SCOPES else prefix
    for child in node.children:
        yield from leaves(child, scope)
