"""The core profile is the bundled core vocabulary, built by the builder every vocabulary goes through."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kwaliteitsregels.facts import stubs
from kwaliteitsregels.facts.assembly import Loc
from kwaliteitsregels.facts.building import ProfileModels, models_for
from kwaliteitsregels.facts.vocabulary import VocabularyBody
from kwaliteitsregels.models import profile as core
from kwaliteitsregels.models.profile import Insurance, LotView, Organisation, Policy, Profile

MINIMAL: dict[str, Any] = {"organisation": {"name": "Zorg BV"}, "services": {"law_domains": ["wmo"]}}


def _profile(**changes: Any) -> dict[str, Any]:
    return {**MINIMAL, **changes}


def _errors(data: dict[str, Any], model: type[Profile] = Profile) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in caught.value.errors()]


def test_the_committed_stub_is_the_one_the_core_vocabulary_gives() -> None:
    assert stubs.STUB.read_text("utf-8") == stubs.render(), f"profile.pyi is stale: run `{stubs.REFRESH}`"


def test_the_stub_check_says_how_to_refresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    stale = tmp_path / "profile.pyi"
    stale.write_text("# old\n", "utf-8")
    monkeypatch.setattr(stubs, "STUB", stale)
    assert stubs.main(["--check"]) == 1
    assert stubs.REFRESH in capsys.readouterr().err
    assert stubs.main([]) == 0
    assert stubs.main(["--check"]) == 0


def test_every_class_and_code_list_of_the_vocabulary_is_a_public_name() -> None:
    vocabulary = core.CORE_VOCABULARY
    declared = {spec.model for spec in vocabulary.groups.values() if spec.model}
    declared |= {spec.model for spec in vocabulary.collections.values() if spec.model}
    declared |= {spec.model for spec in vocabulary.shapes.values() if spec.model}
    assert declared <= set(core.__all__)
    assert {"Profile", "LotView", "Document", "Explanation", "Assessment", "LegalForm", "Register"} <= set(core.__all__)
    assert core.Professional.__name__ == "Professional"


def test_the_policies_share_one_shape_class() -> None:
    policies = core.Policies.model_fields
    shaped = [name for name, info in policies.items() if info.annotation == Policy | None]
    assert len(shaped) == 7
    assert "complaints_committee" not in shaped


def test_a_minimal_profile_has_the_defaults_of_today() -> None:
    profile = Profile.model_validate(MINIMAL)
    assert profile.size == core.Size()
    assert profile.policies.meldcode is None
    assert profile.quality_system is None
    assert profile.professionals == []
    assert profile.services.target_groups == []
    dumped = profile.model_dump(mode="json")
    assert dumped["size"] == {
        "care_employees": None,
        "care_revenue_eur": None,
        "revenue_wmo_eur": None,
        "revenue_jeugdwet_eur": None,
        "clients_in_care": None,
    }
    assert list(dumped)[:2] == ["organisation", "services"]
    assert list(dumped)[-3:] == ["declarations", "documents", "explanations"]


def test_default_false_is_kept_and_null_is_refused() -> None:
    assert Insurance.model_validate({"kind": "liability"}).insurer_statement is False
    errors = _errors(_profile(insurances=[{"kind": "liability", "insurer_statement": None}]))
    assert errors[0][0] == "insurances.0.insurer_statement"


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (_profile(organisation={"name": ""}), "organisation.name"),
        (_profile(services={"law_domains": []}), "services.law_domains"),
        (_profile(services={"law_domains": ["wlz"]}), "services.law_domains.0"),
        (_profile(size={"care_employees": -1}), "size.care_employees"),
        (_profile(size={"care_revenue_eur": "-5"}), "size.care_revenue_eur"),
        (_profile(insurances=[{"kind": "fire"}]), "insurances.0.kind"),
        (_profile(professionals=[{"role": "x"}]), "professionals.0.id"),
        (
            _profile(professionals=[{"id": 1, "registrations": [{"registry": "NIP"}]}]),
            "professionals.0.registrations.0.registry",
        ),
        (_profile(organisation={"name": "x", "founded_on": "2020-01-01T10:00:00"}), "organisation.founded_on"),
        (_profile(organisation={"name": "x", "kvk": "12345678"}), "organisation.kvk"),
    ],
)
def test_what_the_old_model_refused_is_still_refused(data: dict[str, Any], where: str) -> None:
    assert where in [place for place, _ in _errors(data)]


@pytest.mark.parametrize("number", ["１２３４５６７８", "١٢٣٤٥٦٧٨", "1234567", "1234567a"])
def test_kvk_numbers_are_eight_ascii_digits(number: str) -> None:
    (where, message), *_ = _errors(_profile(organisation={"name": "x", "kvk_number": number}))
    assert where == "organisation.kvk_number"
    assert "KvK-nummer" in message


def test_an_identifier_given_as_a_number_becomes_text() -> None:
    profile = Profile.model_validate(_profile(professionals=[{"id": 7}], registration={"lots": [3]}))
    assert profile.professionals[0].id == "7"
    assert profile.registration is not None
    assert profile.registration.lots == ["3"]


def test_the_rules_that_span_facts_still_hold() -> None:
    product = {"lot": "2", "code": "P1"}
    assert "perceel 2" in _errors(_profile(registration={"lots": ["1"], "products": [product]}))[0][1]
    twice = {"ruleset": "r", "requirement": "e", "text": "t", "given_by": "a", "given_on": "2024-01-01"}
    assert "twee toelichtingen" in _errors(_profile(explanations=[twice, twice]))[0][1]


def test_the_lot_view_is_built_over_the_core_models() -> None:
    profile = Profile.model_validate(MINIMAL)
    view = LotView.model_construct(lot="1", products=[], profile=profile)
    assert view.profile.organisation.name == "Zorg BV"
    assert LotView.model_fields["profile"].annotation is Profile


def test_the_core_facts_carry_type_unit_and_labels() -> None:
    extra = core.Size.model_fields["care_revenue_eur"].json_schema_extra
    assert extra == {
        "x-label": {"nl": "jaaromzet uit zorg", "en": "annual revenue from care"},
        "x-type": "money",
        "x-unit": "eur",
    }
    assert isinstance(Organisation.model_fields["kvk_number"].json_schema_extra, dict)


# ── the extensions of the vocabulary language, as a region uses them ──

REGION: dict[str, Any] = {
    "shapes": {"visit": {"label": "Bezoek", "fields": {"on": {"type": "date", "label": "datum"}}}},
    "groups": {
        "policies.integrity": {"shape": "policy", "label": {"nl": "Integriteitsbeleid", "en": "Integrity policy"}},
        "governance": {"model": "Governance", "label": "Bestuur", "default": {}},
        "governance.last_visit": {"shape": "visit", "label": "Laatste bezoek"},
    },
    "facts": {
        "governance.board_size": {"type": "integer", "unit": "count", "minimum": 1, "label": "Bestuursleden"},
        "governance.charter": {"type": "text", "min_length": 3, "label": "Statuten"},
        "governance.code_applied": {"type": "boolean", "default": True, "label": "Governancecode toegepast"},
        "organisation.sites": {"type": "id", "list": True, "min_length": 1, "label": "Vestigingen"},
    },
    "collections": {
        "locations": {
            "model": "Location",
            "label": "Locaties",
            "fields": {"id": {"type": "id", "required": True, "label": "id"}},
        },
        "locations.rooms": {"label": "Kamers", "fields": {"beds": {"type": "integer", "label": "bedden"}}},
        "professionals.registrations": {"fields": {"big_number": {"type": "big", "label": "BIG-nummer"}}},
    },
}


def _models(body: dict[str, Any]) -> tuple[ProfileModels, list[tuple[Loc, str, str, str | None]]]:
    found: list[tuple[Loc, str, str, str | None]] = []
    models = models_for(VocabularyBody.model_validate(body), lambda *problem: found.append(problem))
    return models, found


def test_a_region_uses_shapes_groups_defaults_min_length_and_nested_collections() -> None:
    models, found = _models(REGION)
    assert found == []
    data = _profile(
        policies={"integrity": {"in_place": True}},
        organisation={"name": "x", "sites": [12]},
        locations=[{"id": "L1", "rooms": [{"beds": 4}]}],
        professionals=[{"id": "p", "registrations": [{"registry": "BIG", "big_number": "19012345601"}]}],
    )
    validated = models.profile.model_validate(data)
    assert isinstance(validated, Profile)
    profile: Any = validated  # a region's facts are attributes, not typed
    assert profile.policies.integrity.in_place is True
    assert type(profile.policies.integrity) is Policy  # the core's shape, shared
    assert profile.governance.code_applied is True  # an empty group by default, with the fact's default
    assert profile.governance.last_visit is None
    assert profile.organisation.sites == ["12"]
    assert profile.locations[0].rooms[0].beds == 4
    assert type(profile.locations[0]).__name__ == "Location"
    places = [place for place, _ in _errors(_profile(organisation={"name": "x", "sites": []}), models.profile)]
    assert places == ["organisation.sites"]
    places = [place for place, _ in _errors(_profile(governance={"charter": "ab", "board_size": 0}), models.profile)]
    assert sorted(places) == ["governance.board_size", "governance.charter"]


@pytest.mark.parametrize(
    ("body", "code", "where", "suggestion"),
    [
        (
            {"groups": {"policies.x": {"shape": "polcy", "label": "x"}}},
            "unknown-shape",
            ("groups", "policies.x", "shape"),
            "policy",
        ),
        (
            {"facts": {"a.b": {"type": "boolean", "default": "ja", "label": "x"}}},
            "vocabulary-default",
            ("facts", "a.b", "default"),
            None,
        ),
        (
            {"facts": {"a.b": {"type": "boolean", "min_length": 1, "label": "x"}}},
            "vocabulary-min-length",
            ("facts", "a.b", "min_length"),
            None,
        ),
        ({"groups": {"organisation": {"label": "x"}}}, "vocabulary-core-clash", ("groups", "organisation"), None),
        (
            {"groups": {"professionals.contract": {"label": "x"}}},
            "vocabulary-core-clash",
            ("groups", "professionals.contract"),
            None,
        ),
        (
            {"facts": {"policies.meldcode.in_place": {"type": "boolean", "label": "x"}}},
            "vocabulary-core-clash",
            ("facts", "policies.meldcode.in_place"),
            None,
        ),
        (
            {"collections": {"organisation.name": {"fields": {"a": {"type": "text", "label": "x"}}}}},
            "vocabulary-core-clash",
            ("collections", "organisation.name"),
            None,
        ),
    ],
)
def test_a_wrong_extension_is_a_located_error(
    body: dict[str, Any], code: str, where: Loc, suggestion: str | None
) -> None:
    _, found = _models(body)
    assert [(loc, kind, hint) for loc, kind, _, hint in found] == [(where, code, suggestion)]


@pytest.mark.parametrize(
    "body",
    [
        {"groups": {"g": {"label": "x", "default": {"a": 1}}}},
        {"groups": {"g": {"label": "x", "default": {}, "required": True}}},
        {"facts": {"g.a": {"type": "boolean", "default": False, "required": True, "label": "x"}}},
        {"shapes": {"Bad": {"label": "x", "fields": {"a": {"type": "text", "label": "x"}}}}},
        {"groups": {"g": {"label": "x", "model": "lower"}}},
        {"facts": {"a.b.c.d.e": {"type": "text", "label": "x"}}},
    ],
)
def test_a_malformed_declaration_is_refused_when_read(body: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        VocabularyBody.model_validate(body)


USER_SCRIPT = """\
from kwaliteitsregels.models.profile import LegalForm, Profile

profile = Profile.model_validate({})
kvk: str | None = profile.organisation.kvk_number
form: LegalForm | None = profile.organisation.legal_form
statement: bool = profile.insurances[0].insurer_statement
lots: list[str] = profile.registration.lots if profile.registration else []
in_place: bool | None = profile.policies.meldcode.in_place if profile.policies.meldcode else None
"""

WRONG_SCRIPT = """\
from kwaliteitsregels.models.profile import Profile

profile = Profile.model_validate({})
number: int = profile.organisation.kvk_number
profile.organisation.kvk
"""


@pytest.mark.slow
def test_core_facts_are_typed_for_mypy_strict(tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(USER_SCRIPT, encoding="utf-8")
    (tmp_path / "wrong.py").write_text(WRONG_SCRIPT, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary"]
    good = subprocess.run([*command, "user.py"], capture_output=True, text=True, cwd=tmp_path, check=False)  # noqa: S603
    assert good.returncode == 0, good.stdout + good.stderr
    wrong = subprocess.run([*command, "wrong.py"], capture_output=True, text=True, cwd=tmp_path, check=False)  # noqa: S603
    assert 'expression has type "str | None", variable has type "int"' in wrong.stdout
    assert '"Organisation" has no attribute "kvk"' in wrong.stdout
