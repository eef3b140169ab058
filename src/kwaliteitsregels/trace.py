"""The evaluation trace: one node per condition evaluated, kept as a tree.

Checks return nodes; combinators hold their children. Everything a report says about
why (failing sub-conditions, facts read) is a pure function over this tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

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


_CHILDREN: Any = Node.__dict__["children"]  # the slot's descriptor, for `Deferred`


class Deferred(Node):
    """A node whose children are traced when first asked for: a count that passed needs only its number.

    A reason names a count's items only when it found too few; the facts a report lists ask for them
    all. Until then the items were read once, quickly, to count them: the outcome and number are the
    same as tracing them would give (quick and traced evaluation agree; a property test holds us to it).
    """

    __slots__ = ("_make",)

    def __init__(  # noqa: PLR0913, PLR0917 - a plain record, built on the hot path
        self,
        keyword: str,
        outcome: Outcome,
        path: str,
        actual: Any,
        expected: Any,
        make: Callable[[], tuple[Node, ...]],
    ) -> None:
        super().__init__(keyword, outcome, path, actual, expected)
        self._make: Callable[[], tuple[Node, ...]] | None = make

    @property
    def children(self) -> tuple[Node, ...]:
        """The traced children, made on first use."""
        make = self._make
        if make is not None:
            self._make = None
            _CHILDREN.__set__(self, make())
        found: tuple[Node, ...] = _CHILDREN.__get__(self)
        return found

    @children.setter
    def children(self, value: tuple[Node, ...]) -> None:
        _CHILDREN.__set__(self, value)


class Items(Node):
    """An `every` whose items after the first that is not met are traced when asked for.

    While evaluating, its items are traced up to the first that is not met, which settles its outcome (when
    none is, all of them are traced and the `every` is a plain node: a reason and the facts both name them).
    A reason names the items that did not pass: of the rest, their outcomes are found quickly, as outside
    tracing (the same outcomes as tracing gives: a property test holds us to that), and only those that did
    not pass are traced (`unsettled`); the facts a report lists ask for every item (`children`). An item
    traced once is kept.
    """

    __slots__ = ("_outcomes", "_rest", "_trace", "_traced")

    def __init__(  # noqa: PLR0913, PLR0917 - a record, built on the hot path
        self,
        outcome: Outcome,
        path: str,
        first: list[Node],
        known: list[Outcome],
        rest: Callable[[int], list[Outcome]],
        trace: Callable[[Sequence[int]], list[Node]],
        size: int,
    ) -> None:
        super().__init__("every", outcome, path, size)
        self._outcomes = known  # the outcomes of the first items, found while evaluating
        self._rest = rest  # the outcomes of the items from an index on, found quickly
        self._traced: dict[int, Node] = dict(enumerate(first))  # the items traced so far, by index
        self._trace: Callable[[Sequence[int]], list[Node]] | None = trace  # the items at some indexes, traced

    @property
    def children(self) -> tuple[Node, ...]:
        """Every item, traced (those traced already are not traced again)."""
        trace = self._trace
        if trace is not None:
            traced, indexes = self._traced, range(self.actual)
            rest = [i for i in indexes if i not in traced]
            traced.update(zip(rest, trace(rest), strict=True))
            self.children = tuple([traced[i] for i in indexes])  # and nothing is left for later
        found: tuple[Node, ...] = _CHILDREN.__get__(self)
        return found

    @children.setter
    def children(self, value: tuple[Node, ...]) -> None:
        _CHILDREN.__set__(self, value)
        self._trace, self._traced = None, {}

    def outcomes(self) -> tuple[Outcome, ...]:
        """Every item's outcome (found quickly for those not traced while evaluating)."""
        known = self._outcomes
        if len(known) < self.actual:
            known += self._rest(len(known))
        return tuple(known)

    def unsettled(self) -> list[Node]:
        """The items that did not pass, traced: what a reason names when the `every` did not pass."""
        trace = self._trace
        if trace is None:
            return [child for child in self.children if child.outcome is not True]
        traced = self._traced
        wanted = [i for i, outcome in enumerate(self.outcomes()) if outcome is not True]
        rest = [i for i in wanted if i not in traced]
        if rest:
            traced.update(zip(rest, trace(rest), strict=True))
        return [traced[i] for i in wanted]


class Blame(NamedTuple):
    """A leaf that decided a non-pass outcome, with its full path (a tuple: made for every leaf a text names)."""

    node: Node
    path: str
    negated: bool


class Context:
    """What every check may read besides the object under test, and whether to record the trace.

    Without tracing a check returns one of the shared QUICK nodes (outcome only) and combinators
    stop as soon as the outcome is settled; with tracing every node is recorded. The outcome is
    the same either way (a property test holds us to that).
    """

    __slots__ = ("_twin", "declarations", "names", "peildatum", "root", "sources", "tracing")

    def __init__(
        self,
        peildatum: date,
        declarations: dict[str, bool],
        *,
        tracing: bool = True,
        root: Any = None,
        sources: Mapping[str, Any] | None = None,
    ) -> None:
        self.peildatum = peildatum
        self.declarations = declarations
        self.tracing = tracing
        self.root = root  # the whole profile, for checks that look beyond the current item
        self.sources = sources or {}  # fact path → where the municipality established it
        self.names: dict[tuple[int, int, str], Any] = {}  # the namers of the texts about this evaluation (naming)
        self._twin: Context | None = None  # the same context in the other mode, made once

    def traced(self) -> Context:
        """The same context, recording the trace."""
        return self if self.tracing else self._other()

    def quick(self) -> Context:
        """The same context, recording no trace: for an outcome that nothing will explain."""
        return self._other() if self.tracing else self

    def _other(self) -> Context:
        twin = self._twin
        if twin is None:
            root, sources = self.root, self.sources
            twin = Context(self.peildatum, self.declarations, tracing=not self.tracing, root=root, sources=sources)
            self._twin = twin  # not back again: a cycle would wait for the garbage collector
        return twin


QUICK: dict[Outcome, Node] = {outcome: Node("quick", outcome) for outcome in (True, False, None)}


Check = Callable[[Any, Context], Node]
# A check that only reads one fact and tests a known value against a constant can say so: (read, test),
# both C callables. Combinators and quantifiers then run it inline, without a Python frame per item; a
# missing fact (None) is 'not demonstrated' as the check itself says. Its own function stays for tracing.
Leaf = tuple[Callable[[Any], Any], Callable[[Any], bool]]


def mark_leaf(check: Check, read: Callable[[Any], Any], test: Callable[[Any], bool]) -> Check:
    """`check`, marked as a leaf that `read` and `test` evaluate without it (outside tracing)."""
    setattr(check, "leaf", (read, test))  # noqa: B010 - an attribute on a function object
    return check


def leaf_of(check: Check) -> Leaf | None:
    """The (read, test) of a check marked with `mark_leaf`, else None."""
    found: Leaf | None = getattr(check, "leaf", None)
    return found


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


def _too_few(node: Node) -> bool:
    """A count that failed for want of matching items: its non-matching items say why."""
    low_bound = node.expected[0]
    return node.outcome is not True and low_bound is not None and node.actual < low_bound


def _out_of_scope(node: Node) -> bool:
    """An `every` item (scope, check) that passed because its scope did not hold."""
    children = node.children
    return node.keyword == ITEM and node.outcome is True and len(children) == 2 and children[0].outcome is False


def blame(node: Node, prefix: str = "", *, negated: bool = False, summarise_over: int | None = None) -> Iterator[Blame]:
    """The conditions that decided `node.outcome`: for a pass the facts that carried it, else every failure.

    A `count` speaks for itself (its items are facts, not causes); `not` flips what its child must show.
    With `summarise_over`, a passing `every` over more items than that is one blame of its own (its items
    are summarised by the caller, not listed). Gathered in one list (a deep tree passes nothing up through
    a chain of generators).
    """
    found: list[Blame] = []
    _blame(node, prefix, negated, found, summarise_over)
    return iter(found)


def blame_each(nodes: tuple[Node, ...], prefix: str = "", *, negated: bool = False) -> list[Blame]:
    """`blame` of each of `nodes` in turn, in one list: the items of an `every` a reason summarises."""
    found: list[Blame] = []
    for node in nodes:
        _blame(node, prefix, negated, found)
    return found


def _blame(node: Node, prefix: str, negated: bool, found: list[Blame], over: int | None = None) -> None:
    own = node.path  # `join`, written out: this runs for every node a text names
    path = (prefix + own if own[0] == "[" else f"{prefix}.{own}") if own and prefix else own or prefix
    if over is not None and node.keyword == "every" and node.outcome is True and len(node.children) > over:
        found.append(Blame(node, path, negated))
        return
    if type(node) is Items and node.outcome is not True and node.actual:  # traces only the items that did not pass
        _blame_unsettled(node.unsettled(), path, negated, found, over)
        return
    if node.keyword in _AGGREGATES or not node.children:  # a count first: a passing one traces no items
        found.append(Blame(node, path, negated))
        if node.keyword in _AGGREGATES and _too_few(node):
            _blame_unsettled(node.children, path, negated, found, over)
        return
    scope = path if node.keyword in _SCOPES else prefix
    if _out_of_scope(node):  # an item that `where` leaves out passes on what left it out
        _blame(node.children[0], scope, negated, found, over)
        return
    flip = node.keyword in _INVERTING
    passed = node.outcome is True
    for child in node.children:
        child_passed = (child.outcome is False) if flip else (child.outcome is True)
        if child_passed == passed:
            _blame(child, scope, negated ^ flip, found, over)


def _blame_unsettled(items: Iterable[Node], path: str, negated: bool, found: list[Blame], over: int | None) -> None:
    """`_blame` of each of `items` that did not pass (an `every`'s or a count's items, inside `path`)."""
    for item in items:
        if item.outcome is not True:
            _blame(item, path, negated, found, over)


def leaves(node: Node, prefix: str = "") -> Iterator[tuple[str, Node]]:
    """Every leaf with its full path: the facts the evaluation read (gathered in one list, as `blame`)."""
    found: list[tuple[str, Node]] = []
    _leaves(node, prefix, found)
    return iter(found)


def _leaves(node: Node, prefix: str, found: list[tuple[str, Node]]) -> None:
    own = node.path  # `join`, written out: this runs for every node of every trace a report shows
    path = (prefix + own if own[0] == "[" else f"{prefix}.{own}") if own and prefix else own or prefix
    children = node.children
    if not children:
        found.append((path, node))
        return
    scope = path if node.keyword in _SCOPES else prefix
    for child in children:
        _leaves(child, scope, found)
