"""A bundled page puts its soft hyphens in while it renders: the same bytes as hyphenating the page afterwards.

The reference is the page rendered the old way: a region's templates folder (here the bundled templates
themselves) is rendered in the sandbox without `HyphensInText`, and the finished page is hyphenated by
`hyphenate_html`, the documented rule.
"""

from __future__ import annotations

import importlib
import random
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jinja2 import DictLoader, Environment, TemplateSyntaxError
from report_helpers import FIXTURES, PEILDATUM, ROOT

import kwaliteitsregels as kr
from kwaliteitsregels.analytics.document import comparison_document, impact_document
from kwaliteitsregels.analytics.versions import load_version
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.assessor import render_html
from kwaliteitsregels.reporting.comparison import comparison_html, impact_html
from kwaliteitsregels.reporting.hyphenation import NO_HYPHENS, SOFT_HYPHEN, hyphenate_html
from kwaliteitsregels.reporting.letter import render_letter_html
from kwaliteitsregels.reporting.templating import use_templates
from kwaliteitsregels.reporting.text_hyphens import LANG, HyphensInText, hyphenated_markup, hyphenated_value

TEMPLATES = ROOT / "src" / "kwaliteitsregels" / "reporting" / "templates"
ANALYTICS = ROOT / "tests" / "fixtures" / "analytics"
# Each example with the framework it was written for, and its reference date.
_FRAMEWORKS: dict[str, tuple[str, date]] = {
    "": ("twente", PEILDATUM),
    "achterhoek": ("achterhoek-2019", date(2019, 7, 1)),
    "leeuwarden": ("leeuwarden-dagbesteding", PEILDATUM),
    "handreiking": ("handreiking-kwaliteit", PEILDATUM),
}


def _reports() -> list[tuple[str, kr.Report]]:
    found = []
    for folder, (name, peildatum) in _FRAMEWORKS.items():
        ruleset = kr.load_ruleset(name)
        for path in sorted((ROOT / "examples" / folder).glob("*.yaml")):
            profile = kr.load_profile(path, rulesets=[ruleset])
            found.append((f"{name}/{path.stem}", kr.evaluate(ruleset, profile, peildatum, traced=True)))
    hostile = kr.load_ruleset(FIXTURES / "hostile-ruleset.yaml")  # text that tries to be markup
    found.append(("hostile", kr.evaluate(hostile, kr.load_profile(FIXTURES / "hostile-profile.yaml"), PEILDATUM)))
    found += _generated()
    return found


def _generated() -> list[tuple[str, kr.Report]]:
    """Providers as the benchmarks make them (many staff, gaps in their papers), a few."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        bench = importlib.import_module("run")  # the benchmark's generator, a script
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    rng, found = random.Random(20261204), []
    ruleset = kr.load_ruleset("twente")
    for i in range(4):
        profile = kr.load_profile(bench.synthetic_profile(rng, ruleset, i), rulesets=[ruleset])
        found.append((f"generated-{i}", kr.evaluate(ruleset, profile, PEILDATUM, traced=True)))
    return found


REPORTS = _reports()


def _both(render: Any, *args: Any) -> tuple[str, str]:
    """The page as a bundled template renders it, and as the old way (sandbox, then the rule) does."""
    fast = render(*args)
    with use_templates(TEMPLATES):
        reference = render(*args)
    return fast, reference


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("name", "report"), REPORTS, ids=[name for name, _ in REPORTS])
def test_a_report_and_letter_are_hyphenated_as_the_page_rule_does(name: str, report: kr.Report, lang: Lang) -> None:
    for render in (render_html, render_letter_html):
        fast, reference = _both(render, report, lang)
        assert SOFT_HYPHEN in fast
        assert fast == reference, name


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_comparison_and_impact_pages_are_hyphenated_as_the_page_rule_does(lang: Lang) -> None:
    rulesets = [kr.load_ruleset(name) for name in ("twente", "achterhoek-2019", "leeuwarden-dagbesteding")]
    fast, reference = _both(comparison_html, comparison_document(rulesets, lang), lang)
    assert SOFT_HYPHEN in fast
    assert fast == reference
    versions = load_version(ANALYTICS / "versions" / "v1"), load_version(ANALYTICS / "versions" / "v2")
    profiles = sorted((ANALYTICS / "profiles").glob("*.yaml"))
    impact = impact_document(*versions, profiles=profiles, peildatum=PEILDATUM, lang=lang)
    fast, reference = _both(impact_html, impact, lang)
    assert SOFT_HYPHEN in fast
    assert fast == reference


# A template of our own kind: markup that closes its tags, no HTML comments, values printed in text with white
# space or a tag beside them (as the bundled pages print them), in attributes, in NO_HYPHENS and raw text.
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
    "(Aanbestedingswet)",
    "2019",
    "&amp;",
    "&#39;",
    "é",
    "\u00ad",
    "a < b",
    "x > y",
]


@st.composite
def _tag(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(_NAMES))
    attributes = draw(st.sampled_from(["", ' class="toelatingsprocedure"', " title='Aanbestedingswet'", " a"]))
    value = draw(st.sampled_from(["", ' title="{{ v }}"', " data-x='{{ v }} Aanbestedingswet'"]))
    return f"<{draw(st.sampled_from(['', '/']))}{name}{attributes}{value}{draw(st.sampled_from(['>', '/>', ' >']))}"


@st.composite
def _template(draw: st.DrawFn) -> str:
    static = st.text(st.characters(exclude_characters="{}<>#%&"), max_size=12)
    pieces = st.one_of(st.sampled_from(_WORDS), static, _tag(), st.just(" {{ v }} "), st.just("\n{{ w }}\n"))
    return "".join(draw(st.lists(pieces, max_size=30)))


def _environment(*, fast: bool) -> Environment:
    env = Environment(loader=DictLoader({}), autoescape=True, extensions=[HyphensInText] if fast else [])
    env.filters.update(hyphenated_value=hyphenated_value, hyphenated_markup=hyphenated_markup)
    return env


_VALUES = st.one_of(st.sampled_from(_WORDS), st.text(max_size=30))


@settings(max_examples=400, deadline=None)
@given(source=_template(), v=_VALUES, w=_VALUES, lang=st.sampled_from(["nl", "en"]))
@example(
    source="<p> {{ v }} </p><code> {{ v }} </code><title> {{ v }} </title>Aanbestedingswet",
    v="Kwaliteitskader",
    w="",
    lang="nl",
)
@example(
    source='<style>a > b { }</style> {{ v }} <td title="{{ v }}"> {{ w }} </td>',
    v="Aanbestedingswet",
    w="leeuwarden-dagbesteding",
    lang="nl",
)
@example(
    source="<code/> {{ v }} <code> <b> {{ v }} </b> </code> {{ w }} ", v="Aanbestedingswet", w="requirements", lang="en"
)
def test_a_template_of_our_kind_gives_what_the_page_rule_gives(source: str, v: str, w: str, lang: Lang) -> None:
    fast, plain = _environment(fast=True), _environment(fast=False)
    fast.loader.mapping["report.html"] = plain.loader.mapping["report.html"] = source  # type: ignore[union-attr]
    template = fast.get_template("report.html")  # compiled outside the page's language: nothing is fixed in it
    token = LANG.set(lang)
    try:
        done = template.render(v=v, w=w)
    finally:
        LANG.reset(token)
    assert done == hyphenate_html(plain.get_template("report.html").render(v=v, w=w), lang)


def test_a_page_template_with_an_html_comment_or_an_unclosed_tag_does_not_compile() -> None:
    env = _environment(fast=True)
    for source in ("<p>Aanbestedingswet</p><!-- x -->", "<p>{{ v }}</p><td class='x'"):
        env.loader.mapping["report.html"] = source  # type: ignore[union-attr]
        with pytest.raises(TemplateSyntaxError):
            env.get_template("report.html")
        env.cache.clear()  # type: ignore[union-attr]
