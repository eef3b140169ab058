"""A round run again writes the same bytes: the overview workbook carries no clock, wherever it is written."""

from __future__ import annotations

import os
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kwaliteitsregels.batch import Settings, overview, run_batch
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


def test_the_workbook_is_the_same_written_beside_the_page_or_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("xlsxwriter")
    _round(tmp_path / "beside")  # in a forked process while the JSON and the page are written
    monkeypatch.setattr(overview, "_forked", lambda *_: None)  # as where there is no fork: one after the other
    _round(tmp_path / "after")
    workbook = Path("overzicht.xlsx")
    assert (tmp_path / "beside" / workbook).read_bytes() == (tmp_path / "after" / workbook).read_bytes()


def test_a_workbook_the_forked_process_could_not_write_is_written_by_the_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("xlsxwriter")
    _round(tmp_path / "normal")
    parent, write = os.getpid(), overview.write_xlsx

    def only_here(document: dict[str, Any], path: Path) -> None:
        if os.getpid() != parent:
            raise OSError(28, "No space left on device")  # in the forked process
        write(document, path)

    monkeypatch.setattr(overview, "write_xlsx", only_here)
    _round(tmp_path / "again")
    workbook = Path("overzicht.xlsx")
    assert (tmp_path / "again" / workbook).read_bytes() == (tmp_path / "normal" / workbook).read_bytes()


def test_a_workbook_that_cannot_be_written_at_all_stops_the_round_with_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("xlsxwriter")

    def never(_document: dict[str, Any], _path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(overview, "write_xlsx", never)
    settings = Settings(("twente",), date(2026, 11, 23), outdir=str(tmp_path), resume=False)
    with pytest.raises(OSError, match="No space left"):
        run_batch([EXAMPLES / "batch" / "csv"], settings, jobs=1)
    assert (tmp_path / "overzicht.html").exists()  # what could be written was
    assert not (tmp_path / "overzicht.xlsx").exists()
