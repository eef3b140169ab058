"""Leeuwarden day care (rulesets/leeuwarden-dagbesteding): the example providers in examples/leeuwarden/.

For every example, at registration and at award: the verdict, the outcome of every requirement
(status, basis, explanation state, why not applicable), the weighted award total and maximum
(`report.award()`) and the missing-documents checklist. The expectations were reasoned out from
the ruleset and its decisions (docs/leeuwarden.md) before running the library:

- assessor requirements with an accepted explanation are `explain`/`accepted` (basis
  `not_demonstrated`: the facts alone never show them);
- the award criteria 6.1–6.4 have `stage: award`, so at registration they do not apply and
  `award()` is None (nothing to score yet); at award an accepted assessment's `score` counts, a pending one counts 0;
- the award criteria are `severity: warning`: a missing answer costs its points, not admission;
- the ruleset builds on `wmo2015`: every example meets the law (3.1 accepted, 3.3–3.5 by the facts),
  so the verdicts below are Leeuwarden's own.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

import kwaliteitsregels as kr
from kwaliteitsregels.explain import missing_documents

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "leeuwarden"
SEED = ROOT.parent / "shared" / "seeds" / "000_330810a5bc446dc4.txt"
RULESET = "leeuwarden-dagbesteding"
PEILDATUM = date(2026, 11, 23)
REGISTRATION, AWARD = kr.Stage.REGISTRATION, kr.Stage.AWARD

IDS = ["1a", "1b", "1c", "2", "3", "5", "6.1", "6.2", "6.3", "6.4"]
IDS += ["8a", "8b", "8c", "8d", "8e", "8f", "10a", "10b", "10c"]
AWARD_CRITERIA = {"6.1": 30, "6.2": 35, "6.3": 15, "6.4": 20}  # as printed, seed lines 207, 221, 244, 252
ASSESSED = ["1c", "2", "3", "5", "8a", "8b", "8c", "8d", "8e", "8f", "10a"]

Outcome = tuple[str, str, str | None, str | None]  # status, basis, explanation state, why not applicable
PASS: Outcome = ("pass", "met", None, None)
ACCEPTED: Outcome = ("explain", "not_demonstrated", "accepted", None)
PENDING: Outcome = ("explain", "not_demonstrated", "pending", None)
NOT_YET: Outcome = ("not_applicable", "not_applicable", None, "stage")


def _outcomes(changes: dict[str, Outcome] | None = None) -> dict[str, Outcome]:
    """Every pass/fail item met (facts pass, assessed items accepted), award criteria not yet; then changes."""
    base = {rid: ACCEPTED if rid in ASSESSED else PASS for rid in IDS}
    return base | dict.fromkeys(AWARD_CRITERIA, NOT_YET) | (changes or {})


SCORED = dict.fromkeys(AWARD_CRITERIA, ACCEPTED)
UNSCORED = dict.fromkeys(AWARD_CRITERIA, PENDING)
TOO_SMALL: dict[str, Outcome] = {"1a": ("fail", "not_met", None, None)}
COMPARABLE: dict[str, Outcome] = {"10b": ("explain", "not_met", "pending", None)}
NO_RISK_FILE: dict[str, Outcome] = {"6.3": ("fail", "not_demonstrated", None, None)}

# example → stage → (verdict, award (total, maximum), missing documents, outcome per requirement)
EXPECTED: dict[str, dict[kr.Stage, tuple[str, tuple[str, str] | None, list[str], dict[str, Outcome]]]] = {
    "volledig": {
        REGISTRATION: ("voldoet", None, [], _outcomes()),
        AWARD: ("voldoet", ("80", "100"), [], _outcomes(SCORED)),  # 24 + 28 + 12 + 16
    },
    "te-weinig-clienten": {
        REGISTRATION: ("voldoet_niet", None, [], _outcomes(TOO_SMALL)),
        # the answers were submitted but never scored: pending answers count 0
        AWARD: ("voldoet_niet", ("0", "100"), [], _outcomes(TOO_SMALL | UNSCORED)),
    },
    "vergelijkbaar-kwaliteitssysteem": {
        REGISTRATION: ("beoordeling_nodig", None, [], _outcomes(COMPARABLE)),
        # 21 + 30 + 9 + 14.5; the deviation route asks for the description (present), not the certificate
        AWARD: ("beoordeling_nodig", ("74.5", "100"), [], _outcomes(COMPARABLE | SCORED)),
    },
    "zonder-risicodossier": {
        REGISTRATION: ("voldoet", None, [], _outcomes()),
        # 18 + 20 + 0 + 10; 6.3 fails, but an award criterion is a warning
        AWARD: ("voldoet", ("48", "100"), ["risicodossier"], _outcomes(SCORED | NO_RISK_FILE)),
    },
}
CASES = [pytest.param(name, stage, id=f"{name}-{stage}") for name, stages in EXPECTED.items() for stage in stages]


@cache
def _ruleset() -> kr.CompiledRuleset:
    return kr.load_ruleset(RULESET)


@cache
def _report(name: str, stage: kr.Stage) -> kr.Report:
    profile = kr.load_profile(EXAMPLES / f"{name}.yaml", rulesets=[_ruleset()])
    return kr.evaluate(_ruleset(), profile, PEILDATUM, stage=stage)


def _actual(result: kr.RequirementResult) -> Outcome:
    state = str(result.explanation.state) if result.explanation else None
    why = str(result.not_applicable) if result.not_applicable else None
    return (str(result.status), str(result.basis), state, why)


def test_every_example_has_expectations() -> None:
    assert sorted(p.stem for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize(("name", "stage"), CASES)
def test_outcome_per_requirement(name: str, stage: kr.Stage) -> None:
    report = _report(name, stage)
    expected = EXPECTED[name][stage][3]
    assert [r.id for r in report.results] == IDS
    wrong = [
        f"{r.id}: verwacht {expected[r.id]}, gekregen {_actual(r)} — {r.reason()}"
        for r in report.results
        if _actual(r) != expected[r.id]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("name", "stage"), CASES)
def test_verdict_award_and_missing_documents(name: str, stage: kr.Stage) -> None:
    report = _report(name, stage)
    verdict, award, missing, _ = EXPECTED[name][stage]
    assert str(report.verdict) == verdict
    # the award criteria apply only at award: before that there is no total to give
    assert report.award() == (None if award is None else (Decimal(award[0]), Decimal(award[1])))
    assert sorted(item.type for item in missing_documents(report)) == missing


@pytest.mark.parametrize(("name", "stage"), CASES)
def test_the_law_underneath(name: str, stage: kr.Stage) -> None:
    report = _report(name, stage)
    assert [base.ruleset.id for base in report.bases] == ["wmo2015"]
    assert report.relations == ()  # no overlap declared (decision wettelijke-basis)
    law = {r.id: _actual(r) for r in report.bases[0].results}
    assert law == {"3.1": ACCEPTED, "3.3": PASS, "3.4": PASS, "3.5": PASS}


def test_scores_per_criterion() -> None:
    report = _report("vergelijkbaar-kwaliteitssysteem", AWARD)
    scores = {rid: report.result(rid).score for rid in AWARD_CRITERIA}
    assert scores == {"6.1": Decimal(21), "6.2": Decimal(30), "6.3": Decimal(9), "6.4": Decimal("14.5")}
    assert "Score: 14,5 van 20 punten" in report.result("6.4").reason()


def test_award_criteria_carry_the_printed_points() -> None:
    specs = {r.id: r.spec for r in _ruleset().requirements if r.spec.points is not None}
    assert {rid: int(spec.points or 0) for rid, spec in specs.items()} == AWARD_CRITERIA
    assert sum(AWARD_CRITERIA.values()) == 100
    for rid, spec in specs.items():
        assert f"({AWARD_CRITERIA[rid]} punten)" in spec.text
        assert (spec.judgement, spec.stage, spec.severity) == ("assessor", "award", "warning")


def test_every_requirement_is_wmo_with_a_level_and_knockout_unless_scored() -> None:
    for req in _ruleset().requirements:
        spec = req.spec
        # 1a is the core competence in Wmo day care: it applies to every bidder (decision kerncompetentie-clienten)
        assert spec.law_scope == ("both" if req.id == "1a" else "wmo"), req.id
        assert spec.level is not None, req.id
        assert spec.severity == ("warning" if spec.points is not None else "knockout"), req.id


@pytest.mark.skipif(not SEED.exists(), reason="the seed documents are not in this checkout")
def test_source_lines_point_at_the_text() -> None:
    lines = SEED.read_text("utf-8").splitlines()
    for req in _ruleset().requirements:
        spec = req.spec
        assert spec.source.seed == SEED.name
        assert spec.source.line is not None
        printed = re.sub(r"\s+", " ", lines[spec.source.line - 1])
        opening = " ".join(spec.text.split()[:4])
        assert opening in printed, f"{req.id}: '{opening}' staat niet op regel {spec.source.line}: {printed!r}"
