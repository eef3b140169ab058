"""The jinja2 environments of the reports people read: one for HTML, one for Markdown.

HTML templates (`*.html`) are autoescaped. Markdown templates (`*.md`) escape every value they
print through the `md` filter, applied by their environment's `finalize`: a template cannot forget
it. Text from profiles and rulesets therefore renders as text in both, whatever it contains.

A region can replace any template with its own: a folder whose files override the bundled ones by
name (`letter.md`, `letter.html`, `report.html`, …; what it lacks comes from the package). Inside
`use_templates(folder)` every document is rendered from it, in a sandboxed environment with the same
escaping (`report --templates DIR`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache, lru_cache, partial
from pathlib import Path
from types import CodeType
from typing import Any

import markupsafe
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from kwaliteitsregels import messages
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.hyphenation import hyphenate_html, is_page, load_dictionary
from kwaliteitsregels.reporting.text_hyphens import LANG, PAGES, HyphensInText, hyphenated_markup, hyphenated_value

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
    text = str(value)
    escaped = _remembered_markdown(text) if len(text) <= _REMEMBERED_LENGTH else _markdown_text(text)
    return Markup(escaped)  # noqa: S704 - escaped for Markdown; never rendered as HTML unescaped


_REMEMBERED_LENGTH = 2000  # texts up to this length are remembered escaped: labels and titles recur on every page


@lru_cache(maxsize=16384)  # bounded, in number and (above) in length: the texts come from profiles too
def _remembered_markdown(value: str) -> str:
    return _markdown_text(value)


def _markdown_text(value: str) -> str:
    text = " ".join(value.split())
    text = _MD_ANYWHERE.sub(_escape_match, text)
    text = _MD_AUTOLINK.sub(_escape_match, text)
    if start := _MD_LINE_START.match(text):
        text = f"{text[: start.end()]}\\{text[start.end() :]}"
    return text


# The C function markupsafe 3's `escape` wraps in two Python calls; markupsafe 2 has none (its `escape` is C).
_escape_inner = getattr(markupsafe, "_escape_inner", None)
_new_text = str.__new__


def fast_escape(value: Any, /) -> Markup:
    """`markupsafe.escape(value)`: the same Markup, made for plain text without escape's two Python calls.

    An HTML page prints ~1,500-2,200 values, each escaped: `escape` and `Markup.__new__` were 6-8 % of
    the instructions of rendering a report page. Anything but plain text goes to `escape` itself.
    """
    if type(value) is str and _escape_inner is not None:
        return _new_text(Markup, _escape_inner(value))
    if type(value) is Markup:  # what `hyphenated_value` returns: escape would give it back as it is
        return value
    return escape(value)


class _Template(Template):
    """A bundled template whose printed values are escaped by `fast_escape` (the same text, faster).

    jinja compiles `{{ value }}` of an autoescaped template to `escape(value)`, a name of the template's
    module; it is replaced there only when it is markupsafe's own `escape`, so any other code stays as it is.
    """

    @classmethod
    def from_code(
        cls,
        environment: Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],  # noqa: A002 - jinja's own name for it
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        """The template jinja makes, with `fast_escape` for `escape` in its module."""
        template = super().from_code(environment, code, globals, uptodate)
        module = template.root_render_func.__globals__
        if module.get("escape") is escape:
            module["escape"] = fast_escape
        return template


class _Context(Context):
    """jinja's context, calling a plain callable (no `pass_context` and the like) without looking for one.

    A template calls through `Context.call`, which asks an enum of jinja's for the argument to pass five
    times a call; on Python 3.11 an enum member is some 1,100 instructions to look up, and a bundled page
    calls `t(...)`, macros and methods hundreds of times. A callable that takes a context, an evaluation
    context or the environment (it, or its `__call__`, carries `jinja_pass_arg`) goes to jinja's own.
    """

    def call(self, obj: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """`Context.call`, for a callable that wants nothing passed."""
        if hasattr(obj, "jinja_pass_arg") or hasattr(getattr(obj, "__call__", None), "jinja_pass_arg"):  # noqa: B004
            return super().call(obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return obj(*args, **kwargs)
        except StopIteration:
            return self.environment.undefined("value was undefined because a callable raised a StopIteration exception")


_TEMPLATES: ContextVar[str | None] = ContextVar("templates", default=None)


@contextmanager
def use_templates(folder: str | Path | None) -> Iterator[None]:
    """Render from `folder` first, then the bundled templates, inside this block (None: as outside it)."""
    if folder is None:
        yield
        return
    if not Path(folder).is_dir():
        from kwaliteitsregels.errors import UsageError, single  # noqa: PLC0415 - only on this error

        raise single(UsageError, "templates-not-found", f"map met sjablonen niet gevonden: {folder}")
    token = _TEMPLATES.set(str(Path(folder).resolve()))
    try:
        yield
    finally:
        _TEMPLATES.reset(token)


def environment(folder: str | None = None, *, markdown: bool = False) -> Environment:
    """The shared environment: templates from `reporting/templates/`, strict about undefined names.

    With `folder`, a sandboxed environment that looks there first (a region's own templates). With
    `markdown`, the environment of the Markdown templates: every value printed goes through `md`.
    The HTML templates have one of their own without that step, since each printed value costs it.
    One environment per kind, however it is asked for (and so one cache of compiled templates).
    """
    return _environment(folder, markdown)


@cache
def _environment(folder: str | None, markdown: bool) -> Environment:  # positional: one cache key per kind
    bundled = PackageLoader("kwaliteitsregels.reporting", "templates")
    kind = Environment if folder is None else SandboxedEnvironment
    env = kind(
        loader=bundled if folder is None else ChoiceLoader([FileSystemLoader(folder), bundled]),
        autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("md",), default=True),
        undefined=StrictUndefined,
        finalize=markdown_escape if markdown else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_escape
    if folder is None:  # the bundled templates; a region's own are rendered in the sandbox as jinja makes them
        env.template_class = _Template
        env.context_class = _Context
        if not markdown:  # the bundled pages put their soft hyphens in while they render (text_hyphens.py)
            env.add_extension(HyphensInText)
            env.filters.update(hyphenated_value=hyphenated_value, hyphenated_markup=hyphenated_markup)
    return env


def long_date(day: date, lang: Lang = "nl") -> str:
    """'23 november 2026' / '23 November 2026'."""
    month = messages.text("date.months", lang).split()[day.month - 1]
    return messages.text("date.long", lang, day=day.day, month=month, year=day.year)


def render(name: str, lang: Lang, **data: Any) -> str:
    """Render template `name` with `data`, a phrase lookup `t` and `lang`.

    A whole HTML page gets soft hyphens in its long words (`hyphenation.py`), a fragment does not. A bundled
    page puts them in while it renders (`text_hyphens.py`); a region's own page gets them afterwards.
    """
    folder = _TEMPLATES.get()
    template = environment(folder, markdown=name.endswith(".md")).get_template(name)
    if folder is None and name in PAGES:
        token = LANG.set(lang)
        try:
            return template.render(lang=lang, t=partial(messages.text, lang=lang), **data)
        finally:
            LANG.reset(token)
    rendered = template.render(lang=lang, t=partial(messages.text, lang=lang), **data)
    return hyphenate_html(rendered, lang) if name.endswith(".html") and is_page(rendered) else rendered


def prepare(names: Iterable[str], lang: Lang) -> None:
    """Compile the templates `names` now, and for an HTML page load the hyphenation dictionary of `lang`.

    Otherwise the first page rendered does it: a batch prepares before its workers fork, so that each
    inherits them instead of spending its first task on them (~0.1 s per worker and round).
    """
    for name in names:
        environment(_TEMPLATES.get(), markdown=name.endswith(".md")).get_template(name)
    if any(name.endswith(".html") for name in names):
        load_dictionary(lang)
