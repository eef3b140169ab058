"""The law rulesets (jeugdwet, wmo2015) and the Twente framework built on them (docs/wetgeving.md)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import kwaliteitsregels as kr

PEILDATUM = date(2026, 11, 23)
THEMES = Path(kr.__file__).parent / "data" / "themes.yaml"
BWB = {"jeugdwet": {"BWBR0034925", "BWBR0035779"}, "wmo2015": {"BWBR0035362"}}
SCOPE = {"jeugdwet": "jeugdwet", "wmo2015": "wmo"}


@cache
def _twente() -> kr.CompiledRuleset:
    return kr.load_ruleset("twente")


def _evaluate(profile: dict[str, Any]) -> kr.Report:
    return kr.evaluate(_twente(), kr.load_profile(profile), PEILDATUM)


def _youth_provider(**extra: Any) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "organisation": {"name": "Jeugdhulp Oost B.V.", "self_employed": False},
        "services": {"law_domains": ["jeugdwet"]},
        "size": {"care_employees": 20},
    }
    return profile | extra


def _accepted(ruleset: str, requirement: str) -> dict[str, Any]:
    return {
        "ruleset": ruleset,
        "requirement": requirement,
        "text": "Toelichting.",
        "given_by": "aanbieder",
        "given_on": "2026-09-01",
        "assessment": {"decision": "accepted", "by": "beoordelaar", "decided_on": "2026-10-01"},
    }


def test_twente_builds_on_both_laws_one_conflict_and_a_stricter_vog_term() -> None:
    twente = _twente()
    assert [base.id for base in twente.bases] == ["jeugdwet", "wmo2015"]
    kinds = {(r.id, o.requirement, o.kind, o.prevails) for r in twente.requirements for o in r.spec.overlaps}
    conflicts = {k for k in kinds if k[2] == "conflict"}
    assert conflicts == {("23", "jeugdwet:4.2.5", "conflict", "other")}
    assert ("8", "jeugdwet:4.1.6", "stricter", None) in kinds  # decision wet-als-bodem: the law is a floor


@pytest.mark.parametrize("name", ["jeugdwet", "wmo2015"])
def test_every_law_requirement_cites_its_article_and_its_seed(name: str) -> None:
    ruleset = kr.load_ruleset(name)
    assert ruleset.spec.valid_from == date(2015, 1, 1)
    for requirement in ruleset.requirements:
        spec = requirement.spec
        assert spec.law_scope == SCOPE[name], spec.id
        assert spec.legal, spec.id
        assert {ref.bwb for ref in spec.legal} <= BWB[name], spec.id
        assert spec.source.line is not None, spec.id
        assert spec.id.split("-")[0] in {ref.article.split(",")[0].split(" ")[0] for ref in spec.legal}, spec.id


@pytest.mark.parametrize("name", ["twente", "jeugdwet", "wmo2015"])
def test_every_requirement_has_a_level_and_known_themes(name: str) -> None:
    themes = set(yaml.safe_load(THEMES.read_text("utf-8"))["themes"])
    for requirement in kr.load_ruleset(name).requirements:
        assert requirement.spec.level is not None, requirement.id
        assert set(requirement.spec.themes) <= themes, requirement.id


def test_an_alternative_for_the_client_council_does_not_beat_the_law() -> None:
    # Twente 23: fewer than 20 clients and an alternative described meet it on the facts
    # (decision clientenraad-alternatief); the law asks a council above ten persons, without alternative.
    report = _evaluate(
        _youth_provider(
            size={"care_employees": 20, "clients_in_care": 12},
            client_representation={"client_council": False, "alternative": "Jongerenpanel"},
        )
    )
    law = report.base_reports()["jeugdwet"].result("4.2.5")
    assert law.status is kr.Status.FAIL
    assert report.result("23").status is kr.Status.PASS
    relation = next(r for r in report.relations if r.this.id == "23")
    assert (relation.kind, relation.disagree, relation.superseded) == ("conflict", True, "this")
    assert report.verdict == "voldoet_niet"


def test_with_ten_persons_or_fewer_the_law_asks_no_client_council() -> None:
    report = _evaluate(
        _youth_provider(
            size={"care_employees": 10},
            client_representation={"client_council": False},
            explanations=[_accepted("twente", "23")],
        )
    )
    law = report.base_reports()["jeugdwet"].result("4.2.5")
    assert law.status is kr.Status.NOT_APPLICABLE
    relation = next(r for r in report.relations if r.this.id == "23")
    assert relation.superseded is None
    assert id(report.result("23")) not in report.superseded()


def _one_youth_worker(vog: str, employed: str, *, solo: bool = False) -> dict[str, Any]:
    professional = {"id": "p1", "works_with_youth": True, "vog_issued_on": vog, "employed_since": employed}
    return _youth_provider(
        organisation={"name": "Jeugdhulp Oost B.V.", "self_employed": solo}, professionals=[professional]
    )


@pytest.mark.parametrize(
    ("vog", "employed", "solo", "law", "twente"),
    [
        ("2024-08-01", "2024-09-01", False, True, True),  # on time for both
        ("2023-01-10", "2024-09-01", False, False, True),  # recent, but issued long before employment
        ("2020-05-01", "2020-06-01", False, True, False),  # on time at employment, but older than 5 years
        ("2023-01-10", "2019-04-01", True, False, True),  # solo worker: older than 3 years
    ],
)
def test_vog_the_law_is_a_floor_both_terms_count(
    vog: str, employed: str, *, solo: bool, law: bool, twente: bool
) -> None:
    report = _evaluate(_one_youth_worker(vog, employed, solo=solo))
    law_result = report.base_reports()["jeugdwet"].result("4.1.6")
    assert (law_result.status is kr.Status.PASS) is law, law_result.reason()
    assert (report.result("8").status is kr.Status.PASS) is twente, report.result("8").reason()
    relation = next(r for r in report.relations if r.this.id == "8" and r.other_ruleset == "jeugdwet")
    assert relation.superseded is None  # neither is set aside: a failing one always counts
    assert not report.superseded()


def test_for_a_wmo_provider_the_vog_conflict_does_not_apply_and_both_wmo_terms_count() -> None:
    report = _evaluate(
        {
            "organisation": {"name": "Thuishulp B.V."},
            "services": {"law_domains": ["wmo"]},
            "professionals": [{"id": "p1", "vog_issued_on": "2019-01-01", "employed_since": "2019-02-01"}],
        }
    )
    assert report.base_reports()["jeugdwet"].result("4.1.6").status is kr.Status.NOT_APPLICABLE
    assert report.base_reports()["wmo2015"].result("3.5").status is kr.Status.PASS
    assert report.result("8").status is kr.Status.FAIL
    assert not report.superseded()
    assert report.verdict == "voldoet_niet"
