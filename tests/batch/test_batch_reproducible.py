"""A round run again writes the same bytes: the overview workbook carries no clock."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kwaliteitsregels.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"


def _round(out: Path) -> None:
    args = ["batch", str(EXAMPLES / "batch" / "csv"), "-r", "twente", "--peildatum", "2026-11-23", "-o", str(out)]
    CliRunner().invoke(main, [*args, "-j", "1", "--no-resume", "-q"])


def test_the_same_round_run_later_gives_the_same_files(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    _round(tmp_path / "first")
    time.sleep(2.1)  # a zip dates its members to two seconds, the workbook's properties to one
    _round(tmp_path / "second")
    first = sorted(p.relative_to(tmp_path / "first") for p in (tmp_path / "first").rglob("*") if p.is_file())
    second = sorted(p.relative_to(tmp_path / "second") for p in (tmp_path / "second").rglob("*") if p.is_file())
    assert first == second
    assert Path("overzicht.xlsx") in first
    different = [p for p in first if (tmp_path / "first" / p).read_bytes() != (tmp_path / "second" / p).read_bytes()]
    assert different == []


def test_the_workbook_is_dated_the_reference_date_and_its_members_alike(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    _round(tmp_path)
    with zipfile.ZipFile(tmp_path / "overzicht.xlsx") as book:
        dates = {info.date_time for info in book.infolist()}
    assert len(dates) == 1  # one fixed date, not the time of writing
    assert dates.pop()[0] == 1980
    workbook = openpyxl.load_workbook(tmp_path / "overzicht.xlsx")
    assert workbook.properties.created.date().isoformat() == "2026-11-23"
    assert len(workbook.sheetnames) >= 4
