"""Hand-written Python that writes the engine's own reasons, word for word, for Twente 8, 24, 25 and 29.

The yardstick (`yardstick.py`) writes short raw reasons ("professionals[3].vog_issued_on"), none for a
pass: the engine's reasons name each professional, the field in words, what was expected and what was
found, and for a pass the facts that carried it. A ratio over that yardstick measures how much more the
engine says as much as how fast it says it. This module is the other comparison: what a careful
programmer writes by hand to give the same sentences (Dutch), for the four requirements whose reasons
can be written without the engine's explanation records and missing-document lists (1 and 4 have
those; these four take no explanation, and their documents are due on request, not at registration).
`text_disagreements` holds every sentence to the engine's, so a ruleset or wording that changes without
it shows up as disagreement rather than a flattering ratio.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from kwaliteitsregels import Profile
from kwaliteitsregels.models.profile import Professional

TEXT_IDS = frozenset({"8", "24", "25", "29"})
_SUMMARISED_OVER = 3  # more passing professionals than this are summarised, as the engine does
_DISTINCT_SHOWN = 3
Outcome = bool | None


def _five_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 5)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 5, day=28)


def _verdict(outcome: Outcome, passed: list[str], failed: list[str]) -> tuple[str, str]:
    if outcome is True:
        return "pass", f"Voldaan op grond van: {'; '.join(dict.fromkeys(passed))}." if passed else "Voldaan."
    opening = "Niet voldaan" if outcome is False else "Niet aangetoond"
    return "fail", f"{opening}: {'; '.join(dict.fromkeys(failed))}."


def _flags(facts: Iterable[tuple[str, bool | None]]) -> tuple[str, str]:
    """Facts that must be true (an `all` of `equals: true`): the failing ones, or all of them for a pass."""
    passed, failed, outcomes = [], [], []
    for name, value in facts:
        outcomes.append(value)
        if value is True:
            passed.append(f"{name}: ja")
        elif value is None:
            failed.append(f"{name}: gegeven ontbreekt")
        else:
            failed.append(f"{name}: verwacht ja, gevonden nee")
    outcome = False if False in outcomes else (None if None in outcomes else True)
    return _verdict(outcome, passed, failed)


def _name(person: Professional) -> str:
    shown = f"professional {person.id}"  # an id is required of every professional
    return f"{shown} ({person.role})" if person.role else shown


def _vog(profile: Profile, peildatum: date) -> tuple[str, str]:
    people = profile.professionals
    if not people:
        return "fail", "Niet aangetoond: professionals: geen items opgegeven."
    limit = _five_years_before(peildatum)
    expect = f"verwacht niet ouder dan 5 jaar (op of na {limit})"
    passed, failed, outcomes = [], [], []
    for person in people:
        issued = person.vog_issued_on
        if issued is None:
            outcomes.append(None)
            failed.append(f"{_name(person)}, VOG afgegeven op: gegeven ontbreekt")
        elif issued > peildatum:
            outcomes.append(None)
            failed.append(
                f"{_name(person)}, VOG afgegeven op: {issued} ligt na de peildatum ({peildatum}); op de "
                "peildatum was dat nog niet zo, de gegevens spreken elkaar tegen"
            )
        elif issued < limit:
            outcomes.append(False)
            failed.append(f"{_name(person)}, VOG afgegeven op: {expect}, gevonden {issued}")
        else:
            outcomes.append(True)
            passed.append(f"{_name(person)}, VOG afgegeven op: {issued}")
    outcome = False if False in outcomes else (None if None in outcomes else True)
    if outcome is True and len(people) > _SUMMARISED_OVER:
        spread = _spread([p.vog_issued_on for p in people])
        return "pass", f"Voldaan op grond van: professionals: alle {len(people)} voldoen (VOG afgegeven op: {spread})."
    return _verdict(outcome, passed, failed)


def _spread(days: list[date | None]) -> str:
    """One date; a few, each with how often; many: their range."""
    counts = Counter(days)
    if len(counts) <= _DISTINCT_SHOWN:
        if len(counts) == 1:
            return str(days[0])
        return ", ".join(f"{n}× {day}" for day, n in counts.most_common())
    known = [d for d in days if d is not None]
    return f"tussen {min(known)} en {max(known)}"


def handwritten_texts(profile: Profile, peildatum: date) -> dict[str, tuple[str, str]]:
    """Status and reason, as the engine words them, for the four requirements."""
    policies = profile.policies
    privacy, meldcode = policies.privacy, policies.meldcode
    procedure, committee = policies.complaints_procedure, policies.complaints_committee
    return {
        "8": _vog(profile, peildatum),
        "24": _flags([("privacybeleid, vastgesteld en in gebruik", privacy.in_place if privacy else None)]),
        "25": _flags(
            [
                ("klachtenregeling, vastgesteld en in gebruik", procedure.in_place if procedure else None),
                ("klachtencommissie, onafhankelijk", committee.independent if committee else None),
            ]
        ),
        "29": _flags(
            [
                (
                    "meldcode huiselijk geweld en kindermishandeling, vastgesteld en in gebruik",
                    meldcode.in_place if meldcode else None,
                )
            ]
        ),
    }


def text_disagreements(
    engine: Iterable[dict[str, tuple[str, str]]], profiles: Iterable[Profile], peildatum: date
) -> list[tuple[int, str, tuple[str, str], tuple[str, str]]]:
    """(profile index, requirement, engine's (status, reason), hand-written's) wherever the two differ."""
    return [
        (i, rid, found, written)
        for i, (statuses, profile) in enumerate(zip(engine, profiles, strict=True))
        for rid, written in handwritten_texts(profile, peildatum).items()
        if (found := statuses[rid]) != written
    ]
