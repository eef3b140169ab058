"""One registry of output formats: `--format` choices are its keys."""

from __future__ import annotations

from typing import Protocol

from kwaliteitsregels.combined import CombinedReport
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.assessor import render_html, render_markdown
from kwaliteitsregels.reporting.document import combined_json, to_json
from kwaliteitsregels.reporting.junit import render_junit
from kwaliteitsregels.reporting.sarif import render_sarif
from kwaliteitsregels.reporting.text import render_combined_text, render_text
from kwaliteitsregels.results import Report


class Reporter(Protocol):
    """Renders a report as text."""

    def __call__(self, report: Report, lang: Lang, *, color: bool) -> str:
        """The rendered report."""


def _json(report: Report, lang: Lang, *, color: bool) -> str:  # noqa: ARG001 - JSON has no colour
    return to_json(report, lang)


def _text(report: Report, lang: Lang, *, color: bool) -> str:
    return render_text(report, lang, color=color)


def _junit(report: Report, lang: Lang, *, color: bool) -> str:  # noqa: ARG001 - XML has no colour
    return render_junit(report, lang)


def _sarif(report: Report, lang: Lang, *, color: bool) -> str:  # noqa: ARG001 - SARIF has no colour
    return render_sarif(report, lang)


def _markdown(report: Report, lang: Lang, *, color: bool) -> str:  # noqa: ARG001 - Markdown has no colour
    return render_markdown(report, lang)


def _html(report: Report, lang: Lang, *, color: bool) -> str:  # noqa: ARG001 - colour is in the page's CSS
    return render_html(report, lang)


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "json": _json,
    "junit": _junit,
    "sarif": _sarif,
    "markdown": _markdown,
    "html": _html,
}


class CombinedReporter(Protocol):
    """Renders a combined report (one profile, several frameworks) as text."""

    def __call__(self, combined: CombinedReport, lang: Lang, *, color: bool) -> str:
        """The rendered report."""


def _combined_json(combined: CombinedReport, lang: Lang, *, color: bool) -> str:  # noqa: ARG001 - no colour
    return combined_json(combined, lang)


def _combined_text(combined: CombinedReport, lang: Lang, *, color: bool) -> str:
    return render_combined_text(combined, lang, color=color)


COMBINED: dict[str, CombinedReporter] = {"text": _combined_text, "json": _combined_json}
