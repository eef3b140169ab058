"""Without the batch extra, `batch` says how to install it before it evaluates anyone, and never shows a traceback."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.batch import Settings, run_batch
from kwaliteitsregels.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"
ARGS = ["-r", "twente", "--peildatum", "2026-11-23", "-j", "1", "-q"]


def test_without_the_workbook_writer_nothing_is_evaluated_and_the_install_line_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if not installed
    result = CliRunner().invoke(main, ["batch", str(EXAMPLES / "zzp-jeugdhulp.yaml"), *ARGS, "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "pip install 'kwaliteitsregels[batch]'" in result.output
    assert "xlsxwriter" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "aanbieders").exists()  # refused before any provider was evaluated
    settings = Settings(("twente",), date(2026, 11, 23), outdir=str(tmp_path / "python"))
    with pytest.raises(kr.KwaliteitsregelsError, match="kwaliteitsregels\\[batch\\]"):
        run_batch([EXAMPLES / "zzp-jeugdhulp.yaml"], settings)
    assert not (tmp_path / "python").exists()


def test_a_workbook_intake_without_openpyxl_is_an_intake_problem_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    intake = [str(EXAMPLES / "batch" / "aanbieders.xlsx"), str(EXAMPLES / "zzp-jeugdhulp.yaml")]
    result = CliRunner().invoke(main, ["batch", *intake, *ARGS, "-o", str(tmp_path)])  # -q: stdout only
    assert result.exit_code == 2
    assert "aanbieders.xlsx" in result.output
    assert "pip install 'kwaliteitsregels[batch]'" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "overzicht.json").exists()  # the other provider was evaluated all the same
