"""The hand-written yardstick computes what the engine computes, so the speed ratio compares like with like."""

from __future__ import annotations

import importlib
import random
from pathlib import Path

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
