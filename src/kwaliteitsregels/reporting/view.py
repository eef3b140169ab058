"""What the assessor's report shows, as plain data for its templates (Markdown and HTML).

Every string here is raw text; the templates escape it. `verdicts` is a list so that verdicts per
framework (law) and per lot can join the overall one without changing the templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kwaliteitsregels import explain, messages, preview, reasons
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.ruleset import Requirement
from kwaliteitsregels.results import (
    STATE_ACCEPTED,
    STATE_EXPIRED,
    STATE_PENDING,
    STATE_REJECTED,
    STATUS_EXPLAIN,
    STATUS_FAIL,
    ExplanationRecord,
    Relation,
    Report,
    RequirementResult,
)


@dataclass(frozen=True, slots=True)
class VerdictView:
    """One verdict: over the whole ruleset, and over each framework it builds on (`scope`).

    `summary` says why in one sentence; `items` names the requirements behind it (id and title):
    the knock-out requirements not met, or the explanations still to be assessed.
    """

    scope: str
    code: str
    label: str
    summary: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CellView:
    """One lot in one municipality: its verdict there, or not bought there (`code` "none")."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class LotRowView:
    """One registered lot: its verdict, the knock-out requirements it fails, a cell per municipality."""

    lot: str
    title: str
    code: str
    label: str
    failing: tuple[str, ...]
    cells: tuple[CellView, ...]


@dataclass(frozen=True, slots=True)
class MatrixView:
    """Lots × municipalities in one table, with the verdict per municipality as the last row."""

    municipalities: tuple[str, ...]
    rows: tuple[LotRowView, ...]
    totals: tuple[CellView, ...]


@dataclass(frozen=True, slots=True)
class CountView:
    """How many requirements got one status."""

    status: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True, slots=True)
class RowView:
    """One requirement in a category table."""

    id: str
    title: str
    lot: str | None
    status: str
    state: str
    label: str
    reason: str
    source: str
    legal: tuple[str, ...]
    relations: tuple[str, ...] = ()  # overlaps with the law: which applies, and why


@dataclass(frozen=True, slots=True)
class CategoryView:
    """A category of the ruleset with its requirements, in ruleset order."""

    anchor: str
    id: str
    title: str
    rows: tuple[RowView, ...]


@dataclass(frozen=True, slots=True)
class ExplanationView:
    """A pas-toe-of-leg-uit explanation: what was said, by whom, and where its assessment stands."""

    id: str
    title: str
    state: str
    state_label: str
    outcome: str | None
    kind: str
    text: str
    given: str
    decided: str | None
    valid_until: str | None
    note: str | None
    allowed: str | None
    must_contain: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExplanationGroup:
    """The explanations in one state: still to be assessed, rejected, expired, accepted."""

    state: str
    label: str
    items: tuple[ExplanationView, ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    """One line of the checklist of missing documents."""

    title: str
    due: str
    due_label: str
    requirements: str
    why: str


@dataclass(frozen=True, slots=True)
class RecordView:
    """The decision record, as label and value."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything the assessor's report shows."""

    provider: str
    ruleset: str
    issuer: str
    version: str
    peildatum: str
    stage: str
    sources: tuple[str, ...]
    verdicts: tuple[VerdictView, ...]
    matrix: MatrixView | None
    counts: tuple[CountView, ...]
    total: int
    categories: tuple[CategoryView, ...]
    explanations: tuple[ExplanationGroup, ...]
    documents: tuple[DocumentView, ...]
    record: tuple[RecordView, ...]
    at_award: tuple[DocumentView, ...] = ()  # at registration: what the award will check besides `documents`


def state_of(result: RequirementResult) -> str:
    """The status, refined by the explanation's state for explained requirements (`explain-pending`)."""
    if result.explanation is not None and result.status is STATUS_EXPLAIN:
        return f"explain-{result.explanation.state}"
    return str(result.status)


def _named(result: RequirementResult, lang: Lang) -> str:
    """`M2 Tarieven … (perceel 3a)`: a requirement by its number and title, and the lot when per lot."""
    named = f"{result.id} {result.requirement.spec.title.get(lang)}"
    return f"{named} ({messages.text('lot', lang, lot=result.lot)})" if result.lot else named


def _why_items(report: Report, code: str, lang: Lang) -> tuple[str, ...]:
    """The requirements behind a verdict: knock-outs not met, or explanations still to be assessed."""
    own = _behind(report.results, code)
    if own or code == "voldoet":
        return tuple(dict.fromkeys(_named(r, lang) for r in own))
    # Nothing of its own: the verdict comes from the law it builds on (shown with the law's verdict too).
    bases = report.base_reports().values()
    return tuple(dict.fromkeys(f"{b.ruleset.id}:{_named(r, lang)}" for b in bases for r in _behind(b.results, code)))


def _behind(results: Sequence[RequirementResult], code: str) -> list[RequirementResult]:
    if code == "voldoet_niet":
        return [r for r in results if r.status is STATUS_FAIL and r.requirement.spec.severity == "knockout"]
    if code == "beoordeling_nodig":
        return [r for r in results if r.explanation and r.explanation.state is STATE_PENDING]
    return []


def _verdict(code: str, items: tuple[str, ...], lang: Lang, scope: str) -> VerdictView:
    key = f"doc.why.{code}" if items or code == "voldoet" else f"doc.why.{code}.none"
    return VerdictView(scope, code, messages.text(f"verdict.{code}", lang), messages.text(key, lang), items)


def _overall(report: Report, lang: Lang, scope: str | None = None) -> VerdictView:
    code = str(report.verdict)
    scope = scope or messages.text("doc.scope.overall", lang)
    return _verdict(code, _why_items(report, code, lang), lang, scope)


def _scoped(report: Report, lang: Lang) -> tuple[VerdictView, ...]:
    """Verdicts next to the overall one: per base ruleset (the law). Lots and municipalities: `_matrix`."""
    return tuple(
        _overall(base, lang, scope=base.ruleset.spec.title.get(lang)) for base in report.base_reports().values()
    )


def _cell(code: str, lang: Lang) -> CellView:
    return CellView(
        code, messages.text(f"verdict.{code}", lang) if code != "none" else messages.text("doc.not_bought", lang)
    )


def _lot_failing(
    ids: Sequence[str], lot: str, results: dict[tuple[str, str | None], RequirementResult], lang: Lang
) -> tuple[str, ...]:
    """The lot's own knock-outs by number and title; the whole provider's only by number, on one line.

    The whole provider's knock-outs are named with their titles in the overall verdict above the matrix.
    """
    own = tuple(f"{i} {results[i, lot].requirement.spec.title.get(lang)}" for i in ids if (i, lot) in results)
    wide = [i for i in ids if (i, lot) not in results]
    return (*own, ", ".join(wide)) if wide else own


def _matrix(report: Report, lang: Lang) -> MatrixView | None:
    """Lots × municipalities: one row per registered lot, one column per municipality registered for."""
    lots = report.lot_verdicts()
    if not lots:
        return None
    places = report.municipality_verdicts()
    titles = {lot.id: lot.title.get(lang) for lot in report.ruleset.spec.lots}
    results = {(r.id, r.lot): r for r in report.results}
    rows = tuple(
        LotRowView(
            lot=lot.lot,
            title=titles.get(lot.lot, ""),
            code=str(lot.verdict),
            label=messages.text(f"verdict.{lot.verdict}", lang),
            failing=_lot_failing(lot.failing, lot.lot, results, lang),
            cells=tuple(_cell(str(lot.verdict) if lot.lot in place.lots else "none", lang) for place in places),
        )
        for lot in lots
    )
    totals = tuple(_cell(str(place.verdict), lang) for place in places)
    return MatrixView(tuple(place.municipality for place in places), rows, totals)


def _source(spec: Requirement, several: bool, lang: Lang) -> str:
    """Where a reader finds the requirement in the framework itself: document and section (no file lines)."""
    parts = [spec.source.document] if several else []
    parts.append(messages.text("doc.section", lang, section=spec.source.section))
    return ", ".join(parts)


def _row(result: RequirementResult, several: bool, lang: Lang, relations: Sequence[Relation] = ()) -> RowView:
    """A result's row; `relations`: the declared overlaps it takes part in, on either side."""
    spec = result.requirement.spec
    return RowView(
        id=spec.id,
        title=spec.title.get(lang),
        lot=result.lot,
        status=str(result.status),
        state=state_of(result),
        label=reasons.status_label(result, lang),
        reason=reasons.reason(result, lang),
        source=_source(spec, several, lang),
        legal=tuple(f"{ref.law} art. {ref.article}" for ref in spec.legal),
        relations=tuple(reasons.relation_phrase(r, result, lang) for r in relations),
    )


def _categories(report: Report, several: bool, lang: Lang) -> tuple[CategoryView, ...]:
    grouped: dict[str, list[RequirementResult]] = {}
    for result in report.results:
        grouped.setdefault(result.requirement.spec.category, []).append(result)
    titles = {c.id: c.title.get(lang) for c in report.ruleset.spec.categories}
    overlaps: dict[int, list[Relation]] = {}  # by the result on either side, in the order they were declared
    for relation in report.all_relations():
        for side in dict.fromkeys((id(relation.this), id(relation.other))):
            overlaps.setdefault(side, []).append(relation)
    return tuple(
        CategoryView(
            f"categorie-{i}",
            cat,
            titles.get(cat, ""),
            tuple(_row(r, several, lang, overlaps.get(id(r), ())) for r in results),
        )
        for i, (cat, results) in enumerate(grouped.items(), start=1)
    )


def _explanation(result: RequirementResult, record: ExplanationRecord, lang: Lang) -> ExplanationView:
    spec = result.requirement.spec
    decided = None
    if record.decided_by is not None:
        decided = messages.text("doc.on", lang, who=record.decided_by, date=record.decided_on)
    route = spec.explain
    return ExplanationView(
        id=spec.id,
        title=spec.title.get(lang),
        state=str(record.state),
        state_label=messages.text(f"state.{record.state}", lang),
        outcome=reasons.status_label(result, lang) if result.status is STATUS_FAIL else None,
        kind=messages.text(f"doc.kind.{record.kind}", lang),
        text=record.text,
        given=messages.text("doc.on", lang, who=record.given_by, date=record.given_on),
        decided=decided,
        valid_until=record.valid_until.isoformat() if record.valid_until else None,
        note=record.note,
        allowed=reasons.clause(route.allowed_when.get(lang)) if route else None,
        must_contain=tuple(item.get(lang) for item in route.must_contain) if route else (),
    )


_STATE_ORDER = (
    STATE_PENDING,
    STATE_REJECTED,
    STATE_EXPIRED,
    STATE_ACCEPTED,
)


def _explanations(report: Report, lang: Lang) -> tuple[ExplanationGroup, ...]:
    groups = []
    for state in _STATE_ORDER:
        items = tuple(
            _explanation(r, r.explanation, lang)
            for r in report.results
            if r.explanation is not None and r.explanation.state is state
        )
        if items:
            label = messages.text(f"state.{state}", lang)
            groups.append(ExplanationGroup(str(state), label[:1].upper() + label[1:], items))
    return tuple(groups)


def _documents(items: Sequence[explain.MissingDocument], lang: Lang) -> tuple[DocumentView, ...]:
    """A checklist of documents as rows: today's missing documents, or those the award will check besides."""
    documents = []
    for item in items:
        title = item.title.get(lang)
        documents.append(
            DocumentView(
                title=title,
                due=item.due,
                due_label=messages.text(f"due.{item.due}", lang),
                requirements=", ".join(item.requirements),
                why=reasons.gap_phrase(item.first, title, lang).split(": ", 1)[1],
            ),
        )
    return tuple(documents)


def _record(report: Report, lang: Lang) -> tuple[RecordView, ...]:
    record = report.record
    return (
        RecordView(messages.text("doc.record.ruleset", lang), f"{record.ruleset_id} {record.ruleset_version}"),
        RecordView(messages.text("doc.record.ruleset_hash", lang), record.ruleset_hash),
        RecordView(messages.text("doc.record.profile_hash", lang), record.profile_hash),
        RecordView(messages.text("doc.record.library", lang), f"kwaliteitsregels {record.library_version}"),
    )


# The rows of the counts table: an explanation accepted and one still to be assessed are counted apart.
COUNT_ORDER = ("pass", "explain-accepted", "explain-pending", "fail", "not_applicable")


def _counts(report: Report) -> dict[str, int]:
    counts = dict.fromkeys(COUNT_ORDER, 0)
    for result in report.results:
        state = state_of(result)
        counts[state if state in counts else "explain-pending"] += 1
    return counts


def report_view(report: Report, lang: Lang = "nl", *, at_award: bool = True) -> ReportView:
    """The assessor's report of `report` as plain data, in `lang`.

    `at_award`: look ahead at registration (`preview.documents_at_award`); False leaves it empty, for views
    that do not show it (the notebook table).
    """
    spec = report.ruleset.spec
    counts = _counts(report)
    total = len(report.results)
    sources = tuple(dict.fromkeys(r.requirement.spec.source.document for r in report.results))
    return ReportView(
        provider=report.provider,
        ruleset=spec.title.get(lang),
        issuer=spec.issuer,
        version=spec.version,
        peildatum=report.peildatum.isoformat(),
        stage=messages.text(f"stage.{report.stage}", lang),
        sources=sources,
        verdicts=(_overall(report, lang), *_scoped(report, lang)),
        matrix=_matrix(report, lang),
        counts=tuple(
            CountView(s, messages.text(f"doc.count.{s}", lang), n, round(100 * n / total) if total else 0)
            for s, n in counts.items()
        ),
        total=total,
        categories=_categories(report, len(sources) > 1, lang),
        explanations=_explanations(report, lang),
        documents=_documents(explain.missing_documents(report), lang),
        record=_record(report, lang),
        at_award=_documents(preview.documents_at_award(report), lang) if at_award else (),
    )
