"""Texts shared between providers (a requirement remembers the reason every provider with the same facts gets)
are the texts a result would have been given on its own: for generated profiles on every bundled ruleset and
a ruleset using every keyword, in both languages and in the JSON report."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import Field, create_model

import kwaliteitsregels as kr
from kwaliteitsregels import explain, naming, shared_texts
from kwaliteitsregels.naming import Glossary, Namer
from strategies import profiles

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent.parent / "examples"
RULESETS = [FIXTURES / "kitchen-sink.yaml", *kr.bundled_rulesets().values()]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIRST, LAST = date(2019, 1, 1), date(2030, 12, 31)


def _forget(ruleset: kr.CompiledRuleset) -> None:
    """No shared text or phrase left, in the ruleset and the law it builds on: every result makes its own."""
    for requirement in (r for own in (ruleset, *ruleset.lineage().values()) for r in own.requirements):
        requirement.texts.clear()
        requirement.glossary.phrases.clear()


def _texts(report: kr.Report) -> list[tuple[str, str, str]]:
    every = [*report.results, *(r for base in report.base_reports().values() for r in base.results)]
    return [(r.id, r.reason("nl"), r.reason("en")) for r in every]


@pytest.fixture(scope="module", params=RULESETS, ids=lambda p: p.parent.name if p.name == "ruleset.yaml" else p.stem)
def pair(request: pytest.FixtureRequest) -> tuple[kr.CompiledRuleset, kr.CompiledRuleset]:
    return kr.load_ruleset(request.param), kr.load_ruleset(request.param)


def test_a_shared_text_is_the_text_made_afresh(pair: tuple[kr.CompiledRuleset, kr.CompiledRuleset]) -> None:
    shared, fresh = pair
    spec = shared.spec
    one = profiles(spec.id, [r.id for r in spec.requirements], list(spec.declarations))

    @SETTINGS
    @given(
        batch=st.lists(one, min_size=1, max_size=4),
        peildatum=st.dates(min_value=max(FIRST, spec.valid_from), max_value=min(LAST, spec.valid_to or LAST)),
    )
    def check(batch: list[dict[str, Any]], peildatum: date) -> None:
        for data in batch:  # the shared ruleset keeps what earlier examples and providers left
            kept = kr.evaluate(shared, kr.load_profile(data), peildatum, traced=True)
            _forget(fresh)
            made = kr.evaluate(fresh, kr.load_profile(data), peildatum, traced=True)
            assert _texts(kept) == _texts(made)
            assert kept.to_json() == made.to_json()
            shown.append(any(r.glossary.phrases for r in fresh.requirements))

    shown: list[bool] = []  # whether a provider's reasons showed a value (a small ruleset's may not: wmo2015)
    check()
    assert any(r.texts for r in shared.requirements)  # texts were shared, so the comparison above meant something
    if any(shown):  # a value was shown, so the shared ruleset remembers how
        assert any(r.glossary.phrases for r in shared.requirements)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Decimal("1.0"), Decimal(1)),
        (True, 1),
        (0, False),
        (date(2026, 1, 1), datetime(2026, 1, 1, 0, 0, tzinfo=UTC)),
        (("a", 1), ("a", True)),
        (Decimal("72.8"), Decimal("72.80")),
    ],
)
@pytest.mark.parametrize("path", ["tariff", "staff_count", "x"])
def test_a_remembered_value_is_never_shown_for_an_equal_one(first: object, second: object, path: str) -> None:
    """Equal in Python, shown differently: a value remembered for one is not given for the other."""
    names = Namer(None, lang="nl")
    alone = Namer(None, Glossary(), lang="nl")
    shown_first = names.value(path, first)
    assert names.value(path, second) == alone.value(path, second)
    assert names.value(path, first) == shown_first


@pytest.mark.parametrize("order", [1, -1])
def test_a_remembered_value_shows_each_field_its_own_way(order: int) -> None:
    """The same values compared on a field of a code list and on a text field: each shown its own way, whichever
    the glossary met first (values and expectations are remembered by how their field shows them)."""
    ruleset = kr.load_ruleset("achterhoek-2019")
    profile = kr.load_profile(EXAMPLES / "achterhoek" / "jeugd-ggz-instelling.yaml", rulesets=[ruleset])
    glossary = ruleset.requirements[0].glossary
    shared = Namer(profile, glossary, lang="nl")
    found = [
        explain.Finding(path, "equals", outcome=False, expected="jeugdwet", actual="wmo", negated=False)
        for path in ("services.law_domains", "x")
    ]
    said = {f.path: f.message("nl", names=shared) for f in found[::order]}
    alone = {f.path: f.message("nl", names=Namer(profile, replace(glossary, phrases={}), "nl")) for f in found}
    assert said == alone
    assert said["services.law_domains"].endswith("verwacht Jeugdwet, gevonden Wet maatschappelijke ondersteuning 2015")
    assert said["x"] == "x: verwacht jeugdwet, gevonden wmo"


def test_examples_get_the_same_reasons_in_any_order() -> None:
    """The bundled examples, evaluated one after another on one ruleset, then each on a ruleset of its own."""
    ruleset = kr.load_ruleset("twente")
    paths = sorted(EXAMPLES.glob("*.yaml"))
    peildatum = date(2026, 11, 23)
    together = [_texts(kr.evaluate(ruleset, kr.load_profile(p), peildatum)) for p in paths]
    alone = []
    for path in reversed(paths):
        own = kr.load_ruleset("twente")
        alone.append(_texts(kr.evaluate(own, kr.load_profile(path), peildatum)))
    assert together == alone[::-1]
    assert sum(len(r.texts) for r in ruleset.requirements) > 0
    assert sum(len(r.glossary.phrases) for r in ruleset.requirements) > 0


def test_the_shared_texts_stay_within_their_limit_and_right_after_starting_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With room for three texts per requirement a round of providers starts again many times, never grows
    beyond three, and still gives every provider its own text."""
    monkeypatch.setattr(shared_texts, "SHARED_PER_REQUIREMENT", 3)
    monkeypatch.setattr(naming, "SHARED_PHRASES", 5)
    monkeypatch.setattr(explain, "SHARED_PHRASES", 5)
    shared, fresh = kr.load_ruleset("twente"), kr.load_ruleset("twente")
    spec = shared.spec
    one = profiles(spec.id, [r.id for r in spec.requirements], list(spec.declarations))

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=one)
    def check(data: dict[str, Any]) -> None:
        kept = kr.evaluate(shared, kr.load_profile(data), date(2026, 11, 23), traced=True)
        _forget(fresh)
        made = kr.evaluate(fresh, kr.load_profile(data), date(2026, 11, 23), traced=True)
        assert _texts(kept) == _texts(made)
        assert all(len(r.texts) <= 3 and len(r.glossary.phrases) <= 5 for r in shared.requirements)

    check()


def test_a_field_read_from_an_object_of_another_type_is_named_from_that_type() -> None:
    """The key holds the types a path passes: the same trace through an object whose model labels the field
    otherwise (a subclass placed in the profile from Python) does not get the text remembered for the first."""
    ruleset = kr.load_ruleset("twente")
    _forget(ruleset)
    peildatum = date(2026, 11, 23)
    plain = kr.load_profile(EXAMPLES / "grote-aanbieder.yaml", rulesets=[ruleset])
    given = plain.policies.privacy
    assert given is not None
    label: dict[str, Any] = {"x-label": {"nl": "eigen vastgesteld beleid", "en": "own adopted policy"}}
    relabelled = create_model(
        "Relabelled", __base__=type(given), in_place=(bool | None, Field(None, json_schema_extra=label))
    )
    privacy = relabelled(**given.model_dump())
    other = plain.model_copy(update={"policies": plain.policies.model_copy(update={"privacy": privacy})})
    first, second = (kr.evaluate(ruleset, p, peildatum).result("24") for p in (plain, other))
    assert "vastgesteld en in gebruik" in first.reason()
    assert "eigen vastgesteld beleid" in second.reason()
