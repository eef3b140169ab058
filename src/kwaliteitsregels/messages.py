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
        "te oud (afgegeven {issued_on}, moet op of na {not_before})",
        "too old (issued {issued_on}, must be on or after {not_before})",
    ),
    "gap.undated": ("zonder afgiftedatum (maximale leeftijd {max_age})", "without issue date (maximum age {max_age})"),
    "gap.not_yet_issued": ("afgegeven na de peildatum ({issued_on})", "issued after the reference date ({issued_on})"),
    # reasons
    "reason.pass": ("Voldaan op grond van: {facts}.", "Met, based on: {facts}."),
    "reason.pass_no_facts": ("Voldaan.", "Met."),
    "reason.not_met": ("Niet voldaan: {findings}.", "Not met: {findings}."),
    "reason.not_demonstrated": ("Niet aangetoond: {findings}.", "Not demonstrated: {findings}."),
    "reason.no_explanation": (
        "Niet aangetoond: de aanbieder moet dit aantonen ({allowed}); er is geen toelichting gegeven.",
        "Not demonstrated: the provider must show this ({allowed}); no explanation was given.",
    ),
    "reason.gaps": ("bewijsstukken: {gaps}", "documents: {gaps}"),
    "reason.explain": (
        "Toelichting van {given_by} ({given_on}), {state}. Zonder toelichting: {raw}",
        "Explanation by {given_by} ({given_on}), {state}. Without it: {raw}",
    ),
    "reason.explain_accepted": (
        "Toelichting van {given_by} ({given_on}) geaccepteerd door {decided_by} op {decided_on}{until}.",
        "Explanation by {given_by} ({given_on}) accepted by {decided_by} on {decided_on}{until}.",
    ),
    "reason.until": (", geldig tot {date}", ", valid until {date}"),
    "reason.explain_fallback": (
        "Toelichting van {given_by} ({given_on}) {state}{by}; het oordeel valt terug op de feiten. {raw}",
        "Explanation by {given_by} ({given_on}) {state}{by}; the verdict falls back to the facts. {raw}",
    ),
    "reason.by": (" door {who} op {on}", " by {who} on {on}"),
    "reason.na_law_scope": (
        "Niet van toepassing: de eis geldt alleen voor {scope} en de aanbieder werkt daar niet onder.",
        "Not applicable: the requirement covers only {scope}, under which the provider does not work.",
    ),
    "reason.explain_assess": (
        "Toelichting van {given_by} ({given_on}), nog niet beoordeeld. Te beoordelen: {allowed}.",
        "Explanation by {given_by} ({given_on}), not yet assessed. To be assessed: {allowed}.",
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
    if isinstance(item, date | Duration | Decimal):
        return str(item)
    if isinstance(item, list | tuple | set | frozenset):
        return join((value(i, lang) for i in item), lang) if item else text("value.none", lang)
    return str(item)


def join(parts: Iterable[str], lang: Lang = "nl") -> str:
    """Join phrases with the list separator."""
    return text("list.and", lang).join(parts)
