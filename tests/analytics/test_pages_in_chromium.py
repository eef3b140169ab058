"""The analytics pages (compare, impact) as headless Chromium lays them out, at desktop and phone width, and printed.

Each page is loaded into an iframe of the width to test (Chromium's own window is at least 500 px wide),
all at once in one Chromium run; a measuring script in the wrapper page, never in ours, writes what it
finds into the DOM that `--dump-dom` prints: the page's width against its viewport, every text box
whose content runs out of it (a long word in a narrow cell), every chart's box. Skipped, with the
reason, where Chromium is not installed (`reporting/pdf.py` says how it is found).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import kwaliteitsregels as kr
from kwaliteitsregels.analytics.document import comparison_document, impact_document
from kwaliteitsregels.analytics.versions import load_version
from kwaliteitsregels.reporting import pdf
from kwaliteitsregels.reporting.comparison import comparison_html, impact_html
from kwaliteitsregels.reporting.hyphenation import SOFT_HYPHEN, hyphenate_word

pytestmark = pytest.mark.skipif(
    not pdf.available(),
    reason=f"needs headless Chromium: apt-get install chromium, or name the binary in {pdf.ENVIRONMENT_VARIABLE}",
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "analytics"
WIDTHS = {"desktop": 1366, "phone": 390}
BUNDLED = ("twente", "achterhoek-2019", "leeuwarden-dagbesteding")
MEASURE = """
window.addEventListener("load", () => {
  const found = [];
  for (const frame of document.querySelectorAll("iframe")) {
    const page = frame.contentDocument, root = page.documentElement;
    const scrolls = (el) => {
      for (let box = el.parentElement; box; box = box.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(box).overflowX)) return true;
      }
      return false;
    };
    const overflowing = [];
    for (const el of page.querySelectorAll("h1, h2, h3, p, li, th, td, caption, dt, dd")) {
      if (el.scrollWidth > el.clientWidth + 1 && !scrolls(el)) {
        overflowing.push(el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 80));
      }
    }
    const charts = [...page.querySelectorAll("svg")].map((svg) => {
      const box = svg.getBoundingClientRect();
      return [Math.round(box.width), Math.round(box.height), Math.round(box.right)];
    });
    found.push({
      name: frame.dataset.name, width: root.clientWidth, scrollWidth: root.scrollWidth,
      overflowing, charts, headings: page.querySelectorAll("h2").length, text: page.body.innerText.length,
    });
  }
  document.getElementById("measured").textContent = JSON.stringify(found);
});
"""


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


def _wrapper(pages: dict[str, str]) -> str:
    frames = "".join(
        f'<iframe data-name="{name}@{size}" style="width:{width}px;height:1000px;border:0" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
        for name, page in pages.items()
        for size, width in WIDTHS.items()
    )
    return f'<!DOCTYPE html><html><body>{frames}<pre id="measured"></pre><script>{MEASURE}</script></body></html>'


@cache
def _measured(folder: Path) -> dict[str, dict[str, Any]]:
    wrapper = folder / "wrapper.html"
    wrapper.write_text(_wrapper(_pages()), encoding="utf-8")
    binary = pdf.chromium()
    assert binary is not None
    flags = ("--window-size=1500,1000", "--virtual-time-budget=10000", "--dump-dom")
    dom = pdf.run_chromium(binary, *flags, wrapper.as_uri())
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the measuring script did not run"
    return {page["name"]: page for page in json.loads(html.unescape(found.group(1)))}


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return _measured(tmp_path_factory.mktemp("chromium"))


@pytest.mark.parametrize("size", WIDTHS)
@pytest.mark.parametrize("name", ["compare-nl", "compare-en", "impact-nl", "impact-en"])
def test_the_page_fits_its_width_and_no_text_runs_out_of_its_box(
    measured: dict[str, dict[str, Any]], name: str, size: str
) -> None:
    page = measured[f"{name}@{size}"]
    assert page["width"] == WIDTHS[size]
    assert page["text"] > 500, "the page rendered (almost) no text"
    assert page["headings"] >= 3
    assert page["scrollWidth"] <= page["width"], f"the page is {page['scrollWidth']} px wide in {page['width']} px"
    assert page["overflowing"] == [], "text runs out of its box"


@pytest.mark.parametrize("size", WIDTHS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_three_charts_are_drawn_inside_the_page(measured: dict[str, dict[str, Any]], lang: str, size: str) -> None:
    page = measured[f"compare-{lang}@{size}"]
    assert len(page["charts"]) == 3
    for width, height, right in page["charts"]:
        assert width > 100 and height > 40, "a chart collapsed"  # noqa: PT018
        assert right <= page["width"], "a chart sticks out of the page"


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
