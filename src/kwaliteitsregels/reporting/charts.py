"""Charts of statuses (optional extra: `kwaliteitsregels[notebook]`). Each function returns a Figure.

No pyplot: figures are made with `matplotlib.figure.Figure`, so nothing is shown or kept as global
state; Jupyter displays a returned Figure, and `fig.savefig(...)` writes it. Every status has its
own hatching as well as its own colour, and the legend names it, so the charts read in grey too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kwaliteitsregels import messages
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.frame import require
from kwaliteitsregels.results import Report, Status

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

STYLE: dict[Status, tuple[str, str]] = {
    Status.PASS: ("#2e7d32", ""),
    Status.FAIL: ("#c62828", "xx"),
    Status.EXPLAIN: ("#e0a100", "//"),
    Status.NOT_APPLICABLE: ("#9e9e9e", ".."),
}


def _stacked(axes: Axes, labels: list[str], counts: list[dict[Status, int]], lang: Lang) -> None:
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 - optional extra

    left = [0] * len(labels)
    for status, (colour, hatch) in STYLE.items():
        values = [c[status] for c in counts]
        label = messages.text(f"status.{status}", lang)
        axes.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="white", linewidth=0.6, label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(messages.text("chart.requirements", lang))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=len(STYLE), frameon=False)
    axes.spines[["top", "right"]].set_visible(False)


def _figure(rows: int) -> Figure:
    require("matplotlib", "charts")
    from matplotlib.figure import Figure  # noqa: PLC0415 - optional extra

    return Figure(figsize=(9, 1.6 + 0.45 * rows), layout="constrained")


def status_chart(report: Report, lang: Lang = "nl") -> Figure:
    """One stacked bar per category of the ruleset: how many requirements got each status."""
    counts: dict[str, dict[Status, int]] = {}
    for result in report.results:
        category = result.requirement.spec.category
        counts.setdefault(category, dict.fromkeys(Status, 0))[result.status] += 1
    figure = _figure(len(counts))
    axes = figure.add_subplot()
    _stacked(axes, list(counts), list(counts.values()), lang)
    axes.set_ylabel(messages.text("nb.category", lang))
    axes.set_title(messages.text("chart.by_category", lang, provider=report.provider), loc="left")
    return figure


def summary_chart(reports: Sequence[Report], lang: Lang = "nl") -> Figure:
    """One stacked bar per provider, with its verdict written after the bar."""
    figure = _figure(len(reports))
    axes = figure.add_subplot()
    labels = [r.provider for r in reports]
    _stacked(axes, labels, [r.counts() for r in reports], lang)
    for row, report in enumerate(reports):
        total = sum(report.counts().values())
        verdict = messages.text(f"verdict.{report.verdict}", lang)
        axes.annotate(f" {verdict}", (total, row), va="center", fontsize="small")
    axes.set_xlim(0, max((sum(r.counts().values()) for r in reports), default=1) * 1.3)
    axes.set_title(messages.text("chart.by_provider", lang), loc="left")
    return figure
