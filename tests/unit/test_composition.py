"""Rulesets that build on the law: overlaps named, conflicts declared and decided, undeclared ones refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import kwaliteitsregels as kr

HERE = Path(__file__).parent.parent / "fixtures" / "composition"
PEILDATUM = date(2026, 11, 23)
YOUTH = {"organisation": {"name": "A"}, "services": {"law_domains": ["jeugdwet"]}}


def test_a_regional_ruleset_includes_its_base_and_names_the_overlap() -> None:
    ruleset = kr.load_ruleset(HERE / "region.yaml")
    assert [base.id for base in ruleset.bases] == ["wet"]
    profile = kr.load_profile(
        YOUTH | {"policies": {"meldcode": {"in_place": True}}, "client_representation": {"client_council": True}}
    )
    report = kr.evaluate(ruleset, profile, PEILDATUM)
    assert [r.id for r in report.base_reports()["wet"].results] == ["meldcode", "clientenraad"]
    same = next(r for r in report.relations if r.this.id == "29")
    assert (same.other_ruleset, same.other.id, same.kind, same.disagree) == ("wet", "meldcode", "same", False)
    assert report.verdict == "voldoet"


def test_when_the_law_prevails_its_fail_decides_the_verdict() -> None:
    ruleset = kr.load_ruleset(HERE / "region.yaml")
    accepted = {
        "ruleset": "regio",
        "requirement": "23",
        "text": "Panel",
        "given_by": "A",
        "given_on": "2026-01-01",
        "assessment": {"decision": "accepted", "by": "B", "decided_on": "2026-02-01"},
    }
    profile = kr.load_profile(
        YOUTH
        | {
            "policies": {"meldcode": {"in_place": True}},
            "client_representation": {"client_council": False},
            "explanations": [accepted],
        },
    )
    report = kr.evaluate(ruleset, profile, PEILDATUM)
    conflict = next(r for r in report.relations if r.this.id == "23")
    assert conflict.disagree
    assert conflict.superseded == "this"
    assert report.result("23").status is kr.Status.EXPLAIN
    assert report.base_reports()["wet"].result("clientenraad").status is kr.Status.FAIL
    assert report.verdict == "voldoet_niet"


def test_for_a_wmo_provider_the_youth_law_requirement_does_not_apply() -> None:
    ruleset = kr.load_ruleset(HERE / "region.yaml")
    profile = kr.load_profile(
        {
            "organisation": {"name": "A"},
            "services": {"law_domains": ["wmo"]},
            "policies": {"meldcode": {"in_place": True}},
            "client_representation": {"client_council": True},
        }
    )
    report = kr.evaluate(ruleset, profile, PEILDATUM)
    assert report.base_reports()["wet"].result("clientenraad").status is kr.Status.NOT_APPLICABLE
    assert not any(r.disagree for r in report.relations)
    assert report.verdict == "voldoet"


@pytest.mark.parametrize(
    ("name", "code", "suggestion"),
    [
        ("region-undeclared.yaml", "undeclared-overlap", "wet:meldcode"),
        ("region-bad-overlap.yaml", "unknown-overlap", "wet:meldcode"),
        ("cycle-a.yaml", "builds-on-cycle", None),
    ],
)
def test_composition_mistakes_are_refused_at_load_time(name: str, code: str, suggestion: str | None) -> None:
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.load_ruleset(HERE / name)
    problem = next(p for p in caught.value.problems if p.code == code)
    assert problem.suggestion == suggestion
    assert problem.file is not None


def test_a_score_above_the_points_or_on_a_pass_fail_requirement_is_an_error() -> None:
    ruleset = kr.load_ruleset(HERE / "region.yaml")
    scored = {
        "ruleset": "regio",
        "requirement": "23",
        "text": "x",
        "given_by": "A",
        "given_on": "2026-01-01",
        "assessment": {"decision": "accepted", "by": "B", "decided_on": "2026-02-01", "score": 3},
    }
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        kr.evaluate(ruleset, kr.load_profile(YOUTH | {"explanations": [scored]}), PEILDATUM)
    assert caught.value.first.code == "score-without-points"
