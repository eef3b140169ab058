"""Soft hyphens in the long words of every HTML page: where Dutch breaks them, in text only, never in what is typed."""

from __future__ import annotations

import re
from datetime import date

import pytest
from report_helpers import ROOT, example_report

from kwaliteitsregels.analytics.document import impact_document
from kwaliteitsregels.analytics.versions import load_version
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.assessor import render_html
from kwaliteitsregels.reporting.comparison import impact_html
from kwaliteitsregels.reporting.html import render_table
from kwaliteitsregels.reporting.hyphenation import SOFT_HYPHEN, hyphenate_html, hyphenate_text, hyphenate_word
from kwaliteitsregels.reporting.letter import render_letter, render_letter_html

ANALYTICS = ROOT / "tests" / "fixtures" / "analytics"


def _marked(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "|")


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("Aanbestedingswet", "nl", "Aan|be|ste|dings|wet"),
        ("gemeenschappelijke", "nl", "ge|meen|schap|pe|lijke"),
        ("Jeugdhulpaanbieder", "nl", "Jeugd|hulp|aan|bie|der"),
        ("requirements", "en", "re|quire|ments"),
        ("Jeugdwet", "nl", "Jeugdwet"),  # shorter than MIN_LETTERS: fits any column
    ],
)
def test_words_break_where_the_language_breaks_them(word: str, lang: Lang, expected: str) -> None:
    assert _marked(hyphenate_word(word, lang)) == expected


def test_what_a_reader_types_stays_whole() -> None:
    text = (
        "Zie https://wetten.overheid.nl/Aanbestedingswet of mail inkoop@kwaliteitsregels.nl; "
        "kader (leeuwarden-dagbesteding), achterhoek-2019, profiel tests/voorbeeldprofielen.yaml, "
        "P5Y 12345678901 &amp; &#39;"
    )
    assert hyphenate_text(text) == text


def test_only_text_between_tags_and_outside_values_is_touched() -> None:
    page = (
        '<!DOCTYPE html><html lang="nl"><head><title>Aanbestedingswet</title>'
        "<style>.toelatingsprocedure > p { color: red }</style></head>"
        '<body><p class="toelatingsprocedure" title="Aanbestedingswet">Aanbestedingswet</p>'
        "<code>Aanbestedingswet</code><time>Aanbestedingswet</time>"
        "<svg><title>Aanbestedingswet</title><text>Aanbestedingswet</text></svg>"
        "<p>Kwaliteitskader</p></body></html>"
    )
    done = hyphenate_html(page)
    assert done.replace(SOFT_HYPHEN, "") == page  # soft hyphens are all that is added
    assert [_marked(t) for t in re.findall(r"<p[^>]*>([^<]*)</p>", done)] == [
        "Aan|be|ste|dings|wet",
        "Kwa|li|teits|ka|der",
    ]
    assert done.count(SOFT_HYPHEN) == 8


def _in_attributes_or_title(html: str) -> list[str]:
    tags = re.findall(r"<[^>]*>", html)
    title = re.findall(r"<title>(.*?)</title>", html, re.DOTALL)
    return [t for t in [*tags, *title] if SOFT_HYPHEN in t]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_people_read_has_them_in_its_text_only(lang: Lang) -> None:
    report = example_report("verlopen-certificaat")
    versions = load_version(ANALYTICS / "versions" / "v1"), load_version(ANALYTICS / "versions" / "v2")
    impact = impact_document(
        *versions, profiles=sorted((ANALYTICS / "profiles").glob("*.yaml")), peildatum=date(2026, 11, 23), lang=lang
    )
    for page in (render_html(report, lang), render_letter_html(report, lang), impact_html(impact, lang)):
        assert SOFT_HYPHEN in re.sub(r"<[^>]*>", "", page)
        assert _in_attributes_or_title(page) == []
        assert hyphenate_html(page.replace(SOFT_HYPHEN, ""), lang) == page


def test_markdown_and_notebook_fragments_have_none() -> None:
    report = example_report("pas-toe-of-leg-uit")
    assert SOFT_HYPHEN not in render_letter(report)
    assert SOFT_HYPHEN not in render_table(report)  # a cell in Jupyter, not a page
