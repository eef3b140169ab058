"""Things by their names: no raw field path in a text for people; the JSON keeps the paths for machines."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import kwaliteitsregels as kr
from kwaliteitsregels import explain, messages, naming
from kwaliteitsregels.facts.building import models_for
from kwaliteitsregels.facts.vocabulary import VocabularyBody
from kwaliteitsregels.models.profile import LotView
from kwaliteitsregels.reporting.document import to_document

ROOT = Path(__file__).parents[2]
ACHTERHOEK = ROOT / "rulesets" / "achterhoek-2019"
RAW_PATH = re.compile(r"\b[a-z_]+(\[\d+\])?\.[a-z_]+\b|\[\d+\]")


@pytest.fixture(scope="module")
def twente() -> kr.CompiledRuleset:
    return kr.load_ruleset(ROOT / "rulesets" / "twente")


def _profile(twente: kr.CompiledRuleset, **changes: object) -> kr.Profile:
    data = {
        "organisation": {"name": "Zorg BV", "kvk_number": "12345678"},
        "services": {"law_domains": ["jeugdwet"]},
        "professionals": [
            {"id": "p1", "role": "jeugdzorgwerker", "works_with_youth": True, "vog_issued_on": "2024-01-01"},
            {"id": "p2", "role": "gedragswetenschapper", "works_with_youth": True, "vog_issued_on": "2015-03-01"},
        ],
        **changes,
    }
    return kr.load_profile(data, rulesets=[twente])


def test_a_professional_by_id_and_role_and_a_fact_by_its_label(twente: kr.CompiledRuleset) -> None:
    names = naming.Namer(_profile(twente), lang="nl")
    assert names.name("professionals[1].vog_issued_on") == "professional p2 (gedragswetenschapper), VOG afgegeven op"
    assert names.name("policies.complaints_committee.independent") == "klachtencommissie, onafhankelijk"
    english = naming.Namer(_profile(twente), lang="en")
    assert english.name("professionals[0].vog_issued_on") == (
        "professional p1 (jeugdzorgwerker), certificate of conduct issued on"
    )


def test_an_item_that_is_not_there_gets_its_number_and_an_unknown_path_stays_as_it_is(
    twente: kr.CompiledRuleset,
) -> None:
    names = naming.Namer(_profile(twente), lang="nl")
    assert names.name("professionals[5].role") == "professional nr. 6, functie"
    assert names.name("onbekend gegeven (%)") == "onbekend gegeven (%)"


def test_the_reason_names_the_professional_and_keeps_no_path(twente: kr.CompiledRuleset) -> None:
    report = kr.evaluate(twente, _profile(twente), date(2026, 11, 23))
    reason = report.result("8").reason()
    assert "professional p2 (gedragswetenschapper), VOG afgegeven op: verwacht niet ouder dan 5 jaar" in reason
    assert not RAW_PATH.search(reason), reason
    document = json.loads(to_document(report, "nl").model_dump_json())
    found = next(r for r in document["results"] if r["id"] == "8")
    assert [f["path"] for f in found["findings"]] == ["professionals[1].vog_issued_on"]  # machines keep the path
    assert "professional p2" in found["findings"][0]["message"]


def test_a_product_by_code_title_and_lot_and_its_tariff_in_euro() -> None:
    ruleset = kr.load_ruleset(ACHTERHOEK)
    profile = kr.load_profile(ROOT / "examples" / "achterhoek" / "tarief-en-wonen.yaml", rulesets=[ruleset])
    report = kr.evaluate(ruleset, profile, date(2019, 9, 1))
    reason = report.result("M2", "2").reason()
    assert reason == (
        "Niet voldaan: product 07A13 (Begeleiding groep – stabiliseren en overnemen, perceel 2), tarief: "
        "verwacht hoogstens € 49,40, gevonden € 49,41. Gevolg: dit is een knock-outeis zonder afwijkingsroute, "
        "dus de inschrijving voor perceel 2 wordt terzijde gelegd; dat is achteraf niet te herstellen."
    )
    assert [f.path for f in explain.findings(report.result("M2", "2").trace)] == ["products[1].tariff_eur"]


@pytest.mark.parametrize(
    ("number", "unit", "dutch", "english"),
    [
        (Decimal("72.8"), "eur", "€ 72,80", "€72.80"),
        (1_000_000, "eur", "€ 1.000.000", "€1,000,000"),
        (400_000, None, "400.000", "400,000"),
        (2019, None, "2019", "2019"),
        (Decimal("0.755"), "eur", "€ 0,755", "€0.755"),  # never rounded: a third decimal is a finding
        (Decimal("12.5"), "percent", "12,5%", "12.5%"),
    ],
)
def test_numbers_in_the_readers_notation(number: int | Decimal, unit: str | None, dutch: str, english: str) -> None:
    assert messages.value(number, "nl", unit=unit) == dutch
    assert messages.value(number, "en", unit=unit) == english


def test_a_path_without_items_is_named_by_the_model_its_profile_was_read_with() -> None:
    """Such walks are shared by every namer of a glossary: a region's model must not lend its labels to the core's."""
    body = {"facts": {"organisation.sites": {"type": "id", "list": True, "label": "Vestigingen"}}}
    problems: list[object] = []
    models = models_for(VocabularyBody.model_validate(body), lambda *problem: problems.append(problem))
    assert problems == []
    data = {"organisation": {"name": "Zorg BV", "sites": ["12"]}, "services": {"law_domains": ["wmo"]}}
    regional = models.profile.model_validate(data)
    core = kr.Profile.model_validate({**data, "organisation": {"name": "Zorg BV"}})
    # a lot view is one model over either profile: only the types along the path tell them apart
    views = [LotView.model_construct(lot="1", products=[], profile=p) for p in (regional, core)]
    roots: list[Any] = [regional, core, *views]
    paths = ["organisation.sites", "organisation.name", "policies.privacy.in_place"]
    alone = {
        id(root): [naming.Namer(root, naming.Glossary(), lang).name(p) for p in paths for lang in ("nl", "en")]
        for root in roots
    }
    for root in (roots[0], roots[2]):
        assert alone[id(root)][:2] == ["organisatie, vestigingen", "organisation, vestigingen"]
    for root in (roots[1], roots[3]):
        assert alone[id(root)][:2] == ["sites", "sites"]  # not a fact of the core: as it was asked
    for order in (roots, [roots[1], roots[0], roots[3], roots[2]]):
        shared = naming.Glossary()
        for root in order:
            said = [naming.Namer(root, shared, lang).name(p) for p in paths for lang in ("nl", "en")]
            assert said == alone[id(root)]
        assert shared.walks  # the later namers found the earlier ones' walks


def test_a_path_through_items_is_planned_once_and_names_each_profiles_own_items(twente: kr.CompiledRuleset) -> None:
    """The walk's plan is shared by the namers of a glossary; the items it passes are named from each root."""
    other = [
        {"id": "q9", "works_with_youth": False},
        {"id": "q10", "role": "regiebehandelaar", "vog_issued_on": "2020-01-01"},
    ]
    roots = [_profile(twente), _profile(twente, professionals=other), _profile(twente, professionals=[])]
    paths = ["professionals[0].vog_issued_on", "professionals[1].role", "professionals[1].vog_issued_on"]
    alone = {
        id(root): [naming.Namer(root, naming.Glossary(), lang).name(p) for p in paths for lang in ("nl", "en")]
        for root in roots
    }
    assert alone[id(roots[0])][0] == "professional p1 (jeugdzorgwerker), VOG afgegeven op"
    assert alone[id(roots[1])][0] == "professional q9, VOG afgegeven op"
    assert alone[id(roots[1])][2] == "professional q10 (regiebehandelaar), functie"
    assert alone[id(roots[2])][0] == "professional nr. 1, VOG afgegeven op"  # not there: by its number
    for order in (roots, roots[::-1]):
        shared = naming.Glossary()
        for root in order:
            said = [naming.Namer(root, shared, lang).name(p) for p in paths for lang in ("nl", "en")]
            assert said == alone[id(root)]
        assert any("[]" in key[0] for key in shared.walks)  # planned without the indexes


def test_an_item_of_a_regions_collection_is_named_by_the_key_its_vocabulary_declares() -> None:
    """The guide's urgent orders are named by their order number (`key: number`), not by their place in the list."""
    ruleset = kr.load_ruleset("handreiking-kwaliteit")
    profile = kr.load_profile(ROOT / "examples" / "handreiking" / "onder-de-maat.yaml", rulesets=[ruleset])
    result = kr.evaluate(ruleset, profile, date(2026, 11, 23)).result("H-6b-output")
    assert "spoedopdrachten 'SP-2026-009'" in result.reason()  # the order started on the third working day
    assert "urgent orders 'SP-2026-009'" in result.reason("en")
    assert "nr. 3" not in result.reason()


def test_a_quantity_is_said_in_the_readers_language_with_its_fields_by_their_labels() -> None:
    """Its label stays the fact's path in the JSON; the reason names what it counts, compares or divides."""
    ruleset = kr.load_ruleset("handreiking-kwaliteit")
    late = kr.load_profile(ROOT / "examples" / "handreiking" / "onder-de-maat.yaml", rulesets=[ruleset])
    in_order = kr.load_profile(ROOT / "examples" / "handreiking" / "op-orde.yaml", rulesets=[ruleset])
    days = kr.evaluate(ruleset, late, date(2026, 11, 23)).result("H-6b-output")
    assert "werkdagen van datum van de aanvraag tot datum waarop de ondersteuning begon" in days.reason()
    english = days.reason("en")
    assert "working days from date of the request to date the support started: expected at most 2" in english
    assert "werkdagen" not in english
    assert "requested_on" not in english
    report = kr.evaluate(ruleset, in_order, date(2026, 11, 23))
    output = report.result("H-6b-output")  # the orders of the last twelve months: a count through a `where`, labelled
    assert "urgent orders listed, requested in the twelve months before the reference date: 3" in output.reason("en")
    assert "spoedopdrachten in de lijst, aangevraagd in de twaalf maanden vóór de peildatum: 3" in output.reason()
    ratio = report.result("H-11-klachten")  # labelled by the ruleset: said in its words, the formula kept in the path
    assert ratio.reason("en") == "Met, based on: upheld complaints per 100 clients: 1.2."
    assert ratio.reason() == "Voldaan op grond van: gegronde klachten per 100 cliënten: 1,2."
    assert [path for path, _ in explain.result_facts(ratio)] == [
        "gegronde klachten per 100 cliënten = (complaints.upheld / annual_figures.clients) × 100"
    ]
