"""The assessor's report (HTML, Markdown) for every example, in Dutch and English, through the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_helpers import EXAMPLES, PEILDATUM, ROOT, Page, cli_report, example_report, markdown_rows

from kwaliteitsregels.cli import main
from kwaliteitsregels.reasons import status_label
from kwaliteitsregels.reporting.registry import REPORTERS

EXAMPLE_IDS = [pytest.param(p, id=p.stem) for p in EXAMPLES]
LANGS = ["nl", "en"]
HEADINGS = {
    "nl": ("Oordeel", "Ontbrekende bewijsstukken", "Eisen per categorie"),
    "en": ("Verdict", "Missing documents"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", EXAMPLE_IDS)
def test_html_report_renders_every_requirement_with_its_label(tmp_path: Path, path: Path, lang: str) -> None:
    html = cli_report(tmp_path, path, "--format", "html", "--lang", lang)
    report = example_report(path.stem)
    page = Page(html)
    text = " ".join(page.text)
    assert page.named("html") == [{"lang": lang}]
    for heading in HEADINGS[lang]:
        assert heading in text
    rows = [attrs for name, attrs in page.tags if name == "tr" and (attrs.get("class") or "").startswith("row-")]
    assert len(rows) == len(report.results)
    for result in report.results:
        assert status_label(result, lang) in text, f"eis {result.id}: status label missing"  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", EXAMPLE_IDS)
def test_markdown_report_has_a_well_formed_table_row_per_requirement(tmp_path: Path, path: Path, lang: str) -> None:
    text = cli_report(tmp_path, path, "--format", "markdown", "--lang", lang)
    report = example_report(path.stem)
    assert text.startswith("# ")
    rows = markdown_rows(text)
    requirement_rows = [r for r in rows if len(r) == 5 and r[0].startswith("**")]
    assert [r[0].split("**")[1].replace("\\", "") for r in requirement_rows] == [r.id for r in report.results]
    assert "None" not in text
    assert "{" not in text


@pytest.mark.parametrize("path", EXAMPLE_IDS)
def test_html_is_self_contained(tmp_path: Path, path: Path) -> None:
    page = Page(cli_report(tmp_path, path, "--format", "html"))
    assert not page.named("script")
    assert not page.named("link")
    assert not page.named("img")
    assert not page.named("iframe")
    assert len(page.named("style")) == 1
    for _, attrs in page.tags:
        for name in ("src", "href", "action", "srcset", "poster"):
            value = attrs.get(name)
            assert value is None or "http" not in value, f"{name}={value}"
        assert (attrs.get("href") or "#").startswith("#"), attrs
        assert "url(" not in (attrs.get("style") or "")


def test_html_css_has_no_external_resources_and_prints(tmp_path: Path) -> None:
    html = cli_report(tmp_path, ROOT / "examples" / "pas-toe-of-leg-uit.yaml", "--format", "html")
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@import" not in css
    assert "url(" not in css
    assert "@font-face" not in css
    assert "@media print" in css
    assert re.search(r"@media screen and \(max-width: [\d.]+em\)", css)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_html_tables_are_semantic(tmp_path: Path) -> None:
    page = Page(cli_report(tmp_path, ROOT / "examples" / "alleen-verklaringen.yaml", "--format", "html"))
    headers = page.named("th")
    assert headers
    assert all(attrs.get("scope") in {"col", "row"} for attrs in headers)
    assert {attrs.get("scope") for attrs in headers} == {"col", "row"}
    assert page.named("h1")
    assert page.named("h2")
    assert page.named("main")
    assert page.named("caption")


def test_status_is_never_colour_alone(tmp_path: Path) -> None:
    html = cli_report(tmp_path, ROOT / "examples" / "pas-toe-of-leg-uit.yaml", "--format", "html")
    badge = r'<span class="badge [^"]*">(?:<span class="icon" aria-hidden="true">[^<]*</span>)?([^<]*)</span>'
    labels = re.findall(badge, html)
    assert len(labels) == html.count('class="badge ')
    assert all(label.strip() for label in labels), "a badge without a text label"


def test_same_input_same_bytes(tmp_path: Path) -> None:
    path = ROOT / "examples" / "zzp-jeugdhulp.yaml"
    assert cli_report(tmp_path, path, "--format", "html") == cli_report(tmp_path, path, "--format", "html")


def test_explanations_are_grouped_by_state_with_their_justification(tmp_path: Path) -> None:
    text = cli_report(tmp_path, ROOT / "examples" / "pas-toe-of-leg-uit.yaml", "--format", "markdown")
    explained = text.split("## Toelichtingen (pas toe of leg uit)", 1)[1]
    groups = re.findall(r"^### (.+) \((\d+)\)$", explained, flags=re.MULTILINE)
    assert [name for name, _ in groups] == ["Nog niet beoordeeld", "Afgewezen", "Acceptatie verlopen", "Geaccepteerd"]
    report = example_report("pas-toe-of-leg-uit")
    assert sum(int(n) for _, n in groups) == sum(1 for r in report.results if r.explanation is not None)
    assert "Er wordt geen gestandaardiseerd risicotaxatie-instrument genoemd" in explained


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_check_offers_the_reports_as_formats(fmt: str) -> None:
    assert fmt in REPORTERS
    path = ROOT / "examples" / "grote-aanbieder.yaml"
    result = CliRunner().invoke(
        main, ["check", str(path), "-r", "twente", "--peildatum", PEILDATUM.isoformat(), "-f", fmt]
    )
    assert result.exit_code == example_report(path.stem).exit_code(), result.output
    assert "Stichting Regge en Dinkel Zorggroep" in result.output


def test_report_writes_to_stdout_without_output_option() -> None:
    path = ROOT / "examples" / "verlopen-certificaat.yaml"
    args = ["report", str(path), "-r", "twente", "--peildatum", PEILDATUM.isoformat(), "-f", "letter"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "\n# Wat we nog van u nodig hebben\n" in result.output


def test_report_bad_profile_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "bestaat-niet.yaml"
    result = CliRunner().invoke(main, ["report", str(missing), "-r", "twente", "-f", "html"])
    assert result.exit_code == 2
    assert "fout:" in result.output
