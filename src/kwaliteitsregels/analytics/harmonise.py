"""Harmonise: which subjects all rulesets share, most share, or only one asks; a common core with its terms.

A subject (`compare.Subject`) is **shared by all** when every compared ruleset has it, by **most**
when more than half do (with two rulesets: all), by **some** otherwise, and by **one** when a
single ruleset asks it. Subjects only the law has are left out. The proposed **common core** is
every subject shared by all or most; per parameter of its requirements in the compared rulesets, the strictest and the
loosest value found and where (values that cannot be ordered are listed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kwaliteitsregels.analytics.compare import FrameworkComparison, Subject
from kwaliteitsregels.analytics.parameters import Parameter

Share = Literal["all", "most", "some", "one"]
SHARES: tuple[Share, ...] = ("all", "most", "some", "one")


@dataclass(frozen=True, slots=True)
class Term:
    """One parameter across a subject: the strictest and the loosest value, and where each is asked."""

    fact: str
    keyword: str
    strictest: tuple[str, str]  # (value, `ruleset:id`)
    loosest: tuple[str, str]
    values: tuple[tuple[str, str], ...]  # every (value, `ruleset:id`)
    ordered: bool  # False: the values cannot be ordered; strictest and loosest are then the first and last


@dataclass(frozen=True, slots=True)
class SharedSubject:
    """A subject, which rulesets ask it, and its terms."""

    subject: Subject
    present: tuple[str, ...]
    share: Share
    in_law: tuple[str, ...]  # `ruleset:id` of the law requirements in the subject
    terms: tuple[Term, ...]

    @property
    def core(self) -> bool:
        """Part of the proposed common core."""
        return self.share in {"all", "most"}


def _share(count: int, total: int) -> Share:
    if count == total:
        return "all"
    if count == 1:
        return "one"
    return "most" if count * 2 > total > 2 else "some"


def _terms(keys: Sequence[str], comparison: FrameworkComparison) -> tuple[Term, ...]:
    grouped: dict[tuple[str, str], list[tuple[Parameter, str]]] = {}
    for key in keys:
        for parameter in comparison.features[key].parameters:
            found = grouped.setdefault(parameter.key, [])
            if all(p.value != parameter.value or k != key for p, k in found):
                found.append((parameter, key))
    return tuple(_term(found) for found in grouped.values())


def _term(found: list[tuple[Parameter, str]]) -> Term:
    ordered = all(found[0][0].compare(p) is not None for p, _ in found)
    ranked = found
    if ordered:
        ranked = sorted(found, key=lambda item: sum(1 for p, _ in found if (item[0].compare(p) or 0) > 0), reverse=True)
    first, last = ranked[0], ranked[-1]
    parameter = first[0]
    return Term(
        parameter.fact,
        parameter.key[1],
        (first[0].value, first[1]),
        (last[0].value, last[1]),
        tuple((p.value, key) for p, key in found),
        ordered,
    )


def harmonise(comparison: FrameworkComparison) -> tuple[SharedSubject, ...]:
    """Every subject at least one compared ruleset asks: how widely it is shared, and its terms."""
    names = comparison.ids
    law = {r.id for r in comparison.law}
    found: list[SharedSubject] = []
    for subject in comparison.subjects:
        present = subject.present(names)
        if not present:
            continue
        keys = [f"{name}:{rid}" for name, ids in subject.members.items() for rid in ids]
        in_law = tuple(k for k in keys if k.split(":", 1)[0] in law)
        own = [k for k in keys if k not in in_law]
        share = _share(len(present), len(names))
        found.append(SharedSubject(subject, present, share, in_law, _terms(own, comparison)))
    order = {share: i for i, share in enumerate(SHARES)}
    return tuple(sorted(found, key=lambda s: order[s.share]))
