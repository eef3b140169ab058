"""Every user-facing phrase, Dutch first, English available. One catalog, looked up by key."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from kwaliteitsregels._durations import Duration

Lang = Literal["nl", "en"]

CATALOG: dict[str, tuple[str, str]] = {
    # statuses, verdicts, bases
    "status.pass": ("voldaan", "pass"),
    "status.fail": ("niet voldaan", "fail"),
    "status.explain": ("toelichting", "explain"),
    "status.not_applicable": ("niet van toepassing", "not applicable"),
    "verdict.voldoet": ("voldoet", "compliant"),
    "verdict.voldoet_niet": ("voldoet niet", "not compliant"),
    "verdict.beoordeling_nodig": ("beoordeling nodig", "needs assessment"),
    "basis.met": ("voldaan", "met"),
    "basis.not_met": ("niet voldaan", "not met"),
    "basis.not_demonstrated": ("niet aangetoond", "not demonstrated"),
    "basis.not_applicable": ("niet van toepassing", "not applicable"),
    "state.pending": ("nog niet beoordeeld", "not yet assessed"),
    "state.accepted": ("geaccepteerd", "accepted"),
    "state.rejected": ("afgewezen", "rejected"),
    "state.expired": ("acceptatie verlopen", "acceptance expired"),
    "due.with_registration": ("bij inschrijving", "with registration"),
    "due.before_award": ("vóór gunning", "before award"),
    "due.on_request": ("op verzoek", "on request"),
    "gap.absent": ("ontbreekt", "missing"),
    "gap.expired": ("verlopen (geldig tot {valid_until})", "expired (valid until {valid_until})"),
    "gap.too_old": (
        "te oud (afgegeven {issued_on}; moet op of na {not_before} zijn afgegeven)",
        "too old (issued {issued_on}; must be issued on or after {not_before})",
    ),
    "gap.undated": (
        "zonder afgiftedatum (mag hoogstens {max_age} oud zijn)",
        "without issue date (at most {max_age} old)",
    ),
    "gap.not_yet_issued": ("afgegeven na de peildatum ({issued_on})", "issued after the reference date ({issued_on})"),
    "label.explain.pending": ("toelichting: te beoordelen", "explanation: to be assessed"),
    "label.explain.accepted": ("toelichting: geaccepteerd", "explanation: accepted"),
    # reasons
    "reason.pass": ("Voldaan op grond van: {facts}.", "Met, based on: {facts}."),
    "reason.pass_no_facts": ("Voldaan.", "Met."),
    "reason.not_met": ("Niet voldaan: {findings}.", "Not met: {findings}."),
    "reason.not_demonstrated": ("Niet aangetoond: {findings}.", "Not demonstrated: {findings}."),
    "reason.no_explanation": (
        "er is geen toelichting gegeven (aan te tonen: {allowed})",
        "no explanation was given (to be shown: {allowed})",
    ),
    "reason.explanation_rejected": ("de toelichting is afgewezen", "the explanation was rejected"),
    "reason.explanation_expired": (
        "de acceptatie van de toelichting is verlopen",
        "the acceptance of the explanation has expired",
    ),
    "reason.explanation_pending": (
        "de toelichting is nog niet beoordeeld",
        "the explanation has not been assessed yet",
    ),
    "reason.explanation_accepted": ("de toelichting is geaccepteerd", "the explanation was accepted"),
    "explanation.pending": (
        "Toelichting van {given_by} ({given_on}), nog niet beoordeeld.",
        "Explanation by {given_by} ({given_on}), not yet assessed.",
    ),
    "explanation.accepted": (
        "Toelichting van {given_by} ({given_on}) geaccepteerd door {decided_by} op {decided_on}{until}.",
        "Explanation by {given_by} ({given_on}) accepted by {decided_by} on {decided_on}{until}.",
    ),
    "explanation.expired": (
        (
            "Toelichting van {given_by} ({given_on}) geaccepteerd door {decided_by} op {decided_on}; "
            "die acceptatie is verlopen op {valid_until}."
        ),
        (
            "Explanation by {given_by} ({given_on}) accepted by {decided_by} on {decided_on}; "
            "that acceptance expired on {valid_until}."
        ),
    ),
    "explanation.rejected": (
        "Toelichting van {given_by} ({given_on}) afgewezen door {decided_by} op {decided_on}{note}.",
        "Explanation by {given_by} ({given_on}) rejected by {decided_by} on {decided_on}{note}.",
    ),
    "explanation.note": (": {note}", ": {note}"),
    "reason.until": (", geldig tot {date}", ", valid until {date}"),
    "reason.to_assess": ("Te beoordelen: {allowed}.", "To be assessed: {allowed}."),
    "reason.without": ("Zonder toelichting: {raw}", "Without it: {raw}"),
    "reason.na_law_scope": (
        "Niet van toepassing: de eis geldt alleen voor {scope} en de aanbieder werkt daar niet onder.",
        "Not applicable: the requirement covers only {scope}, under which the provider does not work.",
    ),
    "reason.na_stage": (
        "Nog niet van toepassing: deze eis wordt pas getoetst {stage} (--stage award).",
        "Not applicable yet: this requirement is checked only {stage} (--stage award).",
    ),
    "stage.registration": ("bij inschrijving", "at registration"),
    "stage.award": ("bij gunning", "at award"),
    "reason.na_when": ("Niet van toepassing: {findings}.", "Not applicable: {findings}."),
    "reason.na_validity": (
        "Niet van toepassing op de peildatum: de eis geldt van {valid_from} tot {valid_to}.",
        "Not applicable on the reference date: the requirement applies from {valid_from} to {valid_to}.",
    ),
    "reason.applicability_unknown": (
        " (Of de eis van toepassing is, kon niet worden vastgesteld: {findings}; daarom is hij getoetst.)",
        " (Whether the requirement applies could not be established: {findings}; so it was checked.)",
    ),
    "scope.jeugdwet": ("de Jeugdwet", "the Youth Act (Jeugdwet)"),
    "scope.wmo": ("de Wmo 2015", "the Social Support Act (Wmo 2015)"),
    "scope.both": ("de Jeugdwet en de Wmo 2015", "the Youth Act and the Wmo 2015"),
    # findings
    "finding.missing": ("{path}: gegeven ontbreekt", "{path}: fact missing"),
    "finding.empty": ("{path}: geen items opgegeven", "{path}: no items given"),
    "finding.value": ("{path}: verwacht {expect}, gevonden {actual}", "{path}: expected {expect}, found {actual}"),
    "finding.negated": (
        "{path}: verwacht niet {expect}, gevonden {actual}",
        "{path}: expected not {expect}, found {actual}",
    ),
    "finding.count": ("{path}: {actual} voldoen, verwacht {bounds}", "{path}: {actual} comply, expected {bounds}"),
    "na.value": (
        "{path} is {actual} (de eis geldt bij {expect})",
        "{path} is {actual} (the requirement applies if {expect})",
    ),
    "na.negated": (
        "{path} is {actual} (de eis geldt bij niet {expect})",
        "{path} is {actual} (the requirement applies if not {expect})",
    ),
    "na.count": (
        "{path}: {actual} (de eis geldt bij {bounds})",
        "{path}: {actual} (the requirement applies if {bounds})",
    ),
    "duration.years": ("{n} jaar", "{n} years"),
    "duration.year": ("{n} jaar", "{n} year"),
    "duration.months": ("{n} maanden", "{n} months"),
    "duration.month": ("{n} maand", "{n} month"),
    "duration.days": ("{n} dagen", "{n} days"),
    "duration.day": ("{n} dag", "{n} day"),
    "bounds.min": ("minstens {n}", "at least {n}"),
    "bounds.max": ("hoogstens {n}", "at most {n}"),
    "bounds.and": (" en ", " and "),
    "value.true": ("ja", "yes"),
    "value.false": ("nee", "no"),
    "value.none": ("(leeg)", "(empty)"),
    "value.indefinite": ("onbepaald", "indefinite"),
    "list.and": (", ", ", "),
    # report
    "report.verdict": ("Oordeel", "Verdict"),
    "report.missing": ("Ontbrekende bewijsstukken", "Missing documents"),
    "report.version": ("versie", "version"),
    "report.pending": ("— {n} toelichtingen nog te beoordelen", "— {n} explanations still to be assessed"),
    "report.record": (
        "Regelset {ruleset} · profiel {profile} · kwaliteitsregels {version}",
        "Ruleset {ruleset} · profile {profile} · kwaliteitsregels {version}",
    ),
}


def text(key: str, lang: Lang = "nl", **params: Any) -> str:
    """The phrase `key` in `lang`, filled in with `params`."""
    nl, en = CATALOG[key]
    template = en if lang == "en" else nl
    return template.format(**params) if params else template


def value(item: Any, lang: Lang = "nl") -> str:
    """A fact value as a reader expects to see it."""
    if item is None:
        return text("value.none", lang)
    if isinstance(item, bool):
        return text("value.true" if item else "value.false", lang)
    if isinstance(item, Duration):
        return duration(item, lang)
    if isinstance(item, date | Decimal):
        return str(item)
    if isinstance(item, list | tuple | set | frozenset):
        return join((value(i, lang) for i in item), lang) if item else text("value.none", lang)
    return str(item)


def join(parts: Iterable[str], lang: Lang = "nl") -> str:
    """Join phrases with the list separator."""
    return text("list.and", lang).join(parts)


def duration(item: Duration, lang: Lang = "nl") -> str:
    """P5Y as '5 jaar', P1Y6M as '1 jaar en 6 maanden'."""
    parts = [
        text(f"duration.{unit if n == 1 else unit + 's'}", lang, n=n)
        for n, unit in ((item.years, "year"), (item.months, "month"), (item.days, "day"))
        if n
    ]
    return text("bounds.and", lang).join(parts) or text("duration.days", lang, n=0)
