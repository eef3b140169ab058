"""Text from profiles and rulesets renders as text: HTML stays inert, Markdown stays literal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, pass_context, pass_environment, pass_eval_context
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from markupsafe import Markup, escape
from report_helpers import FIXTURES, Page, cli_report, hostile_report, markdown_rows

from kwaliteitsregels.reporting.assessor import render_html, render_markdown
from kwaliteitsregels.reporting.html import render_ruleset, render_table
from kwaliteitsregels.reporting.letter import render_letter
from kwaliteitsregels.reporting.templating import environment, fast_escape

HOSTILE_TAGS = {"script", "img", "iframe", "object", "b", "i", "u", "sup"}
PROFILE = FIXTURES / "hostile-profile.yaml"
RULESET = str(FIXTURES / "hostile-ruleset.yaml")


def _assert_inert_html(html: str, *, style_tags: int) -> Page:
    page = Page(html)
    tags = {name for name, _ in page.tags}
    assert not tags & HOSTILE_TAGS, tags & HOSTILE_TAGS
    assert len(page.named("style")) == style_tags
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
        assert "http" not in (attrs.get("href") or "") + (attrs.get("src") or "")
    assert all((a.get("href") or "").startswith("#") for a in page.named("a")), "a link out of the page"
    return page


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_hostile_names_render_harmlessly_in_html(tmp_path: Path, lang: str) -> None:
    html = cli_report(tmp_path, PROFILE, "--format", "html", "--lang", lang, ruleset=RULESET)
    page = _assert_inert_html(html, style_tags=1)
    text = "".join(page.text)
    assert "Zorg <script>alert('naam')</script> | *B.V.*" in text  # shown as the characters it is
    assert "Wij doen het goed <script>alert('uitleg')</script>" in text
    assert "&lt;script&gt;" in html


def test_hostile_names_render_harmlessly_in_the_notebook_tables() -> None:
    report = hostile_report()
    page = _assert_inert_html(render_table(report), style_tags=0)
    assert "Zorg <script>alert('naam')</script>" in "".join(page.text)
    page = _assert_inert_html(render_ruleset(report.ruleset), style_tags=0)
    assert "Eis <script>alert('eis')</script> | **een**" in "".join(page.text)
    _assert_inert_html(report._repr_html_(), style_tags=0)
    _assert_inert_html(report.ruleset._repr_html_(), style_tags=0)


def _assert_literal_markdown(text: str) -> None:
    assert not re.search(r"(?<!\\)<(script|img|iframe|object|a |b>|style)", text), "raw HTML in Markdown"
    assert not re.search(r"(?<!\\)\[(klik|link|x|img)(?<!\\)\]", text), "a Markdown link"
    assert "https://" not in text, "a bare URL GitHub would turn into a link"
    rows = markdown_rows(text)
    widths = {len(row) for row in rows if not set("".join(row)) <= set("-:")}
    assert widths <= {2, 4, 5}, widths  # every table row keeps its column count: no stray pipes


@pytest.mark.parametrize("fmt", ["markdown", "letter"])
def test_hostile_names_stay_literal_in_markdown(tmp_path: Path, fmt: str) -> None:
    text = cli_report(tmp_path, PROFILE, "--format", fmt, ruleset=RULESET)
    _assert_literal_markdown(text)
    assert r"Zorg \<script\>alert('naam')\</script\> \| \*B.V.\*" in text


def test_markdown_lines_start_as_the_template_says() -> None:
    text = render_markdown(hostile_report())
    quote = next(line for line in text.splitlines() if line.startswith("> "))
    assert quote.startswith("> Wij doen het goed")
    assert "# geen kop - geen lijst" in quote  # a newline in the provider's text does not start a heading or list
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert all(re.match(r"^#{1,4} ", line) for line in headings)


def test_english_hostile_report_is_inert() -> None:
    report = hostile_report()
    _assert_inert_html(render_html(report, "en"), style_tags=1)
    _assert_literal_markdown(render_markdown(report, "en"))
    _assert_literal_markdown(render_letter(report, "en"))


class _Html:
    """An object that renders itself as HTML (markupsafe's protocol)."""

    def __html__(self) -> str:
        return "<b>al veilig</b>"


@settings(max_examples=300, deadline=None)
@given(
    value=st.one_of(
        st.text(alphabet=st.one_of(st.sampled_from("<>&'\"\\"), st.characters())),
        st.text().map(Markup),
        st.integers(),
        st.builds(_Html),
    )
)
def test_the_bundled_templates_escape_every_value_as_markupsafe_does(value: object) -> None:
    """The bundled templates print through `fast_escape`: markupsafe's `escape`, the same Markup."""
    made = fast_escape(value)
    assert made == escape(value)
    assert type(made) is Markup


def test_the_bundled_templates_print_through_fast_escape_and_a_regions_as_jinja_makes_them(tmp_path: Path) -> None:
    template = environment().get_template("report.html")
    assert template.root_render_func.__globals__["escape"] is fast_escape
    region = environment(str(tmp_path)).get_template("report.html")
    assert region.root_render_func.__globals__["escape"] is escape


class _Greeter:
    """A callable object whose `__call__` wants the template's context, as jinja allows."""

    @pass_context
    def __call__(self, context: Context, name: str) -> str:
        return f"{context['greeting']}, {name}"


@pass_context
def _with_context(context: Context, name: str) -> str:
    return f"{context['greeting']} {name}"


@pass_eval_context
def _with_eval_context(eval_context: EvalContext, name: str) -> str:
    return f"{eval_context.autoescape} {name}"


@pass_environment
def _with_environment(env: Environment, name: str) -> str:
    return f"{env.trim_blocks} {name}"


def _stops(name: str) -> str:
    raise StopIteration(name)


def test_the_bundled_environment_calls_what_a_template_calls_as_jinja_does() -> None:
    """A plain callable is called as it is; one that wants a context, an eval context or the environment gets it."""
    source = (
        "{{ plain('a', b='c') }}|{{ ctx('x') }}|{{ ev('y') }}|{{ env('z') }}|{{ greeter('w') }}"
        "|{% for i in [1] %}{{ ctx(i) }}{% endfor %}|{{ stops('s') is undefined }}"
    )
    names = {
        "plain": lambda a, b: f"{a}{b}",
        "ctx": _with_context,
        "ev": _with_eval_context,
        "env": _with_environment,
        "greeter": _Greeter(),
        "stops": _stops,
        "greeting": "hoi",
    }
    ours = environment().from_string(source).render(names)
    jinjas = Environment(autoescape=True, trim_blocks=True).from_string(source).render(names)
    assert ours == jinjas == "ac|hoi x|True y|True z|hoi, w|hoi 1|True"
