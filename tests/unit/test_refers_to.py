"""`refers_to`: an item names an item of another list of the profile, which must meet a check.

Fixture: tests/fixtures/refers-to/regio.yaml asks that every professional works for a listed party
(registration.parties, by name) whose ESPD is signed. The expectations follow the documented
three-valued reading: nothing named is not demonstrated, a name no party has is not met, and of
several parties with that name one that meets the check suffices.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kwaliteitsregels as kr
from kwaliteitsregels.errors import RulesetError

HERE = Path(__file__).parents[1] / "fixtures" / "refers-to"
RULESET = kr.load_ruleset(HERE / "regio.yaml")


def _result(party: str | None, parties: list[dict[str, Any]]) -> kr.RequirementResult:
    professional = {"id": "p1"} | ({"party": party} if party is not None else {})
    profile = {
        "organisation": {"name": "Zorg BV"},
        "services": {"law_domains": ["wmo"]},
        "professionals": [professional],
        "registration": {"parties": parties},
    }
    loaded = kr.load_profile(profile, rulesets=[RULESET])
    return kr.evaluate(RULESET, loaded, date(2021, 1, 1)).result("1")


SIGNED = {"name": "Partner BV", "role": "third_party", "uea_signed": True}
UNSIGNED = {"name": "Partner BV", "role": "third_party", "uea_signed": False}
UNKNOWN = {"name": "Partner BV", "role": "third_party"}


@pytest.mark.parametrize(
    ("party", "parties", "status", "basis"),
    [
        ("Partner BV", [SIGNED], "pass", "met"),
        ("Partner BV", [UNSIGNED], "fail", "not_met"),
        ("Partner BV", [UNKNOWN], "fail", "not_demonstrated"),
        ("Ander BV", [SIGNED], "fail", "not_met"),  # a name no party has
        (None, [SIGNED], "fail", "not_demonstrated"),  # nothing named
        ("Partner BV", [UNSIGNED, SIGNED], "pass", "met"),  # one of two with that name suffices
        ("Partner BV", [UNSIGNED, UNKNOWN], "fail", "not_demonstrated"),
    ],
)
def test_three_valued_reading(party: str | None, parties: list[dict[str, Any]], status: str, basis: str) -> None:
    result = _result(party, parties)
    assert (str(result.status), str(result.basis)) == (status, basis), result.reason()


def test_the_reason_names_what_was_expected_and_found_in_both_languages() -> None:
    result = _result("Ander BV", [SIGNED])
    assert "werkt bij: verwacht een opgegeven partij met een getekend UEA, gevonden Ander BV" in result.reason("nl")
    assert "works for: expected a listed party with a signed ESPD, found Ander BV" in result.reason("en")


_party = st.fixed_dictionaries(
    {"name": st.sampled_from(["Partner BV", "Ander BV"]), "role": st.just("third_party")},
    optional={"uea_signed": st.booleans()},
)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.none(), st.sampled_from(["Partner BV", "Ander BV", "Derde BV"])), st.lists(_party, max_size=3))
def test_the_outcome_is_the_kleene_any_over_the_parties_named(party: str | None, parties: list[dict[str, Any]]) -> None:
    named = [p.get("uea_signed") for p in parties if p["name"] == party]
    expected = (
        None
        if party is None
        else (False if not named else (True if True in named else (None if None in named else False)))
    )
    result = _result(party, parties)
    assert {True: "met", False: "not_met", None: "not_demonstrated"}[expected] == str(result.basis)


def test_a_key_that_is_no_text_field_of_the_list_is_a_ruleset_error(tmp_path: Path) -> None:
    text = (HERE / "regio.yaml").read_text("utf-8").replace("key: name", "key: nam")
    (tmp_path / "regio.yaml").write_text(text, "utf-8")
    with pytest.raises(RulesetError) as raised:
        kr.load_ruleset(tmp_path / "regio.yaml")
    (problem,) = raised.value.problems
    assert (problem.code, problem.suggestion) == ("unknown-field", "name")
