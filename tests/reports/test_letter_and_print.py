"""The letter as a letter (sender, reference, date, deadlines, contact, what follows per lot), a region's own
templates, the assessor's report read at a glance, plain JSON values, PDF, and the notebook's columns and charts."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_helpers import ROOT, Page, cli_report, example_report

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main
from kwaliteitsregels.reporting import pdf
from kwaliteitsregels.reporting.letter import load_letter_settings, render_letter, render_letter_html

ACHTERHOEK = ROOT / "examples" / "achterhoek" / "tarief-en-wonen.yaml"
ACHTERHOEK_DAY = "2019-06-01"
SETTINGS = """\
sender: {name: Sociaal Domein Achterhoek, department: Team Inkoop, address: [Postbus 42, 7000 AA Doetinchem]}
contact: {name: mevrouw J. de Vries, role: contractmanager, phone: 0314 000 000, email: inkoop@example.nl}
reference: SDA/2019/0417
date: 2019-06-03
deadlines: {with_registration: 2019-06-17}
"""
NEEDS_CHROMIUM = pytest.mark.skipif(
    not pdf.available(), reason="PDF needs headless Chromium (apt-get install chromium)"
)


def _achterhoek(tmp_path: Path, *options: str) -> str:
    out = tmp_path / "uit"
    args = ["report", str(ACHTERHOEK), "-r", "achterhoek-2019", "--peildatum", ACHTERHOEK_DAY, "-o", str(out)]
    result = CliRunner().invoke(main, [*args, *options])
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8") if not out.suffix else ""


def _settings(tmp_path: Path) -> Path:
    path = tmp_path / "brief.yaml"
    path.write_text(SETTINGS, encoding="utf-8")
    return path


def test_the_letter_has_sender_reference_date_contact_and_a_deadline_per_item(tmp_path: Path) -> None:
    letter = _achterhoek(tmp_path, "-f", "letter", "--letter-settings", str(_settings(tmp_path)))
    assert letter.startswith("**Sociaal Domein Achterhoek**\\\nTeam Inkoop\\\nPostbus 42")
    assert "| Kenmerk | SDA/2019/0417 |" in letter
    assert "| Datum | 3 juni 2019 |" in letter
    assert "| Contactpersoon | mevrouw J. de Vries, contractmanager" in letter
    assert "## Nodig bij uw inschrijving — uiterlijk 17 juni 2019" in letter
    items = [line for line in letter.splitlines() if line.startswith("- **")]
    owed = [line for line in items if "Stuur ons" in line or "Kijk of dat klopt" in line]
    assert owed
    assert all("*Uiterlijk 17 juni 2019.*" in line for line in owed)
    assert "Vermeld daarbij ons kenmerk SDA/2019/0417." in letter


def test_a_tariff_above_the_maximum_sets_the_lot_aside_and_is_never_to_be_put_right(tmp_path: Path) -> None:
    letter = _achterhoek(tmp_path, "-f", "letter")
    assert "Pas dit aan" not in letter
    m2 = next(line for line in letter.splitlines() if "(eis M2, perceel 2)" in line)
    assert "terzijde gelegd" in m2
    assert "niet meer herstellen" in m2
    lots = letter.split("## Wat dit betekent per perceel", 1)[1]
    assert "| 2 Ondersteuning groep gericht op ontwikkeling en stabilisatie | Terzijde gelegd (eis M2). |" in lots


def test_without_settings_the_issuer_signs_and_the_reference_comes_from_the_profile(tmp_path: Path) -> None:
    letter = cli_report(tmp_path, ROOT / "examples" / "verlopen-certificaat.yaml", "-f", "letter")
    assert letter.startswith("**Samen14")
    assert "| Kenmerk | twente-" in letter
    assert "*Uiterlijk 7 december 2026.*" in letter  # fourteen days after the peildatum


def test_the_letter_as_html_is_a_page_in_dutch_with_everything_escaped(tmp_path: Path) -> None:
    page = _achterhoek(tmp_path, "-f", "letter-html", "--letter-settings", str(_settings(tmp_path)))
    parsed = Page(page)
    assert parsed.named("html")[0]["lang"] == "nl"
    assert parsed.named("time")[0]["datetime"] == "2019-06-03"
    text = " ".join(parsed.text)
    assert "SDA/2019/0417" in text
    assert "terzijde gelegd" in text
    assert "<script" not in page


def test_letter_settings_are_checked_with_located_errors(tmp_path: Path) -> None:
    bad = tmp_path / "brief.yaml"
    bad.write_text("sender: {name: X}\nreply_within_days: 0\nsignatur: Y\n", encoding="utf-8")
    with pytest.raises(kr.KwaliteitsregelsError) as caught:
        load_letter_settings(bad)
    assert "brief.yaml" in str(caught.value)
    result = CliRunner().invoke(
        main, ["report", str(ACHTERHOEK), "-r", "achterhoek-2019", "--letter-settings", str(bad)]
    )
    assert result.exit_code == 2


def test_a_region_replaces_the_letter_template_with_its_own(tmp_path: Path) -> None:
    own = tmp_path / "sjablonen"
    own.mkdir()
    (own / "letter.md").write_text("EIGEN BRIEF {{ letter.reference }} {{ letter.provider }}\n", encoding="utf-8")
    letter = _achterhoek(tmp_path, "-f", "letter", "--templates", str(own))
    assert letter.startswith("EIGEN BRIEF achterhoek-2019-")
    report = example_report("verlopen-certificaat")
    assert render_letter(report, templates=own).startswith("EIGEN BRIEF twente-")
    assert render_letter_html(report, templates=own).startswith("<!DOCTYPE html>")  # the rest stays bundled
    assert render_letter(report).startswith("**Samen14")  # the override is gone after the call


def test_a_region_template_is_sandboxed(tmp_path: Path) -> None:
    own = tmp_path / "sjablonen"
    own.mkdir()
    (own / "letter.md").write_text("{{ letter.__class__.__init__.__globals__ }}\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"unsafe|not safely"):
        render_letter(example_report("verlopen-certificaat"), templates=own)


def test_the_assessor_report_shows_lots_times_municipalities_as_one_matrix(tmp_path: Path) -> None:
    page = _achterhoek(tmp_path, "-f", "html")
    parsed = Page(page)
    classes = [attrs.get("class") or "" for attrs in parsed.named("div")]
    assert sum("verdict verdict-" in c for c in classes) == 3  # overall, Jeugdwet, Wmo; lots are in the matrix
    assert any(attrs.get("class") == "matrix" for attrs in parsed.named("table"))
    text = " ".join(" ".join(parsed.text).split())
    assert "M2 Tarieven: niet boven het maximum" in text  # knock-outs by number and title
    assert "regel 1352" not in text  # Bron: the document's section, no line numbers
    assert "par. 5.3 Tarieven (M2)" in text
    assert "--stage" not in page
    assert "nog te beoordelen: ." not in text
    markdown = _achterhoek(tmp_path, "-f", "markdown")
    assert "### Oordeel per perceel en gemeente" in markdown
    assert "--stage" not in markdown


def test_counts_keep_accepted_and_pending_explanations_apart(tmp_path: Path) -> None:
    markdown = cli_report(tmp_path, ROOT / "examples" / "pas-toe-of-leg-uit.yaml", "-f", "markdown")
    report = example_report("pas-toe-of-leg-uit")
    states = [str(r.explanation.state) for r in report.results if r.status is kr.Status.EXPLAIN and r.explanation]
    assert f"| toelichting geaccepteerd | {states.count('accepted')} |" in markdown
    assert f"| toelichting nog te beoordelen | {states.count('pending')} |" in markdown


def test_json_findings_hold_plain_values_never_python_text() -> None:
    ruleset = kr.load_ruleset("handreiking-kwaliteit")
    profile = kr.load_profile(ROOT / "examples" / "handreiking" / "onder-de-maat.yaml", rulesets=[ruleset])
    document = json.loads(kr.evaluate(ruleset, profile, date(2026, 11, 23)).to_json())
    values = [f[k] for r in document["results"] for f in r["findings"] for k in ("expected", "actual")]
    values += [f["value"] for r in document["results"] for f in r["facts"]]
    text = json.dumps(values)
    assert "nl='" not in text
    assert "Decimal(" not in text
    assert "datetime.date(" not in text
    assert any(isinstance(v, list) and any(isinstance(x, dict) and "nl" in x for x in v) for v in values)


def test_pdf_without_a_renderer_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pdf.ENVIRONMENT_VARIABLE, str(tmp_path / "geen-chromium"))
    args = ["report", str(ROOT / "examples" / "zzp-jeugdhulp.yaml"), "-r", "twente", "-f", "pdf", "-o", "x.pdf"]
    result = CliRunner().invoke(main, [*args, "--peildatum", "2026-11-23"])
    assert result.exit_code == 2
    assert "Chromium" in result.output


@NEEDS_CHROMIUM
@pytest.mark.parametrize("fmt", ["pdf", "letter-pdf"])
def test_pdf_is_printed_from_the_html(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "document.pdf"
    args = ["report", str(ACHTERHOEK), "-r", "achterhoek-2019", "--peildatum", ACHTERHOEK_DAY, "-f", fmt]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return
    text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    pages = text.count("\f")
    assert (pages > 5) if fmt == "pdf" else (1 <= pages <= 10)
    assert "Woonzorg De Slinge B.V." in text
    assert ("terzijde" in text) if fmt == "letter-pdf" else ("M2 Tarieven" in text)


def test_to_frame_has_severity_explanation_missing_evidence_and_the_law() -> None:
    pytest.importorskip("pandas")
    frame = example_report("pas-toe-of-leg-uit").to_frame()
    assert {"severity", "explanation", "missing_evidence", "legal", "law_requirements"} <= set(frame.columns)
    assert set(frame["severity"].dropna()) <= {"knockout", "warning"}
    assert "accepted" in set(frame["explanation"].dropna())
    assert frame.loc["4", "law_requirements"] == "jeugdwet:4.1.1-2 (stricter)"
    expired = example_report("verlopen-certificaat").to_frame()
    assert expired["missing_evidence"].notna().any()


def test_the_advisor_charts_are_figures() -> None:
    pytest.importorskip("matplotlib")
    from kwaliteitsregels.reporting import charts  # noqa: PLC0415 - optional extra

    reports = [example_report(n) for n in ("pas-toe-of-leg-uit", "verlopen-certificaat")]
    assert charts.explanations_chart(reports).axes
    assert charts.expiring(reports[1], 12)[0][2] < 0  # expired before the peildatum
    assert charts.expiring_chart(reports[1], 12).axes
    achterhoek = kr.load_ruleset("achterhoek-2019")
    lots = kr.evaluate(achterhoek, kr.load_profile(ACHTERHOEK, rulesets=[achterhoek]), date(2019, 6, 1))
    assert charts.lots_chart(lots).axes
    twente, leeuwarden = kr.load_ruleset("twente"), kr.load_ruleset("leeuwarden-dagbesteding")
    profile = kr.load_profile(ROOT / "examples" / "wmo-thuisondersteuning.yaml", rulesets=[twente, leeuwarden])
    combined = kr.evaluate_all([twente, leeuwarden], profile, date(2026, 11, 23))
    figure = charts.frameworks_chart(combined)
    assert len(figure.axes[0].get_yticklabels()) == 4  # two frameworks and the two laws they build on


def test_pdf_is_written_to_a_file_never_to_the_terminal() -> None:
    args = ["report", str(ROOT / "examples" / "zzp-jeugdhulp.yaml"), "-r", "twente", "-f", "letter-pdf"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "-o" in result.output
    assert "%PDF" not in result.output
