"""The report's per-theme summary lists every theme and level, also those no requirement touches, and the law's."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import kwaliteitsregels as kr
from kwaliteitsregels.vocabulary import LEVELS, THEMES

EXAMPLES = Path(__file__).parents[2] / "examples"


def _document() -> dict[str, Any]:
    ruleset = kr.load_ruleset("achterhoek-2019")
    profile = kr.load_profile(EXAMPLES / "achterhoek" / "onderaannemer.yaml", rulesets=[ruleset])
    document: dict[str, Any] = json.loads(kr.evaluate(ruleset, profile, date(2019, 7, 1)).to_json())
    return document


def test_every_theme_and_level_is_listed_with_zeros_where_no_requirement_touches_it() -> None:
    document = _document()
    summary = document["summary"]
    assert isinstance(summary, dict)
    assert set(THEMES) <= set(summary["themes"])
    assert set(LEVELS) <= set(summary["levels"])
    counted = {theme: sum(by_status.values()) for theme, by_status in summary["themes"].items()}
    own = document["results"]
    assert isinstance(own, list)
    for theme in THEMES:
        assert counted[theme] == sum(1 for r in own if theme in r["themes"]), theme


def test_the_law_gets_a_summary_of_its_own_and_its_gaps_show() -> None:
    document = _document()
    bases = document["bases"]
    assert isinstance(bases, list)
    assert [b["ruleset"]["id"] for b in bases] == ["jeugdwet", "wmo2015"]
    for base in bases:
        themes = base["summary"]["themes"]
        assert set(THEMES) <= set(themes)
        for theme in THEMES:
            assert sum(themes[theme].values()) == sum(1 for r in base["results"] if theme in r["themes"]), theme
    wmo = bases[1]["summary"]["themes"]
    assert any(sum(s.values()) == 0 for t, s in wmo.items() if t != "-"), "the Wmo ruleset leaves themes untouched"
