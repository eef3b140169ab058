"""Requirements of different rulesets side by side: which ones are about the same thing, and how they differ.

Two requirements are **aligned** by what they share, each weighed by its Jaccard index (shared / either):

| signal | weight | what it is |
|---|---|---|
| law anchors | 3 | the law requirements each declares an overlap with (`overlaps`); a law requirement anchors itself |
| facts and declarations | 2 | the profile facts the conditions read and the declarations they ask |
| legal basis | 1 | the articles of law in `legal` |
| evidence | 0.5 | the kinds of document asked |

A requirement's **counterpart** in another ruleset is the one with the highest score, when that
score is at least `THRESHOLD`. Two requirements that are each other's counterpart form a
**pair**; pairs over every two rulesets (the law included) join into **subjects**.

The **relation** of a requirement to its counterpart compares their parameters (`parameters.py`):
`equivalent` (the same condition, or the same terms), `stricter`, `looser`, `different` (the same
subject with other terms: some stricter, some looser, or not comparable), `related` (nothing
measurable to compare: two assessor judgements, two declarations of other names) and `only` (no
counterpart).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from kwaliteitsregels.analytics.features import Features
from kwaliteitsregels.analytics.parameters import Parameter

Relation = Literal["equivalent", "stricter", "looser", "different", "related", "only"]
RELATIONS: tuple[Relation, ...] = ("equivalent", "stricter", "looser", "different", "related", "only")
THRESHOLD = 1.5
WEIGHTS = {"anchors": 3.0, "facts": 2.0, "legal": 1.0, "evidence": 0.5}


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def score(a: Features, b: Features) -> tuple[float, tuple[str, ...]]:
    """How strongly `a` and `b` are about the same thing, and on which signals they meet."""
    shares = {
        "anchors": _jaccard(a.anchors, b.anchors),
        "facts": _jaccard(a.signals, b.signals),
        "legal": _jaccard(a.legal, b.legal),
        "evidence": _jaccard(a.evidence, b.evidence),
    }
    total = sum(WEIGHTS[name] * share for name, share in shares.items())
    return round(total, 3), tuple(name for name, share in shares.items() if share > 0)


@dataclass(frozen=True, slots=True)
class Difference:
    """One parameter as two requirements set it: `mine` and `theirs` (None: only the other has it)."""

    fact: str
    keyword: str
    mine: str | None
    theirs: str | None
    direction: int | None  # 1: mine is stricter; -1: looser; None: not comparable

    def describe(self) -> str:
        """'professionals.vog_issued_on not_older_than: P3Y ↔ P5Y'."""
        mine = "—" if self.mine is None else self.mine or "✓"
        theirs = "—" if self.theirs is None else self.theirs or "✓"
        return f"{self.fact} {self.keyword}: {mine} ↔ {theirs}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """How requirement `a` relates to requirement `b`."""

    relation: Relation
    differences: tuple[Difference, ...]
    evidence: tuple[str, ...]  # how the documents asked differ
    judgement: str | None  # 'facts ↔ assessor' when one is judged on facts and the other by an assessor


def _by_key(parameters: Iterable[Parameter]) -> dict[tuple[str, str], Parameter]:
    found: dict[tuple[str, str], Parameter] = {}
    for parameter in parameters:
        found.setdefault(parameter.key, parameter)
    return found


def differences(a: Features, b: Features) -> tuple[Difference, ...]:
    """Every parameter that differs between `a` and `b`, or that only one of them has."""
    mine, theirs = _by_key(a.parameters), _by_key(b.parameters)
    found: list[Difference] = []
    for key, parameter in mine.items():
        other = theirs.get(key)
        keyword = parameter.key[1]
        if other is None:
            if not _implied(parameter, b.parameters):
                found.append(Difference(parameter.fact, keyword, parameter.value, None, -1 if parameter.scope else 1))
        elif (direction := parameter.compare(other)) != 0:
            found.append(Difference(parameter.fact, keyword, parameter.value, other.value, direction))
    found.extend(
        Difference(p.fact, key[1], None, p.value, 1 if p.scope else -1)
        for key, p in theirs.items()
        if key not in mine and not _implied(p, a.parameters)
    )
    return tuple(found)


def _implied(parameter: Parameter, others: Iterable[Parameter]) -> bool:
    """`present` of a fact says nothing more than any other comparison of that fact."""
    return parameter.keyword == "present" and any(o.fact == parameter.fact and o.keyword != "present" for o in others)


def _relation(a: Features, b: Features, found: Sequence[Difference]) -> Relation:
    if a.requirement.spec.condition is None and b.requirement.spec.condition is None:
        return "related"
    if a.condition == b.condition:
        return "equivalent"
    if not a.parameters or not b.parameters:
        return "related"
    directions = {d.direction for d in found}
    if not directions:
        return "equivalent"
    if None in directions or directions == {1, -1}:
        return "different"
    return "stricter" if 1 in directions else "looser"


def evidence_differences(a: Features, b: Features) -> tuple[str, ...]:
    """How the documents of `a` differ from those of `b`: kinds only one asks, other moments or ages."""
    mine = {e.type: e for e in a.requirement.spec.evidence}
    theirs = {e.type: e for e in b.requirement.spec.evidence}
    found: list[str] = []
    for kind in sorted(mine.keys() | theirs.keys()):
        left, right = mine.get(kind), theirs.get(kind)
        if left is None or right is None:
            found.append(f"{kind}: {'—' if left is None else left.due} ↔ {'—' if right is None else right.due}")
            continue
        if left.due != right.due:
            found.append(f"{kind}: {left.due} ↔ {right.due}")
        if left.max_age != right.max_age:
            old = left.max_age.text if left.max_age else "—"
            new = right.max_age.text if right.max_age else "—"
            found.append(f"{kind} max_age: {old} ↔ {new}")
    return tuple(found)


def compare_pair(a: Features, b: Features) -> Comparison:
    """The relation of `a` to `b`, with the parameters and documents that differ."""
    found = differences(a, b)
    judgement = None
    if a.requirement.assessor != b.requirement.assessor:
        judgement = f"{a.requirement.spec.judgement} ↔ {b.requirement.spec.judgement}"
    return Comparison(_relation(a, b, found), found, evidence_differences(a, b), judgement)


def counterpart(a: Features, others: Sequence[Features]) -> tuple[Features | None, float, tuple[str, ...]]:
    """The requirement of `others` most about the same thing as `a`, its score and the signals they share."""
    best: tuple[Features | None, float, tuple[str, ...]] = (None, 0.0, ())
    for b in others:
        found, signals = score(a, b)
        if found > best[1]:
            best = (b, found, signals)
    return best if best[1] >= THRESHOLD else (None, best[1], ())


def mutual_pairs(left: Sequence[Features], right: Sequence[Features]) -> list[tuple[Features, Features]]:
    """Requirements of `left` and `right` that are each other's counterpart."""
    back = {b.key: counterpart(b, left)[0] for b in right}
    pairs = []
    for a in left:
        b = counterpart(a, right)[0]
        partner = back.get(b.key) if b is not None else None
        if b is not None and partner is not None and partner.key == a.key:
            pairs.append((a, b))
    return pairs
