"""The analytics pages (compare, impact) as headless Chromium lays them out, at desktop and phone width, and printed.

All pages at both widths are measured in one Chromium run (`tests/chromium_layout.py`). Skipped, with
the reason, where Chromium is not installed (`reporting/pdf.py` says how it is found).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import kwaliteitsregels as kr
from chromium_layout import NEEDS_CHROMIUM, WIDTHS, measure
from kwaliteitsregels.analytics.document import comparison_document, impact_document
from kwaliteitsregels.analytics.versions import load_version
from kwaliteitsregels.reporting import pdf
from kwaliteitsregels.reporting.comparison import comparison_html, impact_html
from kwaliteitsregels.reporting.hyphenation import SOFT_HYPHEN, hyphenate_word

pytestmark = NEEDS_CHROMIUM

FIXTURES = Path(__file__).parents[1] / "fixtures" / "analytics"
BUNDLED = ("twente", "achterhoek-2019", "leeuwarden-dagbesteding")


@cache
def _pages() -> dict[str, str]:
    rulesets = [kr.load_ruleset(name) for name in BUNDLED]
    versions = load_version(FIXTURES / "versions" / "v1"), load_version(FIXTURES / "versions" / "v2")
    profiles = sorted((FIXTURES / "profiles").glob("*.yaml"))
    pages = {}
    for lang in ("nl", "en"):
        pages[f"compare-{lang}"] = comparison_html(comparison_document(rulesets, lang), lang)
        document = impact_document(
            *versions, sources=("v1", "v2"), profiles=profiles, peildatum=date(2026, 11, 23), lang=lang
        )
        pages[f"impact-{lang}"] = impact_html(document, lang)
    return pages


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return measure(_pages(), tmp_path_factory.mktemp("chromium"))


@pytest.mark.parametrize("size", WIDTHS)
@pytest.mark.parametrize("name", ["compare-nl", "compare-en", "impact-nl", "impact-en"])
def test_the_page_fits_its_width_and_no_text_runs_out_of_its_box(
    measured: dict[str, dict[str, Any]], name: str, size: str
) -> None:
    page = measured[f"{name}@{size}"]
    assert page["width"] == WIDTHS[size]
    assert page["text"] > 500, "the page rendered (almost) no text"
    assert page["headings"] >= 3
    too_wide = f"the page is {page['scrollWidth']} px wide in {page['width']} px: {page['outside']}"
    assert page["scrollWidth"] <= page["width"], too_wide
    assert page["overflowing"] == [], "text runs out of its box"


@pytest.mark.parametrize("size", WIDTHS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_three_charts_are_drawn_inside_the_page_with_every_label_whole(
    measured: dict[str, dict[str, Any]], lang: str, size: str
) -> None:
    page = measured[f"compare-{lang}@{size}"]
    assert len(page["charts"]) == 3
    for width, height, right, cut in page["charts"]:
        assert width > 100 and height > 40, "a chart collapsed"  # noqa: PT018
        assert right <= page["width"], "a chart sticks out of the page"
        assert cut == [], "labels cut off at the edge of the chart"


def test_soft_hyphens_break_a_long_dutch_word_in_this_chromium(tmp_path: Path) -> None:
    """The word as our pages write it fits a column too narrow for it whole (CSS `hyphens: auto` needs a dictionary
    that headless Chromium does not have)."""
    cells = {"plain": "Aanbestedingswet", "soft": hyphenate_word("Aanbestedingswet")}
    page = "".join(f'<p id="{key}" style="width:5em;font-size:20px">{text}</p>' for key, text in cells.items())
    script = (
        "window.addEventListener('load', () => { document.getElementById('measured').textContent = "
        "['plain', 'soft'].map((id) => { const p = document.getElementById(id); "
        "return p.scrollWidth > p.clientWidth ? 'over' : 'fits'; }).join(' '); });"
    )
    wrapper = tmp_path / "woord.html"
    wrapper.write_text(
        f'<!DOCTYPE html><html lang="nl"><body>{page}<pre id="measured"></pre><script>{script}</script></body></html>',
        encoding="utf-8",
    )
    binary = pdf.chromium()
    assert binary is not None
    dom = pdf.run_chromium(binary, "--virtual-time-budget=5000", "--dump-dom", wrapper.as_uri())
    plain, soft = re.search(r'<pre id="measured">(.*?)</pre>', dom).group(1).split()  # type: ignore[union-attr]
    assert (plain, soft) == ("over", "fits")
    assert SOFT_HYPHEN in _pages()["compare-nl"]


def test_the_comparison_prints_to_pdf() -> None:
    printed = pdf.html_to_pdf(_pages()["compare-nl"])
    assert printed.startswith(b"%PDF-")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF was made but not read")
    done = subprocess.run([pdftotext, "-", "-"], input=printed, capture_output=True, check=True)  # noqa: S603
    text = " ".join(done.stdout.decode("utf-8").split())
    assert "Voorstel gemeenschappelijke kern" in text.replace("\u00ad", "")
    assert len(re.findall(r"\f", done.stdout.decode("utf-8"))) >= 2
