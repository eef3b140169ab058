"""Loading profiles and rulesets: every bad input is a clear error with file, line and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import kwaliteitsregels as kr
from kwaliteitsregels.errors import InputError, ProfileError, RulesetError

PROFILES = Path(__file__).parent.parent / "fixtures" / "profiles"


def _problems(path: Path) -> list[str]:
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.load_profile(path)
    return [str(p) for p in caught.value.problems]


def test_profile_typos_are_all_reported_with_line_and_suggestion() -> None:
    problems = _problems(PROFILES / "typo.yaml")
    assert any(":3:" in p and "organisation.kvk_nummer" in p and "kvk_number" in p for p in problems), problems
    assert any(":5:" in p and "services.law_domains[1]" in p and "'wmo'" in p for p in problems), problems


def test_json_profile_loads_and_its_errors_have_lines() -> None:
    assert kr.load_profile(PROFILES / "minimal.json").policies.meldcode is not None
    problems = _problems(PROFILES / "bad.json")
    assert any("bad.json:4:" in p and "size.care_employees" in p and "geheel getal" in p for p in problems), problems


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("duplicate-key.yaml", "duplicate-key"),
        ("alias-bomb.yaml", "too-many-nodes"),
        ("tab.yaml", "yaml-syntax"),
        ("latin1.yaml", "encoding"),
        ("bool-key.yaml", "key-type"),
    ],
)
def test_unsafe_or_broken_yaml_is_rejected(name: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        kr.load_profile(PROFILES / name)
    assert caught.value.first.code == code
    assert caught.value.first.file == str(PROFILES / name)


def test_a_quoted_on_key_is_just_an_unknown_field() -> None:
    with pytest.raises(ProfileError) as caught:
        kr.load_profile(PROFILES / "quoted-key.yaml")
    assert caught.value.first.code == "schema.extra_forbidden"
    assert caught.value.first.line == 1


def test_missing_file_and_unknown_ruleset_name() -> None:
    with pytest.raises(ProfileError) as caught:
        kr.load_profile(PROFILES / "nope.yaml")
    assert caught.value.first.code == "file-not-found"
    with pytest.raises(RulesetError) as unknown:
        kr.load_ruleset("twnte")
    assert unknown.value.first.suggestion == "twente"


def test_profile_from_dict_and_duplicate_explanations() -> None:
    base = {"organisation": {"name": "A"}, "services": {"law_domains": ["wmo"]}}
    assert kr.load_profile(base).organisation.name == "A"
    twice = {"ruleset": "twente", "requirement": "9", "text": "x", "given_by": "A", "given_on": "2026-01-01"}
    with pytest.raises(ProfileError) as caught:
        kr.load_profile(base | {"explanations": [twice, twice]})
    assert "twee toelichtingen" in str(caught.value)


def test_ruleset_not_in_force_on_the_peildatum_is_an_error() -> None:
    ruleset = kr.load_ruleset("twente")
    profile = kr.load_profile({"organisation": {"name": "A"}, "services": {"law_domains": ["wmo"]}})
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.evaluate(ruleset, profile, date(2018, 12, 31))
    assert caught.value.first.code == "ruleset-not-in-force"


def test_an_explanation_for_an_unknown_requirement_is_an_error_not_a_silent_fail() -> None:
    ruleset = kr.load_ruleset("twente")
    given = {"text": "x", "given_by": "A", "given_on": "2026-01-01"}
    base = {"organisation": {"name": "A"}, "services": {"law_domains": ["wmo"]}}
    typo = kr.load_profile(base | {"explanations": [given | {"ruleset": "twente", "requirement": "6c"}]})
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.evaluate(ruleset, typo, date(2026, 11, 23))
    assert caught.value.first.code == "unknown-requirement"
    assert caught.value.first.path == "explanations[0].requirement"
    assert caught.value.first.suggestion in {"6", "6a", "6b"}
    capital = kr.load_profile(base | {"explanations": [given | {"ruleset": "Twente", "requirement": "9"}]})
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.evaluate(ruleset, capital, date(2026, 11, 23))
    assert caught.value.first.suggestion == "twente"
    other = kr.load_profile(base | {"explanations": [given | {"ruleset": "achterhoek-2019", "requirement": "E3-2"}]})
    with pytest.raises(kr.KwaliteitsregelsError) as caught:  # a ruleset not in play: an error, never ignored
        kr.evaluate(ruleset, other, date(2026, 11, 23))
    assert (caught.value.first.code, caught.value.first.path) == ("unknown-ruleset", "explanations[0].ruleset")
    both = kr.evaluate_all([ruleset, kr.load_ruleset("achterhoek-2019")], other, date(2020, 6, 1))
    assert both.verdicts()["twente"] == "voldoet_niet"  # both in play: the explanation belongs to one of them
