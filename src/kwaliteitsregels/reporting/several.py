"""Documents for one profile checked against several frameworks: every framework's document, none left out.

Markdown and the letter: a short summary (the verdict per framework), then each framework's document,
separated by a horizontal rule. HTML: one page; the summary, then each framework's page body in its own
`<article>`, with every `id` and in-page link prefixed by the ruleset id so anchors stay unique.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import escape

from kwaliteitsregels import messages
from kwaliteitsregels.combined import CombinedReport
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.assessor import render_html, render_markdown
from kwaliteitsregels.reporting.letter import render_letter
from kwaliteitsregels.reporting.templating import markdown_escape
from kwaliteitsregels.results import Report

_BODY = re.compile(r"<body>(.*)</body>", re.DOTALL)
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
_ANCHOR = re.compile(r'\b(id|href|aria-labelledby)="(#?)([^"]*)"')


def _summary_rows(combined: CombinedReport, lang: Lang) -> list[tuple[str, str, str]]:
    return [
        (r.ruleset.id, r.ruleset.spec.title.get(lang), messages.text(f"verdict.{r.verdict}", lang))
        for r in combined.reports
    ]


def _joined_markdown(combined: CombinedReport, lang: Lang, render: Callable[[Report, Lang], str]) -> str:
    head = [f"# {messages.text('report.frameworks', lang)}", ""]
    head += [f"- {markdown_escape(i)} ({markdown_escape(t)}): **{v}**" for i, t, v in _summary_rows(combined, lang)]
    documents = [render(report, lang).strip("\n") for report in combined.reports]
    return "\n\n---\n\n".join(["\n".join(head), *documents]) + "\n"


def markdown(combined: CombinedReport, lang: Lang = "nl") -> str:
    """The assessor's reports as one Markdown document."""
    return _joined_markdown(combined, lang, render_markdown)


def letter(combined: CombinedReport, lang: Lang = "nl") -> str:
    """The provider letters, one per framework, as one Markdown document."""
    return _joined_markdown(combined, lang, render_letter)


def _prefixed(body: str, prefix: str) -> str:
    def replace(match: re.Match[str]) -> str:
        attribute, hash_, name = match.groups()
        if attribute == "href" and not hash_:
            return match.group(0)  # a link out of the page
        return f'{attribute}="{hash_}{prefix}-{name}"'

    return _ANCHOR.sub(replace, body)


def html(combined: CombinedReport, lang: Lang = "nl") -> str:
    """The assessor's reports as one HTML page: a summary, then every framework's report."""
    pages = [render_html(report, lang) for report in combined.reports]
    bodies = []
    for report, page in zip(combined.reports, pages, strict=True):
        found = _BODY.search(page)
        body = found.group(1) if found else page
        bodies.append(f'<article id="{report.ruleset.id}">{_prefixed(body, report.ruleset.id)}</article>')
    items = "".join(
        f'<li><a href="#{rid}">{_esc(title)}</a>: <strong>{_esc(verdict)}</strong></li>'
        for rid, title, verdict in _summary_rows(combined, lang)
    )
    heading = _esc(messages.text("report.frameworks", lang))
    summary = f'<nav class="page" aria-label="{heading}"><h1>{heading}</h1><ul>{items}</ul></nav>'
    title = f"<title>{_esc(messages.text('doc.title', lang))}: {_esc(combined.reports[0].provider)}</title>"
    shell = _TITLE.sub(lambda _: title, pages[0], count=1)
    return _BODY.sub(lambda _: "<body>\n" + summary + "\n".join(bodies) + "\n</body>", shell, count=1)


def _esc(text: str) -> str:
    return str(escape(text))
