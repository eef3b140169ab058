"""The assessor's report in Markdown and in self-contained HTML, from one view and one jinja2 environment."""

from __future__ import annotations

from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.templating import render
from kwaliteitsregels.reporting.view import report_view
from kwaliteitsregels.results import Report


def render_markdown(report: Report, lang: Lang = "nl") -> str:
    """The assessor's report as Markdown (GitHub tables); all profile and ruleset text escaped."""
    return render("report.md", lang, v=report_view(report, lang))


def render_html(report: Report, lang: Lang = "nl") -> str:
    """The assessor's report as one HTML page: no network, inline CSS, printable, readable on a phone."""
    return render("report.html", lang, v=report_view(report, lang))
