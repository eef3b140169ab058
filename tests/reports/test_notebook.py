"""examples/notebooks/beleidsadviseur.ipynb runs from top to bottom in a fresh kernel.

The notebook is executed in memory with its parameters cell pointed at the repository's examples
and at a temporary folder for the Excel export: nothing is written back into the repository.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from report_helpers import ROOT

NOTEBOOK = ROOT / "examples" / "notebooks" / "beleidsadviseur.ipynb"
TIMEOUT = 180  # seconds per cell; the whole notebook takes a few seconds


def _execute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    # Only the kernel spec in this interpreter's environment (ipykernel's), not a user's own "python3".
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    (parameters,) = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    parameters.source = "\n".join(
        [
            "from pathlib import Path",
            f"VOORBEELDEN = Path({str(ROOT / 'examples')!r})",
            f"UITVOER = Path({str(tmp_path / 'uitvoer')!r})",
            'PEILDATUM = "2026-11-23"',
        ],
    )
    client = NotebookClient(
        notebook, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    return notebook


def test_notebook_executes_and_exports_to_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = time.monotonic()
    notebook = _execute(tmp_path, monkeypatch)
    elapsed = time.monotonic() - started
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = [kind for o in outputs for kind in o.get("data", {})]
    assert kinds.count("image/png") == 2, "the comparison chart and the detail chart"
    assert kinds.count("text/html") >= 4, "the ruleset, the summary, the differences and the failures as tables"
    with pd.ExcelFile(tmp_path / "uitvoer" / "vergelijking-twente.xlsx") as workbook:
        assert workbook.sheet_names == [
            "Overzicht",
            "Per eis",
            "Jeugdpraktijk Kompas",
            "Zorgboerderij De Hoge Esch",
            "Stichting Het Vlierbos",
        ]
    assert not (NOTEBOOK.parent / "uitvoer").exists(), "the test wrote into the repository"
    assert elapsed < 120, f"the notebook took {elapsed:.0f} s"
