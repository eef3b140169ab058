"""Render the bundled examples as HTML reports and photograph them in headless Chromium.

    .venv/bin/python scripts/screenshots.py [--out build/screenshots] [--lang nl|en] [--pdf]

For each `examples/*.yaml`: `<name>.<lang>.html`, then the whole page photographed at desktop
width (1366 px) and phone width (390 px) and cut into screen-sized PNGs (`-desktop-01.png`, …;
needs Pillow, which matplotlib brings; without it one tall PNG per width). With `--pdf` also the
printed page (`@media print`) as PDF, and as PNG pages when `pdftoppm` (poppler-utils) is there.
Needs Debian's `chromium` (`apt-get install chromium`); exits 0 with a message when it is absent.
Not part of the test suite; `build/` is git-ignored.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import kwaliteitsregels as kr
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.assessor import render_html

ROOT = Path(__file__).resolve().parents[1]
PEILDATUM = date(2026, 11, 23)
# width, height of the tall capture, height of one cut-out
SIZES = {"desktop": (1366, 16000, 1000), "phone": (390, 32000, 1500)}
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def chromium() -> str | None:
    """The Chromium binary, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(binary: str, *args: str) -> None:
    """One headless Chromium run with a throwaway profile."""
    with tempfile.TemporaryDirectory() as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
        subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603 - fixed arguments


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
        run_chromium(binary, f"--screenshot={tall}", f"--window-size={width},{height}", page.resolve().as_uri())
        shots += cut(tall, piece)
    return shots


def print_pdf(binary: str, page: Path, out: Path) -> list[Path]:
    """The printed page as PDF, and as PNG pages when pdftoppm is available."""
    pdf = out / f"{page.stem}.pdf"
    run_chromium(binary, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri())
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return [pdf]
    prefix = out / f"{page.stem}-print"
    subprocess.run([pdftoppm, "-png", "-r", "60", pdf, prefix], check=True, timeout=120)  # noqa: S603
    return [pdf, *sorted(out.glob(f"{prefix.name}-*.png"))]


def main() -> int:
    """Render, photograph, and list what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    parser.add_argument("--pdf", action="store_true", help="also print to PDF (@media print)")
    args = parser.parse_args()
    lang: Lang = args.lang
    binary = chromium()
    if binary is None:
        print("chromium niet gevonden: apt-get install chromium", file=sys.stderr)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    ruleset = kr.load_ruleset("twente")
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        report = kr.evaluate(ruleset, kr.load_profile(example), PEILDATUM)
        page = args.out / f"{example.stem}.{lang}.html"
        page.write_text(render_html(report, lang), encoding="utf-8")
        written = shoot(binary, page, args.out)
        if args.pdf:
            written += print_pdf(binary, page, args.out)
        print(f"{page.name}: {len(written)} bestanden")
    print(f"in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
