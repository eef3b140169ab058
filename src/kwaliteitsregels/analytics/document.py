"""The comparison and the version impact as plain documents: the JSON output and its schema.

`comparison_document(rulesets)` and `impact_document(...)` build them from compiled rulesets; every
format (text, JSON, Markdown, HTML) renders these documents, so they all say the same.
`kwaliteitsregels schema comparison|impact` prints their JSON Schemas.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kwaliteitsregels.analytics.alignment import RELATIONS, Difference, Relation
from kwaliteitsregels.analytics.burden import Load, burden
from kwaliteitsregels.analytics.compare import LAW_VERDICTS, LawVerdict, compare
from kwaliteitsregels.analytics.harmonise import Share, harmonise
from kwaliteitsregels.analytics.versions import diff, impact
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.messages import Lang


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RulesetInfo(_Doc):
    """A ruleset in the comparison."""

    id: str
    title: str
    version: str
    issuer: str
    requirements: int
    builds_on: list[str]
    law: bool = Field(description="a base ruleset (the law) of a compared one")


class DifferenceEntry(_Doc):
    """A parameter as this requirement and the other set it (null: only the other has it)."""

    fact: str
    keyword: str
    this: str | None
    other: str | None
    direction: Literal["stricter", "looser", "different"] = Field(description="this requirement against the other")


class PairEntry(_Doc):
    """A requirement against another ruleset: its counterpart there and how they relate."""

    ruleset: str
    requirement: str
    title: str
    other: str
    counterpart: str | None
    score: float
    signals: list[str] = Field(description="what they share: anchors (law), facts, legal, evidence")
    relation: Relation
    differences: list[DifferenceEntry]
    evidence: list[str] = Field(description="documents: this ↔ other")
    judgement: str | None = Field(default=None, description="'facts ↔ assessor' when they are judged differently")


class DeclaredOverlap(_Doc):
    """An overlap with the law as the ruleset records it."""

    requirement: str
    kind: str


class LawEntry(_Doc):
    """What a regional requirement does with the law."""

    ruleset: str
    requirement: str
    title: str
    verdict: LawVerdict = Field(description="restates, stricter, conflict, related (same subject, otherwise), adds")
    declared: list[DeclaredOverlap]
    counterpart: str | None
    relation: Relation | None = Field(description="computed from the parameters, against the counterpart")
    mismatch: bool = Field(description="the parameters say otherwise than the declared overlap, or none is declared")
    differences: list[DifferenceEntry]


class MatrixCell(_Doc):
    """How many requirements of `ruleset` have each relation to `other`."""

    ruleset: str
    other: str
    counts: dict[Relation, int]


class BurdenEntry(_Doc):
    """What a ruleset asks at a stage: in total, by level and by theme (counts named as in `total`)."""

    ruleset: str
    stage: str
    law: bool
    total: dict[str, int]
    by_level: dict[str, dict[str, int]]
    by_theme: dict[str, dict[str, int]]


class Valued(_Doc):
    """A parameter value and the requirement (`ruleset:id`) that sets it."""

    value: str
    requirement: str


class TermEntry(_Doc):
    """One parameter across a subject."""

    fact: str
    keyword: str
    strictest: Valued
    loosest: Valued
    values: list[Valued]
    ordered: bool = Field(description="false: the values cannot be ordered (strictest and loosest are not meaningful)")


class SubjectEntry(_Doc):
    """A subject: requirements of several rulesets that are each other's counterpart."""

    title: str
    members: dict[str, list[str]]
    present: list[str]
    share: Share
    core: bool
    in_law: list[str]
    terms: list[TermEntry]


class ComparisonDocument(_Doc):
    """`kwaliteitsregels compare`: rulesets aligned, against the law, their burden, and a common core."""

    kind: Literal["comparison"] = "comparison"
    library_version: str
    lang: Lang
    rulesets: list[RulesetInfo]
    pairs: list[PairEntry]
    matrix: list[MatrixCell]
    law: list[LawEntry]
    law_summary: dict[str, dict[LawVerdict, int]]
    burden: list[BurdenEntry]
    uncovered: dict[str, list[str]] = Field(description="themes neither the ruleset nor its law covers")
    subjects: list[SubjectEntry]


class RequirementRef(_Doc):
    """A requirement by id and title."""

    id: str
    title: str


class ChangeEntry(_Doc):
    """A requirement in both versions that differs."""

    requirement: str
    title: str
    fields: list[str]
    relation: Relation = Field(description="the new version against the old")
    parameters: list[DifferenceEntry] = Field(description="`this`: new, `other`: old")


class StatusEntry(_Doc):
    """A requirement whose status changes for a provider (null: not in that version)."""

    requirement: str
    lot: str | None
    old: str | None
    new: str | None


class ProfileEntry(_Doc):
    """A provider under both versions."""

    profile: str
    provider: str
    old: str
    new: str
    changed: bool
    changes: list[StatusEntry]


class ImpactDocument(_Doc):
    """`kwaliteitsregels impact`: two versions of a ruleset and what changes for providers."""

    kind: Literal["impact"] = "impact"
    library_version: str
    lang: Lang
    old: RulesetInfo
    new: RulesetInfo
    old_source: str
    new_source: str
    peildatum: date | None
    added: list[RequirementRef]
    removed: list[RequirementRef]
    changed: list[ChangeEntry]
    profiles: list[ProfileEntry]


def _library_version() -> str:
    try:
        return version("kwaliteitsregels")
    except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
        return "0"


def _info(ruleset: CompiledRuleset, lang: Lang, *, law: bool = False) -> RulesetInfo:
    spec = ruleset.spec
    return RulesetInfo(
        id=spec.id,
        title=spec.title.get(lang),
        version=spec.version,
        issuer=spec.issuer,
        requirements=len(ruleset.requirements),
        builds_on=[b.id for b in ruleset.bases],
        law=law,
    )


_DIRECTIONS: dict[int | None, Literal["stricter", "looser", "different"]] = {
    1: "stricter",
    -1: "looser",
    None: "different",
}


def _differences(found: Sequence[Difference]) -> list[DifferenceEntry]:
    return [
        DifferenceEntry(fact=d.fact, keyword=d.keyword, this=d.mine, other=d.theirs, direction=_DIRECTIONS[d.direction])
        for d in found
    ]


def _row(found: Load) -> dict[str, int]:
    return found.row()


def comparison_document(rulesets: Sequence[CompiledRuleset], lang: Lang = "nl") -> ComparisonDocument:
    """Compare `rulesets`: alignment, the law, burden per stage and the common core."""
    comparison = compare(rulesets)
    weight = burden(rulesets)
    pairs = [
        PairEntry(
            ruleset=m.ruleset,
            requirement=m.requirement,
            title=m.title.get(lang),
            other=m.other,
            counterpart=m.counterpart,
            score=m.score,
            signals=list(m.signals),
            relation=m.relation,
            differences=_differences(m.comparison.differences) if m.comparison else [],
            evidence=list(m.comparison.evidence) if m.comparison else [],
            judgement=m.comparison.judgement if m.comparison else None,
        )
        for m in comparison.matches
    ]
    matrix = [
        MatrixCell(ruleset=a, other=b, counts={r: counts.get(r, 0) for r in RELATIONS})
        for (a, b), counts in comparison.matrix().items()
    ]
    law = [
        LawEntry(
            ruleset=r.ruleset,
            requirement=r.requirement,
            title=r.title.get(lang),
            verdict=r.verdict,
            declared=[DeclaredOverlap(requirement=k, kind=kind) for k, kind in r.declared],
            counterpart=r.counterpart,
            relation=r.comparison.relation if r.comparison else None,
            mismatch=r.mismatch,
            differences=_differences(r.comparison.differences) if r.comparison else [],
        )
        for r in comparison.law_relations
    ]
    summary = {name: {v: counts.get(v, 0) for v in LAW_VERDICTS} for name, counts in comparison.law_summary().items()}
    stages = [
        BurdenEntry(
            ruleset=s.ruleset,
            stage=s.stage,
            law=s.law,
            total=_row(s.total),
            by_level={k: _row(v) for k, v in s.by_level.items()},
            by_theme={k: _row(v) for k, v in s.by_theme.items()},
        )
        for s in weight.stages
    ]
    subjects = [
        SubjectEntry(
            title=s.subject.title.get(lang),
            members={k: list(v) for k, v in s.subject.members.items()},
            present=list(s.present),
            share=s.share,
            core=s.core,
            in_law=list(s.in_law),
            terms=[
                TermEntry(
                    fact=t.fact,
                    keyword=t.keyword,
                    strictest=Valued(value=t.strictest[0], requirement=t.strictest[1]),
                    loosest=Valued(value=t.loosest[0], requirement=t.loosest[1]),
                    values=[Valued(value=v, requirement=k) for v, k in t.values],
                    ordered=t.ordered,
                )
                for t in s.terms
            ],
        )
        for s in harmonise(comparison)
    ]
    infos = [_info(r, lang) for r in rulesets] + [_info(r, lang, law=True) for r in comparison.law]
    return ComparisonDocument(
        library_version=_library_version(),
        lang=lang,
        rulesets=infos,
        pairs=pairs,
        matrix=matrix,
        law=law,
        law_summary=summary,
        burden=stages,
        uncovered={k: list(v) for k, v in weight.uncovered.items()},
        subjects=subjects,
    )


def impact_document(  # noqa: PLR0913 - both versions, where they came from, the profiles and the date
    old: CompiledRuleset,
    new: CompiledRuleset,
    *,
    sources: tuple[str, str] = ("", ""),
    profiles: Sequence[Path] = (),
    peildatum: date | None = None,
    lang: Lang = "nl",
) -> ImpactDocument:
    """What changed from `old` to `new`, and (with `profiles` and `peildatum`) whose outcome changes."""
    changes = diff(old, new)
    before = {r.id: r for r in old.requirements}
    after = {r.id: r for r in new.requirements}
    providers = impact(old, new, profiles, peildatum) if profiles and peildatum else ()
    return ImpactDocument(
        library_version=_library_version(),
        lang=lang,
        old=_info(old, lang),
        new=_info(new, lang),
        old_source=sources[0],
        new_source=sources[1],
        peildatum=peildatum,
        added=[RequirementRef(id=rid, title=after[rid].spec.title.get(lang)) for rid in changes.added],
        removed=[RequirementRef(id=rid, title=before[rid].spec.title.get(lang)) for rid in changes.removed],
        changed=[
            ChangeEntry(
                requirement=c.requirement,
                title=after[c.requirement].spec.title.get(lang),
                fields=list(c.fields),
                relation=c.relation,
                parameters=_differences(c.parameters),
            )
            for c in changes.changed
        ],
        profiles=[
            ProfileEntry(
                profile=p.profile,
                provider=p.provider,
                old=p.old,
                new=p.new,
                changed=p.changed,
                changes=[StatusEntry(requirement=s.requirement, lot=s.lot, old=s.old, new=s.new) for s in p.changes],
            )
            for p in providers
        ],
    )
