"""A region's own facts, end to end: vocabulary file → ruleset → profile → CLI and Python API.

The fixture in tests/fixtures/regio/ declares regional facts (a score, complaints, a waiting
time, an IBAN), extends `professionals` and adds a collection; the expectations below are worked
out by hand from the fixture.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from itertools import product
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main

REGIO = Path(__file__).parent.parent / "fixtures" / "regio"
PEILDATUM = date(2026, 11, 23)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_reads_the_regional_facts_through_the_cli() -> None:
    code, out, _ = _run(
        "check", str(REGIO / "profiel.yaml"), "-r", str(REGIO), "--peildatum", "2026-11-23", "-f", "json"
    )
    assert code == 1
    statuses = {r["id"]: (r["status"], r["basis"]) for r in json.loads(out)["results"]}
    assert statuses == {
        "1": ("fail", "not_demonstrated"),  # 60–80 % at mbo-4 or higher: p5 has no level
        "2": ("pass", "met"),  # score 7.0 ≥ 7
        "3": ("pass", "met"),  # P4W ≤ P4W
        "4": ("pass", "met"),  # Thursday 19 → Monday 23 November: 2 working days
        "5": ("fail", "not_demonstrated"),  # two professionals without training hours
        "6": ("pass", "met"),  # 4 / 200 × 100 = 2 ≤ 2
        "7": ("pass", "met"),  # the IBAN, normalised, starts with NL
        "8": ("pass", "met"),  # founded exactly two years before the peildatum, boundary included
    }


def test_a_profile_with_regional_facts_needs_the_rulesets_that_declare_them() -> None:
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.load_profile(REGIO / "profiel.yaml")
    assert "waiting_time" in {p.path for p in caught.value.problems}
    ruleset = kr.load_ruleset(REGIO)
    profile = kr.load_profile(REGIO / "profiel.yaml", rulesets=[ruleset])
    assert isinstance(profile, kr.Profile)
    assert profile.organisation.name == "A"  # typed access to the core facts stays
    assert profile.iban == "NL91ABNA0417164300"  # type: ignore[attr-defined]
    assert profile.client_experience.average_score == Decimal("7.0")  # type: ignore[union-attr]


def test_a_core_profile_is_lifted_to_the_rulesets_facts_when_evaluated() -> None:
    ruleset = kr.load_ruleset(REGIO)
    profile = kr.load_profile({"organisation": {"name": "C"}, "services": {"law_domains": ["wmo"]}})
    report = kr.evaluate(ruleset, profile, PEILDATUM)
    assert report.result("2").basis == "not_demonstrated"  # the score is simply missing


def test_mistakes_in_regional_facts_are_located_with_a_suggestion() -> None:
    code, _, err = _run("check", str(REGIO / "profiel-fout.yaml"), "-r", str(REGIO), "--peildatum", "2026-11-23")
    assert code == 2
    assert "profiel-fout.yaml:3:1" in err
    assert "waiting_time" in err  # did you mean
    assert "profiel-fout.yaml:5:" in err  # a code outside the list
    assert "[professionals[0].level]" in err
    assert "Traceback" not in err


def test_schema_profile_with_a_ruleset_describes_the_regional_facts() -> None:
    code, out, _ = _run("schema", "profile", "-r", str(REGIO))
    assert code == 0
    schema = json.loads(out)
    validator = Draft202012Validator(schema)

    def plain(name: str) -> Any:
        return json.loads(json.dumps(yaml.safe_load((REGIO / name).read_text("utf-8")), default=str))

    assert list(validator.iter_errors(plain("profiel.yaml"))) == []
    errors = {e.json_path for e in validator.iter_errors(plain("profiel-fout.yaml"))}
    assert "$" in errors or any("wating_time" in e.message for e in validator.iter_errors(plain("profiel-fout.yaml")))
    assert any("level" in path for path in errors)
    code, _, err = _run("schema", "report", "-r", str(REGIO))
    assert code == 2
    assert "schema profile" in err


def _share_ruleset() -> kr.CompiledRuleset:
    return kr.load_ruleset(
        {
            "id": "aandeel",
            "title": "Aandeel",
            "issuer": "test",
            "version": "1",
            "valid_from": "2020-01-01",
            "source": {"title": "t", "seed": "001_7ec929abcf1180e1.txt"},
            "categories": [{"id": "c", "title": "C"}],
            "requirements": [
                {
                    "id": f"min-{threshold}",
                    "title": "t",
                    "text": "t",
                    "source": {"document": "d", "section": "s", "seed": "001_7ec929abcf1180e1.txt"},
                    "category": "c",
                    "law_scope": "both",
                    "condition": {
                        "minimum": {
                            "quantity": {
                                "share": {
                                    "items": "professionals",
                                    "where": {"equals": {"field": "works_with_youth", "value": True}},
                                }
                            },
                            "value": threshold,
                        }
                    },
                }
                for threshold in (0, 25, 50, 75, 100)
            ],
        }
    )


SHARES = _share_ruleset()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([True, False, None]), max_size=6))
def test_a_share_is_three_valued_over_every_completion_of_the_unknown_items(flags: list[bool | None]) -> None:
    """Pass iff every way of filling in the unknown items passes; fail iff none does; else not demonstrated."""
    professionals = [{"id": f"p{i}", "works_with_youth": flag} for i, flag in enumerate(flags)]
    profile = kr.load_profile(
        {"organisation": {"name": "P"}, "services": {"law_domains": ["wmo"]}, "professionals": professionals}
    )
    report = kr.evaluate(SHARES, profile, PEILDATUM)
    unknown = [i for i, flag in enumerate(flags) if flag is None]
    for threshold in (0, 25, 50, 75, 100):
        outcomes = set()
        for filling in product([True, False], repeat=len(unknown)):
            known = list(flags)
            for index, value in zip(unknown, filling, strict=True):
                known[index] = value
            outcomes.add(bool(known) and Decimal(sum(1 for k in known if k)) * 100 / len(known) >= threshold)
        result = report.result(f"min-{threshold}")
        if not flags:
            assert result.basis == "not_demonstrated"
        elif outcomes == {True}:
            assert result.status == "pass", (flags, threshold)
        elif outcomes == {False}:
            assert (result.status, result.basis) == ("fail", "not_met"), (flags, threshold)
        else:
            assert (result.status, result.basis) == ("fail", "not_demonstrated"), (flags, threshold)


def test_validate_reads_an_example_with_the_facts_its_modeline_names() -> None:
    """A profile checked on its own (as pre-commit does) is read with the bundled ruleset its modeline names."""
    example = Path(__file__).parent.parent.parent / "examples" / "handreiking" / "op-orde.yaml"
    code, out, err = _run("validate", str(example))
    assert code == 0, out + err
