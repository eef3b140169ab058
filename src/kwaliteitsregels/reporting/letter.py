"""The provider letter: what we still need from you, in plain language, grouped by deadline.

The letter asks for three things, each once: the documents that are missing, expired or too old
(the checklist of `explain.missing_documents`); the explanations still owed (a requirement that
fails because no explanation was given, or whose explanation was rejected or has expired); and
the other requirements the provider does not meet, each with what follows from it: a lot set aside
(a knock-out requirement per lot that the facts do not meet, such as a tariff above the maximum,
cannot be put right), a provider not admitted, data still to be sent, or only a request to improve.
Then, per lot, what follows for that lot. At registration, last and apart from what is needed now: the
documents the award will also ask for (`preview.documents_at_award`), each with when. No status codes,
field paths or document type keys.

Who sends it, the reference, the letter's date, the deadlines and the contact come from
`LetterSettings` (a YAML file: `report --letter-settings FILE`); without them the issuer of the
ruleset signs, the letter is dated on the peildatum and answers are due fourteen days later.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kwaliteitsregels import explain, messages, preview, reasons
from kwaliteitsregels.errors import InputError
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.ruleset import Due
from kwaliteitsregels.reporting.templating import long_date, render, use_templates
from kwaliteitsregels.results import (
    STATE_EXPIRED,
    STATE_PENDING,
    STATE_REJECTED,
    STATUS_FAIL,
    EvidenceGap,
    GapReason,
    Report,
    RequirementResult,
    Verdict,
)

OwedWhy = Literal["missing", "rejected", "expired"]
# What follows from a requirement the provider does not meet (besides documents and explanations).
Consequence = Literal["set_aside_lot", "not_admitted", "demonstrate", "improve"]
# A hint for ruleset authors inside a ruleset's text, such as "(profiel: client_representation.alternative)".
_PROFILE_HINT = re.compile(r"\s*\((?:profiel|profile): [^)]*\)")
DUE_ORDER: tuple[Due, ...] = ("with_registration", "before_award", "on_request")


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sender(_Settings):
    """Who sends the letter: the municipality or the region, with its postal address."""

    name: str = Field(min_length=1, description="'Sociaal Domein Achterhoek'")
    department: str | None = Field(default=None, description="'Team Inkoop'")
    address: list[str] = Field(default_factory=list, description="lines of the postal address")


class Contact(_Settings):
    """Whom the provider can ask: a person or a desk, with telephone and e-mail."""

    name: str = Field(min_length=1)
    role: str | None = None
    phone: str | None = None
    email: str | None = None


class LetterSettings(_Settings):
    """What a real letter needs besides the report: sender, reference, date, deadlines, contact, signature."""

    sender: Sender | None = Field(default=None, description="default: the issuer of the ruleset")
    contact: Contact | None = None
    reference: str | None = Field(default=None, description="default: ruleset id and the start of the profile hash")
    date: dt.date | None = Field(default=None, description="the letter's date; default: the peildatum")
    reply_within_days: int = Field(default=14, ge=1, le=366, description="a deadline where `deadlines` sets none")
    deadlines: dict[Due, dt.date] = Field(default_factory=dict, description="a fixed date per moment")
    signature: str | None = Field(default=None, description="who signs; default: the sender")


def load_letter_settings(source: str | Path | dict[str, object]) -> LetterSettings:
    """Letter settings from a YAML or JSON file (or a dict), with located errors (`InputError`)."""
    from kwaliteitsregels import loading  # noqa: PLC0415 - loading imports the reporting layer lazily too
    from kwaliteitsregels.limits import DEFAULT_LIMITS  # noqa: PLC0415

    located = loading._locate(source, InputError, DEFAULT_LIMITS)  # noqa: SLF001 - the one safe reader
    return loading._validate(LetterSettings, located, InputError)  # noqa: SLF001


_SETTINGS: ContextVar[LetterSettings | None] = ContextVar("letter_settings", default=None)


@contextmanager
def use_settings(settings: LetterSettings | None) -> Iterator[None]:
    """Letters rendered inside this block use `settings` (the CLI's `--letter-settings`)."""
    token = _SETTINGS.set(settings)
    try:
        yield
    finally:
        _SETTINGS.reset(token)


@dataclass(frozen=True, slots=True)
class OwedDocument:
    """A document to send, with why in one sentence."""

    type: str
    title: str
    due: Due
    message: str
    deadline: str | None = None


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
    deadline: str | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """Everything due at one moment of the procedure."""

    due: Due
    heading: str
    note: str | None
    documents: tuple[OwedDocument, ...]
    explanations: tuple[OwedExplanation, ...]
    deadline: str | None = None


@dataclass(frozen=True, slots=True)
class OtherItem:
    """A requirement not met, and what follows from it: never 'put it right' where that is not possible."""

    requirement: str
    title: str
    lot: str | None
    consequence: Consequence
    message: str
    deadline: str | None
    found: str | None = None  # what the facts showed: each finding, as the reason says it


@dataclass(frozen=True, slots=True)
class LotOutcome:
    """One lot registered for: what follows for it, and where it is bought."""

    lot: str
    title: str
    verdict: str
    message: str
    municipalities: str


@dataclass(frozen=True, slots=True)
class LetterView:
    """The whole letter as plain data."""

    provider: str
    ruleset: str
    issuer: str
    date: str
    deadlines: tuple[Deadline, ...]
    other: tuple[OtherItem, ...]
    pending: int
    sender: Sender
    reference: str
    contact: Contact | None
    signature: str
    lots: tuple[LotOutcome, ...] = ()
    iso_date: str = ""
    peildatum: str = ""
    at_award: tuple[OwedDocument, ...] = ()  # at registration: what the award will ask for besides `deadlines`


def owed_why(result: RequirementResult) -> OwedWhy | None:
    """Why `result` needs a (new) explanation from the provider, or None when it does not."""
    spec = result.requirement.spec
    if result.status is not STATUS_FAIL or spec.explain is None:
        return None
    record = result.explanation
    if record is None:
        return "missing" if spec.judgement == "assessor" else None
    if record.state in {STATE_REJECTED, STATE_EXPIRED}:
        return "rejected" if record.state is STATE_REJECTED else "expired"
    return None


def _dated(key: str, when: date | None, lang: Lang) -> str:
    """The sentence `key` of an owed item, with its date written out (none: an empty date)."""
    return messages.text(key, lang, date=long_date(when, lang) if when else "")


def _gap_sentence(gap: EvidenceGap, peildatum: date, lang: Lang) -> str:
    when = {
        GapReason.EXPIRED: gap.valid_until,
        GapReason.TOO_OLD: gap.not_before,
        GapReason.NOT_YET_ISSUED: peildatum,
    }.get(gap.reason)
    return _dated(f"letter.doc.{gap.reason}", when, lang)


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
        message=_dated(f"letter.explain.{why}", when, lang),
        note=reasons.clause(record.note) if record is not None and why == "rejected" and record.note else None,
        points=points,
    )


def owed_explanations(report: Report, lang: Lang = "nl") -> list[OwedExplanation]:
    """The explanations the provider still owes, in ruleset order."""
    owed = [(r, owed_why(r)) for r in report.results]
    return [_explanation(r, why, lang) for r, why in owed if why is not None]


def consequence(result: RequirementResult) -> Consequence:
    """What follows from a requirement not met that asks for no document or explanation.

    A knock-out requirement the facts do not meet sets the lot aside (per lot) or stands in the way of
    admission (for the whole provider): neither can be put right by the provider. Facts that are
    missing can still be sent; a warning requirement only asks for improvement.
    """
    if str(result.basis) == "not_demonstrated":
        return "demonstrate"
    if result.requirement.spec.severity != "knockout":
        return "improve"
    return "set_aside_lot" if result.lot is not None else "not_admitted"


class _Dates:
    """The letter's date and the deadline of each moment, from the settings."""

    def __init__(self, report: Report, settings: LetterSettings) -> None:
        self.letter = settings.date or report.peildatum
        self.settings = settings
        self.stage = report.stage

    def due(self, due: Due, lang: Lang) -> str | None:
        fixed = self.settings.deadlines.get(due)
        if fixed is None and (due == "on_request" or (due == "before_award" and self.stage == "registration")):
            return None
        if fixed is None and date.max - self.letter < timedelta(days=self.settings.reply_within_days):
            return None  # a letter dated at the end of the calendar has no later day to answer by
        day = fixed or self.letter + timedelta(days=self.settings.reply_within_days)
        return long_date(day, lang)


def _settled(result: RequirementResult) -> bool:
    """Not met, and no document or explanation the provider could send would change that."""
    return result.status is STATUS_FAIL and not result.gaps and owed_why(result) is None


def _other(report: Report, dates: _Dates, lang: Lang) -> tuple[OtherItem, ...]:
    items = []
    for result in report.results:
        if not _settled(result):
            continue
        follows = consequence(result)
        lot = result.lot
        items.append(
            OtherItem(
                requirement=result.id,
                title=result.requirement.spec.title.get(lang),
                lot=lot,
                consequence=follows,
                message=messages.text(f"letter.follows.{follows}", lang, lot=lot or ""),
                deadline=dates.due("with_registration", lang) if follows in {"demonstrate", "improve"} else None,
                found="; ".join(dict.fromkeys(explain.finding_messages(result, lang))) or None,
            ),
        )
    return tuple(items)


def _final(report: Report, follows: Consequence, lot: str | None = None) -> list[str]:
    """Requirements not met with consequence `follows` (for `lot`), that no document or explanation can change."""
    return [r.id for r in report.results if _settled(r) and r.lot == lot and consequence(r) == follows]


def _lot_message(report: Report, lot: str, verdict: Verdict, blocked: list[str], lang: Lang) -> str:
    """What follows for one lot: set aside for good, held up by the provider's own knock-outs, open, or met."""
    if final := _final(report, "set_aside_lot", lot):
        return messages.text("letter.lot.set_aside", lang, ids=", ".join(final))
    if blocked and verdict is Verdict.NOT_COMPLIANT:
        return messages.text("letter.lot.blocked", lang, ids=", ".join(blocked))
    key = "admitted" if verdict is Verdict.COMPLIANT else "open"
    return messages.text(f"letter.lot.{key}", lang)


def _lots(report: Report, lang: Lang) -> tuple[LotOutcome, ...]:
    titles = {lot.id: lot.title.get(lang) for lot in report.ruleset.spec.lots}
    places = report.municipality_verdicts()
    blocked = _final(report, "not_admitted")
    return tuple(
        LotOutcome(
            lot=lot.lot,
            title=titles.get(lot.lot, ""),
            verdict=str(lot.verdict),
            message=_lot_message(report, lot.lot, lot.verdict, blocked, lang),
            municipalities=messages.join([p.municipality for p in places if lot.lot in p.lots], lang),
        )
        for lot in report.lot_verdicts()
    )


def _deadlines(report: Report, dates: _Dates, lang: Lang) -> tuple[Deadline, ...]:
    documents = owed_documents(report, lang)
    explanations = owed_explanations(report, lang)
    groups = []
    for due in DUE_ORDER:
        when = dates.due(due, lang)
        docs = tuple(replace(d, deadline=when) for d in documents if d.due == due)
        owed = tuple(replace(e, deadline=when) for e in explanations if e.due == due)
        if docs or owed:
            note = messages.text("letter.due_note.on_request", lang) if due == "on_request" else None
            groups.append(Deadline(due, messages.text(f"letter.due.{due}", lang), note, docs, owed, when))
    return tuple(groups)


def _at_award(report: Report, dates: _Dates, lang: Lang) -> tuple[OwedDocument, ...]:
    """The documents the award will ask for that are not asked for now, each saying when (`preview`)."""
    return tuple(
        OwedDocument(
            type=item.type,
            title=item.title.get(lang),
            due=item.due,
            message=messages.text(f"letter.at_award.{item.due}", lang),
            deadline=dates.due(item.due, lang),
        )
        for item in preview.documents_at_award(report)
    )


def letter_view(report: Report, lang: Lang = "nl", settings: LetterSettings | None = None) -> LetterView:
    """The letter of `report` as plain data, in `lang`; `settings` default to those in use (or none)."""
    settings = settings or _SETTINGS.get() or LetterSettings()
    dates = _Dates(report, settings)
    spec = report.ruleset.spec
    sender = settings.sender or Sender(name=spec.issuer)
    return LetterView(
        provider=report.provider,
        ruleset=spec.title.get(lang),
        issuer=spec.issuer,
        date=long_date(dates.letter, lang),
        deadlines=_deadlines(report, dates, lang),
        other=_other(report, dates, lang),
        pending=sum(1 for r in report.results if r.explanation and r.explanation.state is STATE_PENDING),
        sender=sender,
        reference=settings.reference or f"{report.ruleset.id}-{report.record.profile_hash.rpartition(':')[2][:8]}",
        contact=settings.contact,
        signature=settings.signature or sender.name,
        lots=_lots(report, lang),
        iso_date=dates.letter.isoformat(),
        peildatum=long_date(report.peildatum, lang),
        at_award=_at_award(report, dates, lang),
    )


def render_letter(
    report: Report,
    lang: Lang = "nl",
    *,
    settings: LetterSettings | None = None,
    templates: str | Path | None = None,
) -> str:
    """The provider letter as Markdown; `templates`: a folder whose `letter.md` replaces the bundled one."""
    return _render("letter.md", report, lang, settings, templates)


def render_letter_html(
    report: Report,
    lang: Lang = "nl",
    *,
    settings: LetterSettings | None = None,
    templates: str | Path | None = None,
) -> str:
    """The provider letter as one printable HTML page (A4); `templates` may replace `letter.html`."""
    return _render("letter.html", report, lang, settings, templates)


def _render(
    template: str, report: Report, lang: Lang, settings: LetterSettings | None, templates: str | Path | None
) -> str:
    with use_templates(templates):
        return render(template, lang, letter=letter_view(report, lang, settings))


def render_letters_html(reports: tuple[Report, ...], lang: Lang = "nl") -> str:
    """Several letters (one per framework) as one HTML page, each starting on a new printed page."""
    pages = [render_letter_html(report, lang) for report in reports]
    if len(pages) == 1:
        return pages[0]
    bodies = [page.split("<body>", 1)[1].rsplit("</body>", 1)[0] for page in pages]
    head = pages[0].split("<body>", 1)[0]
    return head + "<body>" + '<hr class="next-letter">'.join(bodies) + "</body>\n</html>\n"
