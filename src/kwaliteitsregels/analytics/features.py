"""What a compiled requirement offers for comparison: facts, declarations, parameters, anchors in the law."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kwaliteitsregels.analytics.parameters import Parameter, canonical, walk
from kwaliteitsregels.compiling import CompiledRequirement, CompiledRuleset

# The names a source may give a law, as one key (lower case).
_LAW_NAMES = {
    "wet maatschappelijke ondersteuning 2015": "wmo 2015",
    "wmo": "wmo 2015",
    "jeugdwet": "jeugdwet",
}
_ARTICLE = re.compile(r"^[0-9][0-9a-z.:]*")


@dataclass(frozen=True, slots=True)
class Features:
    """One requirement as comparison sees it."""

    requirement: CompiledRequirement
    ruleset: str
    law: bool  # a requirement of a base ruleset (the law a framework builds on)
    facts: frozenset[str]  # profile facts the condition reads, named with their list (`professionals.vog_issued_on`)
    declarations: frozenset[str]
    parameters: tuple[Parameter, ...]
    anchors: frozenset[str]  # `ruleset:id` of the law requirements it declares an overlap with (itself, for the law)
    legal: frozenset[str]  # `law article`, normalised
    evidence: frozenset[str]
    condition: str  # canonical text of the condition and its parameter values (a table's rows included)

    @property
    def key(self) -> str:
        """`ruleset:id`."""
        return f"{self.ruleset}:{self.requirement.id}"

    @property
    def id(self) -> str:
        """The requirement's own id."""
        return self.requirement.id

    @property
    def signals(self) -> frozenset[str]:
        """Facts and declarations together: what the provider must supply or state."""
        return self.facts | {f"declared:{name}" for name in self.declarations}


def legal_key(law: str, article: str) -> str:
    """'Jeugdwet 4.1.1, tweede lid' → 'jeugdwet 4.1.1'; the Wmo under one name."""
    name = _LAW_NAMES.get(law.strip().lower(), law.strip().lower())
    found = _ARTICLE.match(article.strip().lower())
    return f"{name} {found.group(0).rstrip('.,') if found else article.strip().lower()}"


def features(requirement: CompiledRequirement, ruleset: CompiledRuleset, *, law: bool = False) -> Features:
    """The comparison features of `requirement` in `ruleset`."""
    spec = requirement.spec
    found = walk(spec.condition, ruleset.spec.tables)
    anchors = {overlap.requirement for overlap in spec.overlaps}
    if law:
        anchors.add(f"{ruleset.id}:{spec.id}")
    route = spec.explain.evidence if spec.explain else []
    return Features(
        requirement=requirement,
        ruleset=ruleset.id,
        law=law,
        facts=frozenset(found.facts),
        declarations=frozenset(found.declarations),
        parameters=tuple(found.parameters),
        anchors=frozenset(anchors),
        legal=frozenset(legal_key(ref.law, ref.article) for ref in spec.legal),
        evidence=frozenset(e.type for e in [*spec.evidence, *route]),
        condition=canonical([spec.condition, [p.value for p in found.parameters]]),  # tables read in, too
    )


def ruleset_features(ruleset: CompiledRuleset, *, law: bool = False) -> tuple[Features, ...]:
    """Every requirement of `ruleset`, in its order."""
    return tuple(features(r, ruleset, law=law) for r in ruleset.requirements)


def law_of(rulesets: list[CompiledRuleset]) -> list[CompiledRuleset]:
    """The base rulesets (the law) of `rulesets`, each once, in the order met; compared rulesets left out."""
    compared = {r.id for r in rulesets}
    found: dict[str, CompiledRuleset] = {}
    for ruleset in rulesets:
        for name, base in ruleset.lineage().items():
            if name not in compared:
                found.setdefault(name, base)
    return list(found.values())
