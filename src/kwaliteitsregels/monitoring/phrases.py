"""Every user-facing phrase of contract monitoring, Dutch first, English available."""

from __future__ import annotations

from typing import Any

from kwaliteitsregels.messages import Lang

CATALOG: dict[str, tuple[str, str]] = {
    "outcome.on_time": ("op tijd", "on time"),
    "outcome.late": ("te laat", "late"),
    "outcome.overdue": ("termijn verstreken", "overdue"),
    "outcome.open": ("open", "open"),
    "party.provider": ("aanbieder", "provider"),
    "party.municipality": ("gemeente", "municipality"),
    "severity.violation": ("overtreding", "violation"),
    "severity.warning": ("waarschuwing", "warning"),
    "anchor.at": ("{event} van {moment}", "{event} of {moment}"),
    "anchor.effective_date": ("de datum in {event} ({moment})", "the date in {event} ({moment})"),
    "anchor.period_end": (
        "het einde van de declaratieperiode ({moment}) van {event}",
        "the end of the declaration period ({moment}) of {event}",
    ),
    "anchor.latest": ("{event} ({moment})", "{event} ({moment})"),
    "anchor.period": (
        "het einde van de periode {start} t/m {end} (zaak sinds {event})",
        "the end of the period {start} to {end} (case since {event})",
    ),
    "extended.atw": (
        (
            "eindigde op {day}, een weekend- of feestdag; verlengd tot de volgende werkdag volgens de Algemene "
            "termijnenwet art. 1, want de wet stelt deze termijn"
        ),
        (
            "ended on {day}, a weekend day or holiday; extended to the next working day under the Algemene "
            "termijnenwet art. 1, as the term is set by law"
        ),
    ),
    "extended.ruleset": (
        "eindigde op {day}, een weekend- of feestdag; verlengd tot de volgende werkdag omdat de regelset dat bepaalt",
        "ended on {day}, a weekend day or holiday; extended to the next working day because the ruleset says so",
    ),
    "reason.on_time": (
        "Op tijd: {awaited} op {moment}; uiterlijk {due} ({deadline} na {anchor}).",
        "On time: {awaited} on {moment}; due by {due} ({deadline} after {anchor}).",
    ),
    "reason.late": (
        "Te laat: {awaited} op {moment}, {missed} na de termijn; uiterlijk {due} ({deadline} na {anchor}).",
        "Late: {awaited} on {moment}, {missed} past the term; due by {due} ({deadline} after {anchor}).",
    ),
    "reason.overdue": (
        "Termijn verstreken: op {moment} geen {awaited}, {missed} over tijd; uiterlijk {due} ({deadline} na {anchor}).",
        "Overdue: no {awaited} by {moment}, {missed} past the term; due by {due} ({deadline} after {anchor}).",
    ),
    "reason.open": (
        "Open: {awaited} wordt uiterlijk {due} verwacht ({deadline} na {anchor}).",
        "Open: {awaited} is expected by {due} ({deadline} after {anchor}).",
    ),
    "reason.self": ("het bericht", "the message"),
    "report.title": ("Contractmonitoring", "Contract monitoring"),
    "report.clock": ("peilmoment", "as of"),
    "report.events": ("gebeurtenissen", "events"),
    "report.summary": ("Overzicht per aanbieder per maand", "Summary per provider per month"),
    "report.findings": ("Bevindingen", "Findings"),
    "report.problems": ("Onbruikbare gebeurtenissen", "Unusable events"),
    "report.none": ("geen", "none"),
    "report.omitted": (
        "… en nog {count} met code {code}: alleen de eerste {limit} per code staan hier, met hun regel",
        "… and {count} more with code {code}: only the first {limit} per code are listed, with their line",
    ),
    "report.columns": (
        "aanbieder  maand    gebeurt.  termijnen  op tijd  te laat  verstreken  open",
        "provider   month    events    terms      on time  late     overdue     open",
    ),
    "report.source": ("bron", "source"),
    "report.interpretation": ("interpretatie", "interpretation"),
    "report.internal": (
        "interne fout in kwaliteitsregels (meld dit, met de traceback hierboven)",
        "internal error in kwaliteitsregels (please report it, with the traceback above)",
    ),
}


UNITS: dict[str, tuple[str, str, str, str]] = {
    "working_days": ("werkdag", "werkdagen", "working day", "working days"),
    "days": ("dag", "dagen", "day", "days"),
    "weeks": ("week", "weken", "week", "weeks"),
    "months": ("maand", "maanden", "month", "months"),
    "hours": ("uur", "uur", "hour", "hours"),
}


def amount(unit: str, n: int, lang: Lang = "nl") -> str:
    """`5 werkdagen`, `1 day`, `24 uur`."""
    nl_one, nl_many, en_one, en_many = UNITS[unit]
    word = (en_one if n == 1 else en_many) if lang == "en" else (nl_one if n == 1 else nl_many)
    return f"{n} {word}"


def text(key: str, lang: Lang = "nl", **params: Any) -> str:
    """The phrase `key` in `lang`, filled in with `params`."""
    nl, en = CATALOG[key]
    template = en if lang == "en" else nl
    return template.format(**params) if params else template
