"""The report as a documented JSON document (schema: `kwaliteitsregels schema report`)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, JsonValue
from pydantic_core import to_json as to_json_bytes

from kwaliteitsregels import explain, messages, preview, reasons
from kwaliteitsregels._safe_text import escape_json_bytes
from kwaliteitsregels.combined import CombinedReport
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.ruleset import LegalRef, Requirement, SourceRef
from kwaliteitsregels.results import EvidenceGap, ExplanationRecord, Relation, Report, RequirementResult
from kwaliteitsregels.shared_texts import shared_trace_text
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
    summary: dict[str, dict[str, dict[str, int]]] = Field(
        description="the law's requirements per theme and level, as the framework's own summary"
    )


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
    documents_at_award: list[MissingDocumentDoc] = Field(
        description="at registration: the documents the award will check that missing_documents does not list, "
        "each with when it is due (also a document due with the registration for a requirement judged at award)"
    )
    decision_record: RecordDoc

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


_PLAIN = frozenset({str, int, bool, float})  # exactly these types: JSON as they are, decided by one lookup


def jsonable(value: Any) -> JsonValue:
    """A fact value as plain JSON: dates ISO, decimals and durations as exact text, records as objects.

    Never Python's own text of an object: a localized label becomes `{"nl": …, "en": …}`, a range
    of values in doubt (`Bounds`) `{"low": …, "high": …}`, any other dataclass an object of its fields.
    """
    kind = type(value)
    if kind in _PLAIN or value is None:
        plain: JsonValue = value
        return plain
    if kind is date:
        day: date = value
        return day.isoformat()
    if kind is list or kind is tuple:
        return [jsonable(v) for v in value]
    return _jsonable(value)


def _jsonable(value: Any) -> JsonValue:
    """`jsonable` of what is not plain, a date, a list or a tuple by its exact type (a subclass, a record)."""
    if isinstance(value, bool | int | float | str):
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

# The document is built as plain JSON data (dicts in the order of the models' fields) and written by
# orjson (`json_bytes`): the same bytes as the models' `model_dump_json(indent=2, by_alias=True)`, without
# a model per finding. The models above stay the schema (`kwaliteitsregels schema report`): `to_document`
# validates the data against them, and tests hold both to the same bytes.
Doc = dict[str, Any]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _decimal(number: Decimal | None) -> str | None:
    return str(number) if number is not None else None


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


def _result(result: RequirementResult, lang: Lang, overlaps: _Overlaps) -> Doc:
    """A `ResultDoc` as plain data: the requirement's own parts made once, this result's filled in."""
    doc = dict(_static(result.requirement.spec, lang))
    doc["lot"] = result.lot
    doc["status"] = str(result.status)
    doc["status_label"] = reasons.status_label(result, lang)
    doc["basis"] = str(result.basis)
    doc["not_applicable"] = str(result.not_applicable) if result.not_applicable else None
    facts = shared_trace_text(result, "facts_doc", lang, _facts)  # first: the facts trace every item at once,
    doc["reason"] = reasons.reason(result, lang)  # the reason then names the items that did not pass among them
    doc["findings"] = shared_trace_text(result, "findings_doc", lang, _findings)  # made of the trace alone:
    doc["facts"] = facts  # shared by results with the same trace
    doc["missing_evidence"] = [_gap(result, gap, lang) for gap in result.gaps]
    doc["explanation"] = _explanation(result.explanation, lang)
    doc["score"] = _decimal(result.score)
    doc["superseded"] = id(result) in overlaps.superseded
    doc["relations"] = [_relation(relation, result, lang) for relation in overlaps.by_result.get(id(result), [])]
    return doc


# A requirement's own parts of its `ResultDoc`, per language, in the document's key order; the result's
# own keys hold None until `_result` fills them. Shared by every document of every provider and never
# changed: the data is only written (`_dumped`) or validated (`to_document`). Kept by the requirement's
# `id` while it lives (a ruleset loaded again is a new requirement).
_STATIC: dict[tuple[int, Lang], Doc] = {}


def _static(spec: Requirement, lang: Lang) -> Doc:
    key = (id(spec), lang)
    found = _STATIC.get(key)
    if found is None:
        found = _STATIC[key] = _made_static(spec, lang)
        weakref.finalize(spec, _STATIC.pop, key, None)
    return found


def _made_static(spec: Requirement, lang: Lang) -> Doc:
    return {
        "id": spec.id,
        "lot": None,
        "title": spec.title.get(lang),
        "category": spec.category,
        "law_scope": spec.law_scope,
        "severity": spec.severity,
        "tags": tuple(spec.tags),
        "verification_flag": spec.verification_flag,
        "status": None,
        "status_label": None,
        "basis": None,
        "not_applicable": None,
        "reason": None,
        "findings": None,
        "facts": None,
        "missing_evidence": None,
        "explanation": None,
        "source": spec.source.model_dump(mode="json", by_alias=True),
        "legal": tuple(ref.model_dump(mode="json", by_alias=True) for ref in spec.legal),
        "themes": tuple(spec.themes),
        "level": spec.level,
        "points": _decimal(spec.points),
        "score": None,
        "superseded": None,
        "relations": None,
    }


def _facts(result: RequirementResult, _lang: Lang) -> tuple[Doc, ...]:
    """The facts read as `FactDoc`s, plain data."""
    return tuple({"path": path, "value": jsonable(value)} for path, value in explain.result_facts(result))


def _findings(result: RequirementResult, lang: Lang) -> tuple[Doc, ...]:
    """`FindingDoc`s as plain data; the messages name things, the paths stay raw for machines."""
    found = explain.result_findings(result)
    said = explain.finding_messages(result, lang)
    return tuple(
        {
            "path": f.path,
            "keyword": f.keyword,
            "outcome": _OUTCOME[f.outcome],
            "negated": f.negated,
            "expected": jsonable(f.expected),
            "actual": jsonable(f.actual),
            "message": message,
        }
        for f, message in zip(found, said, strict=True)
    )


def _gap(result: RequirementResult, gap: EvidenceGap, lang: Lang) -> Doc:
    """A `GapDoc` as plain data."""
    title = result.requirement.evidence_title(gap.type, lang)
    return {
        "type": gap.type,
        "title": title,
        "due": gap.due,
        "reason": str(gap.reason),
        "message": reasons.gap_phrase(gap, title, lang),
    }


def _explanation(record: ExplanationRecord | None, lang: Lang) -> Doc | None:
    """An `ExplanationDoc` as plain data."""
    if record is None:
        return None
    return {
        "kind": record.kind,
        "state": str(record.state),
        "state_label": messages.text(f"state.{record.state}", lang),
        "text": record.text,
        "given_by": record.given_by,
        "given_on": _iso(record.given_on),
        "decided_by": record.decided_by,
        "decided_on": _iso(record.decided_on),
        "valid_until": _iso(record.valid_until),
        "note": record.note,
        "covers": str(record.covers),
    }


def _relation(relation: Relation, result: RequirementResult, lang: Lang) -> Doc:
    """A `RelationDoc` as plain data."""
    return {
        "requirement": f"{relation.other_ruleset}:{relation.other.id}",
        "kind": relation.kind,
        "prevails": relation.prevails,
        "other_status": str(relation.other.status),
        "disagree": relation.disagree,
        "superseded": relation.superseded,
        "text": reasons.relation_phrase(relation, result, lang),
        "note": relation.note.get(lang) if relation.note is not None else None,
    }


def _ruleset(report: Report, lang: Lang) -> Doc:
    spec = report.ruleset.spec
    return {"id": spec.id, "title": spec.title.get(lang), "issuer": spec.issuer, "version": spec.version}


def _verdict(verdict: object, lang: Lang) -> Doc:
    """The verdict and its label."""
    return {"verdict": str(verdict), "verdict_label": messages.text(f"verdict.{verdict}", lang)}


def _lots(report: Report, lang: Lang) -> list[Doc]:
    titles = {lot.id: lot.title.get(lang) for lot in report.ruleset.spec.lots}
    return [
        {"lot": v.lot, "title": titles.get(v.lot, v.lot), **_verdict(v.verdict, lang), "failing": list(v.failing)}
        for v in report.lot_verdicts()
    ]


def _municipalities(report: Report, lang: Lang) -> list[Doc]:
    return [
        {
            "municipality": v.municipality,
            **_verdict(v.verdict, lang),
            "lots": list(v.lots),
            "admitted": list(v.admitted),
        }
        for v in report.municipality_verdicts()
    ]


def _base(base: Report, lang: Lang, overlaps: _Overlaps) -> Doc:
    """A `BaseReportDoc` as plain data."""
    return {
        "ruleset": _ruleset(base, lang),
        **_verdict(base.verdict, lang),
        "counts": {str(k): v for k, v in base.counts().items()},
        "results": [_result(r, lang, overlaps) for r in base.results],
        "summary": report_summary(base),
    }


def _record(report: Report) -> Doc:
    """A `RecordDoc` as plain data."""
    record = report.record
    return {
        "ruleset_id": record.ruleset_id,
        "ruleset_version": record.ruleset_version,
        "ruleset_hash": record.ruleset_hash,
        "profile_hash": record.profile_hash,
        "peildatum": _iso(record.peildatum),
        "stage": str(record.stage),
        "library_version": record.library_version,
        "assessments_hash": record.assessments_hash,
    }


def report_data(report: Report, lang: Lang = "nl") -> Doc:
    """The JSON document of a report as plain data: a `ReportDocument` dumped by alias, in JSON mode."""
    overlaps = _Overlaps.of(report)
    award = report.award()
    return {
        "schema": SCHEMA_ID,
        "lang": lang,
        "provider": report.provider,
        "ruleset": _ruleset(report, lang),
        "peildatum": _iso(report.peildatum),
        **_verdict(report.verdict, lang),
        "counts": {str(k): v for k, v in report.counts().items()},
        "lots": _lots(report, lang),
        "municipalities": _municipalities(report, lang),
        "results": [_result(r, lang, overlaps) for r in report.results],
        "bases": [_base(base, lang, overlaps) for base in report.base_reports().values()],
        "award": {"total": _decimal(award[0]), "maximum": _decimal(award[1])} if award else None,
        "summary": report_summary(report),
        "missing_documents": _checklist(explain.missing_documents(report), lang),
        "documents_at_award": _checklist(preview.documents_at_award(report), lang),
        "decision_record": _record(report),
    }


def to_document(report: Report, lang: Lang = "nl") -> ReportDocument:
    """Build the JSON document of a report (validated against its models)."""
    return ReportDocument.model_validate(report_data(report, lang))


# orjson writes a document's plain data with the bytes pydantic's writer gives it, in a quarter of the time
# (a Twente report: 184 KB in ~120 µs instead of ~410 µs). What it would write otherwise or not at all, it
# is told to refuse (a date, a dataclass, a subclass of str or int) or refuses of itself (an int beyond
# 64 bits, a lone surrogate, a key that is no text); pydantic writes those. A property test holds the two
# writers to the same bytes.
_ORJSON = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_ORJSON |= orjson.OPT_PASSTHROUGH_SUBCLASS


def json_bytes(data: Any) -> bytes:
    """Plain data as JSON (UTF-8, indented by two): the bytes `pydantic_core.to_json(data, indent=2)` writes."""
    try:
        return orjson.dumps(data, option=_ORJSON)
    except orjson.JSONEncodeError:
        return to_json_bytes(data, indent=2, inf_nan_mode="null")


def _dumped(data: Doc) -> str:
    """A document's data as JSON text, safe to `cat`, as the models write it."""
    return escape_json_bytes(json_bytes(data)) + "\n"


def to_json(report: Report, lang: Lang = "nl") -> str:
    """The report as JSON text: the same input gives the same bytes."""
    return _dumped(report_data(report, lang))


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
    documents_at_award: list[MissingDocumentDoc] = Field(
        description="at registration: the documents the award will check that missing_documents does not list"
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def _checklist(items: list[explain.MissingDocument], lang: Lang) -> list[Doc]:
    return [
        {
            "type": item.type,
            "title": item.title.get(lang),
            "due": item.due,
            "due_label": messages.text(f"due.{item.due}", lang),
            "reasons": list(item.reasons),
            "requirements": list(item.requirements),
            "max_age": item.max_age,
        }
        for item in items
    ]


def combined_data(combined: CombinedReport, lang: Lang = "nl") -> Doc:
    """The JSON document of a combined report as plain data: a `CombinedDocument` dumped by alias."""
    first = combined.reports[0]
    return {
        "schema": COMBINED_SCHEMA_ID,
        "lang": lang,
        "provider": first.provider,
        "peildatum": _iso(first.peildatum),
        **_verdict(combined.verdict, lang),
        "verdicts": {k: str(v) for k, v in combined.verdicts().items()},
        "frameworks": [report_data(report, lang) for report in combined.reports],
        "missing_documents": _checklist(now := combined.missing_documents(), lang),
        "documents_at_award": _checklist(preview.documents_at_award_of(combined.reports, now), lang),
    }


def combined_document(combined: CombinedReport, lang: Lang = "nl") -> CombinedDocument:
    """Build the JSON document of a combined report (validated against its models)."""
    return CombinedDocument.model_validate(combined_data(combined, lang))


def combined_json(combined: CombinedReport, lang: Lang = "nl") -> str:
    """The combined report as JSON text."""
    return _dumped(combined_data(combined, lang))
