"""Properties that hold for every valid profile, on the bundled rulesets and a ruleset using every keyword."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kwaliteitsregels as kr
from kwaliteitsregels.trace import Blame, Context, Items, Node, blame, leaves
from strategies import profiles

FIXTURES = Path(__file__).parent.parent / "fixtures"
RULESETS = [FIXTURES / "kitchen-sink.yaml", *kr.bundled_rulesets().values()]
FIRST, LAST = date(2019, 1, 1), date(2030, 12, 31)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _profile_strategy(ruleset: kr.CompiledRuleset) -> st.SearchStrategy[dict[str, Any]]:
    spec = ruleset.spec
    return profiles(spec.id, [r.id for r in spec.requirements], list(spec.declarations))


def _peildata(ruleset: kr.CompiledRuleset) -> st.SearchStrategy[date]:
    """Reference dates within the ruleset's validity (outside it, evaluating is an error by design)."""
    spec = ruleset.spec
    return st.dates(min_value=max(FIRST, spec.valid_from), max_value=min(LAST, spec.valid_to or LAST))


def _outcomes(report: kr.Report) -> list[tuple[str, str, str]]:
    return [(r.id, str(r.status), str(r.basis)) for r in report.results]


@pytest.fixture(scope="module", params=RULESETS, ids=lambda p: p.parent.name if p.name == "ruleset.yaml" else p.stem)
def ruleset(request: pytest.FixtureRequest) -> kr.CompiledRuleset:
    return kr.load_ruleset(request.param)


def test_every_requirement_gets_exactly_one_outcome(ruleset: kr.CompiledRuleset) -> None:
    @SETTINGS
    @given(data=_profile_strategy(ruleset), peildatum=_peildata(ruleset))
    def check(data: dict[str, Any], peildatum: date) -> None:
        report = kr.evaluate(ruleset, kr.load_profile(data), peildatum)
        assert [r.id for r in report.results] == [r.id for r in ruleset.requirements]
        for result in report.results:
            assert result.status in set(kr.Status)
            assert (result.status is kr.Status.NOT_APPLICABLE) == (result.basis == "not_applicable")
            assert (result.status is kr.Status.PASS) == (result.basis == "met")
            assert result.reason("nl")
            assert result.reason("en")
        assert sum(report.counts().values()) == len(ruleset.requirements)

    check()


def test_same_input_same_json_bytes(ruleset: kr.CompiledRuleset) -> None:
    @SETTINGS
    @given(data=_profile_strategy(ruleset), peildatum=_peildata(ruleset))
    def check(data: dict[str, Any], peildatum: date) -> None:
        first = kr.evaluate(ruleset, kr.load_profile(data), peildatum).to_json()
        second = kr.evaluate(ruleset, kr.load_profile(data), peildatum).to_json("nl")
        assert first == second

    check()


def test_order_of_lists_does_not_matter(ruleset: kr.CompiledRuleset) -> None:
    @SETTINGS
    @given(data=_profile_strategy(ruleset), peildatum=_peildata(ruleset), seed=st.integers(0, 2**16))
    def check(data: dict[str, Any], peildatum: date, seed: int) -> None:
        shuffled = dict(data)
        rng = random.Random(seed)
        for key in ("certificates", "professionals", "volunteers", "documents", "explanations"):
            if key in shuffled:
                shuffled[key] = rng.sample(shuffled[key], len(shuffled[key]))
        first = kr.evaluate(ruleset, kr.load_profile(data), peildatum)
        second = kr.evaluate(ruleset, kr.load_profile(shuffled), peildatum)
        assert _outcomes(first) == _outcomes(second)
        assert [g.type for r in first.results for g in r.gaps] == [g.type for r in second.results for g in r.gaps]

    check()


def test_adding_a_missing_document_never_turns_a_pass_into_a_fail(ruleset: kr.CompiledRuleset) -> None:
    @SETTINGS
    @given(data=_profile_strategy(ruleset), peildatum=_peildata(ruleset))
    def check(data: dict[str, Any], peildatum: date) -> None:
        before = kr.evaluate(ruleset, kr.load_profile(data), peildatum)
        missing = sorted({g.type for r in before.results for g in r.gaps})
        fresh = [{"type": t, "issued_on": peildatum, "valid_until": peildatum + timedelta(days=365)} for t in missing]
        after = kr.evaluate(
            ruleset, kr.load_profile(data | {"documents": [*data.get("documents", []), *fresh]}), peildatum
        )
        for old, new in zip(before.results, after.results, strict=True):
            assert not (old.status is kr.Status.PASS and new.status is not kr.Status.PASS)
            assert len(new.gaps) <= len(old.gaps)
            assert not new.gaps

    check()


def test_tracing_never_changes_an_outcome(ruleset: kr.CompiledRuleset) -> None:
    @SETTINGS
    @given(data=_profile_strategy(ruleset), peildatum=_peildata(ruleset))
    def check(data: dict[str, Any], peildatum: date) -> None:
        for result in _conditioned(ruleset, data, peildatum):
            assert result.context is not None
            root = result.context.root  # the whole profile: refers_to reads lists from it
            quick = Context(peildatum, result.context.declarations, tracing=False, root=root)
            traced = Context(peildatum, result.context.declarations, tracing=True, root=root)
            condition = result.requirement.condition
            assert condition is not None
            assert condition(result.root, quick).outcome == condition(result.root, traced).outcome
            assert result.trace is not None
            assert result.trace.outcome == condition(result.root, quick).outcome
            for count in _nodes(result.trace, "count"):  # a count's items, traced when asked for, match its number
                assert count.actual == sum(1 for item in count.children if item.outcome is True)
            for every in _nodes(result.trace, "every"):  # an every's items, traced when asked for, match its outcomes
                if isinstance(every, Items):  # one item not met, with items after it
                    assert every.outcomes() == tuple(item.outcome for item in every.children)
                    assert every.outcome is False

    check()


def test_blaming_traces_the_items_that_did_not_pass_as_tracing_them_all_would(ruleset: kr.CompiledRuleset) -> None:
    """A reason traces only the items of an `every` that did not pass: the same conditions as from the whole tree."""

    @SETTINGS
    @given(data=_profile_strategy(ruleset), peildatum=_peildata(ruleset))
    def check(data: dict[str, Any], peildatum: date) -> None:
        for result in _conditioned(ruleset, data, peildatum):
            whole = _traced(result, peildatum)
            _tree(whole)  # every item of every `every` and count traced before blaming
            fresh = _traced(result, peildatum)
            blamed = list(blame(fresh))
            assert _blamed(blamed) == _blamed(blame(whole))
            held = {id(node) for node in _tree(fresh)}  # then all of it: the items blamed are kept, not traced anew
            assert all(id(item.node) in held for item in blamed)
            assert _blamed(blame(fresh)) == _blamed(blame(whole))
            assert [(path, repr(leaf.actual)) for path, leaf in leaves(fresh)] == [
                (path, repr(leaf.actual)) for path, leaf in leaves(whole)
            ]

    check()


def _conditioned(ruleset: kr.CompiledRuleset, data: dict[str, Any], peildatum: date) -> list[kr.RequirementResult]:
    """The results of evaluating `data` whose condition was evaluated (applicable, with a context)."""
    report = kr.evaluate(ruleset, kr.load_profile(data), peildatum)
    return [r for r in report.results if r.context and r.requirement.condition and not r.not_applicable]


def _traced(result: kr.RequirementResult, peildatum: date) -> Node:
    """The result's condition traced afresh (its items traced when asked for)."""
    ctx, condition = result.context, result.requirement.condition
    assert ctx is not None
    assert condition is not None
    return condition(result.root, Context(peildatum, ctx.declarations, tracing=True, root=ctx.root))


def _blamed(found: Iterable[Blame]) -> list[tuple[str, str, object, str, bool]]:
    return [(b.path, b.node.keyword, b.node.outcome, repr(b.node.actual), b.negated) for b in found]


def _tree(node: Node) -> list[Node]:
    """Every node of the tree (tracing every item)."""
    found = [node]
    for child in node.children:
        found += _tree(child)
    return found


def _nodes(node: Node, keyword: str) -> list[Node]:
    found = [node] if node.keyword == keyword else []
    for child in node.children:
        found += _nodes(child, keyword)
    return found
