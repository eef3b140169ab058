"""Pure functions over results and their traces: findings, supporting facts, facts read, missing documents."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

from kwaliteitsregels import messages
from kwaliteitsregels._keys import NOT_EXACT, exact, keep
from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.checks.dates import NotYet
from kwaliteitsregels.checks.facts import Refuted
from kwaliteitsregels.checks.operands import NoRow
from kwaliteitsregels.checks.quantities import Bounds
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.common import Text
from kwaliteitsregels.models.ruleset import Due
from kwaliteitsregels.naming import SHARED_PHRASES, Frame, Namer, indexless, namer
from kwaliteitsregels.results import EvidenceGap, Report, RequirementResult
from kwaliteitsregels.shared_texts import shared_trace_text
from kwaliteitsregels.trace import Blame, Node, blame, blame_each, leaves

_T = TypeVar("_T")


class Finding(NamedTuple):
    """One condition that decided a non-pass outcome: what was expected, what was found.

    A named tuple: one is made for every condition a text names (a frozen dataclass costs three times as much).
    """

    path: str
    keyword: str
    outcome: bool | None
    expected: Any
    actual: Any
    negated: bool

    def message(self, lang: Lang = "nl", *, applicability: bool = False, names: Namer | None = None) -> str:
        """The finding as one phrase, things named by `names`; with `applicability`: why the requirement is off."""
        names = names or Namer(None, lang=lang)
        style = "na" if applicability else "finding"
        if self.keyword == "every" and self.actual == 0:
            return messages.text("finding.empty", lang, path=names.name(self.path))
        if self.keyword == "count":
            label = _labelled(self.path, self.expected, names)
            bounds = _bounds(self.expected, lang)
            return messages.text(f"{style}.count", lang, path=label, actual=self.actual, bounds=bounds)
        if self.outcome is None and isinstance(self.expected, NoRow):
            row = str(self.expected)
            return messages.text("finding.no_row", lang, path=names.name(self.path), table=self.expected.table, row=row)
        special = self._special(names)
        if special is not None:
            return special
        if self.outcome is None:
            return _missing(self.path, names.name(self.path), names)
        return _compared(self, style, names)

    def operands(self, names: Namer) -> Any:
        """The expected value, with another field it names (`at_most_before`'s reference date) by its name."""
        if self.keyword in _FIELD_OPERAND and isinstance(self.expected, tuple):
            at = _FIELD_OPERAND[self.keyword]
            field = f"'{names.sibling(self.path, str(self.expected[at]))}'"
            return (*self.expected[:at], field, *self.expected[at + 1 :])
        return self.expected

    def _special(self, names: Namer) -> str | None:
        """A refuted declaration, or a count or share between bounds: phrased apart."""
        lang = names.lang
        if isinstance(self.expected, NotYet):
            actual, peildatum = names.value(self.path, self.actual), messages.value(self.expected.peildatum, lang)
            subject = names.name(self.path)
            return messages.text("finding.not_yet", lang, path=subject, actual=actual, peildatum=peildatum)
        if isinstance(self.expected, Refuted):
            shown = "; ".join(names.fact(path, value) for path, value in self.expected.facts)
            return messages.text("finding.refuted", lang, path=names.name(self.path), facts=shown)
        if self.outcome is None and isinstance(self.actual, Bounds):
            low, high = (names.value(self.path, bound, self.expected) for bound in (self.actual.low, self.actual.high))
            expect = _expect(self.keyword, self.expected, names, self.path)
            subject = names.name(self.path)
            return messages.text("finding.bounds", lang, path=subject, low=low, high=high, expect=expect)
        return None

    def fact(self, lang: Lang = "nl", *, names: Namer | None = None) -> str:
        """'<name>: <value>': a fact that carried a pass; a passing `every` over many items, summarised."""
        names = names or Namer(None, lang=lang)
        if isinstance(self.expected, Summary):
            return self.expected.phrase(self.path, names)
        if self.keyword == "count":
            return messages.text("name.fact", lang, name=_labelled(self.path, self.expected, names), value=self.actual)
        return names.fact(self.path, self.actual, self.expected)


_SUBJECT, _FOUND = "\x00subject\x00", "\x00found\x00"  # stand-ins while a frame is cut from its sentence


def _compared(finding: Finding, style: str, names: Namer) -> str:
    """'<name>: verwacht <expectation>, gevonden <value>': the frame is remembered, the items and value filled in.

    The frame depends on the language, the style, the negation, the keyword, the expectation and on what naming
    the path found apart from its items' names (the field's name, its group, how its values are shown): the
    same for every provider and every item. The items' names and the value found are the finding's own.
    """
    path = finding.path
    _, *naming = names.walked(path)  # the group, the field's name, how its values are shown: not the items' names
    operands = finding.operands(names)
    key = (names.lang, style, finding.negated, finding.keyword, exact(operands), *naming)
    frames = names.glossary.frames
    frame = frames.get(key)
    if frame is None:
        frame = _frame(finding, style, names, operands)
        if frame is None:
            return _sentence(finding, style, names, operands, names.name(path))
        if key[4] is not NOT_EXACT:
            keep(frames, key, frame, SHARED_PHRASES)
    subject, actual = names.name(path), names.value(path, finding.actual, finding.expected)
    before, between, after, subject_first = frame
    if subject_first:
        return before + subject + between + actual + after
    return before + actual + between + subject + after


def _frame(finding: Finding, style: str, names: Namer, operands: Any) -> Frame | None:
    """The sentence of `finding` cut around its name and its value; None when the catalog's text does not allow it."""
    sentence = _sentence(finding, style, names, operands, _SUBJECT, _FOUND)
    if sentence.count(_SUBJECT) != 1 or sentence.count(_FOUND) != 1:
        return None
    first, second = (_SUBJECT, _FOUND) if sentence.index(_SUBJECT) < sentence.index(_FOUND) else (_FOUND, _SUBJECT)
    before, rest = sentence.split(first)
    between, after = rest.split(second)
    return before, between, after, first == _SUBJECT


def _sentence(  # noqa: PLR0913, PLR0917 - the parts of one sentence
    finding: Finding, style: str, names: Namer, operands: Any, subject: str, actual: str | None = None
) -> str:
    """'<subject>: verwacht <expectation>, gevonden <actual>' (the value found at the path, unless given)."""
    path = finding.path
    expect = _expect(finding.keyword, operands, names, path)
    found = names.value(path, finding.actual, finding.expected) if actual is None else actual
    key = f"{style}.negated" if finding.negated else f"{style}.value"
    return messages.text(key, names.lang, path=subject, expect=expect, actual=found)


def _missing(path: str, subject: str, names: Namer) -> str:
    """'<name>: gegeven ontbreekt'; for a quantity the facts it could not be worked out without, or its divisor 0."""
    unknown = names.unknown(path)
    if unknown is None:
        return messages.text("finding.missing", names.lang, path=subject)
    return messages.text(f"finding.missing_{unknown[0]}", names.lang, path=subject, what=unknown[1])


SUMMARISED_OVER = 3  # a passing `every` over more items than this is summarised in a pass reason, not listed
_DISTINCT_SHOWN = 3  # a summarised fact with at most this many distinct values shows each, with how often


@dataclass(frozen=True, slots=True)
class Summary:
    """What carried a passing `every` over many items: each fact its items showed, with the values over them.

    `facts` holds per fact (the same field of every item, indexes aside) its first finding and every value
    it had. The facts read stay complete in `facts`/`result_facts`; only the sentence is shorter.
    """

    items: int
    facts: tuple[tuple[Finding, tuple[Any, ...]], ...]

    def phrase(self, path: str, names: Namer) -> str:
        """'professionals: alle 22 voldoen (werkt met jeugdigen: 13× ja, 9× nee; VOG afgegeven op: tussen … en …)'."""
        lang, depth = names.lang, path.count("[") + 1  # the every's own items, and any it lies in
        parts = [f"{_within(first, names, depth)}: {self._values(first, vals, names)}" for first, vals in self.facts]
        if not parts:
            return messages.text("summary.every_bare", lang, path=names.name(path), n=self.items)
        facts = messages.text("list.facts", lang).join(parts)
        return messages.text("summary.every", lang, path=names.name(path), n=self.items, facts=facts)

    def _values(self, first: Finding, values: tuple[Any, ...], names: Namer) -> str:
        """One value: itself (with how often, unless every item had it); a few: each with how often; many: a range."""
        lang = names.lang
        plain = first.keyword == "count"  # a count is a plain number, not a value of a field
        keyed = _keyed(values)
        originals = dict(zip(reversed(keyed), reversed(values), strict=True))  # each distinct value, as first read
        counts = Counter(keyed)
        if len(counts) <= _DISTINCT_SHOWN:
            phrases = [(_value(first, originals[v], names, plain=plain), n) for v, n in counts.most_common()]
            if len(phrases) == 1 and phrases[0][1] == self.items:
                return phrases[0][0]
            return messages.join((messages.text("summary.times", lang, n=n, value=v) for v, n in phrases), lang)
        ordered = _ordered(values)
        if ordered is None:
            return messages.text("summary.distinct", lang, n=len(counts))
        low, high = (_value(first, v, names, plain=plain) for v in ordered)
        key = "summary.range_all" if len(values) == self.items else "summary.range"
        return messages.text(key, lang, low=low, high=high, n=len(values))


def _within(first: Finding, names: Namer, depth: int) -> str:
    """The name of a summarised fact inside its item: 'VOG afgegeven op', a count by its own label."""
    label = None
    if first.keyword == "count" and isinstance(first.expected, tuple) and len(first.expected) > 2:
        label = first.expected[2].get(names.lang) if first.expected[2] is not None else None
    return names.within(first.path, depth, label)


def _value(first: Finding, value: Any, names: Namer, *, plain: bool) -> str:
    """A value of a summarised fact as the reader sees it (`plain`: a count, a plain number)."""
    return messages.value(value, names.lang) if plain else names.value(first.path, value, first.expected)


def _keyed(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """`values` to count by: themselves when all can be hashed (one check for all), else each `_hashable`."""
    try:
        hash(values)
    except TypeError:
        return tuple(_hashable(v) for v in values)
    return values


def _hashable(value: Any) -> Any:
    """`value`, or a stand-in to count it by when it cannot be hashed (a list, a record)."""
    try:
        hash(value)
    except TypeError:
        return ("unhashable", repr(value))
    return value


def _ordered(values: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """(lowest, highest) of dates or of numbers; None for anything else (texts, codes, mixed)."""
    if all(isinstance(v, date) for v in values) or all(
        isinstance(v, int | Decimal) and not isinstance(v, bool) for v in values
    ):
        return min(values), max(values)
    return None


def _summary(item: Blame) -> Finding:
    """A passing `every` over many items as one finding: its items' supporting facts, grouped per field."""
    node = item.node
    groups: dict[tuple[str, str], tuple[Finding, dict[str, Any]]] = {}
    for part in blame_each(node.children, item.path, negated=item.negated):
        path, leaf = part.path, part.node
        key = (indexless(path), "count" if leaf.keyword == "count" else "")
        if key in groups:
            groups[key][1].setdefault(path, leaf.actual)  # a fact read twice counts once
        else:
            groups[key] = (_finding(part), {path: leaf.actual})
    facts = tuple((first, tuple(values.values())) for first, values in groups.values())
    items = len(node.children)
    return Finding(item.path, "every", outcome=True, expected=Summary(items, facts), actual=items, negated=item.negated)


# keywords whose expected value is a value of the field itself (in its unit, a code of its list)
_IN_UNIT = frozenset({"equals", "one_of", "contains", "minimum", "maximum", "greater_than", "less_than"})
_FIELD_OPERAND: dict[str, int] = {"at_most_before": 1}  # keyword → where its expected tuple holds a field path


def _labelled(path: str, expected: tuple[Any, ...], names: Namer) -> str:
    label = expected[2] if len(expected) > 2 else None  # (low, high, label)
    return names.name(path, label.get(names.lang) if label is not None else None)


def _bounds(expected: tuple[Any, ...], lang: Lang) -> str:
    return _bounds_of(expected[0], expected[1], lang)


@functools.lru_cache(maxsize=1024)
def _bounds_of(low: int | None, high: int | None, lang: Lang) -> str:
    """'minstens 1 en hoogstens 3': a count's bounds (whole numbers, `CountArgs`), the same for every provider."""
    parts = [messages.text("bounds.min", lang, n=low)] if low is not None else []
    if high is not None:
        parts.append(messages.text("bounds.max", lang, n=high))
    return messages.text("bounds.and", lang).join(parts)


class _Formatted(list[str]):
    def __str__(self) -> str:
        return ", ".join(self)

    __format__ = lambda self, spec: format(str(self), spec)  # noqa: E731


def _expect(keyword: str, expected: Any, names: Namer, path: str) -> str:
    """The expectation as a phrase; a value of the field itself in its unit, a code by its label.

    The same for every provider: remembered by the glossary, by how the field's values are shown.
    """
    key = ("expect", names.lang, keyword, exact(expected), names.shown_as(path))
    phrases = names.glossary.phrases
    found = phrases.get(key)
    if found is None:
        found = _expectation(keyword, expected, names, path)
        if key[3] is not NOT_EXACT:
            keep(phrases, key, found, SHARED_PHRASES)
    return found


def _expectation(keyword: str, expected: Any, names: Namer, path: str) -> str:
    entry = REGISTRY[keyword]
    template = entry.expect_en if names.lang == "en" else entry.expect_nl
    own = keyword in _IN_UNIT
    items = expected if isinstance(expected, tuple) else (expected,)
    parts = [names.value(path, e, e) if own else messages.value(e, names.lang) for e in items]
    shown: Any = _Formatted(parts) if isinstance(expected, tuple) else parts[0]
    return template.format(expected=shown)


def _finding(item: Blame) -> Finding:
    node = item.node
    return Finding(item.path, node.keyword, node.outcome, node.expected, node.actual, item.negated)


def findings(node: Node | None) -> list[Finding]:
    """Every condition responsible for a non-pass outcome of `node` (all of them, not the first)."""
    if node is None or node.outcome is True:
        return []
    return [_finding(item) for item in blame(node)]


def support(node: Node | None) -> list[Finding]:
    """The conditions that carried a pass of `node` (empty when it did not pass)."""
    if node is None or node.outcome is not True:
        return []
    return [
        _summary(item) if item.node.keyword == "every" and item.node.children else _finding(item)
        for item in blame(node, summarise_over=SUMMARISED_OVER)
    ]


def facts(node: Node | None) -> list[tuple[str, Any]]:
    """The facts a trace read, by full path, in the order they were read."""
    if node is None:
        return []
    seen: dict[str, Any] = {}
    for path, leaf in leaves(node):
        seen.setdefault(path, leaf.actual)
    return list(seen.items())


def result_findings(result: RequirementResult) -> list[Finding]:
    """`findings` of a result's trace, made once per result: its reason and every report show them."""
    return result.remembered(("findings", ""), _of_trace, findings, result)


def result_support(result: RequirementResult) -> list[Finding]:
    """`support` of a result's trace, made once per result."""
    return result.remembered(("support", ""), _of_trace, support, result)


def result_facts(result: RequirementResult) -> list[tuple[str, Any]]:
    """`facts` of a result's trace, made once per result."""
    return result.remembered(("facts", ""), _of_trace, facts, result)


def finding_messages(result: RequirementResult, lang: Lang) -> tuple[str, ...]:
    """The message of each of `result_findings`, in order, made once per result and language."""
    return result.remembered(("finding_messages", lang), shared_trace_text, result, "finding_messages", lang, _messages)


def _of_trace(made: Callable[[Node | None], _T], result: RequirementResult) -> _T:
    """`made` of the result's trace."""
    return made(result.trace)


def _messages(result: RequirementResult, lang: Lang) -> tuple[str, ...]:
    names = namer(result, lang)
    return tuple(f.message(lang, names=names) for f in result_findings(result))


@dataclass(frozen=True, slots=True)
class MissingDocument:
    """One document type still to be supplied, with every requirement that needs it."""

    type: str
    title: Text
    due: Due
    reasons: tuple[str, ...]
    requirements: tuple[str, ...]  # own requirement ids; 'ruleset:id' for those of other rulesets
    max_age: str | None
    first: EvidenceGap  # the gap with the strictest age limit, or the first one


_DUE_ORDER: dict[str, int] = {"with_registration": 0, "before_award": 1, "on_request": 2}


def labelled_results(report: Report, *, qualify: bool = False) -> Iterator[tuple[str, RequirementResult]]:
    """Every result of a report and its bases, with a label: the id, or 'ruleset:id' outside the report's own."""
    for result in report.results:
        yield (f"{report.ruleset.id}:{result.id}" if qualify else result.id), result
    for base_id, base in report.base_reports().items():
        for result in base.results:
            yield f"{base_id}:{result.id}", result


def missing_documents(report: Report) -> list[MissingDocument]:
    """The deduplicated checklist of a report and its bases (the law), made once per report: every format shows it."""
    return list(report.remembered("missing_documents", lambda: tuple(checklist(labelled_results(report)))))


def checklist(entries: Iterable[tuple[str, RequirementResult]]) -> list[MissingDocument]:
    """One entry per document type: every requirement that needs it, the earliest due moment, the strictest age."""
    grouped: dict[str, list[tuple[str, RequirementResult, EvidenceGap]]] = {}
    for label, result in entries:
        for item in result.gaps:
            grouped.setdefault(item.type, []).append((label, result, item))
    found = []
    for kind, rows in sorted(grouped.items()):
        gaps = [g for _, _, g in rows]
        earliest = min(gaps, key=lambda g: _DUE_ORDER[g.due])
        ages = [g for g in gaps if g.not_before is not None]
        strictest = max(ages, key=lambda g: g.not_before or date.min) if ages else None
        found.append(
            MissingDocument(
                type=kind,
                title=rows[0][1].requirement.evidence_titles[kind],
                due=earliest.due,
                reasons=tuple(sorted({str(g.reason) for g in gaps})),
                requirements=tuple(dict.fromkeys(label for label, _, _ in rows)),
                max_age=strictest.max_age if strictest else None,
                first=strictest or gaps[0],
            ),
        )
    return found
