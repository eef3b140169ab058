"""An `every` traces its items up to the first that is not met; a reason or the facts trace the rest when asked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import kwaliteitsregels as kr

ROOT = Path(__file__).parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "items" / "vog-gemengd.yaml"
PEILDATUM = date(2026, 11, 23)
TOO_OLD = "VOG afgegeven op: verwacht niet ouder dan 5 jaar (op of na 2021-11-23), gevonden"
NL = (
    f"Niet voldaan: professional p1 (jeugdzorgwerker), {TOO_OLD} 2020-01-01; "
    "professional p2 (gedragswetenschapper), VOG afgegeven op: gegeven ontbreekt; "
    f"professional p4 (ambulant begeleider), {TOO_OLD} 2021-01-31."
)


@pytest.fixture(scope="module")
def twente() -> kr.CompiledRuleset:
    return kr.load_ruleset(ROOT / "rulesets" / "twente")


def _report(twente: kr.CompiledRuleset, *, traced: bool) -> kr.Report:
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return kr.evaluate(twente, kr.load_profile(data, rulesets=[twente]), PEILDATUM, traced=traced)


@pytest.mark.parametrize("traced", [True, False])
def test_the_reason_names_every_item_not_met_or_in_doubt_after_the_first(
    twente: kr.CompiledRuleset, *, traced: bool
) -> None:
    """p1 settles the outcome; of the rest the reason names p2 (no VOG) and p4 (too old), not p3 or p5."""
    result = _report(twente, traced=traced).result("8")
    assert (str(result.status), str(result.basis)) == ("fail", "not_met")
    assert result.reason() == NL


def test_the_facts_read_are_the_same_whether_the_reason_was_asked_first(twente: kr.CompiledRuleset) -> None:
    """The facts list every professional's VOG date, also after a reason traced only the items not met."""
    asked_first = _report(twente, traced=True)
    for result in asked_first.results:
        result.reason()
    fresh = _report(twente, traced=True)
    assert asked_first.to_json() == fresh.to_json()
    facts = json.loads(fresh.to_json())["results"]
    read = next(r for r in facts if r["id"] == "8")["facts"]
    assert [fact["path"] for fact in read] == [f"professionals[{i}].vog_issued_on" for i in range(5)]
    assert [fact["value"] for fact in read] == ["2020-01-01", None, "2025-06-15", "2021-01-31", "2023-07-20"]
