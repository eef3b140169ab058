"""Render every kind of report people read and photograph it in headless Chromium: desktop, phone and print.

    .venv/bin/python scripts/screenshots.py [--out build/screenshots] [--lang nl|en] [--only NAME] [--no-print]

Kinds: the assessor's report (`report`: Twente examples, an Achterhoek provider with several lots, one
profile against two frameworks) and the letter to the provider (`letter`, with example letter settings).
Each document is written as `<name>.<lang>.html`, photographed at desktop width (1366 px) and phone width
(390 px) and cut into screen-sized PNGs (`-desktop-01.png`, …; needs Pillow, which matplotlib brings),
and printed (`@media print`, A4) to `<name>.<lang>.pdf` with its pages as PNG (`-print-1.png`, …) when
`pdftoppm` (poppler-utils) is there. Needs Debian's `chromium`; exits 0 with a message when it is absent.
Not part of the test suite; `build/` is git-ignored.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import kwaliteitsregels as kr
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting import pdf
from kwaliteitsregels.reporting.assessor import render_html
from kwaliteitsregels.reporting.letter import load_letter_settings, render_letter_html
from kwaliteitsregels.reporting.several import html as several_html

ROOT = Path(__file__).resolve().parents[1]
PEILDATUM = date(2026, 11, 23)
ACHTERHOEK_DAY = date(2019, 6, 1)
# width, height of the tall capture, height of one cut-out
SIZES = {"desktop": (1366, 16000, 1000), "phone": (390, 32000, 1500)}
LETTER_SETTINGS = {
    "sender": {"name": "Sociaal Domein Achterhoek", "department": "Team Inkoop", "address": ["Postbus 42"]},
    "contact": {"name": "mevrouw J. de Vries", "role": "contractmanager", "email": "inkoop@example.nl"},
    "reference": "SDA/2019/0417",
    "deadlines": {"with_registration": "2019-06-17", "before_award": "2019-07-01"},
}
Render = Callable[[Lang], str]


def documents() -> dict[str, Render]:
    """Every document to photograph, by name: each kind of report, with the cases that stress it."""
    twente = kr.load_ruleset("twente")
    achterhoek = kr.load_ruleset("achterhoek-2019")
    leeuwarden = kr.load_ruleset("leeuwarden-dagbesteding")
    examples = ROOT / "examples"

    def twente_report(name: str) -> kr.Report:
        return kr.evaluate(twente, kr.load_profile(examples / f"{name}.yaml"), PEILDATUM)

    provider = kr.load_profile(examples / "achterhoek" / "tarief-en-wonen.yaml", rulesets=[achterhoek])
    lots = kr.evaluate(achterhoek, provider, ACHTERHOEK_DAY)
    both = kr.evaluate_all(
        [twente, leeuwarden],
        kr.load_profile(examples / "wmo-thuisondersteuning.yaml", rulesets=[twente, leeuwarden]),
        PEILDATUM,
    )
    settings = load_letter_settings(LETTER_SETTINGS)
    out: dict[str, Render] = {}
    for name in ("pas-toe-of-leg-uit", "verlopen-certificaat", "grote-aanbieder"):
        report = twente_report(name)
        out[f"report-{name}"] = partial(render_html, report)
    out["report-achterhoek-percelen"] = lambda lang: render_html(lots, lang)
    out["report-twee-kaders"] = lambda lang: several_html(both, lang)
    out["letter-verlopen-certificaat"] = lambda lang: render_letter_html(twente_report("verlopen-certificaat"), lang)
    out["letter-achterhoek-percelen"] = lambda lang: render_letter_html(lots, lang, settings=settings)
    return out


def cut(tall: Path, height: int) -> list[Path]:
    """Trim the white below the page and cut the rest into pieces of `height` pixels."""
    try:
        from PIL import Image, ImageOps  # noqa: PLC0415 - optional: matplotlib brings Pillow
    except ImportError:
        return [tall]
    with Image.open(tall) as image:
        box = ImageOps.invert(image.convert("L")).getbbox()
        bottom = min(image.height, (box[3] if box else 0) + 24)
        pieces = []
        for number, top in enumerate(range(0, bottom, height), start=1):
            piece = tall.with_name(f"{tall.stem}-{number:02d}.png")
            image.crop((0, top, image.width, min(top + height, bottom))).save(piece)
            pieces.append(piece)
    tall.unlink()
    return pieces


def shoot(binary: str, page: Path, out: Path) -> list[Path]:
    """Screenshots of the whole of `page` at each width."""
    shots = []
    for size, (width, height, piece) in SIZES.items():
        tall = out / f"{page.stem}-{size}.png"
        pdf.run_chromium(binary, f"--screenshot={tall}", f"--window-size={width},{height}", page.resolve().as_uri())
        shots += cut(tall, piece)
    return shots


def print_pages(page: Path, out: Path) -> list[Path]:
    """The printed page as PDF (the library's own printing), and as PNG pages when pdftoppm is there."""
    printed = out / f"{page.stem}.pdf"
    printed.write_bytes(pdf.html_to_pdf(page.read_text(encoding="utf-8")))
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return [printed]
    prefix = out / f"{page.stem}-print"
    subprocess.run([pdftoppm, "-png", "-r", "70", printed, prefix], check=True, timeout=120)  # noqa: S603
    return [printed, *sorted(out.glob(f"{prefix.name}-*.png"))]


def main() -> int:
    """Render, photograph, print, and list what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    parser.add_argument("--only", help="only the documents whose name contains this")
    parser.add_argument("--no-print", action="store_true", help="skip the printed pages (PDF)")
    args = parser.parse_args()
    lang: Lang = args.lang
    binary = pdf.chromium()
    if binary is None:
        print("chromium niet gevonden: apt-get install chromium", file=sys.stderr)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, render in documents().items():
        if args.only and args.only not in name:
            continue
        page = args.out / f"{name}.{lang}.html"
        page.write_text(render(lang), encoding="utf-8")
        written = shoot(binary, page, args.out)
        if not args.no_print:
            written += print_pages(page, args.out)
        print(f"{page.name}: {len(written)} bestanden")
    print(f"in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
