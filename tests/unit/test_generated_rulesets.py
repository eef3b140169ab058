"""Properties over generated rulesets AND generated profiles: evaluation is total, deterministic and lawful.

Run with `--hypothesis-show-statistics` to see how many examples ran and which keywords they used;
the counts are also checked by `test_the_generator_reaches_every_keyword`.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

import kwaliteitsregels as kr
from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.reporting.registry import REPORTERS
from kwaliteitsregels.trace import Context
from ruleset_strategies import DECLARATIONS, TABLES, conditions, keywords_used, rulesets, scope
from strategies import dates, maybe_bool, profiles

EXAMPLES = int(os.environ.get("KWALITEITSREGELS_EXAMPLES", "100"))  # docs/robustness.md: longer runs
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
UNORDERED = ("certificates", "professionals", "volunteers", "documents", "explanations", "insurances")
FAR = st.sampled_from([date(1, 1, 1), date(1, 2, 28), date(2024, 2, 29), date(2028, 2, 29), date(9999, 12, 31)])
SEEN: Counter[str] = Counter()  # keyword → generated rulesets using it, over the whole session

extras = st.fixed_dictionaries(
    {},
    optional={
        "insurances": st.lists(
            st.fixed_dictionaries(
                {"kind": st.sampled_from(["liability", "professional_liability", "other"])},
                optional={"per_event_eur": st.integers(0, 5_000_000), "valid_until": dates},
            ),
            max_size=2,
        ),
        "history": st.fixed_dictionaries(
            {},
            optional={"dissolved_for_poor_performance_on": dates, "outstanding_supervisory_measure": maybe_bool},
        ),
        "registration": st.fixed_dictionaries(
            {},
            optional={
                "first_registration": maybe_bool,
                "expected_annual_contract_sum_eur": st.integers(0, 10**7),
            },
        ),
    },
)


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], date]:
    """A generated ruleset, a generated profile for it, and a reference date (sometimes far away)."""
    ruleset = draw(rulesets())
    ids = [r["id"] for r in ruleset["requirements"]]
    profile = draw(profiles("generated", ids, list(DECLARATIONS))) | draw(extras)
    peildatum = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31)) | FAR)
    if peildatum < ruleset["valid_from"]:
        ruleset["valid_from"] = date(1, 1, 1)
    used = set().union(
        *(keywords_used(r.get("condition")) | keywords_used(r.get("when")) for r in ruleset["requirements"])
    )
    for keyword in used:
        SEEN[keyword] += 1
        event(f"keyword {keyword}")
    return ruleset, profile, peildatum


def _statuses(report: kr.Report) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(r.id, str(r.status), str(r.basis), tuple(sorted(g.type for g in r.gaps))) for r in report.results]


@SETTINGS
@given(case=cases(), stage=st.sampled_from(kr.Stage))
def test_evaluation_never_raises_and_gives_each_requirement_one_status(
    case: tuple[dict[str, Any], dict[str, Any], date], stage: kr.Stage
) -> None:
    data, profile_data, peildatum = case
    ruleset = kr.load_ruleset(data)
    report = kr.evaluate(ruleset, kr.load_profile(profile_data), peildatum, stage=stage)
    assert [r.id for r in report.results] == [r["id"] for r in data["requirements"]]
    for result in report.results:
        assert result.status in set(kr.Status)
        assert (result.status is kr.Status.NOT_APPLICABLE) == (result.basis == "not_applicable")
        assert (result.status is kr.Status.PASS) == (result.basis == "met")
        assert result.reason("nl")
        assert result.reason("en")
    assert sum(report.counts().values()) == len(data["requirements"])
    for name, render in REPORTERS.items():
        assert render(report, "en", color=name == "text")


@SETTINGS
@given(case=cases())
def test_same_input_gives_the_same_json_bytes(case: tuple[dict[str, Any], dict[str, Any], date]) -> None:
    data, profile_data, peildatum = case
    first = kr.evaluate(kr.load_ruleset(data), kr.load_profile(profile_data), peildatum).to_json()
    second = kr.evaluate(kr.load_ruleset(data), kr.load_profile(profile_data), peildatum).to_json()
    assert first == second


@SETTINGS
@given(case=cases(), seed=st.integers(0, 2**16))
def test_the_order_of_unordered_lists_does_not_matter(
    case: tuple[dict[str, Any], dict[str, Any], date], seed: int
) -> None:
    data, profile_data, peildatum = case
    ruleset = kr.load_ruleset(data)
    rng = random.Random(seed)
    shuffled = {k: rng.sample(v, len(v)) if k in UNORDERED else v for k, v in profile_data.items()}
    first = kr.evaluate(ruleset, kr.load_profile(profile_data), peildatum)
    second = kr.evaluate(ruleset, kr.load_profile(shuffled), peildatum)
    assert _statuses(first) == _statuses(second)


@SETTINGS
@given(case=cases())
def test_adding_a_missing_document_never_turns_a_pass_into_a_fail(
    case: tuple[dict[str, Any], dict[str, Any], date],
) -> None:
    data, profile_data, peildatum = case
    # the property is about evidence: a condition that reads the documents list itself (count them, at most
    # none) may rightly change with a document more, so such rulesets are not what this test is about
    read = json.dumps([r.get(k) for r in data["requirements"] for k in ("when", "condition")], default=str)
    assume('"documents"' not in read)
    ruleset = kr.load_ruleset(data)
    before = kr.evaluate(ruleset, kr.load_profile(profile_data), peildatum, stage=kr.Stage.AWARD)
    missing = sorted({g.type for r in before.results for g in r.gaps})
    until = peildatum + timedelta(days=365) if peildatum < date(9999, 1, 1) else date.max
    fresh = [{"type": t, "issued_on": peildatum, "valid_until": until} for t in missing]
    added = profile_data | {"documents": [*profile_data.get("documents", []), *fresh]}
    after = kr.evaluate(ruleset, kr.load_profile(added), peildatum, stage=kr.Stage.AWARD)
    for old, new in zip(before.results, after.results, strict=True):
        assert not (old.status is kr.Status.PASS and new.status is not kr.Status.PASS)
        assert {g.type for g in new.gaps} <= {g.type for g in old.gaps}


def _laws(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pairs of conditions that Kleene logic says are equivalent."""
    return [
        ({"not": {"not": a}}, a),
        ({"all": [a]}, a),
        ({"any": [a]}, a),
        ({"all": [a, a]}, a),
        ({"any": [a, a]}, a),
        ({"not": {"all": [a, b]}}, {"any": [{"not": a}, {"not": b}]}),
        ({"not": {"any": [a, b]}}, {"all": [{"not": a}, {"not": b}]}),
        ({"all": [a, b]}, {"all": [b, a]}),
        ({"any": [a, b]}, {"any": [b, a]}),
        ({"at_least": {"n": 1, "of": [a, b]}}, {"any": [a, b]}),
        ({"at_least": {"n": 2, "of": [a, b]}}, {"all": [a, b]}),
        ({"all": [a, {"any": [a, b]}]}, a),  # absorption
        ({"any": [a, {"all": [a, b]}]}, a),
    ]


def _ruleset_of(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    template = {
        "title": "Wet",
        "text": "Wet.",
        "source": {"document": "Wetten", "section": "1", "seed": "002_e6bd4ce0c9b21154.txt"},
        "category": "c",
        "law_scope": "both",
    }
    requirements = [
        template | {"id": f"{i}{side}", "condition": condition}
        for i, pair in enumerate(pairs)
        for side, condition in zip("ab", pair, strict=True)
    ]
    return {
        "id": "laws",
        "title": "Wetten",
        "issuer": "hypothesis",
        "version": "1",
        "valid_from": date(1, 1, 1),
        "source": {"title": "Wetten", "seed": "002_e6bd4ce0c9b21154.txt"},
        "categories": [{"id": "c", "title": "Categorie"}],
        "declarations": {name: name for name in DECLARATIONS},
        "tables": TABLES,
        "requirements": requirements,
    }


@SETTINGS
@given(
    a=conditions(scope(Profile)),
    b=conditions(scope(Profile)),
    profile=profiles("laws", ["0a"], list(DECLARATIONS)),
    peildatum=st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31)) | FAR,
)
def test_the_combinators_obey_kleene_logic(
    a: dict[str, Any], b: dict[str, Any], profile: dict[str, Any], peildatum: date
) -> None:
    compiled = kr.load_ruleset(_ruleset_of(_laws(a, b)))
    loaded = kr.load_profile(profile)
    outcomes = {}
    for tracing in (True, False):
        ctx = Context(peildatum, loaded.declarations, tracing=tracing, root=loaded)
        outcomes[tracing] = [req.condition(loaded, ctx).outcome for req in compiled.requirements if req.condition]
    assert outcomes[True] == outcomes[False], "tracing changed an outcome"
    pairs = list(zip(outcomes[True][::2], outcomes[True][1::2], strict=True))
    for (left, right), law in zip(pairs, _laws(a, b), strict=True):
        assert left == right, law


def test_the_generator_reaches_every_keyword() -> None:
    # derandomized: the same 1,000 rulesets on every machine, so a rare keyword is reached or missed for good
    @settings(
        max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
    )
    @given(data=rulesets())
    def collect(data: dict[str, Any]) -> None:
        for requirement in data["requirements"]:
            SEEN.update(keywords_used(requirement.get("condition")) | keywords_used(requirement.get("when")))

    collect()
    assert set(REGISTRY) <= set(SEEN), set(REGISTRY) - set(SEEN)
