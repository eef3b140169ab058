"""Data-driven conformance suite: each YAML file under cases/ is one or more cases.

A case holds a ruleset fragment, a profile, a peildatum and the expected outcome per
requirement. Requirement fields the case does not care about get neutral defaults here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import kwaliteitsregels as kr
from kwaliteitsregels import explain

CASES = Path(__file__).parent / "cases"
SEED = "002_e6bd4ce0c9b21154.txt"


def _requirement(raw: dict[str, Any]) -> dict[str, Any]:
    defaults = {
        "title": f"Eis {raw['id']}",
        "text": "Brontekst.",
        "source": {"document": "Testkader", "section": "1", "seed": SEED},
        "category": "c",
        "law_scope": "both",
    }
    return defaults | raw


def _ruleset(fragment: dict[str, Any]) -> dict[str, Any]:
    header = {
        "id": "test",
        "title": "Testkader",
        "issuer": "test",
        "version": "1",
        "valid_from": date(2019, 1, 1),
        "source": {"title": "Testkader", "seed": SEED},
        "categories": [{"id": "c", "title": "Categorie"}],
    }
    body = dict(fragment)
    body["requirements"] = [_requirement(r) for r in fragment["requirements"]]
    return header | body


def _cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{path.stem}: {case['name']}")
        for path in sorted(CASES.glob("*.yaml"))
        for case in yaml.safe_load(path.read_text("utf-8"))
    ]


def _check_result(result: kr.RequirementResult, want: dict[str, Any]) -> None:
    assert result.status == want["status"], result.reason()
    if "basis" in want:
        assert result.basis == want["basis"], result.reason()
    if "findings" in want:
        assert [f.path for f in explain.findings(result.trace)] == want["findings"], result.reason()
    if "gaps" in want:
        assert [f"{g.type}:{g.reason}" for g in result.gaps] == want["gaps"]
    if "state" in want:
        assert result.explanation is not None
        assert result.explanation.state == want["state"]
    if "reason_contains" in want:
        assert want["reason_contains"] in result.reason(), result.reason()
    if "reason_lacks" in want:
        assert want["reason_lacks"] not in result.reason(), result.reason()
    if "reason_contains_en" in want:
        assert want["reason_contains_en"] in result.reason("en"), result.reason("en")


def _check_places(report: kr.Report, expected: dict[str, Any]) -> None:
    if "lot_verdicts" in expected:
        assert {v.lot: str(v.verdict) for v in report.lot_verdicts()} == expected["lot_verdicts"]
    for name, want in expected.get("municipality_verdicts", {}).items():
        found = next(v for v in report.municipality_verdicts() if v.municipality == name)
        assert (str(found.verdict), list(found.lots), list(found.admitted)) == (
            want["verdict"],
            want["lots"],
            want["admitted"],
        )


def _report(case: dict[str, Any], *, traced: bool = False) -> kr.Report:
    ruleset = kr.load_ruleset(_ruleset(case["ruleset"]))
    profile_data = {"organisation": {"name": "Test"}, "services": {"law_domains": ["jeugdwet", "wmo"]}}
    profile = kr.load_profile(profile_data | case.get("profile", {}), rulesets=[ruleset])
    stage = kr.Stage(case.get("stage", "registration"))
    return kr.evaluate(ruleset, profile, case["peildatum"], stage=stage, traced=traced)


def _explained(report: kr.Report) -> list[tuple[Any, ...]]:
    """Everything a report says about each result (its own and its bases'), in both languages."""
    return [
        (
            label,
            result.lot,
            result.status,
            result.basis,
            result.gaps,
            *(result.reason(lang) for lang in ("nl", "en")),
            explain.findings(result.trace),
            explain.facts(result.trace),
            explain.findings(result.applicability),
        )
        for label, result in explain.labelled_results(report)
    ]


@pytest.mark.parametrize("case", [c for c in _cases() if "error" not in c.values[0]["expect"]])
def test_a_traced_evaluation_says_what_evaluating_again_for_each_reason_says(case: dict[str, Any]) -> None:
    """`traced=True` records every trace while evaluating; a reason then evaluates nothing again, and says the same."""
    traced = _report(case, traced=True)
    evaluated = [r for _, r in explain.labelled_results(traced) if r.not_applicable in (None, "condition")]
    assert all(r.traces is not None for r in evaluated)  # recorded before any reason was asked
    assert _explained(traced) == _explained(_report(case))


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    expected = case["expect"]
    if "error" in expected:  # the ruleset or the profile is refused: which problem, and where
        with pytest.raises(kr.KwaliteitsregelsError) as caught:
            _report(case)
        found = [(p.code, p.path) for p in caught.value.problems]
        assert (expected["error"], expected.get("error_path")) in found or (
            "error_path" not in expected and expected["error"] in [code for code, _ in found]
        ), found
        if "suggestion" in expected:
            assert expected["suggestion"] in [p.suggestion for p in caught.value.problems]
        return
    report = _report(case)
    for rid, want in expected.get("results", {}).items():
        _check_result(report.result(str(rid)), want)
    for key, want in expected.get("lot_results", {}).items():
        rid, lot = key.split("@")
        _check_result(report.result(rid, lot=lot), want)
    _check_places(report, expected)
    if "award" in expected:
        assert report.award() == tuple(expected["award"])
    if "verdict" in expected:
        assert report.verdict == expected["verdict"]
    if "missing" in expected:
        assert [f"{m.type}:{','.join(m.requirements)}" for m in explain.missing_documents(report)] == expected[
            "missing"
        ]
