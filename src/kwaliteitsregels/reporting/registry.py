"""One registry of output formats: `--format` choices are its keys.

Every reporter takes one report or a combined report (one profile against several rulesets) and renders
every ruleset in it; none is left out. `profile` names the file checked, so that CI formats (JUnit,
SARIF) can point at it when a ruleset is not one of the user's files.
"""

from __future__ import annotations

from typing import Protocol

from kwaliteitsregels.combined import CombinedReport
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting import several
from kwaliteitsregels.reporting.assessor import render_html, render_markdown
from kwaliteitsregels.reporting.document import combined_json, to_json
from kwaliteitsregels.reporting.junit import render_junit
from kwaliteitsregels.reporting.letter import render_letter, render_letter_html, render_letters_html
from kwaliteitsregels.reporting.sarif import render_sarif
from kwaliteitsregels.reporting.text import render_combined_text, render_text
from kwaliteitsregels.results import Report


class Reporter(Protocol):
    """Renders a report, or a combined report over several rulesets, as text."""

    def __call__(self, report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:
        """The rendered report."""


def _single(report: Report | CombinedReport) -> Report | None:
    """The one report, when there is exactly one."""
    if isinstance(report, Report):
        return report
    return report.reports[0] if len(report.reports) == 1 else None


def _combined(report: Report | CombinedReport) -> CombinedReport:
    return report if isinstance(report, CombinedReport) else CombinedReport((report,))


def _json(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    one = _single(report)
    return to_json(one, lang) if one else combined_json(_combined(report), lang)


def _text(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    one = _single(report)
    return render_text(one, lang, color=color) if one else render_combined_text(_combined(report), lang, color=color)


def _junit(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    return render_junit(_combined(report).reports, lang, profile=profile)


def _sarif(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    return render_sarif(_combined(report).reports, lang, profile=profile)


def _markdown(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    one = _single(report)
    return render_markdown(one, lang) if one else several.markdown(_combined(report), lang)


def _html(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    one = _single(report)
    return render_html(one, lang) if one else several.html(_combined(report), lang)


def _letter(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    one = _single(report)
    return render_letter(one, lang) if one else several.letter(_combined(report), lang)


def _letter_html(report: Report | CombinedReport, lang: Lang, *, color: bool, profile: str | None = None) -> str:  # noqa: ARG001
    one = _single(report)
    return render_letter_html(one, lang) if one else render_letters_html(_combined(report).reports, lang)


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "json": _json,
    "junit": _junit,
    "sarif": _sarif,
    "markdown": _markdown,
    "html": _html,
    "letter": _letter,
    "letter-html": _letter_html,
}
# PDF is printed from an HTML document (`reporting/pdf.py`, headless Chromium): format → the HTML it prints.
PDF_FROM: dict[str, str] = {"pdf": "html", "letter-pdf": "letter-html"}
# The documents for people (`kwaliteitsregels report`): the assessor's report and the provider letter.
DOCUMENTS: tuple[str, ...] = ("html", "markdown", "pdf", "letter", "letter-html", "letter-pdf")
