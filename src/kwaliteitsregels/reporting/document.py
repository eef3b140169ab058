"""The report as a documented JSON document (schema: `kwaliteitsregels schema report`)."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from kwaliteitsregels import explain, messages, naming, reasons
from kwaliteitsregels.combined import CombinedReport
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.ruleset import LegalRef, SourceRef
from kwaliteitsregels.reporting._records import decision_record
from kwaliteitsregels.reporting._terminal import escape_json
from kwaliteitsregels.results import Relation, Report, RequirementResult
from kwaliteitsregels.summaries import report_summary

SCHEMA_ID = "kwaliteitsregels/report/v1"


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FindingDoc(_Doc):
    """A condition that decided a non-pass outcome."""

    path: str
    keyword: str
    outcome: Literal["not_met", "not_demonstrated", "met"]
    negated: bool
    expected: JsonValue
    actual: JsonValue
    message: str


class FactDoc(_Doc):
    """A fact the evaluation read."""

    path: str
    value: JsonValue


class GapDoc(_Doc):
    """A verification document missing for this requirement."""

    type: str
    title: str
    due: str
    reason: str
    message: str


class ExplanationDoc(_Doc):
    """The governed record of an explanation (pas toe of leg uit)."""

    kind: str
    state: str
    state_label: str
    text: str
    given_by: str
    given_on: date
    decided_by: str | None
    decided_on: date | None
    valid_until: date | None
    note: str | None
    covers: str


class RelationDoc(_Doc):
    """A declared overlap with a requirement of a base ruleset, and how both came out."""

    requirement: str
    kind: str
    prevails: str | None
    other_status: str
    disagree: bool
    superseded: str | None
    text: str
    note: str | None


class ResultDoc(_Doc):
    """One requirement's outcome (for a per-lot requirement: in one lot)."""

    id: str
    lot: str | None
    title: str
    category: str
    law_scope: str
    severity: str
    tags: list[str]
    verification_flag: bool | None
    status: str
    status_label: str
    basis: str
    not_applicable: str | None
    reason: str
    findings: list[FindingDoc]
    facts: list[FactDoc]
    missing_evidence: list[GapDoc]
    explanation: ExplanationDoc | None
    source: SourceRef
    legal: list[LegalRef]
    themes: list[str]
    level: str | None
    points: Decimal | None
    score: Decimal | None
    superseded: bool
    relations: list[RelationDoc]


class MissingDocumentDoc(_Doc):
    """One entry of the deduplicated checklist of documents still to be supplied."""

    type: str
    title: str
    due: str
    due_label: str
    reasons: list[str]
    requirements: list[str]
    max_age: str | None


class LotVerdictDoc(_Doc):
    """The verdict for one registered lot."""

    lot: str
    title: str
    verdict: str
    verdict_label: str
    failing: list[str]


class MunicipalityVerdictDoc(_Doc):
    """For one municipality registered for: lots it buys, lots admitted, verdict."""

    municipality: str
    verdict: str
    verdict_label: str
    lots: list[str]
    admitted: list[str]


class RulesetDoc(_Doc):
    """Which framework was applied."""

    id: str
    title: str
    issuer: str
    version: str


class RecordDoc(_Doc):
    """The decision record: enough to reproduce the report."""

    ruleset_id: str
    ruleset_version: str
    ruleset_hash: str
    profile_hash: str
    peildatum: date
    stage: str
    library_version: str
    assessments_hash: str | None = Field(
        default=None, description="the municipality's assessments file, when one was given (load_assessments)"
    )


class AwardDoc(_Doc):
    """Award criteria: the weighted total of the accepted scores and the maximum."""

    total: Decimal
    maximum: Decimal


class BaseReportDoc(_Doc):
    """A base ruleset (the law) evaluated with the framework."""

    ruleset: RulesetDoc
    verdict: str
    verdict_label: str
    counts: dict[str, int]
    results: list[ResultDoc]


class ReportDocument(_Doc):
    """The whole report."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    lang: Lang
    provider: str
    ruleset: RulesetDoc
    peildatum: date
    verdict: str
    verdict_label: str
    counts: dict[str, int]
    lots: list[LotVerdictDoc]
    municipalities: list[MunicipalityVerdictDoc]
    results: list[ResultDoc]
    bases: list[BaseReportDoc]
    award: AwardDoc | None
    summary: dict[str, dict[str, dict[str, int]]]
    missing_documents: list[MissingDocumentDoc]
    decision_record: RecordDoc

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def jsonable(value: Any) -> JsonValue:
    """A fact value as plain JSON: dates ISO, decimals and durations as exact text, records as objects.

    Never Python's own text of an object: a localized label becomes `{"nl": …, "en": …}`, a range
    of values in doubt (`Bounds`) `{"low": …, "high": …}`, any other dataclass an object of its fields.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [jsonable(v) for v in items]
    if isinstance(value, BaseModel):
        value = value.model_dump(exclude_none=True)
    elif is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value.isoformat() if isinstance(value, date) else str(value)  # Decimal, Duration: exact text


_OUTCOME: dict[bool | None, Literal["not_met", "not_demonstrated", "met"]] = {
    False: "not_met",
    None: "not_demonstrated",
    True: "met",
}


@dataclass(frozen=True, slots=True)
class _Overlaps:
    """A report's declared overlaps, looked up per result (computed once per document, not per result)."""

    superseded: frozenset[int]
    by_result: dict[int, list[Relation]]

    @classmethod
    def of(cls, report: Report) -> _Overlaps:
        by_result: dict[int, list[Relation]] = {}
        for relation in report.all_relations():
            by_result.setdefault(id(relation.this), []).append(relation)
        return cls(report.superseded(), by_result)


def _result(result: RequirementResult, lang: Lang, overlaps: _Overlaps) -> ResultDoc:
    spec = result.requirement.spec
    record = result.explanation
    relations = overlaps.by_result.get(id(result), [])
    names = naming.namer(result, lang)  # the findings' messages name things; their paths stay raw for machines
    return ResultDoc.model_construct(
        id=spec.id,
        lot=result.lot,
        title=spec.title.get(lang),
        category=spec.category,
        law_scope=spec.law_scope,
        severity=spec.severity,
        tags=list(spec.tags),
        verification_flag=spec.verification_flag,
        status=str(result.status),
        status_label=reasons.status_label(result, lang),
        basis=str(result.basis),
        not_applicable=str(result.not_applicable) if result.not_applicable else None,
        reason=reasons.reason(result, lang),
        findings=[
            FindingDoc.model_construct(
                path=f.path,
                keyword=f.keyword,
                outcome=_OUTCOME[f.outcome],
                negated=f.negated,
                expected=jsonable(f.expected),
                actual=jsonable(f.actual),
                message=f.message(lang, names=names),
            )
            for f in explain.findings(result.trace)
        ],
        facts=[FactDoc.model_construct(path=p, value=jsonable(v)) for p, v in explain.facts(result.trace)],
        missing_evidence=[
            GapDoc.model_construct(
                type=g.type,
                title=result.requirement.evidence_title(g.type, lang),
                due=g.due,
                reason=str(g.reason),
                message=reasons.gap_phrase(g, result.requirement.evidence_title(g.type, lang), lang),
            )
            for g in result.gaps
        ],
        explanation=None
        if record is None
        else ExplanationDoc.model_construct(
            kind=record.kind,
            state=str(record.state),
            state_label=messages.text(f"state.{record.state}", lang),
            text=record.text,
            given_by=record.given_by,
            given_on=record.given_on,
            decided_by=record.decided_by,
            decided_on=record.decided_on,
            valid_until=record.valid_until,
            note=record.note,
            covers=str(record.covers),
        ),
        source=spec.source,
        legal=list(spec.legal),
        themes=list(spec.themes),
        level=spec.level,
        points=spec.points,
        score=result.score,
        superseded=id(result) in overlaps.superseded,
        relations=[
            RelationDoc.model_construct(
                requirement=f"{r.other_ruleset}:{r.other.id}",
                kind=r.kind,
                prevails=r.prevails,
                other_status=str(r.other.status),
                disagree=r.disagree,
                superseded=r.superseded,
                text=reasons.relation_phrase(r, result, lang),
                note=r.note.get(lang) if r.note is not None else None,
            )
            for r in relations
        ],
    )


def _ruleset(report: Report, lang: Lang) -> RulesetDoc:
    spec = report.ruleset.spec
    return RulesetDoc.model_construct(id=spec.id, title=spec.title.get(lang), issuer=spec.issuer, version=spec.version)


def to_document(report: Report, lang: Lang = "nl") -> ReportDocument:
    """Build the JSON document of a report."""
    spec = report.ruleset.spec
    record = decision_record(report)
    overlaps = _Overlaps.of(report)
    lot_titles = {lot.id: lot.title.get(lang) for lot in spec.lots}
    checklist = _checklist(explain.missing_documents(report), lang)
    return ReportDocument.model_construct(
        lang=lang,
        provider=report.provider,
        ruleset=_ruleset(report, lang),
        peildatum=report.peildatum,
        verdict=str(report.verdict),
        verdict_label=messages.text(f"verdict.{report.verdict}", lang),
        counts={str(k): v for k, v in report.counts().items()},
        lots=[
            LotVerdictDoc.model_construct(
                lot=v.lot,
                title=lot_titles.get(v.lot, v.lot),
                verdict=str(v.verdict),
                verdict_label=messages.text(f"verdict.{v.verdict}", lang),
                failing=list(v.failing),
            )
            for v in report.lot_verdicts()
        ],
        municipalities=[
            MunicipalityVerdictDoc.model_construct(
                municipality=v.municipality,
                verdict=str(v.verdict),
                verdict_label=messages.text(f"verdict.{v.verdict}", lang),
                lots=list(v.lots),
                admitted=list(v.admitted),
            )
            for v in report.municipality_verdicts()
        ],
        results=[_result(r, lang, overlaps) for r in report.results],
        bases=[
            BaseReportDoc.model_construct(
                ruleset=_ruleset(base, lang),
                verdict=str(base.verdict),
                verdict_label=messages.text(f"verdict.{base.verdict}", lang),
                counts={str(k): v for k, v in base.counts().items()},
                results=[_result(r, lang, overlaps) for r in base.results],
            )
            for base in report.base_reports().values()
        ],
        award=AwardDoc.model_construct(total=award[0], maximum=award[1]) if (award := report.award()) else None,
        summary=report_summary(report),
        missing_documents=checklist,
        decision_record=RecordDoc.model_construct(
            ruleset_id=record.ruleset_id,
            ruleset_version=record.ruleset_version,
            ruleset_hash=record.ruleset_hash,
            profile_hash=record.profile_hash,
            peildatum=record.peildatum,
            stage=str(record.stage),
            library_version=record.library_version,
            assessments_hash=record.assessments_hash,
        ),
    )


def to_json(report: Report, lang: Lang = "nl") -> str:
    """The report as JSON text: the same input gives the same bytes."""
    return escape_json(to_document(report, lang).model_dump_json(indent=2, by_alias=True)) + "\n"


COMBINED_SCHEMA_ID = "kwaliteitsregels/combined-report/v1"


class CombinedDocument(_Doc):
    """One profile against several frameworks: a report per framework and one checklist."""

    schema_: str = Field(default=COMBINED_SCHEMA_ID, alias="schema")
    lang: Lang
    provider: str
    peildatum: date
    verdict: str
    verdict_label: str
    verdicts: dict[str, str]
    frameworks: list[ReportDocument]
    missing_documents: list[MissingDocumentDoc]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def _checklist(items: list[explain.MissingDocument], lang: Lang) -> list[MissingDocumentDoc]:
    return [
        MissingDocumentDoc.model_construct(
            type=item.type,
            title=item.title.get(lang),
            due=item.due,
            due_label=messages.text(f"due.{item.due}", lang),
            reasons=list(item.reasons),
            requirements=list(item.requirements),
            max_age=item.max_age,
        )
        for item in items
    ]


def combined_document(combined: CombinedReport, lang: Lang = "nl") -> CombinedDocument:
    """Build the JSON document of a combined report."""
    first = combined.reports[0]
    return CombinedDocument.model_construct(
        lang=lang,
        provider=first.provider,
        peildatum=first.peildatum,
        verdict=str(combined.verdict),
        verdict_label=messages.text(f"verdict.{combined.verdict}", lang),
        verdicts={k: str(v) for k, v in combined.verdicts().items()},
        frameworks=[to_document(report, lang) for report in combined.reports],
        missing_documents=_checklist(combined.missing_documents(), lang),
    )


def combined_json(combined: CombinedReport, lang: Lang = "nl") -> str:
    """The combined report as JSON text."""
    return escape_json(combined_document(combined, lang).model_dump_json(indent=2, by_alias=True)) + "\n"
