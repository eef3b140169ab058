"""A difference in parameters as a reader says it: the fact by its label, the check in words, durations in words.

`professionals.vog_issued_on not_older_than: P3Y ↔ P5Y` (the JSON, for machines) reads as
"Professionals: VOG afgegeven op, niet ouder dan 3 jaar ↔ 5 jaar". Labels come from the core vocabulary
(`x-label` of each field); a fact it does not know (a region's own, a computed count) keeps its path, a
keyword without a phrase here keeps its name. Used by the comparison and the impact of a version.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kwaliteitsregels import messages
from kwaliteitsregels._durations import Duration
from kwaliteitsregels.messages import Lang

# The checks that differences are found in (analytics.parameters), as a reader says them.
KEYWORDS: dict[str, tuple[str, str]] = {
    "equals": ("gelijk aan", "equal to"),
    "contains": ("bevat", "contains"),
    "matches": ("volgens het patroon", "matching the pattern"),
    "one_of": ("een van", "one of"),
    "count.min": ("ten minste dit aantal", "at least this many"),
    "minimum": ("ten minste", "at least"),
    "maximum": ("hoogstens", "at most"),
    "less_than": ("minder dan", "less than"),
    "more_than": ("meer dan", "more than"),
    "not_older_than": ("niet ouder dan", "not older than"),
    "not_expired": ("niet verlopen", "not expired"),
    "on_or_before": ("op of vóór", "on or before"),
    "on_or_after": ("op of na", "on or after"),
    "at_most_before": ("hoogstens zo lang vóór", "at most this long before"),
    "declared": ("verklaard", "declared"),
    "in_table": ("in de lijst", "in the list"),
    "present": ("ingevuld", "filled in"),
}
_DURATION = re.compile(r"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$")


@cache
def fact_label(path: str, lang: Lang = "nl") -> str:
    """'Professionals: VOG afgegeven op' for `professionals.vog_issued_on`; the path where a step has no label."""
    if path.startswith("declared:"):
        declaration = path.partition(":")[2]
        return f"{'Declaration' if lang == 'en' else 'Verklaring'} '{declaration}'"
    from kwaliteitsregels.facts.building import CORE  # noqa: PLC0415 - the vocabulary, only when a text is asked
    from kwaliteitsregels.models import introspection  # noqa: PLC0415

    tp: Any = CORE.profile
    labels: list[str] = []
    for key in path.split("."):
        label = introspection.fact_meta(tp, key).label
        shown = (label.get(lang) or label.get("nl")) if label else None
        if not shown:
            return path
        labels.append(shown)
        tp = introspection.child(tp, key)
        tp = (introspection.list_item(tp) or tp) if tp is not None else None
    *groups, leaf = labels
    groups = [g for g in groups if g.casefold() != leaf.casefold()]
    shown = f"{', '.join(groups)}: {leaf}" if groups else leaf
    return shown[:1].upper() + shown[1:]


def value_phrase(value: str | None, lang: Lang = "nl") -> str:
    """A parameter's value: '—' where that side does not set it, '✓' for a bare check, durations in words."""
    if value is None:
        return "—"
    if not value:
        return "✓"
    if _DURATION.match(value) and value != "P":
        return messages.duration(Duration.parse(value), lang)
    if value in {"true", "false"}:
        return messages.value(value == "true", lang)  # ja, nee
    return value


def keyword_phrase(keyword: str, lang: Lang = "nl") -> str:
    """The check in words; a check against another fact names that fact ('… vóór Professionals: in dienst sinds')."""
    name, _, target = keyword.partition(":")
    nl, en = KEYWORDS.get(name, (name, name))
    words = en if lang == "en" else nl
    return f"{words} {fact_label(target, lang)}" if target else words


def difference_phrase(difference: Any, lang: Lang = "nl") -> str:
    """'<fact>, <check> <this value> ↔ <other value>': a `DifferenceEntry` (or anything with its fields)."""
    sides = f"{value_phrase(difference.this, lang)} ↔ {value_phrase(difference.other, lang)}"
    return f"{fact_label(difference.fact, lang)}, {keyword_phrase(difference.keyword, lang)}: {sides}"
