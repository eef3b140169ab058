"""One registry of output formats: `--format` choices are its keys."""

from __future__ import annotations

from typing import Protocol

from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.document import to_json
from kwaliteitsregels.reporting.text import render_text
from kwaliteitsregels.results import Report


class Reporter(Protocol):
    """Renders a report as text."""

    def __call__(self, report: Report, lang: Lang, *, color: bool) -> str:
        """The rendered report."""


def _json(report: Report, lang: Lang, *, color: bool) -> str:  # noqa: ARG001 - JSON has no colour
    return to_json(report, lang)


def _text(report: Report, lang: Lang, *, color: bool) -> str:
    return render_text(report, lang, color=color)


REPORTERS: dict[str, Reporter] = {"text": _text, "json": _json}
