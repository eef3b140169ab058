"""Texts every provider with the same facts gets: made once per requirement, not once per result.

Most requirements of a framework read a few facts of the provider itself (a policy, a declaration, a
membership): every provider who meets one the same way gets the same reason, word for word. A result's
text is shared when it can depend on nothing but what the key holds:

- the requirement (its texts, glossary and ruleset: the memo lives on the compiled requirement),
  the language, the status and its basis, or why the requirement does not apply;
- the trace: every condition's keyword, outcome, path and values read and expected, each value with
  its exact type (`_keys.exact`: True is not 1, Decimal('1.0') is not Decimal('1'));
- the types of the objects each path reads a field from (what the names of its steps are taken from).

A result is not shared when its text names anything else: an item of a list (named by the provider's own
data), a quantity (worked out from other facts), another field, an explanation, a missing document, a lot,
a contradiction, a fact the municipality established, or a `when` that could not be judged. Those are made
for the result itself, as before. The finding messages are made of the trace alone: they are shared by
every result with the same trace and paths, whatever its explanation, documents or lot
(`shared_trace_text`). A test holds shared texts to the texts made afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from kwaliteitsregels._keys import NOT_EXACT, exact, keep
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.naming import walk_types
from kwaliteitsregels.results import STATUS_EXPLAIN, STATUS_NOT_APPLICABLE, WHY_CONDITION, RequirementResult
from kwaliteitsregels.trace import Node

SHARED_PER_REQUIREMENT = 256  # texts kept per requirement (then started again): memory stays flat
# conditions whose text names only the fact at their own path (no items, no other fields, no quantities)
_ONE_FACT = frozenset(
    {
        *("all", "any", "not", "at_least"),
        *("absent", "present", "declared", "equals", "one_of", "contains", "starts_with", "matches", "in_table"),
        *("minimum", "maximum", "greater_than", "less_than", "decimals"),
        *("after", "before", "on_or_after", "on_or_before", "not_expired", "not_older_than", "older_than"),
    }
)
_T = TypeVar("_T")
_ABSENT: Any = object()


def shared_text(result: RequirementResult, kind: str, lang: Lang, make: Callable[[RequirementResult, Lang], _T]) -> _T:
    """`make(result, lang)`, remembered on the requirement for every result with the same key (see the module).

    What `make` gives must not be changed afterwards (a text, a tuple of texts): other results hold it too.
    """
    return _shared(result, kind, lang, make, result.remembered(("shared_key", ""), _key, result))


def shared_trace_text(
    result: RequirementResult, kind: str, lang: Lang, make: Callable[[RequirementResult, Lang], _T]
) -> _T:
    """`shared_text` for a text made of the trace alone (the finding messages).

    The status, an explanation, missing documents or a lot do not change it: every result with the same
    trace (and the same types along its paths) shares it.
    """
    return _shared(result, kind, lang, make, result.remembered(("shared_trace_key", ""), _trace_key, result))


def _shared(
    result: RequirementResult, kind: str, lang: Lang, make: Callable[[RequirementResult, Lang], _T], key: Any
) -> _T:
    if key is None:
        return make(result, lang)
    texts = result.requirement.texts
    full = (kind, lang, key)
    found = texts.get(full, _ABSENT)  # one look: another thread may start the store again in between two
    if found is not _ABSENT:
        shared: _T = found
        return shared
    made = make(result, lang)
    keep(texts, full, made, SHARED_PER_REQUIREMENT)
    return made


def _key(result: RequirementResult) -> tuple[Any, ...] | None:
    """What a shareable result's texts depend on, or None when they name more than the key can hold."""
    if result.explanation is not None or result.gaps or result.contradicted or result.lot is not None:
        return None
    if result.status is STATUS_NOT_APPLICABLE:
        why = result.not_applicable
        return None if why is WHY_CONDITION else ("na", why)
    ctx = result.context
    if result.status is STATUS_EXPLAIN or ctx is None or ctx.sources:
        return None
    when = result.applicability
    if when is not None and when.outcome is not True:
        return None
    trace = result.remembered(("shared_trace_key", ""), _trace_key, result)
    return None if trace is None else (result.status, result.basis, trace)


def _trace_key(result: RequirementResult) -> tuple[Any, ...] | None:
    """What the texts of a result's trace depend on: its shape and the types its paths read fields from."""
    if result.context is None:
        return None
    paths: dict[str, None] = {}
    shape = _shape(result.trace, paths)
    if shape is None:
        return None
    root = result.root  # a field's name is taken from the type of the object it is read from: a path of one
    walks = tuple([(path, walk_types(root, path)[:-1]) for path in paths if "." in path])  # step reads the root
    return (type(root), shape, walks)


def _shape(node: Node | None, paths: dict[str, None]) -> tuple[Any, ...] | None:
    """The trace as plain, exactly typed data, gathering its paths; None when a node names more than its fact."""
    if node is None:
        return ()
    keyword, path = node.keyword, node.path
    if keyword not in _ONE_FACT or "[" in path or " " in path:
        return None
    actual, expected = exact(node.actual), exact(node.expected)
    if actual is NOT_EXACT or expected is NOT_EXACT:
        return None
    children = []
    for child in node.children:
        shape = _shape(child, paths)
        if shape is None:
            return None
        children.append(shape)
    if path:
        paths[path] = None
    return (keyword, node.outcome, path, actual, expected, tuple(children))
