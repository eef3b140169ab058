"""Achterhoek 2019 (rulesets/achterhoek-2019, docs/achterhoek.md): the ruleset, its examples and sharp edges.

The expected outcomes were reasoned from the ruleset and the source document first (the comments say
why), then compared with the library. Variants start from an example profile and change one thing.
Reference dates lie in 2019, the framework's year: 2019-07-01 is the opening of 1 July 2019.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import kwaliteitsregels as kr

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples" / "achterhoek"
RULESET = ROOT / "rulesets" / "achterhoek-2019"
SEED = ROOT.parent / "shared" / "seeds" / "003_21f967ad4be776cb.txt"
THEMES = Path(kr.__file__).parent / "data" / "themes.yaml"
PEILDATUM = date(2019, 7, 1)

PASS, FAIL, EXPLAIN, NA = "pass", "fail", "explain", "not_applicable"
YES, NO = "voldoet", "voldoet_niet"


@cache
def _ruleset() -> kr.CompiledRuleset:
    return kr.load_ruleset("achterhoek-2019")


def _example(name: str) -> dict[str, Any]:
    data = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _evaluate(profile: dict[str, Any], peildatum: date = PEILDATUM, stage: str = "registration") -> kr.Report:
    return kr.evaluate(_ruleset(), kr.load_profile(profile, rulesets=[_ruleset()]), peildatum, stage=kr.Stage(stage))


def _variant(name: str) -> dict[str, Any]:
    return copy.deepcopy(_example(name))


def _outcome(report: kr.Report, requirement: str, lot: str | None = None) -> tuple[str, str]:
    result = report.result(requirement, lot)
    return str(result.status), str(result.basis)


def _failing(report: kr.Report) -> dict[tuple[str, str | None], str]:
    return {(r.id, r.lot): str(r.basis) for r in report.results if r.status is kr.Status.FAIL}


def _lots(report: kr.Report) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {v.lot: (str(v.verdict), v.failing) for v in report.lot_verdicts()}


def _municipalities(report: kr.Report) -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {m.municipality: (str(m.verdict), m.lots, m.admitted) for m in report.municipality_verdicts()}


def _product(profile: dict[str, Any], code: str) -> dict[str, Any]:
    return next(p for p in profile["registration"]["products"] if p["code"] == code)


def _document(profile: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(d for d in profile["documents"] if d["type"] == kind)


# ---------------------------------------------------------------- the ruleset itself


def test_ruleset_builds_on_the_law_and_has_the_documents_numbering() -> None:
    ruleset = _ruleset()
    assert [base.id for base in ruleset.bases] == ["jeugdwet", "wmo2015"]
    ids = [r.id for r in ruleset.requirements]
    assert len(ids) == len(set(ids)) == 119
    for expected in ("A1", "U1", "U2", "E1", "E2", "E3-1", "O1", "O2", "M1", "M2", "6.5.2.1-1", "6.6-1", "7.3.1"):
        assert expected in ids
    per_chapter: dict[str, int] = {}
    for req in ruleset.requirements:
        chapter = req.spec.category.split(".")[0]
        per_chapter[chapter] = per_chapter.get(chapter, 0) + 1
    assert per_chapter == {"4": 26, "5": 2, "6": 54, "7": 37}


def test_lots_municipalities_and_tables_come_from_the_extracted_data() -> None:
    spec = _ruleset().spec
    lots_doc = yaml.safe_load((RULESET / "lots.yaml").read_text("utf-8"))
    assert spec.municipalities == lots_doc["municipalities"]
    assert [lot.id for lot in spec.lots] == [lot["id"] for lot in lots_doc["lots"]]
    for lot, data in zip(spec.lots, lots_doc["lots"], strict=True):
        assert lot.municipalities == data["municipalities"]
        assert lot.section == data["section"]
    assert len(spec.tables["products"]) == 94
    assert len(spec.tables["tarieven"]) == 91


def test_every_requirement_is_knockout_except_the_second_reading() -> None:
    warnings = [r.id for r in _ruleset().requirements if r.spec.severity == "warning"]
    assert warnings == ["6.5.1.4-3-totaal"]


def test_themes_and_levels_use_the_shared_vocabulary() -> None:
    vocabulary = yaml.safe_load(THEMES.read_text("utf-8"))
    for req in _ruleset().requirements:
        assert set(req.spec.themes) <= set(vocabulary["themes"]), req.id
        assert req.spec.level in vocabulary["levels"], req.id


def test_contract_period_obligations_are_declarations() -> None:
    tagged = [r for r in _ruleset().requirements if "contractperiode" in r.spec.tags]
    assert len(tagged) >= 30
    for req in tagged:
        assert req.spec.judgement == "facts", req.id
        assert "declared" in repr(req.spec.condition), req.id
    ids = {r.id for r in tagged}
    assert {"6.5.2.1-1", "6.5.2.1-2", "6.5.4.3-1", "6.5.1.7.3-1", "6.5.1.7.9", "E3-treeknormen", "O2"} <= ids


def test_every_decision_is_about_existing_requirements() -> None:
    ruleset = _ruleset()
    for decision in ruleset.spec.decisions:
        assert set(decision.about) <= ruleset.requirement_ids, decision.id


def test_every_declaration_is_used_and_every_used_declaration_is_defined() -> None:
    spec = _ruleset().spec
    text = repr([r.condition for r in spec.requirements] + [r.when for r in spec.requirements])
    used = set(re.findall(r"'declared': '(\w+)'", text))
    assert used == set(spec.declarations)


def test_product_codes_in_per_lot_requirements_exist_in_that_lots_table() -> None:
    rows = {(row["lot"], row["code"]) for row in _ruleset().spec.tables["tarieven"]}
    for req in _ruleset().requirements:
        if req.spec.per != "lot" or req.spec.lots is None:
            continue
        codes = re.findall(r"'code', 'value[s]?': \[?([^\]}]+)", repr([req.spec.when, req.spec.condition]))
        for group in codes:
            for code in re.findall(r"'([0-9A-Z]{5})'", group):
                assert any((lot, code) in rows for lot in req.spec.lots), (req.id, code)


def test_qualification_and_certificate_codes_are_in_the_rulesets_tables() -> None:
    spec = _ruleset().spec
    qualifications = {row["code"] for row in spec.tables["kwalificaties"]}
    schemes = {row["code"] for row in spec.tables["kwaliteitssystemen"]} | {
        row["code"] for row in spec.tables["keurmerken_percelen"]
    }
    for req in spec.requirements:
        text = repr(req.condition)
        for code in re.findall(r"'field': 'qualifications', 'value': '(\w+)'", text):
            assert code in qualifications, (req.id, code)
        for group in re.findall(r"'field': 'scheme', 'values?': (\[[^\]]*\]|'\w+')", text):
            for code in re.findall(r"'(\w+)'", group):
                assert code in schemes, (req.id, code)


def _normalised(text: str) -> str:
    return re.sub(r"[\s•\uf0b7]", "", text)


@pytest.mark.skipif(not SEED.is_file(), reason="the Achterhoek seed document is kept outside the repository")
@pytest.mark.parametrize("requirement", [r.id for r in kr.load_ruleset("achterhoek-2019").requirements])
def test_text_is_printed_in_the_seed_from_its_source_line(requirement: str) -> None:
    """Every part of `text` (parts joined by ' … ') stands in the seed; the first from `source.line` on."""
    spec = _ruleset().spec
    req = next(r for r in spec.requirements if r.id == requirement)
    lines = SEED.read_text("utf-8").splitlines()
    assert req.source.seed == spec.source.seed
    assert req.source.line is not None
    first, *rest = req.text.split(" … ")
    window = _normalised("".join(lines[req.source.line - 1 : req.source.line + 120]))
    start = _normalised(lines[req.source.line - 1])
    assert window.find(_normalised(first)) in range(len(start) + 1), f"line {req.source.line}: {first[:60]}"
    whole = _normalised("".join(lines))
    for part in rest:
        assert _normalised(part) in whole, part[:60]


# ---------------------------------------------------------------- the examples


def _ruleset_municipalities() -> list[str]:
    document = yaml.safe_load((RULESET / "lots.yaml").read_text("utf-8"))
    names: list[str] = document["municipalities"]
    return names


# A provider-wide knock-out sinks every lot, and each lot names it among its failing requirements.
EXCLUDED = ("U1-uitsluiting",)
ALL_LOTS_FAIL = {"1": (NO, EXCLUDED), "2": (NO, EXCLUDED), "3a": (NO, EXCLUDED), "9": (NO, EXCLUDED)}
EXPECTED: dict[str, dict[str, Any]] = {
    # Everything in order; the insurance reaches the E2 limits exactly; lot 9 is not bought by Doetinchem.
    "zorggroep-compleet": {
        "verdict": YES,
        "failing": {},
        "lots": {"1": (YES, ()), "2": (YES, ()), "3a": (YES, ()), "9": (YES, ())},
        "municipalities": {
            "Aalten": (YES, ("1", "2", "3a", "9"), ("1", "2", "3a", "9")),
            "Doetinchem": (YES, ("1", "2", "3a"), ("1", "2", "3a")),
            "Winterswijk": (YES, ("1", "2", "3a", "9"), ("1", "2", "3a", "9")),
        },
    },
    # Renewal with an old extract, under EUR 125,000, under the social-return threshold, insurer's statement.
    "zzp-jeugdhulp-verlenging": {
        "verdict": YES,
        "failing": {},
        "lots": {"1": (YES, ())},
        "municipalities": {"Berkelland": (YES, ("1",), ("1",)), "Oost Gelre": (YES, ("1",), ("1",))},
    },
    # Lot 2: 07A13 at 49.41 > 49.40. Lot 3a without a lot-1 product. Lot 9 fine, so the best lot admits.
    "tarief-en-wonen": {
        "verdict": YES,
        "failing": {("M2", "2"): "not_met", ("7.3.1", "3a"): "not_met"},
        "lots": {"2": (NO, ("M2",)), "3a": (NO, ("7.3.1",)), "9": (YES, ())},
        "municipalities": {
            "Aalten": (YES, ("2", "3a", "9"), ("9",)),
            "Bronckhorst": (YES, ("2", "3a", "9"), ("9",)),
            "Doetinchem": (NO, ("2", "3a"), ()),
        },
    },
    # Dissolved 2017-08-01, 23 months before the reference date, and honestly declared: excluded everywhere.
    "ontbonden-wanprestatie": {
        "verdict": NO,
        "failing": {("U1-uitsluiting", None): "not_met"},
        "lots": ALL_LOTS_FAIL,
        "municipalities": {
            "Aalten": (NO, ("1", "2", "3a", "9"), ()),
            "Doetinchem": (NO, ("1", "2", "3a"), ()),
            "Winterswijk": (NO, ("1", "2", "3a", "9"), ()),
        },
    },
    # Lots 1, 2, 3b and 4-8 in all eight municipalities: regiebehandelaars, Top-GGZ, NRD, a paediatrician,
    # crisis residential care together with 46B01; 60 care employees (governance), EUR 50,000 Wmo revenue.
    "jeugd-ggz-instelling": {
        "verdict": YES,
        "failing": {},
        "lots": dict.fromkeys(("1", "2", "3b", "4", "5", "6", "7", "8"), (YES, ())),
        "municipalities": dict.fromkeys(
            _ruleset_municipalities(),
            (YES, ("1", "2", "3b", "4", "5", "6", "7", "8"), ("1", "2", "3b", "4", "5", "6", "7", "8")),
        ),
    },
    # Relies on a subcontractor (role third_party) for E3: own ESPD plus the subcontractor's statement.
    "onderaannemer": {
        "verdict": YES,
        "failing": {},
        "lots": {"1": (YES, ()), "2": (YES, ()), "3a": (YES, ()), "9": (YES, ())},
        "municipalities": {
            "Aalten": (YES, ("1", "2", "3a", "9"), ("1", "2", "3a", "9")),
            "Doetinchem": (YES, ("1", "2", "3a"), ("1", "2", "3a")),
            "Winterswijk": (YES, ("1", "2", "3a", "9"), ("1", "2", "3a", "9")),
        },
    },
}


def test_every_example_has_an_expectation() -> None:
    assert sorted(p.stem for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_verdict_failures_lots_and_municipalities(name: str) -> None:
    expected = EXPECTED[name]
    report = _evaluate(_example(name))
    assert str(report.verdict) == expected["verdict"]
    assert _failing(report) == expected["failing"]
    assert _lots(report) == expected["lots"]
    assert _municipalities(report) == expected["municipalities"]
    for base in report.base_reports().values():
        assert str(base.verdict) == YES, base.ruleset.id


def test_complete_example_requirement_by_requirement() -> None:
    report = _evaluate(_example("zorggroep-compleet"))
    not_applicable = {
        "2.4-tarief",  # a first registration: no join moment
        "U2-verlenging", "4.1.1", "4.1.2", "4.1.2-draagkracht", "4.2.3",  # first registration, no partners
        "E2-verklaring",  # a policy, no insurer's statement
        "E3-2",  # from 2020-01-01
        "6.5.1.1",  # checked from admission (stage award)
        "6.5.1.4-3-wmo", "6.5.1.4-3-jeugdwet", "6.5.1.4-3-totaal",  # EUR 400,000 and 500,000 per domain
        "6.5.1.5",  # 30 care employees
        "7.1.4.4", "7.2.7.1", "7.2.7.2",  # 45A68, 41A11, 41A13 not offered
        "7.3.4", "7.4.2-crisisverblijf", "7.4.2", "7.5.2-regiebehandelaar", "7.5.2",  # lots not registered for
        "7.6.2-regiebehandelaar", "7.6.2-topggz", "7.6", "7.7.2-regiebehandelaar", "7.7.2-register", "7.7",
        "7.8.2-kinderarts", "7.8", "7.3.4-toezicht", "7.4.1", "7.4.2-lidmaatschap", "7.5.2-grenzen",
        "7.6.5-crisisdienst",
    }  # fmt: skip
    explained = {
        "E3-1-reikwijdte", "6.5.1.4-overig", "6.5.1.7.6-1", "6.5.2.2", "6.5.2.3-1", "6.5.2.4", "6.5.2.5",
        "6.5.3.1", "6.5.3.2", "6.5.4.1", "6.5.4.2", "6.6-3", "7.1", "7.2", "7.3.2", "7.9.4",
    }  # fmt: skip
    for result in report.results:
        if result.id in not_applicable:
            assert result.status is kr.Status.NOT_APPLICABLE, result.id
        elif result.id in explained:
            assert result.status is kr.Status.EXPLAIN, result.id
            assert result.explanation is not None
            assert str(result.explanation.state) == "accepted"
        else:
            assert result.status is kr.Status.PASS, (result.id, result.lot, result.reason())
    # 66 + 3.2, 3.3.7, O2-vacatures and the lot-9 terms 7.9.4.2-7.9.4.4; 28 + five lot rules + 2.4-tarief,
    # which is per lot: not applicable once in each of the four lots registered for
    assert report.counts()[kr.Status.PASS] == 72
    assert report.counts()[kr.Status.EXPLAIN] == 16
    assert report.counts()[kr.Status.NOT_APPLICABLE] == 37
    assert report.result("E3-2").not_applicable is not None
    assert str(report.result("E3-2").not_applicable) == "validity"
    assert str(report.result("6.5.1.1").not_applicable) == "stage"


def test_institution_example_meets_the_conditional_requirements() -> None:
    report = _evaluate(_example("jeugd-ggz-instelling"))
    expected = {
        ("4.1.1", None): (PASS, "met"),  # a combination: joint and several liability declared
        ("4.2.3", None): (PASS, "met"),
        ("4.1.2-draagkracht", None): (PASS, "met"),  # relies on its parent for E1, with a guarantee
        ("6.5.1.4-1-wmo", None): (NA, "not_applicable"),  # EUR 50,000 Wmo revenue
        ("6.5.1.4-3-wmo", None): (PASS, "met"),
        ("6.5.1.4-1-jeugdwet", None): (PASS, "met"),
        ("6.5.1.4-3-totaal", None): (PASS, "met"),  # EUR 5,000,000 in total: the auditor's report is declared
        ("6.5.1.5", None): (PASS, "met"),  # stichting, 60 > 50, 5,000,000 > 1,000,000: the five governance facts
        ("7.4.2-lidmaatschap", "4"): (PASS, "met"),  # 46B01 and a member of Spoedhulp Jeugd
        ("7.6.5-crisisdienst", "6"): (PASS, "met"),  # 54016; on location in exactly 30 minutes
        ("7.3.4-toezicht", "3b"): (PASS, "met"),  # supervision, no volunteers
        ("7.4.1", "5"): (PASS, "met"),  # Jeugdwet provider
        ("7.4.2-crisisverblijf", "4"): (PASS, "met"),  # 46A04 with 46B01
        ("7.6.2-topggz", "6"): (PASS, "met"),
        ("7.7.2-register", "7"): (PASS, "met"),
        ("7.8.2-kinderarts", "8"): (PASS, "met"),
        ("7.2.6-hbo", None): (NA, "not_applicable"),  # no group guidance product offered
    }
    for (requirement, lot), outcome in expected.items():
        assert _outcome(report, requirement, lot) == outcome, (requirement, lot)


def test_complete_example_at_award_checks_the_message_system_too() -> None:
    report = _evaluate(_example("zorggroep-compleet"), stage="award")
    assert str(report.verdict) == YES
    assert _outcome(report, "6.5.1.1") == (PASS, "met")


def test_declared_overlaps_with_the_law_agree_for_the_complete_example() -> None:
    report = _evaluate(_example("zorggroep-compleet"))
    relations = {(r.this.id, f"{r.other_ruleset}:{r.other.id}"): r for r in report.relations}
    assert ("6.6-1", "jeugdwet:4.1.7") in relations
    assert ("6.6-1", "wmo2015:3.3") in relations
    assert ("E3-werktoedeling", "jeugdwet:4.1.1-2") in relations
    assert relations["6.5.1.7.7", "jeugdwet:4.2.5"].kind == "conflict"
    assert not any(r.disagree for r in report.relations)


# ---------------------------------------------------------------- E2: liability insurance


@pytest.mark.parametrize(
    ("per_event", "per_year", "expected"),
    [
        (1_000_000, 2_000_000, (PASS, "met")),  # exactly at both limits: "minimaal"
        (1_000_000, Decimal("1999999.99"), (FAIL, "not_met")),  # per year below EUR 2,000,000
        (Decimal("999999.99"), 2_000_000, (FAIL, "not_met")),  # per event below EUR 1,000,000
        (5_000_000, None, (FAIL, "not_demonstrated")),  # the per-year cover is not given
    ],
)
def test_insurance_limits(per_event: Any, per_year: Any, expected: tuple[str, str]) -> None:
    profile = _variant("zorggroep-compleet")
    profile["insurances"] = [{"kind": "liability", "per_event_eur": per_event, "per_year_eur": per_year}]
    report = _evaluate(profile)
    assert _outcome(report, "E2") == expected
    assert str(report.verdict) == (YES if expected[0] == PASS else NO)
    if expected[0] == FAIL:  # a provider-wide requirement: every lot is set aside with it
        assert {lot: verdict for lot, (verdict, _) in _lots(report).items()} == dict.fromkeys(("1", "2", "3a", "9"), NO)


def test_other_adequate_cover_is_a_deviation_for_the_assessor() -> None:
    profile = _variant("zorggroep-compleet")
    profile["insurances"] = [{"kind": "liability", "per_event_eur": 1_000_000, "per_year_eur": 1_000_000}]
    profile["documents"].append({"type": "risicodekking_beschrijving", "issued_on": date(2019, 6, 20)})
    profile["explanations"].append(
        {
            "ruleset": "achterhoek-2019",
            "requirement": "E2",
            "text": "Aanvullende dekking via een bankgarantie van EUR 1.000.000.",
            "given_by": "Zorggroep Berkelzicht B.V.",
            "given_on": date(2019, 6, 20),
        }
    )
    report = _evaluate(profile)
    assert _outcome(report, "E2") == (EXPLAIN, "not_met")
    assert str(report.verdict) == "beoordeling_nodig"


def test_insurers_statement_suffices_at_registration_but_not_before_admission() -> None:
    profile = _example("zzp-jeugdhulp-verlenging")
    registration = _evaluate(profile)
    assert _outcome(registration, "E2") == (NA, "not_applicable")
    assert _outcome(registration, "E2-verklaring") == (PASS, "met")
    award = _evaluate(profile, stage="award")
    assert _outcome(award, "E2-verklaring") == (FAIL, "not_demonstrated")
    assert [g.type for g in award.result("E2-verklaring").gaps] == ["liability_insurance_policy"]
    assert str(award.verdict) == NO
    with_policy = copy.deepcopy(profile)
    with_policy["documents"].append({"type": "liability_insurance_policy", "issued_on": date(2019, 6, 30)})
    assert str(_evaluate(with_policy, stage="award").verdict) == YES


# ---------------------------------------------------------------- U2: trade register extract


@pytest.mark.parametrize(
    ("issued", "expected"),
    [(date(2019, 1, 1), (PASS, "met")), (date(2018, 12, 31), (FAIL, "not_demonstrated"))],
    ids=["six-months", "six-months-and-one-day"],
)
def test_extract_age_counts_at_first_registration(issued: date, expected: tuple[str, str]) -> None:
    profile = _variant("zorggroep-compleet")
    _document(profile, "kvk_extract")["issued_on"] = issued
    report = _evaluate(profile)
    assert _outcome(report, "U2") == expected
    assert _outcome(report, "U2-verlenging") == (NA, "not_applicable")
    if expected[0] == FAIL:
        assert [str(g.reason) for g in report.result("U2").gaps] == ["too_old"]


def test_extract_age_does_not_count_for_a_renewing_provider() -> None:
    profile = _example("zzp-jeugdhulp-verlenging")
    assert _document(profile, "kvk_extract")["issued_on"] == date(2018, 12, 31)  # six months and one day
    report = _evaluate(profile)
    assert _outcome(report, "U2") == (NA, "not_applicable")
    assert _outcome(report, "U2-verlenging") == (PASS, "met")


def test_unknown_first_registration_applies_both_extract_rules() -> None:
    profile = _variant("zorggroep-compleet")
    del profile["registration"]["first_registration"]
    _document(profile, "kvk_extract")["issued_on"] = date(2018, 12, 31)
    report = _evaluate(profile)
    assert _outcome(report, "U2") == (FAIL, "not_demonstrated")
    assert _outcome(report, "U2-verlenging") == (PASS, "met")


# ---------------------------------------------------------------- M2: tariffs per lot


@pytest.mark.parametrize(
    ("code", "tariff", "lot", "basis", "reason"),
    [
        # one cent above the maximum; the product by code, title and lot, the amounts in euro as written in Dutch
        ("02A06", "0.77", "1", "not_met", "product 02A06 (Begeleiding individueel - ontwikkelen, perceel 1), tarief:"),
        ("02A06", "0.77", "1", "not_met", "verwacht hoogstens € 0,76, gevonden € 0,77"),
        ("02A06", "0.755", "1", "not_met", "verwacht hoogstens 2 decimalen, gevonden € 0,755"),  # three decimals
        ("02A06", "45.60", "1", "not_met", "verwacht hoogstens € 0,76, gevonden € 45,60"),  # tariffs are per minute
        ("08A03", "18.00", "2", "not_met", "product 08A03 (Vervoer, perceel 2), tarief: verwacht € 18,50"),  # fixed
        ("01001", "0.43", "9", "not_met", "verwacht € 0,44, gevonden € 0,43"),  # lot 9 has fixed tariffs
    ],
)
def test_a_wrong_tariff_sets_aside_that_lot_only(code: str, tariff: str, lot: str, basis: str, reason: str) -> None:
    profile = _variant("zorggroep-compleet")
    _product(profile, code)["tariff_eur"] = tariff
    report = _evaluate(profile)
    result = report.result("M2", lot)
    assert (str(result.status), str(result.basis)) == (FAIL, basis)
    assert reason in result.reason()
    assert str(report.verdict) == YES  # the best lot decides
    assert _lots(report) == {other: ((NO, ("M2",)) if other == lot else (YES, ())) for other in ("1", "2", "3a", "9")}
    admitted = {name: adm for name, (_, _, adm) in _municipalities(report).items()}
    assert admitted == {
        "Aalten": tuple(x for x in ("1", "2", "3a", "9") if x != lot),
        "Doetinchem": tuple(x for x in ("1", "2", "3a") if x != lot),
        "Winterswijk": tuple(x for x in ("1", "2", "3a", "9") if x != lot),
    }


def test_the_reason_says_what_follows_from_a_wrong_tariff_and_only_there() -> None:
    """Issue: 'what follows' belongs in the reason too — a tariff cannot be corrected after the bid is in."""
    profile = _variant("zorggroep-compleet")
    _product(profile, "02A06")["tariff_eur"] = "0.77"
    report = _evaluate(profile)
    wrong = report.result("M2", "1")
    assert wrong.reason().endswith(
        "Gevolg: dit is een knock-outeis zonder afwijkingsroute, dus de inschrijving voor perceel 1 "
        "wordt terzijde gelegd; dat is achteraf niet te herstellen."
    )
    assert "the bid for lot 1 is set aside; that cannot be put right afterwards." in wrong.reason("en")
    others = [r for r in report.results if r is not wrong and r.status is not kr.Status.NOT_APPLICABLE]
    assert others, "the complete example has outcomes besides the wrong tariff"
    assert not [r.id for r in others if "Gevolg:" in r.reason()]  # a requirement met says nothing of the kind


def test_a_missing_fact_in_a_lot_is_not_said_to_set_the_lot_aside() -> None:
    """Not demonstrated can still be put right: the reason must not say the lot is lost."""
    profile = _variant("zorggroep-compleet")
    del _product(profile, "02A06")["tariff_eur"]
    result = _evaluate(profile).result("M2", "1")
    assert (str(result.status), str(result.basis)) == (FAIL, "not_demonstrated")
    assert "Gevolg:" not in result.reason()


def test_lot_3a_stays_admitted_when_lot_1_is_set_aside_for_its_tariff() -> None:
    """7.3.1 asks for an offered product in lot 1, not for an admitted lot 1 (decision combinatie-3a-1)."""
    profile = _variant("zorggroep-compleet")
    _product(profile, "02A06")["tariff_eur"] = "0.77"
    report = _evaluate(profile)
    assert _outcome(report, "7.3.1", "3a") == (PASS, "met")
    assert _lots(report)["3a"] == (YES, ())


@pytest.mark.parametrize(
    ("lot", "code"),
    [("1", "02A99"), ("1", "07A11"), ("2", "08A04")],
    ids=["unknown-code", "code-of-another-lot", "lapsed-product"],
)
def test_a_product_that_is_not_in_the_lots_table_is_not_demonstrated(lot: str, code: str) -> None:
    profile = _variant("zorggroep-compleet")
    profile["registration"]["products"].append({"lot": lot, "code": code, "tariff_eur": "0.50"})
    report = _evaluate(profile)
    assert _outcome(report, "M2", lot) == (FAIL, "not_demonstrated")
    assert _lots(report)[lot] == (NO, ("M2",))


def test_a_product_without_a_tariff_is_not_demonstrated() -> None:
    profile = _variant("zorggroep-compleet")
    del _product(profile, "45A08")["tariff_eur"]
    assert _outcome(_evaluate(profile), "M2", "1") == (FAIL, "not_demonstrated")


# ---------------------------------------------------------------- 7.3.1: lot 3a with lot 1


def test_lot_3a_without_lot_1_is_set_aside_and_only_3a() -> None:
    report = _evaluate(_example("tarief-en-wonen"))
    result = report.result("7.3.1", "3a")
    assert (str(result.status), str(result.basis)) == (FAIL, "not_met")
    assert "perceel 1" in result.reason()
    assert _lots(report)["9"] == (YES, ())


def test_lot_3b_has_no_compulsory_combination() -> None:
    profile = _variant("tarief-en-wonen")
    registration = profile["registration"]
    registration["lots"] = ["3b", "9"]
    registration["products"] = [p for p in registration["products"] if p["lot"] == "9"]
    registration["products"].append({"lot": "3b", "code": "04A01", "tariff_eur": "119.32"})
    profile["explanations"] = [e for e in profile["explanations"] if e["requirement"] not in {"7.2", "7.3.2"}]
    profile["explanations"].append({**profile["explanations"][0], "requirement": "7.3.4"})
    profile["short_stay"] = {"supervision_present": True, "run_by_volunteers": False}
    report = _evaluate(profile)
    assert _outcome(report, "7.3.1") == (NA, "not_applicable")
    assert _lots(report) == {"3b": (YES, ()), "9": (YES, ())}


def test_adult_housing_requires_registering_with_doetinchem() -> None:
    profile = _variant("zorggroep-compleet")
    profile["registration"]["municipalities"] = ["Aalten", "Winterswijk"]
    report = _evaluate(profile)
    assert _outcome(report, "7.3.1-doetinchem", "3a") == (FAIL, "not_met")
    assert _lots(report)["3a"] == (NO, ("7.3.1-doetinchem",))
    youth_only = _variant("zorggroep-compleet")
    youth_only["registration"]["municipalities"] = ["Aalten", "Winterswijk"]
    youth_only["registration"]["products"] = [p for p in youth_only["registration"]["products"] if p["code"] != "15A11"]
    assert _outcome(_evaluate(youth_only), "7.3.1-doetinchem", "3a") == (NA, "not_applicable")


# ---------------------------------------------------------------- O2: social return


@pytest.mark.parametrize(
    ("expected_sum", "status"),
    [(60_000, NA), (200_000, NA), (Decimal("200000.01"), PASS), (None, PASS)],
    ids=["well-under", "exactly-the-threshold", "one-cent-above", "unknown"],
)
def test_social_return_above_200000_only(expected_sum: Any, status: str) -> None:
    profile = _variant("zorggroep-compleet")
    profile["registration"]["expected_annual_contract_sum_eur"] = expected_sum
    assert _outcome(_evaluate(profile), "O2")[0] == status


def test_provider_under_the_threshold_need_not_declare_social_return() -> None:
    profile = _example("zzp-jeugdhulp-verlenging")
    assert "social_return" not in profile["declarations"]
    assert _outcome(_evaluate(profile), "O2") == (NA, "not_applicable")


# ---------------------------------------------------------------- 6.5.1.4: EUR 125,000 per domain


def test_small_provider_under_125000_gives_a_spending_statement() -> None:
    report = _evaluate(_example("zzp-jeugdhulp-verlenging"))
    assert _outcome(report, "6.5.1.4-3-jeugdwet") == (PASS, "met")
    assert _outcome(report, "6.5.1.4-1-jeugdwet") == (NA, "not_applicable")
    assert _outcome(report, "6.5.1.4-3-wmo") == (NA, "not_applicable")  # no Wmo at all
    assert _outcome(report, "6.5.1.4-3-totaal") == (NA, "not_applicable")  # EUR 90,000 in total too


def test_per_domain_reading_decides_and_the_total_reading_only_warns() -> None:
    profile = _variant("zorggroep-compleet")
    profile["size"] |= {"care_revenue_eur": 200_000, "revenue_wmo_eur": 100_000, "revenue_jeugdwet_eur": 100_000}
    profile["declarations"] |= {"bestedingsverklaring": True, "controleverklaring": False}
    report = _evaluate(profile)
    assert _outcome(report, "6.5.1.4-3-wmo") == (PASS, "met")
    assert _outcome(report, "6.5.1.4-3-jeugdwet") == (PASS, "met")
    assert _outcome(report, "6.5.1.4-1-wmo") == (NA, "not_applicable")
    assert _outcome(report, "6.5.1.4-3-totaal") == (FAIL, "not_met")
    assert str(report.verdict) == YES  # a warning does not decide


# ---------------------------------------------------------------- U1-uitsluiting: dissolution


@pytest.mark.parametrize(
    ("dissolved", "declared", "expected"),
    [
        (date(2017, 8, 1), False, (FAIL, "not_met")),  # 23 months: excluded
        (date(2017, 8, 1), True, (FAIL, "not_met")),  # 23 months, declared 'none': the recorded fact decides
        (date(2017, 8, 1), None, (FAIL, "not_met")),  # 23 months, nothing declared: the recorded fact decides
        (date(2017, 7, 1), True, (FAIL, "not_met")),  # exactly two years: still within
        (date(2017, 6, 30), True, (PASS, "met")),  # more than two years ago, declared
        (date(2017, 6, 30), False, (FAIL, "not_met")),  # the bidder itself reports a dissolution within two years
        (None, True, (PASS, "met")),  # nothing recorded (absent) and the ESPD declaration
        (None, None, (FAIL, "not_demonstrated")),
    ],
)
def test_two_year_exclusion_after_dissolution(dissolved: date | None, declared: bool | None, expected: Any) -> None:
    profile = _variant("zorggroep-compleet")
    profile["history"]["dissolved_for_poor_performance_on"] = dissolved
    profile["declarations"]["geen_ontbinding_wanprestatie"] = declared
    if declared is None:
        del profile["declarations"]["geen_ontbinding_wanprestatie"]
    assert _outcome(_evaluate(profile), "U1-uitsluiting") == expected


def test_a_false_declaration_does_not_hide_a_recorded_dissolution() -> None:
    """Decision wanprestatie-zonder-datum: the declaration is refuted by the recorded date (refuted_by)."""
    profile = _variant("ontbonden-wanprestatie")
    profile["declarations"]["geen_ontbinding_wanprestatie"] = True
    report = _evaluate(profile)
    assert _outcome(report, "U1-uitsluiting") == (FAIL, "not_met")
    assert "2017-08-01" in report.result("U1-uitsluiting").reason()


# ---------------------------------------------------------------- U1 and 4.1.2: partners


def test_relied_on_subcontractor_needs_its_own_espd_and_statement() -> None:
    report = _evaluate(_example("onderaannemer"))
    assert _outcome(report, "U1") == (PASS, "met")
    assert _outcome(report, "4.1.2") == (PASS, "met")
    assert _outcome(report, "4.1.2-draagkracht") == (NA, "not_applicable")
    unsigned = _variant("onderaannemer")
    del unsigned["registration"]["parties"][0]["uea_signed"]
    report = _evaluate(unsigned)
    assert _outcome(report, "U1") == (FAIL, "not_demonstrated")
    assert _outcome(report, "4.1.2") == (FAIL, "not_demonstrated")
    assert str(report.verdict) == NO
    no_statement = _variant("onderaannemer")
    documents = no_statement["documents"]
    no_statement["documents"] = [d for d in documents if d["type"] != "beschikkingsverklaring_onderaannemer"]
    assert _outcome(_evaluate(no_statement), "4.1.2") == (FAIL, "not_met")  # no signed statement at all
    draft = _variant("onderaannemer")
    _document(draft, "beschikkingsverklaring_onderaannemer")["signed"] = False  # an unsigned draft
    assert _outcome(_evaluate(draft), "4.1.2") == (FAIL, "not_met")


@pytest.mark.parametrize(("signed", "lot_1"), [(True, (YES, ())), (False, (NO, ("4.1.2", "7.1.4.3")))])
def test_a_subcontractors_behavioural_scientist_counts_only_with_a_signed_statement(
    signed: bool,
    lot_1: tuple[str, tuple[str, ...]],
) -> None:
    """Decision personeel-onderaannemer: the only behavioural scientist works for the relied-on party."""
    profile = _variant("onderaannemer")
    relied_on = profile["registration"]["parties"][0]["name"]
    next(p for p in profile["professionals"] if p["id"] == "orthopedagoog")["party"] = relied_on
    _document(profile, "beschikkingsverklaring_onderaannemer")["signed"] = signed
    report = _evaluate(profile)
    assert _lots(report)["1"] == lot_1
    assert (str(report.result("7.1.4.3", "1").status) == PASS) is signed


def test_plain_subcontractor_needs_no_espd_but_a_combination_member_does() -> None:
    profile = _variant("onderaannemer")
    assert "uea_signed" not in profile["registration"]["parties"][1]  # the plain subcontractor
    member: dict[str, Any] = {"name": "Zorgcoöperatie Oost", "role": "combination_member", "kvk_number": "50123456"}
    member["uea_signed"] = False
    profile["registration"]["parties"].append(member)
    report = _evaluate(profile)
    assert _outcome(report, "U1") == (FAIL, "not_met")
    assert _outcome(report, "4.1.1") == (FAIL, "not_demonstrated")  # no joint-liability declaration
    assert _outcome(report, "4.2.3") == (PASS, "met")


def test_relying_on_a_parent_for_financial_standing_needs_a_guarantee() -> None:
    profile = _variant("onderaannemer")
    parent = {"name": "Zorgholding Oost B.V.", "role": "third_party", "uea_signed": True, "relied_on_for": ["E1"]}
    profile["registration"]["parties"].append(parent)
    report = _evaluate(profile)
    assert _outcome(report, "4.1.2-draagkracht") == (FAIL, "not_demonstrated")
    assert [g.type for g in report.result("4.1.2-draagkracht").gaps] == ["garantverklaring"]


# ---------------------------------------------------------------- E3: the 2019 transition


def test_an_initiative_to_join_an_association_suffices_in_2019_only() -> None:
    profile = _example("zzp-jeugdhulp-verlenging")
    in_2019 = _evaluate(profile)
    assert _outcome(in_2019, "E3-2-2019") == (PASS, "met")
    assert _outcome(in_2019, "E3-2") == (NA, "not_applicable")
    in_2020 = _evaluate(profile, date(2020, 1, 15))
    assert _outcome(in_2020, "E3-2-2019") == (NA, "not_applicable")
    assert _outcome(in_2020, "E3-2") == (FAIL, "not_demonstrated")
    member = _evaluate(_example("zorggroep-compleet"), date(2020, 1, 15))
    assert _outcome(member, "E3-2") == (PASS, "met")


def test_the_ruleset_is_not_in_force_after_the_agreement_ends() -> None:
    with pytest.raises(kr.KwaliteitsregelsError, match="2020-12-31"):
        _evaluate(_example("zorggroep-compleet"), date(2021, 1, 1))


# ---------------------------------------------------------------- chapter 6 facts


def test_vog_three_months_before_starting_and_at_most_three_years_old() -> None:
    late = _variant("zorggroep-compleet")
    late["professionals"][0] |= {"vog_issued_on": date(2018, 6, 30), "employed_since": date(2018, 10, 1)}
    report = _evaluate(late)
    assert _outcome(report, "6.5.3.1-3") == (FAIL, "not_met")
    assert str(report.base_reports()["jeugdwet"].result("4.1.6").status) == FAIL  # the law agrees
    old = _variant("zorggroep-compleet")
    old["professionals"][1] |= {"vog_issued_on": date(2016, 3, 1), "employed_since": date(2016, 4, 1)}
    report = _evaluate(old)
    assert _outcome(report, "6.5.3.1-3") == (FAIL, "not_met")  # more than three years old
    law = report.base_reports()["jeugdwet"].result("4.1.6")
    assert str(law.status) == PASS  # the law only asks three months before employment
    relation = next(r for r in report.relations if (r.this.id, r.other.id) == ("6.5.3.1-3", "4.1.6"))
    assert (relation.kind, relation.disagree, relation.superseded) == ("same", True, None)
    assert str(report.verdict) == NO  # the stricter Achterhoek term counts


def test_volunteers_vog_applies_only_with_volunteers() -> None:
    report = _evaluate(_example("zzp-jeugdhulp-verlenging"))
    assert _outcome(report, "6.5.2.3-4") == (NA, "not_applicable")
    assert _outcome(report, "6.5.2.3-1") == (NA, "not_applicable")
    profile = _variant("zorggroep-compleet")
    profile["volunteers"][0]["vog_issued_on"] = date(2018, 11, 30)  # three months and a day before 2019-03-01
    assert _outcome(_evaluate(profile), "6.5.2.3-4") == (FAIL, "not_met")


@pytest.mark.parametrize(
    ("employees", "revenue", "legal_form", "applies"),
    [(51, 1_000_001, "bv", True), (50, 2_000_000, "stichting", False), (80, 1_000_000, "bv", False)],
    ids=["both-above", "exactly-50-employees", "exactly-one-million"],
)
def test_governance_structure_above_50_employees_and_one_million(
    employees: int, revenue: int, legal_form: str, applies: bool
) -> None:
    profile = _variant("zorggroep-compleet")
    profile["size"] |= {"care_employees": employees, "care_revenue_eur": revenue}
    profile["organisation"]["legal_form"] = legal_form
    expected = (FAIL, "not_demonstrated") if applies else (NA, "not_applicable")
    assert _outcome(_evaluate(profile), "6.5.1.5") == expected


def test_client_council_alternative_yields_to_the_law_above_ten_persons() -> None:
    profile = _variant("zorggroep-compleet")
    profile["client_representation"] = {"client_council": False, "alternative": "Cliëntpanel twee keer per jaar."}
    report = _evaluate(profile)
    assert _outcome(report, "6.5.1.7.7") == (PASS, "met")
    relation = next(r for r in report.relations if r.this.id == "6.5.1.7.7")
    assert (relation.kind, relation.disagree, relation.superseded) == ("conflict", True, "this")
    assert str(report.verdict) == NO  # jeugdwet 4.2.5: 30 care employees, a council is compulsory


# ---------------------------------------------------------------- chapter 7 staff requirements


def test_treatment_needs_a_behavioural_scientist_or_post_graduate() -> None:
    profile = _variant("zorggroep-compleet")
    for professional in profile["professionals"]:
        professional["qualifications"] = ["hbo"]  # an empty list would be 'not demonstrated', not 'not met'
    report = _evaluate(profile)
    assert _outcome(report, "7.1.4.3", "1") == (FAIL, "not_met")
    assert _lots(report)["1"] == (NO, ("7.1.4.3",))


def test_a_lead_practitioner_must_be_big_registered_unless_nip_or_nvo() -> None:
    profile = _variant("zzp-jeugdhulp-verlenging")
    registration = profile["registration"]
    registration["lots"] = ["7"]
    registration["products"] = [{"lot": "7", "code": "45A03", "tariff_eur": "1098.00"}]
    profile["certificates"].append({"scheme": "REGISTER_NRD", "valid_until": date(2020, 12, 31)})
    profile["professionals"][0]["qualifications"] = ["wo", "gz_psycholoog"]
    report = _evaluate(profile)
    assert _outcome(report, "7.7.2-regiebehandelaar", "7") == (FAIL, "not_met")  # SKJ only, no BIG
    assert _outcome(report, "7.7.2-register", "7") == (PASS, "met")
    profile["professionals"][0]["qualifications"] = ["wo", "orthopedagoog_generalist_nvo"]
    assert _outcome(_evaluate(profile), "7.7.2-regiebehandelaar", "7") == (PASS, "met")


def test_household_help_only_by_workers_on_the_payroll() -> None:
    """Decision loondienst-hh: a company hiring self-employed cleaners does not meet 7.9.2."""
    profile = _variant("zorggroep-compleet")
    profile["household_workers"].append({"id": "schoonmaker-zzp", "employment": "zzp"})
    report = _evaluate(profile)
    assert _outcome(report, "7.9.2", "9") == (FAIL, "not_met")
    assert _lots(report)["9"] == (NO, ("7.9.2",))
    assert _lots(report)["1"] == (YES, ())


def test_lot_verdicts_count_the_law_the_ruleset_builds_on() -> None:
    profile = _variant("zorggroep-compleet")
    profile["client_representation"] = {"client_council": False, "alternative": "Cliëntpanel twee keer per jaar."}
    report = _evaluate(profile)
    assert str(report.verdict) == NO
    assert {lot: verdict for lot, (verdict, _) in _lots(report).items()} == dict.fromkeys(("1", "2", "3a", "9"), NO)
