"""`allowed_codes`: a vocabulary names the codes a text fact of the core may hold (decision kwalificatiecodes).

Fixtures in tests/fixtures/allowed-codes: two regions that each allow their own education levels on
professionals[].qualifications, a profile with hbo, mbo-4 and wo, and a ruleset that declares the
list wrongly (on a date, and with a code list that does not exist).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main
from kwaliteitsregels.errors import ProfileError, RulesetError

HERE = Path(__file__).parents[1] / "fixtures" / "allowed-codes"
PROFILE = HERE / "profiel.yaml"


def _ruleset(name: str) -> kr.CompiledRuleset:
    return kr.load_ruleset(HERE / f"{name}.yaml")


def test_a_value_outside_the_list_is_refused_with_file_line_and_field() -> None:
    with pytest.raises(ProfileError) as raised:
        kr.load_profile(PROFILE, rulesets=[_ruleset("regio-a")])
    (problem,) = raised.value.problems
    assert (problem.code, problem.path, problem.line) == (
        "schema.unknown_code",
        "professionals[2].qualifications[0]",
        6,
    )
    assert problem.render("nl").endswith("onbekende code 'wo': niet in codelijst opleiding_a (schema.unknown_code)")


def test_several_frameworks_in_one_run_allow_the_union_of_their_lists() -> None:
    a, b = _ruleset("regio-a"), _ruleset("regio-b")
    profile = kr.load_profile(PROFILE, rulesets=[a, b])
    assert [p.qualifications for p in profile.professionals] == [["hbo"], ["mbo-4"], ["wo"]]
    combined = kr.evaluate_all([a, b], profile, date(2021, 1, 1))
    assert [r.result("1").status for r in combined.reports] == [kr.Status.PASS, kr.Status.PASS]


def test_without_a_list_in_play_the_field_is_free_text() -> None:
    law = kr.load_ruleset("wmo2015")
    profile = kr.load_profile(PROFILE, rulesets=[law])
    assert profile.professionals[2].qualifications == ["wo"]


def test_a_list_on_a_field_that_is_no_core_text_or_an_unknown_list_is_a_ruleset_error() -> None:
    with pytest.raises(RulesetError) as raised:
        _ruleset("not-text")
    found = {(p.code, p.path, p.suggestion) for p in raised.value.problems}
    assert found == {
        ("allowed-codes-not-text", "vocabulary.allowed_codes.professionals.vog_issued_on", None),
        ("unknown-code-list", "vocabulary.allowed_codes.professionals.qualifications[0]", "opleiding"),
    }
    english = {p.render("en") for p in raised.value.problems}
    assert any("is not a text fact of the core profile" in line for line in english)
    assert any("unknown code list 'opleidingen'" in line for line in english)


def test_the_check_command_refuses_the_profile_with_exit_2_and_says_where() -> None:
    result = CliRunner().invoke(
        main, ["check", str(PROFILE), "-r", str(HERE / "regio-a.yaml"), "--peildatum", "2021-01-01"]
    )
    assert result.exit_code == 2
    assert "profiel.yaml:6" in result.output
    assert "onbekende code 'wo'" in result.output


def test_the_profile_schema_of_a_run_lists_the_allowed_codes() -> None:
    result = CliRunner().invoke(main, ["schema", "profile", "-r", str(HERE / "regio-a.yaml")])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    items = schema["$defs"]["Professional"]["properties"]["qualifications"]["items"]
    assert sorted(items["enum"]) == ["hbo", "mbo-4"]
