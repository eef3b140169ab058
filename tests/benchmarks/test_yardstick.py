"""The hand-written yardstick computes what the engine computes, so the speed ratio compares like with like."""

from __future__ import annotations

import importlib
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import kwaliteitsregels as kr

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_yardstick_agrees_with_the_engine_on_every_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    bench, yardstick = importlib.import_module("run"), importlib.import_module("yardstick")  # the scripts

    ruleset = kr.load_ruleset("twente")
    rng = random.Random(7)
    profiles = [kr.load_profile(bench.synthetic_profile(rng, ruleset, i), rulesets=[ruleset]) for i in range(150)]
    own = [r.spec.model_dump(mode="json", exclude_none=True) for r in ruleset.requirements]
    subset = bench.alone(ruleset, [r for r in own if r["id"] in yardstick.YARDSTICK_IDS], "twente-subset")
    relabelled = bench.relabel(profiles, subset)
    statuses = [{r.id: r.status.value for r in kr.evaluate(subset, p, bench.PEILDATUM).results} for p in relabelled]
    assert {s for row in statuses for s in row.values()} == {"pass", "fail", "explain", "not_applicable"}
    assert yardstick.disagreements(statuses, profiles, bench.PEILDATUM) == []


def _varied(data: dict[str, Any], rng: random.Random, peildatum: date) -> dict[str, Any]:
    """A synthetic profile with what the texts must also word: VOGs missing or after the peildatum, a few
    dates shared by all, roles, no professionals at all, policies not given."""
    people = data.get("professionals", [])
    roll = rng.random()
    if roll < 0.1:
        data["professionals"] = people = []
    elif roll < 0.25:  # two dates over all of them: each counted in a pass, not ranged
        for person in people:
            person["vog_issued_on"] = rng.choice(["2024-01-01", "2023-06-30"])
        people = []
    for person in people:
        roll = rng.random()
        if roll < 0.1:
            person.pop("vog_issued_on", None)
        elif roll < 0.2:
            person["vog_issued_on"] = str(peildatum + timedelta(days=rng.randint(1, 30)))
        if rng.random() < 0.3:
            person["role"] = "jeugdzorgwerker"
    for policy in ("privacy", "meldcode", "complaints_procedure", "complaints_committee"):
        if rng.random() < 0.15:
            data.get("policies", {}).pop(policy, None)
    return data


def test_handwritten_texts_write_the_engines_reasons_word_for_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    bench, texts = importlib.import_module("run"), importlib.import_module("yardstick_texts")

    ruleset = kr.load_ruleset("twente")
    rng = random.Random(11)
    raw = [_varied(bench.synthetic_profile(rng, ruleset, i), rng, bench.PEILDATUM) for i in range(300)]
    profiles = [kr.load_profile(data, rulesets=[ruleset]) for data in raw]
    own = [r.spec.model_dump(mode="json", exclude_none=True) for r in ruleset.requirements]
    subset = bench.alone(ruleset, [r for r in own if r["id"] in texts.TEXT_IDS], "twente-texts")
    engine = [
        {r.id: (r.status.value, r.reason()) for r in kr.evaluate(subset, p, bench.PEILDATUM).results}
        for p in bench.relabel(profiles, subset)
    ]
    said = " ".join(reason for row in engine for _, reason in row.values())
    for phrase in (
        "Voldaan op grond van: professionals: alle",
        "× 2024-01-01",
        "tussen ",
        "(jeugdzorgwerker)",
        "VOG afgegeven op: gegeven ontbreekt",
        "ligt na de peildatum",
        "verwacht niet ouder dan 5 jaar",
        "Niet aangetoond: professionals: geen items opgegeven.",
        "klachtencommissie, onafhankelijk: gegeven ontbreekt",
        "privacybeleid, vastgesteld en in gebruik: verwacht ja, gevonden nee",
    ):
        assert phrase in said  # the profiles reach every way of wording the four requirements
    assert texts.text_disagreements(engine, profiles, bench.PEILDATUM) == []
