"""A pass carried by every item of a long list is summarised in its reason; the facts read stay complete."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import kwaliteitsregels as kr

ROOT = Path(__file__).parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "summary" / "vijf-professionals.yaml"
PEILDATUM = date(2026, 11, 23)


@pytest.fixture(scope="module")
def twente() -> kr.CompiledRuleset:
    return kr.load_ruleset(ROOT / "rulesets" / "twente")


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return data


def _report(twente: kr.CompiledRuleset, data: dict[str, Any]) -> kr.Report:
    return kr.evaluate(twente, kr.load_profile(data, rulesets=[twente]), PEILDATUM)


def test_five_professionals_are_summarised_with_the_range_of_their_dates(twente: kr.CompiledRuleset) -> None:
    result = _report(twente, _data()).result("8")
    assert result.status is kr.Status.PASS
    assert result.reason() == (
        "Voldaan op grond van: professionals: alle 5 voldoen (VOG afgegeven op: tussen 2022-03-01 en 2026-10-01)."
    )
    assert result.reason("en") == (
        "Met, based on: professionals: all 5 comply (certificate of conduct issued on: between 2022-03-01 and "
        "2026-10-01)."
    )


def test_a_fact_that_only_some_items_show_says_how_often(twente: kr.CompiledRuleset) -> None:
    reason = _report(twente, _data()).result("4").reason()
    assert reason == (
        "Voldaan op grond van: professionals: alle 5 voldoen (werkt met jeugdigen: 4× ja, 1× nee; "
        "geldige SKJ- of BIG-registraties met registratienummer: 4× 1)."
    )


def test_an_item_left_out_by_where_passes_on_what_left_it_out(twente: kr.CompiledRuleset) -> None:
    data = _data()
    data["professionals"] = data["professionals"][2:4]  # p3 does not work with young people, p4 does
    reason = _report(twente, data).result("4").reason()
    assert reason == (
        "Voldaan op grond van: professional p3 (jeugdzorgwerker), werkt met jeugdigen: nee; "
        "professional p4 (ambulant begeleider), werkt met jeugdigen: ja; "
        "professional p4 (ambulant begeleider), geldige SKJ- of BIG-registraties met registratienummer: 1."
    )


def test_three_professionals_are_still_named_one_by_one(twente: kr.CompiledRuleset) -> None:
    data = _data()
    data["professionals"] = data["professionals"][:3]
    reason = _report(twente, data).result("8").reason()
    assert "alle" not in reason
    for person in ("p1", "p2", "p3"):
        assert f"professional {person} (" in reason


def test_the_json_keeps_every_fact_read(twente: kr.CompiledRuleset) -> None:
    document = json.loads(_report(twente, _data()).to_json())
    (entry,) = (r for r in document["results"] if r["id"] == "8")
    assert [fact["path"] for fact in entry["facts"]] == [f"professionals[{i}].vog_issued_on" for i in range(5)]
    assert "alle 5 voldoen" in entry["reason"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5 * 365 - 2), min_size=1, max_size=12))
def test_the_summary_names_how_many_and_the_oldest_and_newest(twente: kr.CompiledRuleset, ages: list[int]) -> None:
    data = _data()
    template = data["professionals"][0]
    data["professionals"] = [
        {**template, "id": f"p{i + 1}", "vog_issued_on": (PEILDATUM - timedelta(days=age)).isoformat()}
        for i, age in enumerate(ages)
    ]
    reason = _report(twente, data).result("8").reason()
    dates = sorted({(PEILDATUM - timedelta(days=age)).isoformat() for age in ages})
    if len(ages) <= 3:  # listed, each professional by name
        assert all(f"professional p{i + 1} (" in reason for i in range(len(ages)))
    elif len(dates) <= 3:  # a few distinct dates, each with how often
        assert f"alle {len(ages)} voldoen" in reason
        assert all(day in reason for day in dates)
    else:
        assert f"alle {len(ages)} voldoen (VOG afgegeven op: tussen {dates[0]} en {dates[-1]})" in reason
