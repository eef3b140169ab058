"""A hand-written, plain-Python version of six Twente checks: the yardstick for the engine.

It does what a careful programmer would write by hand for requirements 1, 4, 8, 24, 25
and 29 as the ruleset states them today: the same facts and routes (requirement 1: a valid
listed certificate, or an own system audited by an external certified party; requirement 4:
a valid SKJ or BIG registration with a well-formed number), three-valued where a fact can
be missing, the verification documents due at registration, explanations and their
assessments, reasons as short strings. `agreement` holds it to the engine's statuses, so a
ruleset that changes without it shows up as disagreement rather than a flattering ratio.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from kwaliteitsregels import Profile
from kwaliteitsregels.models.profile import Document, Explanation, RegisterEntry

YARDSTICK_IDS = frozenset({"1", "4", "8", "24", "25", "29"})
SCHEMES = frozenset({"ISO", "HKZ", "KWALITEITSWAARBORG_ZORGBOERDERIJEN", "KEURMERK_ZZP_THUISZORG"})
OWN_AUDITED = "EIGEN_KMS_EXTERN_GETOETST"
NUMBER = {"SKJ": re.compile(r"[0-9]{6,9}"), "BIG": re.compile(r"[0-9]{11}")}
Outcome = bool | None
Result = tuple[str, list[str]]


def _all(outcomes: Iterable[Outcome]) -> Outcome:
    found = list(outcomes)
    return False if False in found else (None if None in found else True)


def _any(outcomes: Iterable[Outcome]) -> Outcome:
    found = list(outcomes)
    return True if True in found else (None if None in found else False)


def _at_least_one(outcomes: Iterable[Outcome]) -> Outcome:
    """A count with minimum 1 over items that match (True), do not (False) or are in doubt (None)."""
    found = list(outcomes)
    return True if True in found else (None if None in found else False)


def _on_or_after(day: date | None, peildatum: date) -> Outcome:
    return None if day is None else day >= peildatum


def _five_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 5)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 5, day=28)


def _usable(given: Explanation | None, peildatum: date) -> bool:
    """Pending or accepted on the peildatum: rejected and expired explanations fall back on the facts."""
    if given is None:
        return False
    assessment = given.assessment
    if assessment is None or assessment.decided_on > peildatum:
        return True
    if assessment.decision == "rejected":
        return False
    return assessment.valid_until is None or assessment.valid_until >= peildatum


def _document_ok(documents: list[Document], kind: str, peildatum: date) -> bool:
    return any(
        d.type == kind
        and (d.issued_on is None or d.issued_on <= peildatum)
        and (d.valid_until is None or d.valid_until >= peildatum)
        for d in documents
    )


def _requirement_1(profile: Profile, peildatum: date, given: Explanation | None) -> Result:
    listed = _at_least_one(
        _all((None if c.scheme is None else c.scheme in SCHEMES, _on_or_after(c.valid_until, peildatum)))
        for c in profile.certificates
    )
    system = profile.quality_system
    scheme = system.scheme if system else None
    independent = getattr(system, "auditor_certified_independent", None)
    auditor = getattr(system, "external_auditor", None)
    audited_on = getattr(system, "external_audit_on", None)
    own = _all(
        (
            None if scheme is None else scheme == OWN_AUDITED,
            None if independent is None else independent is True,
            True if auditor else None,
            None if audited_on is None else audited_on <= peildatum,
        )
    )
    documents = profile.documents
    if _any((listed, own)) is True and _document_ok(documents, "quality_system_verification", peildatum):
        return "pass", []
    reasons = ["geen geldig certificaat of extern getoetst eigen systeem, of het bewijsstuk ontbreekt"]
    if not _usable(given, peildatum):
        return "fail", reasons
    route_ok = _document_ok(documents, "quality_system_description", peildatum)
    return ("explain" if route_ok else "fail"), reasons


def _registered(registrations: Iterable[RegisterEntry], peildatum: date) -> Outcome:
    """At least one registration in SKJ or BIG with a well-formed number, not expired."""

    def valid(registration: RegisterEntry) -> Outcome:
        pattern = NUMBER.get(registration.registry)
        if pattern is None:
            return False
        number = registration.number
        formed = None if not number else pattern.fullmatch(number) is not None
        return _all((formed, _on_or_after(registration.valid_until, peildatum)))

    return _at_least_one(valid(r) for r in registrations)


def _requirement_4(profile: Profile, peildatum: date, given: Explanation | None) -> Result:
    if "jeugdwet" not in profile.services.law_domains:
        return "not_applicable", []
    if not profile.professionals:
        outcome: Outcome = None
        reasons = ["geen professionals opgegeven"]
    else:
        outcomes: list[Outcome] = []
        reasons = []
        for i, person in enumerate(profile.professionals):
            youth = person.works_with_youth
            if youth is False:
                continue
            registered = _registered(person.registrations, peildatum)
            outcomes.append(registered if youth else (True if registered is True else None))
            if registered is not True:
                reasons.append(f"professionals[{i}]: geen geldige registratie met nummer")
        outcome = _all(outcomes)
    if outcome is True:
        return "pass", []
    return ("explain" if _usable(given, peildatum) else "fail"), reasons


def _requirement_8(profile: Profile, peildatum: date) -> Result:
    limit = _five_years_before(peildatum)
    vog = [
        f"professionals[{i}].vog_issued_on"
        for i, p in enumerate(profile.professionals)
        if p.vog_issued_on is None or not limit <= p.vog_issued_on <= peildatum
    ]
    return ("fail" if vog or not profile.professionals else "pass"), vog


def _flag(value: bool | None, name: str) -> Result:
    if value is None:
        return "fail", [f"{name}: ontbreekt"]
    return ("pass", []) if value else ("fail", [f"{name}: nee"])


def handwritten(profile: Profile, peildatum: date) -> dict[str, Result]:
    """Status and reasons for the six requirements."""
    explained = {e.requirement: e for e in profile.explanations if e.ruleset == "twente" and e.given_on <= peildatum}
    policies = profile.policies
    procedure = policies.complaints_procedure.in_place if policies.complaints_procedure else None
    committee = policies.complaints_committee.independent if policies.complaints_committee else None
    status_a, reasons_a = _flag(procedure, "klachtenprocedure")
    status_b, reasons_b = _flag(committee, "klachtencommissie")
    return {
        "1": _requirement_1(profile, peildatum, explained.get("1")),
        "4": _requirement_4(profile, peildatum, explained.get("4")),
        "8": _requirement_8(profile, peildatum),
        "24": _flag(policies.privacy.in_place if policies.privacy else None, "privacy"),
        "25": ("pass" if status_a == status_b == "pass" else "fail", reasons_a + reasons_b),
        "29": _flag(policies.meldcode.in_place if policies.meldcode else None, "meldcode"),
    }


def disagreements(
    engine_statuses: Iterable[dict[str, str]], profiles: Iterable[Profile], peildatum: date
) -> list[tuple[int, str, str, str]]:
    """(profile index, requirement, engine status, hand-written status) wherever the two differ."""
    return [
        (i, rid, status, handwritten_status)
        for i, (statuses, profile) in enumerate(zip(engine_statuses, profiles, strict=True))
        for rid, (handwritten_status, _) in handwritten(profile, peildatum).items()
        if (status := statuses[rid]) != handwritten_status
    ]
