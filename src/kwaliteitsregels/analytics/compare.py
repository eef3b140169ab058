"""Compare frameworks: every requirement against its counterpart in each other ruleset and in the law.

`compare(rulesets)` returns a `FrameworkComparison`: per requirement and other ruleset a `Match`
(the counterpart, the relation, what differs); per regional requirement a `LawRelation` (does it
restate the law, ask more, conflict, or add a subject of its own); and the `Subject`s: requirements
of all rulesets and the law that are each other's counterpart (`alignment.py` says how).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal

from kwaliteitsregels.analytics.alignment import Comparison, Relation, compare_pair, counterpart, mutual_pairs, score
from kwaliteitsregels.analytics.features import Features, law_of, ruleset_features
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.models.common import Text

LawVerdict = Literal["restates", "stricter", "conflict", "related", "adds"]
LAW_VERDICTS: tuple[LawVerdict, ...] = ("restates", "stricter", "conflict", "related", "adds")


@dataclass(frozen=True, slots=True)
class Match:
    """Requirement `requirement` of `ruleset` against ruleset `other`: its counterpart there, and how they relate."""

    ruleset: str
    requirement: str
    title: Text
    other: str
    counterpart: str | None
    score: float
    signals: tuple[str, ...]
    comparison: Comparison | None

    @property
    def relation(self) -> Relation:
        """equivalent, stricter, looser, different, related; `only` without a counterpart."""
        return self.comparison.relation if self.comparison else "only"


@dataclass(frozen=True, slots=True)
class LawRelation:
    """What a regional requirement does with the law it builds on."""

    ruleset: str
    requirement: str
    title: Text
    verdict: LawVerdict
    declared: tuple[tuple[str, str], ...]  # (law requirement, kind) as the ruleset records them
    counterpart: str | None  # the law requirement compared with: declared, else the closest
    comparison: Comparison | None
    mismatch: bool  # the parameters say otherwise than the declared overlap (or an overlap is not declared)


@dataclass(frozen=True, slots=True)
class Subject:
    """Requirements that are each other's counterpart: by ruleset id, the ids (law rulesets included)."""

    title: Text
    members: dict[str, tuple[str, ...]]

    def present(self, rulesets: Sequence[str]) -> tuple[str, ...]:
        """Which of `rulesets` have a requirement in this subject."""
        return tuple(r for r in rulesets if r in self.members)


@dataclass(frozen=True, slots=True)
class FrameworkComparison:
    """The comparison of several rulesets (`rulesets`) and the law they build on (`law`)."""

    rulesets: tuple[CompiledRuleset, ...]
    law: tuple[CompiledRuleset, ...]
    features: dict[str, Features]  # by `ruleset:id`, law included
    matches: tuple[Match, ...]
    law_relations: tuple[LawRelation, ...]
    subjects: tuple[Subject, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The compared rulesets' ids, in the order given."""
        return tuple(r.id for r in self.rulesets)

    def matrix(self) -> dict[tuple[str, str], Counter[Relation]]:
        """(ruleset, other) → how many of ruleset's requirements have each relation to other."""
        found: dict[tuple[str, str], Counter[Relation]] = {}
        for match in self.matches:
            found.setdefault((match.ruleset, match.other), Counter())[match.relation] += 1
        return found

    def law_summary(self) -> dict[str, Counter[LawVerdict]]:
        """Per compared ruleset: how many requirements restate the law, ask more, conflict, relate or add."""
        found: dict[str, Counter[LawVerdict]] = {r: Counter() for r in self.ids}
        for relation in self.law_relations:
            found[relation.ruleset][relation.verdict] += 1
        return found


def _match(a: Features, other: str, candidates: Sequence[Features]) -> Match:
    found, best, signals = counterpart(a, candidates)
    spec = a.requirement.spec
    if found is None:
        return Match(a.ruleset, a.id, spec.title, other, None, best, (), None)
    return Match(a.ruleset, a.id, spec.title, other, found.id, best, signals, compare_pair(a, found))


def _law_relation(a: Features, law: Sequence[Features], by_key: dict[str, Features]) -> LawRelation:
    spec = a.requirement.spec
    declared = tuple((o.requirement, o.kind) for o in spec.overlaps)
    kinds = {kind for _, kind in declared}
    decisive = next((k for k in ("conflict", "stricter", "same") if k in kinds), None)
    targets = [by_key[key] for key, kind in declared if key in by_key and kind == decisive]
    if targets:
        target: Features | None = max(targets, key=lambda t: score(a, t)[0])
    else:
        target = counterpart(a, law)[0]
    comparison = compare_pair(a, target) if target is not None else None
    computed = comparison.relation if comparison else "only"
    if "conflict" in kinds:
        verdict: LawVerdict = "conflict"
    elif "stricter" in kinds:
        verdict = "stricter"
    elif "same" in kinds:
        verdict = "restates"
    else:
        verdict = {"equivalent": "restates", "stricter": "stricter", "only": "adds"}.get(computed, "related")  # type: ignore[assignment]
    mismatch = _mismatch(kinds, computed)
    return LawRelation(
        a.ruleset, a.id, spec.title, verdict, declared, target.key if target else None, comparison, mismatch
    )


def _mismatch(kinds: AbstractSet[str], computed: str) -> bool:
    """Whether the parameters contradict what is declared, or a counterpart is there without a declaration."""
    if not kinds:
        return computed in {"equivalent", "stricter"}
    if "same" in kinds and "stricter" not in kinds:
        return computed in {"stricter", "looser", "different"}
    if "stricter" in kinds:
        return computed in {"looser", "equivalent"}
    return False


def _subjects(groups: dict[str, tuple[Features, ...]]) -> tuple[Subject, ...]:
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for left, right in itertools.combinations(groups.values(), 2):
        for a, b in mutual_pairs(left, right):
            parent[root(a.key)] = root(b.key)
    members: dict[str, list[Features]] = {}
    for feature in itertools.chain.from_iterable(groups.values()):
        members.setdefault(root(feature.key), []).append(feature)
    return tuple(Subject(found[0].requirement.spec.title, _by_ruleset(found)) for found in members.values())


def _by_ruleset(found: list[Features]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for feature in found:
        grouped.setdefault(feature.ruleset, []).append(feature.id)
    return {name: tuple(ids) for name, ids in grouped.items()}


def compare(rulesets: Sequence[CompiledRuleset]) -> FrameworkComparison:
    """Align the requirements of `rulesets` with each other and with the law they build on."""
    law = law_of(list(rulesets))
    groups = {r.id: ruleset_features(r) for r in rulesets} | {r.id: ruleset_features(r, law=True) for r in law}
    by_key = {f.key: f for found in groups.values() for f in found}
    matches = [
        _match(a, other.id, groups[other.id])
        for ruleset in rulesets
        for a in groups[ruleset.id]
        for other in rulesets
        if other.id != ruleset.id
    ]
    relations: list[LawRelation] = []
    for ruleset in rulesets:
        own_law = [f for name in ruleset.lineage() if name in groups for f in groups[name]]
        relations.extend(_law_relation(a, own_law, by_key) for a in groups[ruleset.id])
    return FrameworkComparison(tuple(rulesets), tuple(law), by_key, tuple(matches), tuple(relations), _subjects(groups))
