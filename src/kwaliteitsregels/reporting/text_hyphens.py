"""Soft hyphens put in while a bundled page renders, where the template prints text, instead of afterwards.

`hyphenation.hyphenate_html` finds the text of a finished page by splitting it at every tag: ~2,600 tags
and ~1,800 texts between them (mostly white space) on a Twente report, for the ~850 that hold words. The
bundled page templates know where their text is before they render. While a template compiles,
`HyphensInText` reads its markup in order as `hyphenate_html` reads a page (`hyphenation._walk`: tags,
the raw text of style, script, textarea and title, the elements of `NO_HYPHENS`) and:

- passes a value printed in text, outside those elements, through `hyphenated_value`: escaped, then
  hyphenated as `hyphenate_text` does (remembered per value: titles and labels recur on every page);
- leaves a value printed inside a tag (an attribute) or inside those elements as it is;
- hyphenates its own text where it has a long word, when the page renders (the language is the page's).

The body of a `{% call %}` is left as it is (ours is the CSS of `page.head`). A region's own templates (the
sandbox) and fragments are not compiled so: their pages are hyphenated afterwards, by the rule itself. A
test renders every bundled page for the example profiles and generated providers, in both languages,
and holds the result to `hyphenate_html` of the same page rendered without this: the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from jinja2 import TemplateSyntaxError, pass_context
from jinja2.ext import Extension
from jinja2.lexer import (
    TOKEN_BLOCK_BEGIN,
    TOKEN_DATA,
    TOKEN_NAME,
    TOKEN_VARIABLE_BEGIN,
    TOKEN_VARIABLE_END,
    Token,
    TokenStream,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.hyphenation import LONG_RUN, NO_HYPHENS, RAW_TEXT, hyphenate_text, raw_end

# The templates compiled so: the pages `templating.render` hyphenates and the macros they share. Not report.css
# (inside <style>), the notebook fragments or the batch overview: none of them is hyphenated.
PAGES = frozenset({"report.html", "letter.html", "comparison.html", "impact.html", "_page.html"})
LANG: ContextVar[Lang] = ContextVar("hyphenation_lang", default="nl")  # the language of the page rendering
_MOST_REMEMBERED = 16_384  # values remembered with their hyphens, per language: a bound, values come from profiles
_LONGEST_REMEMBERED = 2_000
_REMEMBERED: dict[str, dict[str, Markup]] = {"nl": {}, "en": {}}

# Where `hyphenation._TAG` starts a tag: a comment, `<!…>`, or `<name` / `</name`.
_TAG_START = re.compile(r"<(?:(!--)|!|(/?)([A-Za-z][A-Za-z0-9-]*))")  # a comment is refused


@pass_context  # a context filter is never worked out while compiling: the language is the page's, when it renders
def hyphenated_value(_context: Context, value: Any, /) -> Markup:
    """A value printed in a page's text: escaped, with soft hyphens in its long words (Markup as it is)."""
    if hasattr(value, "__html__"):  # a macro's output or a chart: made with its own hyphens, or none
        return Markup(value)  # noqa: S704 - already markup
    lang = LANG.get()
    remembered = _REMEMBERED[lang]
    text = value if type(value) is str else str(value)
    done = remembered.get(text)
    if done is None:
        done = Markup(hyphenate_text(str(escape(text)), lang))  # noqa: S704 - escaped first
        if len(remembered) < _MOST_REMEMBERED and len(text) <= _LONGEST_REMEMBERED:
            remembered[text] = done
    return done


@pass_context
def hyphenated_markup(_context: Context, text: str, /) -> Markup:
    """A template's own text with a long word, hyphenated in the page's language (it is markup already)."""
    return Markup(hyphenate_text(text, LANG.get()))  # noqa: S704 - the template's own markup


class _Reader:
    """Where in the markup a template is, read piece by piece in the order of its source, as `_walk` reads a page."""

    def __init__(self) -> None:
        self.tag: tuple[str, str | None, bool] | None = None  # inside a tag: ('>', its name, closing?)
        self.tag_text = ""  # the tag so far (does it end in '/>'?)
        self.raw: str | None = None  # inside style, script, textarea or title: its name
        self.keep = 0  # depth inside the elements of NO_HYPHENS

    def in_text(self) -> bool:
        """Whether a value printed here is text to hyphenate."""
        return self.tag is None and self.raw is None and self.keep == 0

    def data(self, text: str) -> Iterator[tuple[bool, str]]:
        """`text` in pieces, in order: (True, text to hyphenate) or (False, markup or text to leave)."""
        position = 0
        while position < len(text):
            if self.tag is not None:
                stop = self._close(text, position)
                yield False, text[position:stop]
            elif self.raw is not None:  # raw text runs to its end tag, whatever it holds
                end = raw_end(self.raw).search(text, position)
                stop = len(text) if end is None else end.start()
                self.raw = self.raw if end is None else None
                yield False, text[position:stop]
            else:
                start = _TAG_START.search(text, position)
                stop = len(text) if start is None else start.start()
                if stop > position:
                    yield self.keep == 0, text[position:stop]
                if start is not None:  # the tag's start is read at once
                    comment, closing, name = start.groups()
                    if comment:  # where the rule ends one depends on the whole page: not in a page of ours
                        msg = "een HTML-commentaar in een pagina-sjabloon: gebruik {# … #}"
                        raise ValueError(msg)
                    self.tag = (">", name and name.lower(), bool(closing))
                    self.tag_text = start.group(0)
                    yield False, self.tag_text
                    stop = start.end()
            position = stop

    def _close(self, text: str, position: int) -> int:
        """Read the tag on to its '>' (or to the end of `text`); where the reading stopped."""
        assert self.tag is not None  # noqa: S101 - only inside a tag
        _, name, closing = self.tag
        found = text.find(">", position)
        stop = len(text) if found < 0 else found + 1
        self.tag_text += text[position:stop]
        if found < 0:
            return stop
        self.tag = None
        if name in RAW_TEXT:
            self.raw = None if closing else name
        elif name in NO_HYPHENS and not self.tag_text.endswith("/>"):
            self.keep = max(self.keep - 1, 0) if closing else self.keep + 1
        return stop


class HyphensInText(Extension):
    """Compiles a bundled page so that it prints its text with soft hyphens (see the module)."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        """The template's tokens, its values in text through `hyphenated_value`, its long words marked."""
        if stream.name not in PAGES:
            yield from stream
            return
        reader, calls, previous, line = _Reader(), 0, "", 1
        for token in stream:
            line = token.lineno
            if previous == TOKEN_BLOCK_BEGIN and token.type == TOKEN_NAME and token.value in {"call", "endcall"}:
                calls += 1 if token.value == "call" else -1
            previous = token.type
            if calls or token.type not in {TOKEN_DATA, TOKEN_VARIABLE_BEGIN}:
                yield token  # a call's body (the CSS of page.head) is left as it is
            elif token.type == TOKEN_DATA:
                try:
                    yield from _data(reader, token)
                except ValueError as problem:
                    raise TemplateSyntaxError(str(problem), line, stream.name, stream.filename) from None
            elif reader.in_text():
                yield from _wrapped(stream, token)
            else:
                yield token
        if reader.tag is not None:  # the rule would read what follows as text: a page of ours closes its tags
            raise TemplateSyntaxError("een tag zonder '>' in een pagina-sjabloon", line, stream.name, stream.filename)


def _data(reader: _Reader, token: Token) -> Iterator[Token]:
    """The template's own markup; a piece of text with a long word is hyphenated when the page renders."""
    line, kept = token.lineno, ""
    for hyphenate, piece in reader.data(token.value):
        if not (hyphenate and LONG_RUN.search(piece)):
            kept += piece
            continue
        if kept:
            yield Token(line, TOKEN_DATA, kept)
            kept = ""
        yield from (Token(line, TOKEN_VARIABLE_BEGIN, "{{"), Token(line, "string", piece), Token(line, "pipe", "|"))
        yield from (Token(line, TOKEN_NAME, "hyphenated_markup"), Token(line, TOKEN_VARIABLE_END, "}}"))
    if kept:
        yield Token(line, TOKEN_DATA, kept)


def _wrapped(stream: TokenStream, begin: Token) -> Iterator[Token]:
    """`{{ expression }}` as `{{ (expression)|hyphenated_value }}`: a filter is a plain call, a function is not."""
    yield from (begin, Token(begin.lineno, "lparen", "("))
    for token in stream:
        if token.type == TOKEN_VARIABLE_END:
            line = token.lineno
            yield from (
                Token(line, "rparen", ")"),
                Token(line, "pipe", "|"),
                Token(line, TOKEN_NAME, "hyphenated_value"),
            )
            yield token
            return
        yield token
