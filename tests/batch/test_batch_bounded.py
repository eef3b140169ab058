"""Hostile input, class 8, for the batch intake: only regular files are read, and never past the size limit.

Before, a named pipe in the intake folder made the batch wait for ever (`read_bytes` on a pipe without a
writer) and a JSON profile of any size was read whole before its size was looked at.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from kwaliteitsregels.batch import Settings, run_batch

EXAMPLES = Path(__file__).parents[2] / "examples"
PEILDATUM = date(2026, 11, 23)
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _run(intake: Path) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """(problems per provider that was not evaluated, evaluated providers, codes of the intake's own problems)."""
    result = run_batch([intake], Settings(("twente",), PEILDATUM))
    failed = {row.name: row.problems for row in result.rows if not row.evaluated}
    evaluated = [row.name for row in result.rows if row.evaluated]
    return failed, evaluated, [p.code for p in result.problems]


@POSIX_ONLY
def test_a_named_pipe_among_the_profiles_is_refused_and_the_others_are_evaluated(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "zzp-jeugdhulp.yaml", tmp_path / "zzp-jeugdhulp.yaml")
    os.mkfifo(tmp_path / "pijp.json")  # no writer: reading it would wait for ever
    failed, evaluated, _ = _run(tmp_path)
    assert evaluated == ["zzp-jeugdhulp"]
    assert list(failed) == ["pijp"]
    assert any("not-a-file" in line for line in failed["pijp"]), failed


def test_a_json_profile_past_the_size_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "groot.json"
    path.write_text(json.dumps({"organisation": {"name": "Groot"}}), encoding="utf-8")
    with path.open("r+b") as handle:
        handle.truncate(4 * 1024**3)  # 4 GiB (sparse: no disk used); read whole, it would fill the memory
    failed, evaluated, _ = _run(tmp_path)
    assert evaluated == []
    assert any("too-large" in line for line in failed["groot"]), failed


@POSIX_ONLY
def test_a_named_pipe_as_a_csv_sheet_is_a_problem_of_the_intake(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    shutil.copytree(EXAMPLES / "batch" / "csv", folder)
    sheet = next(p for p in sorted(folder.glob("*.csv")) if p.stem != "aanbieders")
    sheet.unlink()
    os.mkfifo(sheet)
    failed, evaluated, codes = _run(folder)
    assert (failed, evaluated) == ({}, [])  # the workbook could not be read: no provider from it
    assert codes == ["not-a-file"]


def test_a_workbook_that_would_unzip_past_the_limit_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    """A zip bomb as `.xlsx`: 120 MB of zeros compress to about 120 kB; its index says how far it unpacks."""
    bomb = tmp_path / "aanbieders.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 120_000_000)
    assert bomb.stat().st_size < 1_000_000
    failed, evaluated, codes = _run(bomb)
    assert (failed, evaluated, codes) == ({}, [], ["too-large"])
