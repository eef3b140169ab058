"""The provider letter: what we still need from you, in plain language, grouped by deadline.

The letter asks for three things, each once: the documents that are missing, expired or too old
(the checklist of `explain.missing_documents`); the explanations still owed (a requirement that
fails because no explanation was given, or whose explanation was rejected or has expired); and,
briefly, the other requirements the provider does not meet. No status codes, field paths or
document type keys: only titles, dates and short sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kwaliteitsregels import explain, messages, reasons
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.ruleset import Due
from kwaliteitsregels.reporting.templating import long_date, render
from kwaliteitsregels.results import EvidenceGap, ExplanationState, GapReason, Report, RequirementResult, Status

OwedWhy = Literal["missing", "rejected", "expired"]
# A hint for ruleset authors inside a ruleset's text, such as "(profiel: client_representation.alternative)".
_PROFILE_HINT = re.compile(r"\s*\((?:profiel|profile): [^)]*\)")
DUE_ORDER: tuple[Due, ...] = ("with_registration", "before_award", "on_request")


@dataclass(frozen=True, slots=True)
class OwedDocument:
    """A document to send, with why in one sentence."""

    type: str
    title: str
    due: Due
    message: str


@dataclass(frozen=True, slots=True)
class OwedExplanation:
    """An explanation the provider still owes for one requirement."""

    requirement: str
    title: str
    due: Due
    why: OwedWhy
    message: str
    note: str | None
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Deadline:
    """Everything due at one moment of the procedure."""

    due: Due
    heading: str
    note: str | None
    documents: tuple[OwedDocument, ...]
    explanations: tuple[OwedExplanation, ...]


@dataclass(frozen=True, slots=True)
class LetterView:
    """The whole letter as plain data."""

    provider: str
    ruleset: str
    issuer: str
    date: str
    deadlines: tuple[Deadline, ...]
    other: tuple[str, ...]
    pending: int


def owed_why(result: RequirementResult) -> OwedWhy | None:
    """Why `result` needs a (new) explanation from the provider, or None when it does not."""
    spec = result.requirement.spec
    if result.status is not Status.FAIL or spec.explain is None:
        return None
    record = result.explanation
    if record is None:
        return "missing" if spec.judgement == "assessor" else None
    if record.state in {ExplanationState.REJECTED, ExplanationState.EXPIRED}:
        return "rejected" if record.state is ExplanationState.REJECTED else "expired"
    return None


def _gap_sentence(gap: EvidenceGap, peildatum: date, lang: Lang) -> str:
    when = {
        GapReason.EXPIRED: gap.valid_until,
        GapReason.TOO_OLD: gap.not_before,
        GapReason.NOT_YET_ISSUED: peildatum,
    }.get(gap.reason)
    return messages.text(f"letter.doc.{gap.reason}", lang, date=long_date(when, lang) if when else "")


def owed_documents(report: Report, lang: Lang = "nl") -> list[OwedDocument]:
    """The missing-documents checklist, phrased for the provider."""
    return [
        OwedDocument(
            type=item.type,
            title=item.title.get(lang),
            due=item.due,
            message=_gap_sentence(item.first, report.peildatum, lang),
        )
        for item in explain.missing_documents(report)
    ]


def _explanation(result: RequirementResult, why: OwedWhy, lang: Lang) -> OwedExplanation:
    spec = result.requirement.spec
    record = result.explanation
    when = None
    if record is not None:
        when = record.given_on if why == "rejected" else record.valid_until
    route = spec.explain
    points = tuple(_PROFILE_HINT.sub("", item.get(lang)) for item in route.must_contain) if route else ()
    if not points and route is not None:
        points = (messages.text("letter.explain.what", lang, allowed=reasons.clause(route.allowed_when.get(lang))),)
    return OwedExplanation(
        requirement=spec.id,
        title=spec.title.get(lang),
        due="before_award" if spec.stage == "award" else "with_registration",
        why=why,
        message=messages.text(f"letter.explain.{why}", lang, date=long_date(when, lang) if when else ""),
        note=reasons.clause(record.note) if record is not None and why == "rejected" and record.note else None,
        points=points,
    )


def owed_explanations(report: Report, lang: Lang = "nl") -> list[OwedExplanation]:
    """The explanations the provider still owes, in ruleset order."""
    owed = [(r, owed_why(r)) for r in report.results]
    return [_explanation(r, why, lang) for r, why in owed if why is not None]


def letter_view(report: Report, lang: Lang = "nl") -> LetterView:
    """The letter of `report` as plain data, in `lang`."""
    documents = owed_documents(report, lang)
    explanations = owed_explanations(report, lang)
    deadlines = tuple(
        Deadline(
            due=due,
            heading=messages.text(f"letter.due.{due}", lang),
            note=messages.text("letter.due_note.on_request", lang) if due == "on_request" else None,
            documents=tuple(d for d in documents if d.due == due),
            explanations=tuple(e for e in explanations if e.due == due),
        )
        for due in DUE_ORDER
        if any(d.due == due for d in documents) or any(e.due == due for e in explanations)
    )
    other = tuple(
        f"{r.requirement.spec.title.get(lang)} ({messages.text('letter.requirement', lang, id=r.id)})"
        for r in report.results
        if r.status is Status.FAIL and not r.gaps and owed_why(r) is None
    )
    spec = report.ruleset.spec
    return LetterView(
        provider=report.provider,
        ruleset=spec.title.get(lang),
        issuer=spec.issuer,
        date=long_date(report.peildatum, lang),
        deadlines=deadlines,
        other=other,
        pending=sum(1 for r in report.results if r.explanation and r.explanation.state is ExplanationState.PENDING),
    )


def render_letter(report: Report, lang: Lang = "nl") -> str:
    """The provider letter as Markdown."""
    return render("letter.md", lang, letter=letter_view(report, lang))
