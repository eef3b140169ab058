"""The look-ahead at registration: documents the award will check that today's checklist does not list.

Twente 37a applies from the award and wants its AGB proof before award (decision vecozo-fase);
Leeuwarden's award criterion 4 is judged at the award, its implementation plan is submitted with the
registration. Neither is on the registration checklist; both are in the look-ahead, with when it is due.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import kwaliteitsregels as kr
from kwaliteitsregels.preview import documents_at_award
from kwaliteitsregels.reporting.registry import REPORTERS

EXAMPLES = Path(__file__).parents[2] / "examples"
PEILDATUM = date(2019, 7, 1)


def _report(name: str, example: str, stage: kr.Stage = kr.Stage.REGISTRATION) -> kr.Report:
    ruleset = kr.load_ruleset(name)
    return kr.evaluate(ruleset, kr.load_profile(EXAMPLES / example, rulesets=[ruleset]), PEILDATUM, stage=stage)


def test_twente_shows_the_agb_proof_ahead_at_registration_and_on_the_checklist_at_award() -> None:
    registration = _report("twente", "grote-aanbieder.yaml")
    ahead = {(d.type, d.due, d.requirements) for d in documents_at_award(registration)}
    assert ("agb_registration", "before_award", ("37a",)) in ahead
    assert "agb_registration" not in {d.type for d in kr.explain.missing_documents(registration)}
    award = _report("twente", "grote-aanbieder.yaml", kr.Stage.AWARD)
    assert documents_at_award(award) == []
    assert "agb_registration" in {d.type for d in kr.explain.missing_documents(award)}


def test_leeuwarden_shows_the_implementation_plan_due_with_the_registration() -> None:
    ahead = {d.type: d.due for d in documents_at_award(_report("leeuwarden-dagbesteding", "leeuwarden/volledig.yaml"))}
    assert ahead.get("implementatieplan") == "with_registration"


def test_json_text_and_combined_reports_carry_the_look_ahead() -> None:
    report = _report("twente", "grote-aanbieder.yaml")
    document = json.loads(report.to_json())
    assert [d["type"] for d in document["documents_at_award"]] == ["agb_registration"]
    assert document["documents_at_award"][0]["due_label"] == "vóór gunning"
    assert "Vooruitblik: bij gunning ook nodig" in REPORTERS["text"](report, "nl", color=False)
    assert "Looking ahead: also needed at award" in REPORTERS["text"](report, "en", color=False)
    ruleset = kr.load_ruleset("twente")
    combined = kr.evaluate_all(
        [ruleset], kr.load_profile(EXAMPLES / "grote-aanbieder.yaml", rulesets=[ruleset]), PEILDATUM
    )
    combined_document = json.loads(REPORTERS["json"](combined, "nl", color=False))
    assert [d["type"] for d in combined_document["documents_at_award"]] == ["agb_registration"]
