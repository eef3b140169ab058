"""The one jinja2 environment of the reports people read.

HTML templates (`*.html`) are autoescaped. Markdown templates (`*.md`) escape every value they
print through the `md` filter, applied by the environment's `finalize`: a template cannot forget
it. Text from profiles and rulesets therefore renders as text in both, whatever it contains.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup

from kwaliteitsregels import messages
from kwaliteitsregels.messages import Lang

# Characters that mean something in Markdown (CommonMark and GitHub's tables) wherever they stand.
_MD_ANYWHERE = re.compile(r"([\\`*\[\]<>|~])|(?<!\w)_|_(?!\w)|&(?=#?\w+;)")
# What GitHub turns into a link without any brackets: `https://…`, `www.…`.
_MD_AUTOLINK = re.compile(r"(?<=\w):(?=//)|(?<=\bwww)\.")
# Characters that mean something only at the start of a line: headings, lists, quotes, rules.
_MD_LINE_START = re.compile(r"^(?:\d+(?=[.)])|(?=[#+=-]))")


def _escape_match(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def markdown_escape(value: Any) -> Markup:
    """`value` as literal Markdown text: one line, every meaningful character backslash-escaped."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    text = _MD_ANYWHERE.sub(_escape_match, text)
    text = _MD_AUTOLINK.sub(_escape_match, text)
    if start := _MD_LINE_START.match(text):
        text = f"{text[: start.end()]}\\{text[start.end() :]}"
    return Markup(text)  # noqa: S704 - escaped for Markdown above; never rendered as HTML unescaped


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    if context.name is not None and context.name.endswith(".md"):
        return markdown_escape(value)
    return value


@cache
def environment() -> Environment:
    """The shared environment: templates from `reporting/templates/`, strict about undefined names."""
    env = Environment(
        loader=PackageLoader("kwaliteitsregels.reporting", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("md",), default=True),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_escape
    return env


def long_date(day: date, lang: Lang = "nl") -> str:
    """'23 november 2026' / '23 November 2026'."""
    month = messages.text("date.months", lang).split()[day.month - 1]
    return messages.text("date.long", lang, day=day.day, month=month, year=day.year)


def render(name: str, lang: Lang, **data: Any) -> str:
    """Render template `name` with `data`, a phrase lookup `t` and `lang`."""
    template = environment().get_template(name)
    return template.render(lang=lang, t=partial(messages.text, lang=lang), **data)
