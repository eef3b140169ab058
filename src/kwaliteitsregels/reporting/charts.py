"""Charts of statuses (optional extra: `kwaliteitsregels[notebook]`). Each function returns a Figure.

`status_chart` (per category), `summary_chart` (per provider), `explanations_chart` (explanations by
state, per provider), `expiring_chart` (documents that expire within N months), `lots_chart` (lots ×
municipalities) and `frameworks_chart` (one provider against several frameworks, side by side).

No pyplot: figures are made with `matplotlib.figure.Figure`, so nothing is shown or kept as global
state; Jupyter displays a returned Figure, and `fig.savefig(...)` writes it. Every status has its
own hatching as well as its own colour, and the legend names it, so the charts read in grey too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kwaliteitsregels import messages
from kwaliteitsregels.combined import CombinedReport
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
    _stacked(axes, [_plain(c) for c in counts], list(counts.values()), lang)
    axes.set_ylabel(messages.text("nb.category", lang))
    axes.set_title(messages.text("chart.by_category", lang, provider=_plain(report.provider)), loc="left")
    return figure


def summary_chart(reports: Sequence[Report], lang: Lang = "nl") -> Figure:
    """One stacked bar per provider, with its verdict written after the bar."""
    figure = _figure(len(reports))
    axes = figure.add_subplot()
    labels = [_plain(r.provider) for r in reports]
    _stacked(axes, labels, [r.counts() for r in reports], lang)
    for row, report in enumerate(reports):
        total = sum(report.counts().values())
        verdict = messages.text(f"verdict.{report.verdict}", lang)
        axes.annotate(f" {verdict}", (total, row), va="center", fontsize="small")
    axes.set_xlim(0, max((sum(r.counts().values()) for r in reports), default=1) * 1.3)
    axes.set_title(messages.text("chart.by_provider", lang), loc="left")
    return figure


EXPLANATION_STYLE: dict[str, tuple[str, str]] = {
    "pending": ("#e0a100", "//"),
    "accepted": ("#00796b", ""),
    "rejected": ("#c62828", "xx"),
    "expired": ("#6d4c41", "\\\\"),
}


def explanations_chart(reports: Sequence[Report], lang: Lang = "nl") -> Figure:
    """One stacked bar per provider: its explanations by state (to assess, accepted, rejected, expired)."""
    figure = _figure(len(reports))
    axes = figure.add_subplot()
    left = [0] * len(reports)
    labels = [_plain(r.provider) for r in reports]
    for state, (colour, hatch) in EXPLANATION_STYLE.items():
        values = [sum(1 for x in r.results if x.explanation and str(x.explanation.state) == state) for r in reports]
        label = messages.text(f"state.{state}", lang)
        axes.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="white", linewidth=0.6, label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    _finish(axes, messages.text("chart.explanations", lang), messages.text("chart.count", lang), len(EXPLANATION_STYLE))
    return figure


def _finish(axes: Axes, title: str, xlabel: str, columns: int) -> None:
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 - optional extra

    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(xlabel)
    axes.set_title(title, loc="left")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=columns, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)


def expiring(report: Report, months: int = 6, lang: Lang = "nl") -> list[tuple[str, date, int]]:
    """The provider's documents whose validity ends within `months` of the peildatum (or has ended).

    `(title, valid until, days left)`, soonest first; days left is negative for an expired document.
    """
    horizon = report.peildatum + _months(months)
    titles = {kind: text for req in report.ruleset.requirements for kind, text in req.evidence_titles.items()}
    found = [
        (titles[d.type].get(lang) if d.type in titles else d.title or d.type, d.valid_until)
        for d in report.profile.documents
        if d.valid_until is not None and d.valid_until <= horizon
    ]
    return sorted(((t, v, (v - report.peildatum).days) for t, v in found), key=lambda item: item[1])


def _months(months: int) -> timedelta:
    """About `months` months (30.44 days each): the horizon of `expiring`."""
    return timedelta(days=round(30.44 * months))


def expiring_chart(report: Report, months: int = 6, lang: Lang = "nl") -> Figure:
    """Days until each document expires, for those expiring within `months` (expired ones below zero)."""
    items = expiring(report, months, lang)
    figure = _figure(max(len(items), 1))
    axes = figure.add_subplot()
    labels = [f"{_short(title)} ({until.isoformat()})" for title, until, _ in items]
    days = [left for _, _, left in items]
    colours = ["#c62828" if d < 0 else "#e0a100" for d in days]
    if items:
        axes.barh(labels, days, color=colours, hatch="xx", edgecolor="white")
    axes.axvline(0, color="#1b1b1b", linewidth=0.8)
    axes.invert_yaxis()
    axes.set_xlabel(messages.text("chart.days_left", lang))
    title = messages.text("chart.expiring", lang, provider=_plain(report.provider), months=months)
    axes.set_title(title if items else f"{title}: {messages.text('chart.none', lang)}", loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _short(text: str, most: int = 40) -> str:
    return _plain(text if len(text) <= most else text[: most - 1].rstrip() + "…")


def _plain(text: str) -> str:
    r"""Text from a profile or ruleset as it is written: a `$` shown, never the start of matplotlib's mathtext.

    Two dollar signs in a name (`Zorg $ en $ Co`) would be parsed as a formula, and one that does not parse
    raises `ValueError` while the figure is drawn; an escaped `\$` is drawn as a plain `$`.
    """
    return text.replace("$", r"\$")


VERDICT_SHADE = {"voldoet": 2, "beoordeling_nodig": 1, "voldoet_niet": 0}


def lots_chart(report: Report, lang: Lang = "nl") -> Figure:
    """Lots × municipalities: the verdict of each lot registered for, in each municipality that buys it."""
    from matplotlib.colors import ListedColormap  # noqa: PLC0415 - optional extra

    lots = report.lot_verdicts()
    places = report.municipality_verdicts()
    grid = [[VERDICT_SHADE[str(lot.verdict)] if lot.lot in p.lots else -1 for p in places] for lot in lots]
    figure = _figure(max(len(lots), 1))
    axes = figure.add_subplot()
    cmap = ListedColormap(["#eeeeee", "#c62828", "#e0a100", "#2e7d32"])
    axes.imshow(grid or [[-1]], cmap=cmap, vmin=-1.5, vmax=2.5, aspect="auto")
    marks = {-1: "—", 0: "✗", 1: "?", 2: "✓"}
    for row, cells in enumerate(grid):
        for column, value in enumerate(cells):
            axes.text(column, row, marks[value], ha="center", va="center", color="black" if value < 0 else "white")
    axes.set_xticks(range(len(places)), [_plain(p.municipality) for p in places], rotation=45, ha="right")
    axes.set_yticks(range(len(lots)), [messages.text("lot", lang, lot=_plain(lot.lot)) for lot in lots])
    axes.set_title(messages.text("chart.lots", lang, provider=_plain(report.provider)), loc="left")
    return figure


def frameworks_chart(combined: CombinedReport, lang: Lang = "nl") -> Figure:
    """One provider against several frameworks (and the law once): a stacked bar of statuses per framework."""
    reports: dict[str, Report] = {r.ruleset.id: r for r in combined.reports}
    for report in combined.reports:
        reports.update(report.base_reports())
    figure = _figure(len(reports))
    axes = figure.add_subplot()
    labels = [_short(r.ruleset.spec.title.get(lang)) for r in reports.values()]
    _stacked(axes, labels, [r.counts() for r in reports.values()], lang)
    provider = combined.reports[0].provider
    axes.set_title(messages.text("chart.frameworks", lang, provider=_plain(provider)), loc="left")
    return figure
