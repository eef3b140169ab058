"""Numbers in reasons: a vocabulary's own unit follows the number, a quantity may say its unit, and a
quantity over items that has no value says why.

The fixture in tests/fixtures/units/ declares two units of its own (`sessie` with a name after one,
`dagdeel` without) and works out a percentage as (reached / evaluated) × 100, once labelled and in
percent, once in percent alone, once without a unit; it averages training hours over all professionals
and over those a `where` selects, and takes the share of those with 16 hours. The expected texts are
worked out by hand.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main
from kwaliteitsregels.messages import Lang

UNITS = Path(__file__).parent.parent / "fixtures" / "units"
PEILDATUM = date(2026, 11, 23)


def _reasons(profile: str, lang: Lang = "nl") -> dict[str, dict[str, Any]]:
    ruleset = kr.load_ruleset(UNITS / "ruleset.yaml")
    loaded = kr.load_profile(UNITS / profile, rulesets=[ruleset])
    report = kr.evaluate(ruleset, loaded, PEILDATUM)
    document = json.loads(report.to_json(lang=lang))
    return {r["id"]: r for r in document["results"]}


def test_a_vocabularys_own_unit_follows_the_number_in_dutch_and_english() -> None:
    many, one = _reasons("profiel.yaml"), _reasons("profiel-een.yaml")
    assert "verwacht hoogstens 12 sessies, gevonden 14 sessies" in many["sessies"]["reason"]
    assert "sessies per cliënt: 1 sessie." in one["sessies"]["reason"]
    assert "dagdelen per week: 1 dagdelen." in one["dagdelen"]["reason"]  # no `one:`: the label after every number
    english = _reasons("profiel.yaml", "en")
    assert "expected at most 12 sessions, found 14 sessions" in english["sessies"]["reason"]
    assert "1 session." in _reasons("profiel-een.yaml", "en")["sessies"]["reason"]


def test_a_quantity_in_percent_shows_its_values_and_bound_in_percent() -> None:
    results = _reasons("profiel.yaml")
    labelled = results["doelen-label"]
    assert labelled["status"] == "fail"
    assert "percentage bereikte doelen: verwacht minstens 70%, gevonden 66,67%." in labelled["reason"]
    assert [f["path"] for f in labelled["facts"]] == [
        "percentage bereikte doelen = (goals.reached / goals.evaluated) × 100 (percent)"
    ]
    assert results["doelen-formule"]["reason"].endswith("× 100: 66,67%.")
    unitless = results["doelen-zonder-eenheid"]  # the same formula without a unit is a number of its own
    assert unitless["reason"].endswith("× 100: 66,67.")
    assert [f["path"] for f in unitless["facts"]] == ["(goals.reached / goals.evaluated) × 100"]
    assert "found 66.67%" in _reasons("profiel.yaml", "en")["doelen-label"]["reason"]


def test_an_average_over_items_names_the_items_that_lack_the_field() -> None:
    reason = _reasons("profiel.yaml")["scholing"]["reason"]  # p2 and p3 have no training hours
    assert reason == (
        "Niet aangetoond: gemiddelde scholingsuren over professionals: niet te berekenen zonder "
        "'professional p2, scholingsuren' en 'professional p3, scholingsuren'."
    )
    many = _reasons("profiel-veel.yaml")["scholing"]["reason"]  # p2 … p8: the first five, and how many more
    assert "'professional p5, scholingsuren', 'professional p6, scholingsuren' en nog 2 andere." in many
    assert "'professional p6, training hours' and 2 more." in _reasons("profiel-veel.yaml", "en")["scholing"]["reason"]


def test_an_average_or_share_over_no_items_says_there_are_none() -> None:
    results = _reasons("profiel-een.yaml")  # no professionals at all
    for rid, said in (("scholing", "gemiddelde scholingsuren"), ("aandeel-geschoold", "aandeel")):
        assert results[rid]["basis"] == "not_demonstrated"
        assert results[rid]["reason"].startswith(f"Niet aangetoond: {said}")
        assert results[rid]["reason"].endswith("niet te berekenen, want er zijn geen professionals.")


def test_a_quotient_by_a_count_of_no_items_says_the_divisor_is_0() -> None:
    reason = _reasons("profiel-een.yaml")["vrijwilligers-per-professional"]["reason"]  # 0 / 0: the divisor is 0
    assert reason.endswith("niet te berekenen, want 'aantal professionals' is 0.")
    assert "vrijwilligers'" not in reason  # the numerator is 0 too, which a quotient may be


def test_a_quotient_by_a_count_of_selected_items_says_it_may_be_0() -> None:
    """Two professionals, neither works with youth: the count a `where` selects is 0, not a fact that is missing."""
    results = _reasons("profiel-geen-jeugd.yaml")
    assert results["vrijwilligers-per-professional"]["status"] == "pass"  # the count of all professionals is 2
    reason = results["vrijwilligers-per-jeugdprofessional"]["reason"]
    assert reason == (
        "Niet aangetoond: (aantal vrijwilligers) / (aantal geselecteerde professionals): niet te berekenen: "
        "'aantal geselecteerde professionals' is 0, of van een item is niet te zeggen of het meetelt."
    )
    labelled = results["vrijwilligers-per-jeugdprofessional-label"]["reason"]  # said in the ruleset's words
    assert labelled == (
        "Niet aangetoond: vrijwilligers per jeugdprofessional: niet te berekenen: "
        "'aantal geselecteerde professionals' is 0, of van een item is niet te zeggen of het meetelt."
    )
    english = _reasons("profiel-geen-jeugd.yaml", "en")["vrijwilligers-per-jeugdprofessional"]["reason"]
    assert english.endswith(
        "cannot be worked out: 'number of selected professionals' is 0, or whether an item counts cannot be told."
    )


def test_a_count_of_selected_items_is_another_quantity_than_the_count_of_all() -> None:
    """The same collection counted whole and through a `where`: two facts, two paths, two names."""
    results = _reasons("profiel.yaml")  # p1 and p3 work with youth, no volunteers: both quotients are 0
    paths = [
        results[rid]["facts"][0]["path"]
        for rid in ("vrijwilligers-per-professional", "vrijwilligers-per-jeugdprofessional")
    ]
    assert paths == [
        "(aantal volunteers) / (aantal professionals)",
        "(aantal volunteers) / (aantal professionals (selectie))",
    ]
    assert results["vrijwilligers-per-jeugdprofessional"]["reason"] == (
        "Voldaan op grond van: (aantal vrijwilligers) / (aantal geselecteerde professionals): 0."
    )


def test_a_count_of_selected_items_with_an_item_it_cannot_judge_has_no_value() -> None:
    """Of one professional it is not known whether they work with youth: the selected count is 1 or 2."""
    results = _reasons("profiel-jeugd-onbekend.yaml")
    assert results["jeugdprofessionals-per-vrijwilliger"]["reason"] == (
        "Niet aangetoond: (aantal geselecteerde professionals) / (aantal vrijwilligers): niet te berekenen: van een "
        "item is niet te zeggen of het meetelt voor 'aantal geselecteerde professionals'."
    )
    divisor = results["vrijwilligers-per-jeugdprofessional"]["reason"]  # 1 / (1 or 2): no one value either
    assert divisor.endswith(
        "'aantal geselecteerde professionals' is 0, of van een item is niet te zeggen of het meetelt."
    )


def test_an_average_over_selected_items_names_the_field_not_items_it_cannot_judge() -> None:
    selected = _reasons("profiel.yaml")["scholing-selectie"]  # p3 works with youth and has no hours
    assert selected["basis"] == "not_demonstrated"
    assert "geen item telt mee, bij een item dat meetelt ontbreekt 'scholingsuren'" in selected["reason"]
    assert "professional p" not in selected["reason"]
    assert [f["path"] for f in selected["facts"]] == ["gemiddelde professionals.training_hours (selectie)"]


@pytest.mark.parametrize(
    ("ruleset", "line", "message"),
    [
        ("onbekende-eenheid.yaml", 20, "onbekende eenheid 'procent' (unknown-unit) Bedoelde u 'percent'?"),
        ("andere-eenheid.yaml", 22, "eenheden passen niet: turnover × 2 is in eur, niet in percent (unit-mismatch)"),
    ],
)
def test_a_unit_that_is_unknown_or_does_not_fit_is_a_located_error(ruleset: str, line: int, message: str) -> None:
    result = CliRunner().invoke(main, ["check", str(UNITS / "profiel.yaml"), "-r", str(UNITS / ruleset)])
    assert result.exit_code == 2
    assert f"{ruleset}:{line}:" in result.stderr
    assert "requirements[0].condition.minimum.quantity.unit" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def _bundled(ruleset: str, example: str, peildatum: date) -> dict[str, dict[str, Any]]:
    rules = kr.load_ruleset(ruleset)
    profile = kr.load_profile(Path(__file__).parents[2] / "examples" / example, rulesets=[rules])
    return {r["id"]: r for r in json.loads(kr.evaluate(rules, profile, peildatum).to_json())["results"]}


def test_the_handreiking_percentages_are_in_percent_and_complaints_per_100_are_not() -> None:
    """Decision eenheid-percentage: the five worked-out percentages say %, upheld complaints per 100 clients do not."""
    results = _bundled("handreiking-kwaliteit", "handreiking/onder-de-maat.yaml", PEILDATUM)
    assert results["H-9-doelrealisatie"]["reason"].endswith("verwacht minstens 70%, gevonden 66,67%.")
    assert results["H-B-zelfredzaamheid"]["reason"].endswith(": 60%.")
    assert results["Z-B1-regie-1"]["reason"].endswith(": 91,67%.")
    assert results["Z-B1-integraal-4"]["reason"].endswith(": 90%.")
    for rid in ("H-6b-throughput", "H-9-doelrealisatie", "H-B-zelfredzaamheid", "Z-B1-regie-1", "Z-B1-integraal-4"):
        assert [f["path"].endswith(" × 100 (percent)") for f in results[rid]["facts"]] == [True], rid
    complaints = results["H-11-klachten"]
    assert complaints["reason"].endswith("verwacht hoogstens 2, gevonden 2,4.")
    assert complaints["facts"][0]["path"].endswith(" × 100")


def test_the_achterhoek_crisis_service_is_on_location_in_minutes() -> None:
    results = _bundled("achterhoek-2019", "achterhoek/jeugd-ggz-instelling.yaml", date(2019, 7, 1))
    crisis = [r for rid, r in results.items() if rid.startswith("7.6.5-crisisdienst")]
    assert crisis
    assert all(r["reason"].endswith("binnen een half uur): 30 minuten.") for r in crisis)
