"""A hand-written, plain-Python version of six Twente checks: the yardstick for the engine.

It does what a careful programmer would write by hand for requirements 1, 4, 8, 24, 25
and 29: the same facts, three-valued where a fact can be missing, reasons as short
strings, explanations looked up, the quality certificate document checked.
"""

from __future__ import annotations

from datetime import date

from kwaliteitsregels import Profile

YARDSTICK_IDS = frozenset({"1", "4", "8", "24", "25", "29"})
SCHEMES = frozenset(
    {"ISO", "HKZ", "KWALITEITSWAARBORG_ZORGBOERDERIJEN", "EIGEN_KMS_EXTERN_GETOETST", "KEURMERK_ZZP_THUISZORG"}
)


def _five_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 5)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 5, day=28)


def _flag(value: bool | None, name: str) -> tuple[str, list[str]]:
    if value is None:
        return "fail", [f"{name}: ontbreekt"]
    return ("pass", []) if value else ("fail", [f"{name}: nee"])


def handwritten(profile: Profile, peildatum: date) -> dict[str, tuple[str, list[str]]]:
    """Status and reasons for the six requirements."""
    explained = {e.requirement for e in profile.explanations if e.ruleset == "twente" and e.given_on <= peildatum}
    out: dict[str, tuple[str, list[str]]] = {}

    certified = any(
        c.scheme in SCHEMES and c.valid_until is not None and c.valid_until >= peildatum for c in profile.certificates
    )
    document = any(
        d.type == "quality_certificate" and (d.valid_until is None or d.valid_until >= peildatum)
        for d in profile.documents
    )
    if certified and document:
        out["1"] = ("pass", [])
    else:
        out["1"] = ("explain" if "1" in explained else "fail", ["certificaat of bewijsstuk ontbreekt"])

    if "jeugdwet" in profile.services.law_domains:
        reasons = []
        for i, person in enumerate(profile.professionals):
            if person.works_with_youth is False:
                continue
            ok = any(
                r.registry in ("SKJ", "BIG") and r.valid_until is not None and r.valid_until >= peildatum
                for r in person.registrations
            )
            if not ok:
                reasons.append(f"professionals[{i}]: geen geldige registratie")
        failed = bool(reasons) or not profile.professionals
        out["4"] = (("explain" if "4" in explained else "fail") if failed else "pass", reasons)
    else:
        out["4"] = ("not_applicable", [])

    limit = _five_years_before(peildatum)
    vog = [
        f"professionals[{i}].vog_issued_on"
        for i, p in enumerate(profile.professionals)
        if p.vog_issued_on is None or not limit <= p.vog_issued_on <= peildatum
    ]
    out["8"] = ("fail" if vog or not profile.professionals else "pass", vog)

    policies = profile.policies
    out["24"] = _flag(policies.privacy.in_place if policies.privacy else None, "privacy")
    procedure = policies.complaints_procedure.in_place if policies.complaints_procedure else None
    committee = policies.complaints_committee.independent if policies.complaints_committee else None
    status_a, reasons_a = _flag(procedure, "klachtenprocedure")
    status_b, reasons_b = _flag(committee, "klachtencommissie")
    out["25"] = ("pass" if status_a == status_b == "pass" else "fail", reasons_a + reasons_b)
    out["29"] = _flag(policies.meldcode.in_place if policies.meldcode else None, "meldcode")
    return out
