"""A compact HTML table of a report, for Jupyter (`Report._repr_html_`)."""

from __future__ import annotations

from html import escape

from kwaliteitsregels import messages
from kwaliteitsregels.results import Report


def render_table(report: Report, lang: messages.Lang = "nl") -> str:
    """One row per requirement: id, title, status, reason. All profile text is escaped."""
    verdict = messages.text(f"verdict.{report.verdict}", lang)
    caption = f"{escape(report.provider)} — {escape(report.ruleset.spec.title.get(lang))}: {escape(verdict)}"
    rows = "".join(
        f"<tr><td>{escape(r.id)}</td><td>{escape(r.requirement.spec.title.get(lang))}</td>"
        f"<td>{escape(messages.text(f'status.{r.status}', lang))}</td><td>{escape(r.reason(lang))}</td></tr>"
        for r in report.results
    )
    head = "<tr><th>Eis</th><th>Titel</th><th>Status</th><th>Reden</th></tr>"
    return f"<table><caption>{caption}</caption>{head}{rows}</table>"
