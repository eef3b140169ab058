"""The assessor's report and the letter as headless Chromium lays them out, at desktop and phone width.

The pages that stress the layout: many requirements and explanations, an expired certificate, a large
provider, and an Achterhoek provider with several lots (the matrix of lots × municipalities), in Dutch
and English. All are measured in one Chromium run (`tests/chromium_layout.py`); skipped, with the
reason, where Chromium is not installed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from report_helpers import ROOT, example_report

import kwaliteitsregels as kr
from chromium_layout import NEEDS_CHROMIUM, WIDTHS, measure
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.assessor import render_html
from kwaliteitsregels.reporting.letter import render_letter_html

pytestmark = NEEDS_CHROMIUM

EXAMPLES = ("pas-toe-of-leg-uit", "verlopen-certificaat", "grote-aanbieder")
LANGS: tuple[Lang, ...] = ("nl", "en")


def _pages() -> dict[str, str]:
    achterhoek = kr.load_ruleset("achterhoek-2019")
    profile = kr.load_profile(ROOT / "examples" / "achterhoek" / "tarief-en-wonen.yaml", rulesets=[achterhoek])
    reports = {name: example_report(name) for name in EXAMPLES}
    reports["achterhoek-percelen"] = kr.evaluate(achterhoek, profile, date(2019, 6, 1))
    pages = {}
    for lang in LANGS:
        for name, report in reports.items():
            pages[f"report-{name}-{lang}"] = render_html(report, lang)
            pages[f"letter-{name}-{lang}"] = render_letter_html(report, lang)
    return pages


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return measure(_pages(), tmp_path_factory.mktemp("chromium"))


@pytest.mark.parametrize("size", WIDTHS)
@pytest.mark.parametrize("kind", ["report", "letter"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [*EXAMPLES, "achterhoek-percelen"])
def test_the_page_fits_its_width_and_no_text_runs_out_of_its_box(
    measured: dict[str, dict[str, Any]], name: str, lang: str, kind: str, size: str
) -> None:
    page = measured[f"{kind}-{name}-{lang}@{size}"]
    assert page["width"] == WIDTHS[size]
    assert page["text"] > 500, "the page rendered (almost) no text"
    too_wide = f"the page is {page['scrollWidth']} px wide in {page['width']} px: {page['outside']}"
    assert page["scrollWidth"] <= page["width"], too_wide
    assert page["overflowing"] == [], "text runs out of its box"
