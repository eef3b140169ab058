"""The batch through the CLI and the public API: intake formats, located errors, overview, resume, workers."""

from __future__ import annotations

import gc
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.batch import Settings, evaluate_many, run_batch
from kwaliteitsregels.cli import main
from kwaliteitsregels.hashing import canonical_hash
from kwaliteitsregels.reporting.frame import long_frame

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = ROOT / "examples"
PEILDATUM = "2026-11-23"
NAMES = ["zzp-jeugdhulp", "verlopen-certificaat", "pas-toe-of-leg-uit"]


def _batch(out: Path, *intake: str | Path, jobs: int = 1, extra: tuple[str, ...] = ()) -> tuple[int, dict[str, Any]]:
    args = ["batch", *map(str, intake), "-r", "twente", "--peildatum", PEILDATUM, "-o", str(out), "-j", str(jobs)]
    result = CliRunner().invoke(main, [*args, *extra])
    overview = json.loads((out / "overzicht.json").read_text(encoding="utf-8"))
    return result.exit_code, overview


@pytest.mark.parametrize("intake", ["batch/csv", "batch/aanbieders.xlsx"])
def test_a_spreadsheet_gives_the_same_profiles_as_the_files(tmp_path: Path, intake: str) -> None:
    code, overview = _batch(tmp_path, EXAMPLES / intake)
    assert code == 1  # one provider needs assessment, the others fail
    assert [p["name"] for p in overview["providers"]] == NAMES
    twente = kr.load_ruleset("twente")
    for name in NAMES:
        row = json.loads((tmp_path / "aanbieders" / name / "rij.json").read_text(encoding="utf-8"))
        profile = kr.load_profile(EXAMPLES / f"{name}.yaml", rulesets=[twente])
        assert row["record"]["profile_hash"] == canonical_hash(profile.model_dump(mode="json"))
        report = json.loads((tmp_path / "aanbieders" / name / "rapport.json").read_text(encoding="utf-8"))
        assert report["decision_record"]["profile_hash"] == row["record"]["profile_hash"]
        assert (tmp_path / "aanbieders" / name / "rapport.html").exists()
        assert (tmp_path / "aanbieders" / name / "brief.md").exists()
    assert (tmp_path / "overzicht.html").exists()
    assert (tmp_path / "overzicht.xlsx").exists()


def test_errors_name_file_sheet_row_and_column_and_stop_no_one_else(tmp_path: Path) -> None:
    code, overview = _batch(tmp_path, FIXTURES / "csv-fouten")
    assert code == 2
    by_name = {p["name"]: p for p in overview["providers"]}
    assert by_name["zzp-jeugdhulp"]["evaluated"]
    bad_date = by_name["verlopen-certificaat"]["problems"]
    assert not by_name["verlopen-certificaat"]["evaluated"]
    assert any("professionals.csv[professionals]:3:5" in p and "VOG afgegeven op" in p for p in bad_date)
    unknown = by_name["pas-toe-of-leg-uit"]["problems"]
    assert any("aanbieders.csv[aanbieders]:4:" in p and "'kleur'" in p for p in unknown)
    assert any("insurances.csv[insurances]:3:1" in p and "'zzp-jeugdhulp'" in p for p in overview["problems"])
    html = (tmp_path / "overzicht.html").read_text(encoding="utf-8")
    assert "niet getoetst" in html


def test_a_bad_profile_file_is_listed_with_its_line(tmp_path: Path) -> None:
    code, overview = _batch(tmp_path, FIXTURES / "profielen")
    assert code == 2
    bad = next(p for p in overview["providers"] if p["name"] == "kapot")
    assert not bad["evaluated"]
    assert "kapot.yaml" in bad["problems"][0]
    assert next(p for p in overview["providers"] if p["name"] == "formule")["evaluated"]


def test_the_overview_workbook_is_safe_against_formulas(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    _batch(tmp_path, FIXTURES / "profielen" / "formule.yaml")
    book = openpyxl.load_workbook(tmp_path / "overzicht.xlsx")
    values = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_resume_skips_unchanged_providers_and_redoes_changed_ones(tmp_path: Path) -> None:
    intake = tmp_path / "in"
    shutil.copytree(EXAMPLES / "batch" / "csv", intake)
    _, first = _batch(tmp_path / "out", intake)
    assert first["counts"]["reused"] == 0
    _, again = _batch(tmp_path / "out", intake)
    assert again["counts"]["reused"] == 3
    sheet = intake / "aanbieders.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("Jeugdpraktijk Kompas", "Kompas"), encoding="utf-8")
    _, changed = _batch(tmp_path / "out", intake)
    assert changed["counts"]["reused"] == 2
    assert [p["reused"] for p in changed["providers"]] == [False, True, True]
    _, fresh = _batch(tmp_path / "out", intake, extra=("--no-resume",))
    assert fresh["counts"]["reused"] == 0


def test_workers_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    _, one = _batch(tmp_path / "een", EXAMPLES / "batch" / "csv", EXAMPLES / "*.yaml", jobs=1)
    _, two = _batch(tmp_path / "twee", EXAMPLES / "batch" / "csv", EXAMPLES / "*.yaml", jobs=2)
    assert one == two
    for row in one["providers"]:
        a = (tmp_path / "een" / "aanbieders" / row["slug"] / "rapport.json").read_bytes()
        assert a == (tmp_path / "twee" / "aanbieders" / row["slug"] / "rapport.json").read_bytes()


def test_evaluate_many_is_lazy_and_frames_line_up_across_providers() -> None:
    pytest.importorskip("pandas")
    import pandas as pd  # noqa: PLC0415 - optional extra, skipped without it

    rulesets = [kr.load_ruleset("twente"), kr.load_ruleset("achterhoek-2019")]
    items = evaluate_many(EXAMPLES / "achterhoek", rulesets, date(2019, 7, 1))
    first = next(items)
    assert first.report is not None
    reports = [first.report, *(i.report for i in items if i.report is not None)]
    achterhoek = [r.reports[1] for r in reports]
    frame = achterhoek[0].to_frame()
    assert frame.index.is_unique
    assert any("[" in key for key in frame.index)  # per-lot requirements, one row per lot
    side_by_side = pd.DataFrame({r.provider: r.to_frame()["label"] for r in achterhoek})  # the notebook's recipe
    assert side_by_side.shape[1] == len(achterhoek)
    combined = reports[0].to_frame()
    assert combined.index.is_unique
    assert set(combined["framework"]) >= {"twente", "achterhoek-2019", "jeugdwet"}
    tidy = long_frame(reports)
    assert list(tidy.columns)[:4] == ["provider", "framework", "requirement", "lot"]
    assert len(tidy) == sum(len(r.to_frame()) for r in reports)


def test_the_overview_json_holds_one_provider_per_line(tmp_path: Path) -> None:
    _, overview = _batch(tmp_path, *(EXAMPLES / f"{name}.yaml" for name in NAMES))
    lines = (tmp_path / "overzicht.json").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line.strip().rstrip(","))["name"] for line in lines if line.startswith('  {"name"')] == NAMES
    assert overview["schema"] == "kwaliteitsregels/batch-overview/v1"


def test_a_batch_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    """While it runs, what existed before is frozen out of full collections; afterwards nothing is."""
    before = (gc.get_threshold(), gc.get_freeze_count())
    frozen: list[int] = []
    settings = Settings(("twente",), date(2026, 11, 23), outdir=str(tmp_path))
    intake = [EXAMPLES / f"{name}.yaml" for name in NAMES]
    result = run_batch(intake, settings, progress=lambda _row: frozen.append(gc.get_freeze_count()))
    assert len(result.rows) == len(NAMES)
    assert min(frozen) > 0
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
