"""The JSON report is written from plain data: byte for byte what its models (the documented schema) write.

Its text is validated by the models and written again by them; the bytes must not change. The texts a
result shares between formats (its reason, its findings' messages) are made once, so the order in which
formats are asked for must not change a byte either.
"""

from __future__ import annotations

import json
import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_core import to_json
from report_helpers import ROOT, hostile_report

import kwaliteitsregels as kr
from kwaliteitsregels._safe_text import BIDI, CONTROL, escape_json, escape_json_bytes
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting import document
from kwaliteitsregels.reporting.document import CombinedDocument, ReportDocument, json_bytes
from kwaliteitsregels.reporting.registry import REPORTERS
from strategies import profiles

RULESETS = ["twente", "achterhoek-2019", "leeuwarden-dagbesteding", "handreiking-kwaliteit"]
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PEILDATUM = date(2019, 7, 1)


def _rewritten(text: str, model: type[ReportDocument | CombinedDocument]) -> str:
    """`text` read by `model` and written by it, as the JSON report is written: escaped, one newline."""
    return escape_json(model.model_validate_json(text).model_dump_json(indent=2, by_alias=True)) + "\n"


def _profile_strategy(ruleset: kr.CompiledRuleset) -> st.SearchStrategy[dict[str, Any]]:
    spec = ruleset.spec
    return profiles(spec.id, [r.id for r in spec.requirements], list(spec.declarations))


def _peildatum(ruleset: kr.CompiledRuleset) -> date:
    """The tender round's date, or the first day the ruleset is in force."""
    return max(PEILDATUM, ruleset.spec.valid_from)


@pytest.fixture(scope="module", params=RULESETS)
def ruleset(request: pytest.FixtureRequest) -> kr.CompiledRuleset:
    return kr.load_ruleset(request.param)


def test_json_report_is_what_its_models_write(ruleset: kr.CompiledRuleset) -> None:
    @SETTINGS
    @given(data=_profile_strategy(ruleset), lang=st.sampled_from(["nl", "en"]))
    def check(data: dict[str, Any], lang: Lang) -> None:
        report = kr.evaluate(ruleset, kr.load_profile(data), _peildatum(ruleset))
        text = REPORTERS["json"](report, lang, color=False)
        assert _rewritten(text, ReportDocument) == text
        assert report.to_dict(lang) == json.loads(text)

    check()


def test_combined_json_is_what_its_models_write(ruleset: kr.CompiledRuleset) -> None:
    @SETTINGS
    @given(data=_profile_strategy(ruleset), lang=st.sampled_from(["nl", "en"]))
    def check(data: dict[str, Any], lang: Lang) -> None:
        combined = kr.evaluate_all([ruleset], kr.load_profile(data), _peildatum(ruleset))
        text = REPORTERS["json"](kr.CombinedReport((*combined.reports, *combined.reports)), lang, color=False)
        document = json.loads(text)
        assert document["schema"] == "kwaliteitsregels/combined-report/v1"
        assert len(document["frameworks"]) == 2 * len(combined.reports)
        assert _rewritten(text, CombinedDocument) == text

    check()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_hostile_text_is_escaped_and_kept(lang: Lang) -> None:
    report = hostile_report()
    text = REPORTERS["json"](report, lang, color=False)
    assert CONTROL.search(text.replace("\t", "")) is None  # JSON's own escapes and ours: nothing raw
    assert json.loads(text)["provider"] == report.provider  # the data itself is intact
    assert _rewritten(text, ReportDocument) == text


def _fresh(path: Path) -> kr.Report:
    return kr.evaluate(kr.load_ruleset("twente"), kr.load_profile(path), date(2026, 11, 23))


@pytest.mark.parametrize("name", ["grote-aanbieder", "pas-toe-of-leg-uit", "verlopen-certificaat"])
def test_the_order_of_formats_changes_no_byte(name: str) -> None:
    path = ROOT / "examples" / f"{name}.yaml"
    formats: list[tuple[str, Lang]] = [
        ("json", "nl"),
        ("html", "en"),
        ("letter", "nl"),
        ("json", "en"),
        ("html", "nl"),
        ("text", "en"),
    ]
    forwards = _fresh(path)
    first = {(fmt, lang): REPORTERS[fmt](forwards, lang, color=False) for fmt, lang in formats}
    backwards = _fresh(path)
    second = {(fmt, lang): REPORTERS[fmt](backwards, lang, color=False) for fmt, lang in reversed(formats)}
    assert first == second
    assert first["json", "nl"] != first["json", "en"]  # each language its own texts, none remembered for the other


# what escape_json must escape, and their neighbours in UTF-8 (same lead byte, other continuation)
_NEAR = (
    "\x7e\x7f\x80\x9f\xa0\u061b\u061c\u061d\u200d\u200e\u200f\u2010\u2013"
    "\u2029\u202a\u202e\u202f\u2065\u2066\u2069\u206a"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(_NEAR), st.characters(codec="utf-8")), max_size=60))
def test_escaping_json_text_is_the_character_by_character_rewrite(text: str) -> None:
    escaped = "".join(f"\\u{ord(c):04x}" if re.fullmatch(f"[\x7f-\x9f{BIDI}]", c) else c for c in text)
    assert escape_json(text) == escaped
    assert escape_json_bytes(text.encode("utf-8")) == escaped  # the JSON report's route: pydantic writes bytes


class _Kind(StrEnum):
    MET = "met"


_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),  # beyond 64 bits too: orjson refuses, pydantic writes
    st.floats(),  # NaN and infinities included: null in both
    st.text(alphabet=st.one_of(st.sampled_from(_NEAR), st.characters(codec="utf-8")), max_size=20),
    st.dates(),  # refused on purpose: pydantic writes them
    st.just(_Kind.MET),
)
_DATA = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
        st.dictionaries(st.integers(0, 9), inner, min_size=1, max_size=2),  # keys that are no text
    ),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(_DATA)
def test_json_writer_writes_the_bytes_pydantic_writes(data: Any) -> None:
    assert json_bytes(data) == to_json(data, indent=2, inf_nan_mode="null")


def test_a_report_is_written_by_the_fast_writer_without_falling_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report data is plain: orjson writes all of it (a fallback on every report would cost what it saves)."""
    report = _fresh(ROOT / "examples" / "grote-aanbieder.yaml")
    expected = report.to_json()
    monkeypatch.setattr(document, "to_json_bytes", _refused)
    assert report.to_json() == expected


def _refused(*_args: object, **_kwargs: object) -> bytes:
    msg = "the pydantic writer was used"
    raise AssertionError(msg)
