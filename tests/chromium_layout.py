"""Pages as headless Chromium lays them out: one run measures several pages at several widths.

Each page is loaded into an iframe of the width to test (Chromium's own window is at least 500 px
wide); a measuring script in the wrapper page, never in ours, writes what it finds into the DOM that
`--dump-dom` prints: the page's width against its viewport, every text box whose content runs out of
it (a long word in a narrow cell; not inside a box that scrolls on its own, nor visually hidden for
screen readers), the last elements that reach past the right edge (to name in a failure), every
chart's box with the texts it cuts off (an inline SVG shows nothing outside its box), the number of
sections and of characters shown.
`NEEDS_CHROMIUM` skips, with the reason, where Chromium is not installed (`reporting/pdf.py`).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kwaliteitsregels.reporting import pdf

NEEDS_CHROMIUM = pytest.mark.skipif(
    not pdf.available(),
    reason=f"needs headless Chromium: apt-get install chromium, or name the binary in {pdf.ENVIRONMENT_VARIABLE}",
)
WIDTHS = {"desktop": 1366, "phone": 390}
MEASURE = """
window.addEventListener("load", () => {
  const found = [];
  for (const frame of document.querySelectorAll("iframe")) {
    const page = frame.contentDocument, root = page.documentElement;
    // Inside a box that scrolls on its own, or visually hidden (kept for screen readers): not a text out of its box.
    const exempt = (el) => {
      for (let box = el; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (box !== el && /auto|scroll/.test(style.overflowX)) return true;
        if (style.clip !== "auto" || box.offsetWidth <= 1) return true;
      }
      return false;
    };
    const overflowing = [];
    for (const el of page.querySelectorAll("h1, h2, h3, p, li, th, td, caption, dt, dd")) {
      if (el.scrollWidth > el.clientWidth + 1 && !exempt(el)) {
        overflowing.push(el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 80));
      }
    }
    const outside = [...page.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(-5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 60)}`);
    const charts = [...page.querySelectorAll("svg")].map((svg) => {
      const box = svg.getBoundingClientRect();
      const cut = [...svg.querySelectorAll("text")].filter((text) => {
        const word = text.getBoundingClientRect();
        return word.left < box.left - 1 || word.right > box.right + 1 || word.top < box.top - 1;
      }).map((text) => text.textContent);
      return [Math.round(box.width), Math.round(box.height), Math.round(box.right), cut];
    });
    found.push({
      name: frame.dataset.name, width: root.clientWidth, scrollWidth: root.scrollWidth,
      overflowing, outside, charts, headings: page.querySelectorAll("h2").length, text: page.body.innerText.length,
    });
  }
  document.getElementById("measured").textContent = JSON.stringify(found);
});
"""


def wrapper(pages: dict[str, str]) -> str:
    """One page holding every page at every width, and the script that measures them."""
    frames = "".join(
        f'<iframe data-name="{name}@{size}" style="width:{width}px;height:1000px;border:0" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
        for name, page in pages.items()
        for size, width in WIDTHS.items()
    )
    return f'<!DOCTYPE html><html><body>{frames}<pre id="measured"></pre><script>{MEASURE}</script></body></html>'


def measure(pages: dict[str, str], folder: Path) -> dict[str, dict[str, Any]]:
    """What Chromium shows of each page at each width, by `name@desktop` and `name@phone`."""
    page = folder / "gemeten.html"
    page.write_text(wrapper(pages), encoding="utf-8")
    binary = pdf.chromium()
    assert binary is not None
    flags = ("--window-size=1500,1000", "--virtual-time-budget=20000", "--dump-dom")
    dom = pdf.run_chromium(binary, *flags, page.as_uri())
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the measuring script did not run"
    return {shown["name"]: shown for shown in json.loads(html.unescape(found.group(1)))}
