"""Compact HTML tables for Jupyter (`Report._repr_html_`, `CompiledRuleset._repr_html_`).

Inline styles only (notebook viewers drop `<style>`); status as text, colour only as an addition;
every value from a profile or ruleset escaped by the shared jinja2 environment.
"""

from __future__ import annotations

from kwaliteitsregels import messages
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.templating import render
from kwaliteitsregels.reporting.view import report_view
from kwaliteitsregels.results import Report

# Text and background colour per status (and per state of an explanation); the label carries the meaning.
COLOURS = {
    "pass": ("#17602a", "#e5f3e8"),
    "fail": ("#a3141b", "#fde8e7"),
    "explain": ("#7a4800", "#fff1d1"),
    "explain-pending": ("#7a4800", "#fff1d1"),
    "explain-accepted": ("#0f5e5a", "#e0f2f1"),
    "not_applicable": ("#4d4d4d", "#ececec"),
    "voldoet": ("#17602a", "#e5f3e8"),
    "voldoet_niet": ("#a3141b", "#fde8e7"),
    "beoordeling_nodig": ("#7a4800", "#fff1d1"),
}


def render_table(report: Report, lang: Lang = "nl") -> str:
    """The verdict, the counts and one row per requirement: id, title, category, status, reason."""
    return render("notebook_report.html", lang, v=report_view(report, lang, at_award=False), colours=COLOURS)


def render_ruleset(ruleset: CompiledRuleset, lang: Lang = "nl") -> str:
    """One row per requirement: id, title, category, law, who judges, the documents it asks for."""
    spec = ruleset.spec
    rows = [
        {
            "id": r.id,
            "title": r.spec.title.get(lang),
            "category": r.spec.category,
            "scope": messages.text(f"nb.law.{r.spec.law_scope}", lang),
            "judgement": messages.text(f"nb.judgement.{r.spec.judgement}", lang),
            "evidence": [
                f"{r.evidence_title(e.type, lang)} ({messages.text(f'due.{e.due}', lang)})" for e in r.spec.evidence
            ],
        }
        for r in ruleset.requirements
    ]
    return render(
        "notebook_ruleset.html",
        lang,
        title=spec.title.get(lang),
        version=spec.version,
        issuer=spec.issuer,
        valid_from=spec.valid_from.isoformat(),
        rows=rows,
    )
