"""examples/notebooks/beleidsadviseur.ipynb runs from top to bottom in a fresh kernel.

The notebook is executed in memory with its parameters cell pointed at the repository's examples
and at a temporary folder for what it writes (the Excel export, the comparison and impact pages, the
proposed version of the ruleset): nothing is written back into the repository. What it shows is
checked in its outputs: the charts, the tables and the pages a policy advisor hands on.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser
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


def _shown(notebook: Any, containing: str) -> str:
    """The plain text of what the code cell whose source contains `containing` shows."""
    (cell,) = [c for c in notebook.cells if c.cell_type == "code" and containing in c.source]
    return "".join(o.get("data", {}).get("text/plain", o.get("text", "")) for o in cell.outputs)


class _Rows(HTMLParser):
    """The cells of every table row in an HTML output (a DataFrame as Jupyter shows it)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 - any row
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"} and self.rows:
            self.rows[-1].append("")

    def handle_data(self, data: str) -> None:
        if self.rows and self.rows[-1]:
            self.rows[-1][-1] += data.strip()


def _table(notebook: Any, containing: str) -> list[list[str]]:
    (cell,) = [c for c in notebook.cells if c.cell_type == "code" and containing in c.source]
    return _Rows("".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)).rows


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path, float]:
    tmp_path = tmp_path_factory.mktemp("notebook")
    with pytest.MonkeyPatch.context() as monkeypatch:
        started = time.monotonic()
        notebook = _execute(tmp_path, monkeypatch)
        return notebook, tmp_path, time.monotonic() - started


def test_notebook_executes_and_exports_to_excel(executed: tuple[Any, Path, float]) -> None:
    notebook, tmp_path, elapsed = executed
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = [kind for o in outputs for kind in o.get("data", {})]
    # comparison, detail, explanations by state, expiring documents, frameworks side by side, lots x municipalities
    assert kinds.count("image/png") == 6
    assert kinds.count("text/html") >= 10, "the ruleset, the summary, the differences, the failures and more as tables"
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


def test_the_newer_charts_show_what_the_advisor_asked_for(executed: tuple[Any, Path, float]) -> None:
    notebook, _, _ = executed
    assert "Zorgboerderij De Hoge Esch" in _shown(notebook, "expiring(rapport, months=12)")  # its expired certificate
    frameworks = _shown(notebook, "beide = kr.evaluate_all")
    assert "twente" in frameworks
    assert "leeuwarden-dagbesteding" in frameworks
    assert "voldoet" in frameworks


def test_the_frameworks_are_compared_and_the_page_is_written(executed: tuple[Any, Path, float]) -> None:
    notebook, tmp_path, _ = executed
    law = _shown(notebook, 'wet = tabellen["law"]')
    assert "herhaalt de wet" in law
    assert "achterhoek-2019" in law
    burden = _shown(notebook, 'lasten = tabellen["burden"]')
    assert "knock-outeisen" in burden
    assert "jeugdwet" in burden  # the law the frameworks build on, once
    core = _shown(notebook, 'kern = tabellen["subjects"]')
    assert "Actuele en passende VOG" in core  # Twente and Achterhoek both ask for a VOG
    page = (tmp_path / "uitvoer" / "vergelijking-kaders.html").read_text("utf-8").replace("\u00ad", "")
    assert page.startswith("<!DOCTYPE html>")
    assert "Voorstel gemeenschappelijke kern" in page
    assert page.count("<svg") == 3


def test_the_impact_of_a_new_version_names_whose_outcome_changes(executed: tuple[Any, Path, float]) -> None:
    notebook, tmp_path, _ = executed
    changed = _shown(notebook, "gevolgen = impact_document")
    assert "Actuele en passende VOG" in changed
    assert "strenger" in changed
    (_, (*_, parameter)) = _table(notebook, "gevolgen = impact_document")
    assert parameter == "Professionals: VOG afgegeven op, niet ouder dan: 5 jaar → 3 jaar"  # in words, old → new
    header, *rows = _table(notebook, "per_aanbieder = impact_frame")
    assert header[1:] == ["aanbieder", "oordeel nu", "oordeel met voorstel", "eis", "nu", "met voorstel"]
    regge = next(row[1:] for row in rows if row[1] == "Stichting Regge en Dinkel Zorggroep")
    assert regge == ["Stichting Regge en Dinkel Zorggroep", "voldoet", "voldoet niet", "8", "voldaan", "niet voldaan"]
    kompas = next(row[1:] for row in rows if row[1] == "Jeugdpraktijk Kompas")
    assert kompas[1] == kompas[2] == "beoordeling nodig"  # its VOG is recent: no change
    page = (tmp_path / "uitvoer" / "gevolgen-vog-3-jaar.html").read_text("utf-8")
    assert "Regge en Dinkel" in page
    assert (tmp_path / "uitvoer" / "twente-voorstel" / "ruleset.yaml").is_file()  # the proposal, beside the output
