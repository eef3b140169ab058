"""What a framework asks of a provider, per stage: documents, declarations, assessor judgements, facts, knock-outs.

A requirement counts at a stage when it is checked by then (`stage` registration, or award at
award). Documents are counted by kind, each kind once, at the earliest moment any requirement asks
it (with registration, before award, on request); the documents of an explanation route are not
counted (they replace the ordinary ones). Declarations and facts are counted once per ruleset.
By level and by theme the same counts are taken over that level's or theme's requirements.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kwaliteitsregels.analytics.features import Features, ruleset_features
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.models.ruleset import Due
from kwaliteitsregels.stages import STAGE_ORDER, STAGES
from kwaliteitsregels.vocabulary import LEVELS, THEMES

DUES: tuple[Due, ...] = ("with_registration", "before_award", "on_request")
NO_LEVEL = "none"
METRICS = (
    "requirements",
    "with_registration",
    "before_award",
    "on_request",
    "declarations",
    "assessor",
    "facts",
    "knockouts",
)


@dataclass(frozen=True, slots=True)
class Load:
    """The counts for one group of requirements (a whole ruleset, a level, a theme)."""

    requirements: int
    documents: dict[str, int]  # due → kinds of document first asked then
    declarations: int
    assessor: int
    facts: int
    knockouts: int

    def row(self) -> dict[str, int]:
        """The counts by name (`METRICS`)."""
        return {
            "requirements": self.requirements,
            **{due: self.documents.get(due, 0) for due in DUES},
            "declarations": self.declarations,
            "assessor": self.assessor,
            "facts": self.facts,
            "knockouts": self.knockouts,
        }


def load(found: Iterable[Features]) -> Load:
    """Count what `found` asks."""
    items = list(found)
    first: dict[str, int] = {}
    for feature in items:
        for spec in feature.requirement.spec.evidence:
            rank = DUES.index(spec.due)
            first[spec.type] = min(first.get(spec.type, rank), rank)
    documents: dict[str, int] = {due: sum(1 for rank in first.values() if rank == i) for i, due in enumerate(DUES)}
    return Load(
        requirements=len(items),
        documents=documents,
        declarations=len({name for f in items for name in f.declarations}),
        assessor=sum(1 for f in items if f.requirement.assessor),
        facts=len({fact for f in items for fact in f.facts}),
        knockouts=sum(1 for f in items if f.requirement.spec.severity == "knockout"),
    )


@dataclass(frozen=True, slots=True)
class StageBurden:
    """One ruleset at one stage: in total, by level and by theme."""

    ruleset: str
    stage: str
    law: bool  # the ruleset is a base (the law) of a compared one
    total: Load
    by_level: dict[str, Load]  # input, throughput, output, outcome, none
    by_theme: dict[str, Load]  # every theme, also those no requirement covers (zero)


@dataclass(frozen=True, slots=True)
class Burden:
    """The burden of several rulesets (and their law), and which themes nothing covers."""

    stages: tuple[StageBurden, ...]
    uncovered: dict[str, tuple[str, ...]]  # compared ruleset → themes neither it nor its law covers

    def at(self, ruleset: str, stage: str) -> StageBurden:
        """The burden of `ruleset` at `stage`."""
        return next(s for s in self.stages if s.ruleset == ruleset and s.stage == stage)


def _stage(ruleset: CompiledRuleset, found: Sequence[Features], stage: str, *, law: bool) -> StageBurden:
    due = [f for f in found if f.requirement.stage_rank <= STAGE_ORDER[stage]]
    levels = {level: load(f for f in due if f.requirement.spec.level == level) for level in LEVELS}
    levels[NO_LEVEL] = load(f for f in due if f.requirement.spec.level is None)
    themes = {theme: load(f for f in due if theme in f.requirement.spec.themes) for theme in THEMES}
    return StageBurden(ruleset.id, stage, law, load(due), levels, themes)


def burden(rulesets: Sequence[CompiledRuleset], *, with_law: bool = True) -> Burden:
    """The burden of each of `rulesets` per stage; with the law they build on (`with_law`) as rows of its own."""
    stages: list[StageBurden] = []
    uncovered: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for ruleset in rulesets:
        found = ruleset_features(ruleset)
        stages.extend(_stage(ruleset, found, str(stage), law=False) for stage in STAGES)
        covered = {t for f in found for t in f.requirement.spec.themes}
        for base in ruleset.lineage().values():
            covered |= {t for r in base.requirements for t in r.spec.themes}
            if with_law and base.id not in seen and base.id not in {r.id for r in rulesets}:
                seen.add(base.id)
                law = ruleset_features(base, law=True)
                stages.extend(_stage(base, law, str(stage), law=True) for stage in STAGES)
        uncovered[ruleset.id] = tuple(t for t in THEMES if t not in covered)
    return Burden(tuple(stages), uncovered)
