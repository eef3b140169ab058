"""The page-wide hyphenation gives what a plain walk from tag to tag gives, on any HTML-ish text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.hyphenation import NO_HYPHENS, hyphenate_html, hyphenate_text

_TAG = re.compile(r"<!--.*?-->|<![^>]*>|<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>", re.DOTALL)
_RAW_TEXT = frozenset({"style", "script", "textarea", "title"})


def reference(html: str, lang: Lang) -> str:
    """The documented rule, one tag at a time: text between tags hyphenated unless inside `NO_HYPHENS`."""
    parts: list[str] = []
    position, keep = 0, 0
    while (tag := _TAG.search(html, position)) is not None:
        text = html[position : tag.start()]
        parts += [text if keep else hyphenate_text(text, lang), tag.group(0)]
        position = tag.end()
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if name in _RAW_TEXT:
            if not closing:
                end = re.compile(rf"</{name}", re.IGNORECASE).search(html, position)
                parts.append(html[position : end.start() if end else len(html)])
                position = end.start() if end else len(html)
        elif name in NO_HYPHENS and not tag.group(0).endswith("/>"):
            keep = max(keep - 1, 0) if closing else keep + 1
    tail = html[position:]
    parts.append(tail if keep else hyphenate_text(tail, lang))
    return "".join(parts)


_NAMES = [*sorted(NO_HYPHENS), "p", "td", "b", "Code", "PRE", "STYLE", "Title", "code-x", "svgs", "a1"]
_WORDS = [
    "Aanbestedingswet",
    "kwaliteitskader",
    "gemeenschappelijke",
    "requirements",
    "Jeugdwet",
    "leeuwarden-dagbesteding",
    "www.voorbeeld.nl",
    "inkoop@gemeente.nl",
    "2019",
    "&amp;",
    "&#39;",
    "Zorgaanbiederß",
    "ſtyle",
    "½½½½½½½½½½½",
    "wet_gevingen",
]
_BITS = [" ", "\n", "<", ">", "/", "/>", "!", "-->", "<!--", "<!", '="', '"', "'", "=", "é", "\u00ad", ".", "("]


@st.composite
def _tags(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(_NAMES))
    attributes = draw(st.sampled_from(["", ' class="toelatingsprocedure"', " title='Aanbestedingswet > x'", " a"]))
    return f"<{draw(st.sampled_from(['', '/']))}{name}{attributes}{draw(st.sampled_from(['>', '/>', ' >', '']))}"


@st.composite
def _html(draw: st.DrawFn) -> str:
    pieces = st.one_of(
        st.sampled_from(_WORDS), st.sampled_from(_BITS), st.text(max_size=12), st.builds(lambda: ""), _tags()
    )
    return "".join(draw(st.lists(pieces, max_size=40)))


@settings(max_examples=600, deadline=None)
@given(html=_html(), lang=st.sampled_from(["nl", "en"]))
@example(html="<p>Aanbestedingswet</p><pre><code>Aanbestedingswet</code>Aanbestedingswet</pre>x", lang="nl")
@example(html="<STYLE>a < b; <code> Aanbestedingswet</style>Aanbestedingswet</code>Kwaliteitskader", lang="nl")
@example(html="<script>x = '<b>' + '</scripT>'</script>Aanbestedingswet<title>Aanbestedingswet", lang="en")
@example(html="<!-- <code> --> Aanbestedingswet <!-- x > Aanbestedingswet", lang="nl")
@example(html="<code/>Aanbestedingswet</code/>Aanbestedingswet<svg>Aanbestedingswet</svg >", lang="nl")
@example(html="a < b Aanbestedingswet <3 c <d", lang="nl")
def test_the_page_is_hyphenated_as_a_walk_over_its_tags_does(html: str, lang: Lang) -> None:
    assert hyphenate_html(html, lang) == reference(html, lang)
