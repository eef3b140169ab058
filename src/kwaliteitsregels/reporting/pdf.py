"""PDF from the HTML documents, printed by headless Chromium (`@media print`, A4).

Chromium is not a Python package: it is found on the PATH (`chromium`, `chromium-browser`,
`google-chrome`) or named by the environment variable `KWALITEITSREGELS_CHROMIUM`. Without it,
`html_to_pdf` raises a `UsageError` that says how to install it. The page is printed from a file in a
temporary folder with a throwaway browser profile and without network; no header or footer is added.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kwaliteitsregels.errors import UsageError, single

ENVIRONMENT_VARIABLE = "KWALITEITSREGELS_CHROMIUM"
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
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
TIMEOUT_SECONDS = 120


def chromium() -> str | None:
    """The Chromium binary to print with, or None when none is installed."""
    named = os.environ.get(ENVIRONMENT_VARIABLE)
    if named:
        return shutil.which(named)
    return next((found for name in _NAMES if (found := shutil.which(name))), None)


def available() -> bool:
    """Whether PDF can be made on this machine."""
    return chromium() is not None


def run_chromium(binary: str, *args: str) -> str:
    """One headless Chromium run with a throwaway profile; what it printed (`--dump-dom`: the page after loading)."""
    with tempfile.TemporaryDirectory() as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
        done = subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_SECONDS)  # noqa: S603 - fixed flags
        return done.stdout.decode("utf-8", "replace")


def html_to_pdf(html: str) -> bytes:
    """The page `html` printed to PDF (its own `@media print` rules, A4), as bytes."""
    binary = chromium()
    if binary is None:
        message = (
            "PDF maken vraagt headless Chromium, dat niet gevonden is (apt-get install chromium, "
            f"of zet {ENVIRONMENT_VARIABLE}); kies anders --format html en druk af vanuit een browser"
        )
        raise single(UsageError, "pdf-unavailable", message)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "document.html"
        page.write_text(html, encoding="utf-8")
        pdf = Path(folder) / "document.pdf"
        try:
            run_chromium(binary, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
        except (subprocess.SubprocessError, OSError) as exc:
            raise single(UsageError, "pdf-failed", f"Chromium kon de PDF niet maken: {exc}") from None
        if not pdf.is_file():
            raise single(UsageError, "pdf-failed", "Chromium kon de PDF niet maken: geen bestand geschreven")
        return pdf.read_bytes()
