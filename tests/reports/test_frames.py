"""DataFrames and charts for notebooks, and the clear error when the optional extra is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure
from report_helpers import example_report

import kwaliteitsregels as kr
from kwaliteitsregels.errors import MissingExtraError
from kwaliteitsregels.explain import missing_documents
from kwaliteitsregels.reporting.charts import status_chart, summary_chart
from kwaliteitsregels.reporting.frame import summary_frame

NAMES = ["zzp-jeugdhulp", "verlopen-certificaat", "pas-toe-of-leg-uit"]


def test_to_frame_has_one_row_per_requirement() -> None:
    report = example_report("pas-toe-of-leg-uit")
    frame = report.to_frame()
    assert frame.shape == (len(report.results), 14)
    assert list(frame.columns) == [
        "requirement",
        "title",
        "status",
        "label",
        "category",
        "theme",
        "lot",
        "source",
        "reason",
        "severity",
        "explanation",
        "missing_evidence",
        "legal",
        "law_requirements",
    ]
    assert frame.index.name == "id"
    assert list(frame.index) == [r.id for r in report.results]
    assert list(frame["status"].cat.categories) == ["pass", "fail", "explain", "not_applicable"]
    assert frame["status"].value_counts().to_dict() == {str(s): n for s, n in report.counts().items()}
    assert frame.loc["30", "label"] == "niet voldaan"
    assert frame.loc["1", "source"] == "1.1:631"
    assert frame["lot"].isna().all()


def test_to_frame_follows_the_language() -> None:
    frame = example_report("verlopen-certificaat").to_frame("en")
    assert frame.loc["1", "title"] == "Quality management system"
    assert str(frame.loc["1", "reason"]).startswith("Not met:")


def test_summary_frame_has_one_row_per_provider() -> None:
    reports = [example_report(n) for n in NAMES]
    frame = summary_frame(reports)
    assert list(frame.index) == [r.provider for r in reports]
    assert list(frame.columns) == [
        "verdict",
        "verdict_label",
        "pass",
        "fail",
        "explain",
        "not_applicable",
        "missing_documents",
    ]
    for report in reports:
        assert frame.loc[report.provider, "verdict"] == str(report.verdict)
        assert frame.loc[report.provider, "missing_documents"] == len(missing_documents(report))
    assert (frame[["pass", "fail", "explain", "not_applicable"]].sum(axis=1) == 51).all()


def test_status_chart_is_a_figure_with_a_bar_per_category_and_status() -> None:
    report = example_report("pas-toe-of-leg-uit")
    figure = status_chart(report)
    assert isinstance(figure, Figure)
    (axes,) = figure.axes
    categories = {r.requirement.spec.category for r in report.results}
    assert len(axes.patches) == len(categories) * len(kr.Status)
    legend = axes.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "voldaan",
        "niet voldaan",
        "toelichting",
        "niet van toepassing",
    ]
    assert sum(p.get_width() for p in axes.patches) == len(report.results)  # type: ignore[attr-defined]


def test_summary_chart_names_each_verdict() -> None:
    reports = [example_report(n) for n in NAMES]
    figure = summary_chart(reports, "en")
    (axes,) = figure.axes
    assert [t.get_text() for t in axes.get_yticklabels()] == [r.provider for r in reports]
    labels = {"voldoet": "compliant", "voldoet_niet": "not compliant", "beoordeling_nodig": "needs assessment"}
    assert [t.get_text().strip() for t in axes.texts] == [labels[str(r.verdict)] for r in reports]


def test_missing_pandas_is_a_clear_library_error(monkeypatch: pytest.MonkeyPatch) -> None:
    report = example_report("zzp-jeugdhulp")
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError) as caught:
        report.to_frame()
    message = str(caught.value)
    assert message.startswith("pandas is niet geïnstalleerd")
    assert "pip install 'kwaliteitsregels[notebook]'" in message
    assert isinstance(caught.value, kr.KwaliteitsregelsError)
    assert isinstance(caught.value, ImportError)


def test_missing_matplotlib_is_a_clear_library_error(monkeypatch: pytest.MonkeyPatch) -> None:
    report = example_report("zzp-jeugdhulp")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"matplotlib is niet geïnstalleerd.*kwaliteitsregels\[notebook\]"):
        status_chart(report)


def test_frames_export_to_excel(tmp_path: Path) -> None:
    frame = example_report("zzp-jeugdhulp").to_frame()
    target = tmp_path / "eisen.xlsx"
    frame.to_excel(target)
    back = pd.read_excel(target, index_col="id", dtype={"id": str})
    assert list(back.index) == list(frame.index)
    assert list(back["status"]) == list(frame["status"].astype(str))
