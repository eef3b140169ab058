"""Soft hyphens in the long words of an HTML page: a narrow column or a printed page breaks a word where Dutch does.

CSS `hyphens: auto` (in report.css and letter.css, with `lang="nl"`) hyphenates only where the browser
has a dictionary for the language, and the headless Chromium that prints our PDFs has none: a word
such as "Aanbestedingswet" then runs out of its table cell or is cut at the edge of the page. pyphen
(LibreOffice's hyphenation patterns: nl_NL for Dutch, en_GB for English) marks every place a word may
break with a soft hyphen (U+00AD), which a browser shows only where it breaks the line.

Only text between tags is touched: attributes never, nor the text of elements that hold a value or
do not wrap (`NO_HYPHENS`: style, script, title, code, pre, time, svg …). Words shorter than
`MIN_LETTERS`, numbers, and what a reader would type rather than read stay as they are: addresses and
paths (`@`, `/`, `www.`) and identifiers in kebab case such as a ruleset id (`leeuwarden-dagbesteding`).

`hyphenate_html` is the rule, over a finished page. The bundled pages follow it while they render
(`text_hyphens.py`); a region's own templates are hyphenated by it afterwards.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import compress, product, repeat
from typing import TYPE_CHECKING

from kwaliteitsregels.messages import Lang

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pyphen

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 10  # shorter words fit the narrowest column of our pages (a phone's table cell)
DICTIONARIES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}
NO_HYPHENS = frozenset({"style", "script", "textarea", "title", "code", "pre", "kbd", "samp", "time", "svg"})
RAW_TEXT = frozenset({"style", "script", "textarea", "title"})  # their text runs to their end tag, '<' or not
_LONG_TOKEN = re.compile(
    rf"(?<!\S)\S*?[^\W\d_]{{{MIN_LETTERS}}}\S*"
)  # a word between spaces with a long run of letters
# Tokens that are typed, not read: addresses, paths and identifiers in kebab case ("leeuwarden-dagbesteding").
_VERBATIM = re.compile(r"[@/\\]|\bwww\.|^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_EDGES = "()[]{}<>,.;:!?'\"«»“”‘’"
_WORD = re.compile(rf"&#?\w+;|[^\W\d_]{{{MIN_LETTERS},}}")
LONG_RUN = re.compile(rf"[^\W\d_]{{{MIN_LETTERS}}}")  # a run of letters long enough to hyphenate
_TAG = re.compile(r"<!--.*?-->|<![^>]*>|<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>", re.DOTALL)
_REMEMBERED_LENGTH = 2000  # text nodes up to this length are remembered with their hyphens


@cache
def _dictionary(lang: str) -> pyphen.Pyphen:
    import pyphen  # noqa: PLC0415 - a tenth of a second, only when a page is rendered

    return pyphen.Pyphen(lang=DICTIONARIES.get(lang, DICTIONARIES["nl"]), left=2, right=3)


def load_dictionary(lang: Lang) -> None:
    """Load the hyphenation patterns of `lang` now rather than on the first page (a tenth of a second)."""
    _dictionary(lang)


@lru_cache(maxsize=8192)  # bounded: words from profiles are anyone's, the vocabulary's are few
def hyphenate_word(word: str, lang: Lang = "nl") -> str:
    """`word` with a soft hyphen at every place it may break (as it is when shorter than `MIN_LETTERS`)."""
    if len(word) < MIN_LETTERS:
        return word
    return _dictionary(lang).inserted(word, hyphen=SOFT_HYPHEN)


def _word(match: re.Match[str], lang: Lang) -> str:
    found = match.group(0)
    return found if found.startswith("&") else hyphenate_word(found, lang)


@lru_cache(maxsize=16384)  # bounded: a page's texts differ per provider, most of their long words do not
def _token(token: str, lang: Lang) -> str:
    return token if _VERBATIM.search(token.strip(_EDGES)) else _WORD.sub(lambda word: _word(word, lang), token)


def hyphenate_text(text: str, lang: Lang = "nl") -> str:
    """Soft hyphens in the long words of `text` (text of an HTML document: entities stay whole)."""
    if LONG_RUN.search(text) is None:  # most text between tags has no long word: leave it at one scan in C
        return text
    return _hyphenate_long(text, lang)


def _hyphenate_long(text: str, lang: Lang) -> str:
    if len(text) <= _REMEMBERED_LENGTH:  # titles, labels and requirement texts recur on every page of a batch
        return _hyphenated(text, lang)
    return _hyphenate(text, lang)


@lru_cache(maxsize=16384)  # bounded, like the words: the texts come from profiles too
def _hyphenated(text: str, lang: Lang) -> str:
    return _hyphenate(text, lang)


def _hyphenate(text: str, lang: Lang) -> str:
    return _LONG_TOKEN.sub(lambda token: _token(token.group(0), lang), text)


def hyphenate_html(html: str, lang: Lang = "nl") -> str:
    """`html` with soft hyphens in the long words of its text; tags, attributes and `NO_HYPHENS` untouched."""
    parts = _TAGS.split(html)  # text, tag, its name (None for <!…>), text, … : the tags from the start, in turn
    texts, tags = parts[0::3], parts[1::3]
    frozen = _frozen_texts(texts, tags, map(_SPECIAL_NAMES.__contains__, parts[2::3]))
    if frozen is None:  # raw text (style, script …) with a tag or its end tag inside: walk the page
        return _walk(html, lang)
    for index in compress(range(len(texts)), map(LONG_RUN.search, texts)):  # the few texts with a long word
        if index not in frozen:
            parts[3 * index] = _hyphenate_long(texts[index], lang)
    parts[2::3] = repeat(None, len(tags))  # the names drop out, as do texts that are empty
    return "".join(filter(None, parts))


_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_SPECIAL_NAME = rf"(?ai:{'|'.join(sorted(NO_HYPHENS))})(?![A-Za-z0-9-])"
# Text and tags in turn, each tag with its name (None for `<!…>`): a tag of `NO_HYPHENS` is told by its name
# after the split. Telling the names apart while splitting (ten names, ignoring case) cost a quarter more.
_TAGS = re.compile(rf"(<(?:!(?:--.*?--|[^>]*)|/?({_TAG_NAME})[^>]*)>)", re.DOTALL)
# The names of `NO_HYPHENS` in every mix of ASCII capitals, as HTML reads them (`<STYLE>`, `<Code>`): one lookup.
_SPECIAL_NAMES = frozenset("".join(spelt) for name in NO_HYPHENS for spelt in product(*({c, c.upper()} for c in name)))


def _frozen_texts(texts: list[str], tags: list[str], special: Iterable[bool]) -> set[int] | None:
    """The texts (by number: text i follows tag i) inside `NO_HYPHENS` or raw text; None if raw text holds a tag.

    Raw text (style, script, textarea, title) runs to its end tag whatever it holds: here it must be the
    very next tag, with no end tag of its kind in the text before it, else the page is walked tag by tag.
    """
    frozen: set[int] = set()
    keep, kept_from = 0, 0
    for number in compress(range(1, len(tags) + 1), special):  # a few per page
        tag = tags[number - 1]
        closing = tag[1] == "/"
        name = _SPECIAL_NAME_AT.match(tag, 2 if closing else 1).group(0).lower()  # type: ignore[union-attr]
        if name in RAW_TEXT:
            if closing:
                continue
            if not _raw_text_alone(texts[number], tags[number] if number < len(tags) else None, name):
                return None
            frozen.add(number)
        elif not tag.endswith("/>"):
            if keep == 1 and closing:
                frozen.update(range(kept_from, number))
            elif keep == 0 and not closing:
                kept_from = number
            keep = max(keep - 1, 0) if closing else keep + 1
    if keep:
        frozen.update(range(kept_from, len(tags) + 1))
    return frozen


_SPECIAL_NAME_AT = re.compile(_SPECIAL_NAME)


def _raw_text_alone(text: str, following: str | None, name: str) -> bool:
    """Whether the raw text of a `name` element is all of `text`: the next tag ends it (or the page does)."""
    end = raw_end(name)  # as the walk finds it (Unicode case: "</ſtyle" ends a style too)
    return end.search(text) is None and (following is None or end.match(following) is not None)


@cache
def raw_end(name: str) -> re.Pattern[str]:
    """What ends the raw text of a `name` element: `</name`, ignoring case as Unicode does."""
    return re.compile(rf"</{name}", re.IGNORECASE)


def _walk(html: str, lang: Lang) -> str:
    """The rule itself, one tag at a time (the pieces above give the same, faster)."""
    parts: list[str] = []
    position, keep = 0, 0
    while (tag := _TAG.search(html, position)) is not None:
        text = html[position : tag.start()]
        parts += [text if keep else hyphenate_text(text, lang), tag.group(0)]
        position = tag.end()
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if name in RAW_TEXT:
            if not closing:
                end = raw_end(name).search(html, position)
                parts.append(html[position : end.start() if end else len(html)])
                position = end.start() if end else len(html)
        elif name in NO_HYPHENS and not tag.group(0).endswith("/>"):
            keep = max(keep - 1, 0) if closing else keep + 1
    tail = html[position:]
    parts.append(tail if keep else hyphenate_text(tail, lang))
    return "".join(parts)


def is_page(html: str) -> bool:
    """Whether `html` is a whole page (starts with a doctype), not a fragment such as a notebook table."""
    return html.lstrip()[:15].lower() == "<!doctype html>"
