"""The municipality's assessments file beside the profile: observed facts, decisions, the decision record.

Fixtures in tests/fixtures/beoordeling/: a provider that declares no dissolution for poor
performance, while the municipality holds the dissolution letter (18 months before the reference
date); and an explanation an assessor accepts.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main

HERE = Path(__file__).parent.parent / "fixtures" / "beoordeling"
PEILDATUM = date(2026, 11, 23)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _evaluate(assessments: str | None) -> kr.Report:
    ruleset = kr.load_ruleset(HERE)
    profile = kr.load_profile(HERE / "profiel.yaml", rulesets=[ruleset])
    recorded = kr.load_assessments(HERE / assessments) if assessments else None
    return kr.evaluate(ruleset, profile, PEILDATUM, assessments=recorded)


def test_without_the_municipalitys_file_the_declaration_admits() -> None:
    report = _evaluate(None)
    assert report.result("U1").status == "pass"
    assert report.result("K1").status == "explain"  # pending: nobody decided yet


def test_an_observed_fact_outweighs_the_providers_declaration_and_the_reason_says_both() -> None:
    report = _evaluate("beoordeling.yaml")
    result = report.result("U1")
    assert (result.status, result.basis) == ("fail", "not_met")
    reason = result.reason()
    assert "spreekt de verklaring tegen" in reason
    assert "J. Jansen, contractmanager" in reason  # who established it
    assert "de aanbieder gaf: —" in reason  # and what the provider stated (nothing)
    assert "which outweighs what the provider stated" in result.reason("en")


def test_the_assessors_decision_lives_beside_the_submission() -> None:
    report = _evaluate("beoordeling.yaml")
    result = report.result("K1")
    assert result.status == "explain"
    assert result.explanation is not None
    assert result.explanation.state == "accepted"
    assert result.explanation.decided_by == "P. Bakker, beoordelaar"


def test_the_decision_record_hashes_the_submission_and_the_assessments_apart() -> None:
    plain, assessed = _evaluate(None).record, _evaluate("beoordeling.yaml").record
    assert plain.assessments_hash is None
    assert assessed.assessments_hash is not None
    assert assessed.profile_hash == plain.profile_hash  # the submission is unchanged
    document = json.loads(_evaluate("beoordeling.yaml").to_json())
    assert document["decision_record"]["assessments_hash"] == assessed.assessments_hash


def test_check_takes_the_assessments_file() -> None:
    args = ("check", str(HERE / "profiel.yaml"), "-r", str(HERE), "--peildatum", "2026-11-23", "-f", "json")
    code, out, _ = _run(*args)
    assert code == 1
    statuses = {r["id"]: r["status"] for r in json.loads(out)["results"]}
    assert statuses == {"U1": "pass", "K1": "explain"}
    code, out, _ = _run(*args, "--assessments", str(HERE / "beoordeling.yaml"))
    assert code == 1
    statuses = {r["id"]: r["status"] for r in json.loads(out)["results"]}
    assert statuses == {"U1": "fail", "K1": "explain"}


def test_mistakes_in_the_assessments_file_are_located_with_a_suggestion() -> None:
    args = ("check", str(HERE / "profiel.yaml"), "-r", str(HERE), "--peildatum", "2026-11-23")
    code, _, err = _run(*args, "-a", str(HERE / "beoordeling-fout.yaml"))
    assert code == 2
    assert "Traceback" not in err
    assert "beoordeling-fout.yaml:3:" in err  # a misspelt fact …
    assert "'history'" in err  # … with a suggestion
    assert "beoordeling-fout.yaml:13:" in err  # a decision without an explanation …
    assert "K1" in err  # … and the one there is
    assert "beoordeling-fout.yaml:8:" in err  # a value that is no date


def test_an_assessments_file_for_another_provider_is_refused() -> None:
    ruleset = kr.load_ruleset(HERE)
    profile = kr.load_profile(HERE / "profiel.yaml", rulesets=[ruleset])
    other = kr.load_assessments({"provider": "Andere Zorg BV"})
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.evaluate(ruleset, profile, PEILDATUM, assessments=other)
    assert caught.value.first.code == "assessments-provider"


def test_a_contract_manager_records_what_was_seen_on_a_qualitative_requirement() -> None:
    ruleset = kr.load_ruleset(HERE)
    profile = kr.load_profile(
        {"organisation": {"name": "Zorg Oost BV"}, "services": {"law_domains": ["wmo"]}}, rulesets=[ruleset]
    )
    seen = kr.load_assessments(
        {
            "assessments": [
                {
                    "ruleset": "beoordeling-test",
                    "requirement": "K1",
                    "decision": "rejected",
                    "by": "J. Jansen, contractmanager",
                    "decided_on": "2026-11-20",
                    "observed": "Bij het werkbezoek bleek geen vast team per wijk te bestaan.",
                }
            ]
        }
    )
    result = kr.evaluate(ruleset, profile, PEILDATUM, stage=kr.Stage.CONTRACT, assessments=seen).result("K1")
    assert (result.status, result.basis) == ("fail", "not_met")
    assert result.explanation is not None
    assert result.explanation.state == "rejected"
    assert "J. Jansen, contractmanager" in result.reason()


def test_a_score_of_more_than_3900_digits_is_refused_at_its_place() -> None:
    """As every number read: '1e-999999999' as text would print a billion zeros in the reason."""
    given = {"ruleset": "beoordeling-test", "requirement": "K1", "decision": "accepted"}
    given |= {"by": "P. Bakker", "decided_on": "2026-11-15", "score": "1e-999999999"}
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.load_assessments({"provider": "Zorg Oost BV", "assessments": [given]})
    assert caught.value.first.path == "assessments[0].score"
    assert "3.900 cijfers" in caught.value.first.message
