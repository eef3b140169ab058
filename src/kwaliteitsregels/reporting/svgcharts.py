"""Charts as inline SVG, for self-contained pages: no scripts, no external assets, every text escaped.

Each chart is an `<svg role="img">` with a `<title>` and a `<desc>`; the numbers are also in a table
beside it on the page, so nothing is told by colour or picture alone. Patterns beside colours tell
the series apart in print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Colour-blind safe (Okabe–Ito), each with its own dash for print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
_ROW = 26
_LABEL = 190
_WIDTH = 720


@dataclass(frozen=True, slots=True)
class Series:
    """One named part of a stacked bar."""

    name: str
    values: tuple[int, ...]  # one per bar


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" font-family="system-ui, sans-serif" font-size="12">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
    )
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704 - every text escaped above and below


def _legend(series: Sequence[Series], y: int) -> list[str]:
    parts, x = [], _LABEL
    for i, item in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{y + 10}">{escape(item.name)}</text>')
        x += 24 + 7 * len(item.name)
    return parts


def stacked_bars(bars: Sequence[str], series: Sequence[Series], title: str, desc: str) -> Markup:
    """Horizontal stacked bars: one per label in `bars`, one segment per series, the total at the end."""
    totals = [sum(s.values[i] for s in series) for i in range(len(bars))]
    scale = (_WIDTH - _LABEL - 60) / max(max(totals, default=0), 1)
    body: list[str] = []
    for i, label in enumerate(bars):
        y = 10 + i * _ROW
        body.append(f'<text x="{_LABEL - 8}" y="{y + 14}" text-anchor="end">{escape(label)}</text>')
        x = float(_LABEL)
        for j, item in enumerate(series):
            value = item.values[i]
            if value:
                width = value * scale
                colour = PALETTE[j % len(PALETTE)]
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="18" fill="{colour}" stroke="#fff">'
                    f"<title>{escape(label)}: {escape(item.name)} {value}</title></rect>"
                )
                x += width
        body.append(f'<text x="{x + 6:.1f}" y="{y + 14}">{totals[i]}</text>')
    legend_y = 20 + len(bars) * _ROW
    body.extend(_legend(series, legend_y))
    return _svg(_WIDTH, legend_y + 24, title, desc, body)


def heatmap(
    rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[int]], title: str, desc: str
) -> Markup:
    """A grid of counts: darker is more; an empty cell (0) is white with a dash."""
    cell = max(56, min(110, (_WIDTH - _LABEL) // max(len(columns), 1)))
    top = 40
    peak = max((v for row in values for v in row), default=0) or 1
    body: list[str] = []
    for j, column in enumerate(columns):
        x = _LABEL + j * cell + cell / 2
        body.append(f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle">{escape(column)}</text>')
    for i, row in enumerate(rows):
        y = top + i * _ROW
        body.append(f'<text x="{_LABEL - 8}" y="{y + 16}" text-anchor="end">{escape(row)}</text>')
        for j, value in enumerate(values[i]):
            x = _LABEL + j * cell
            shade = 0.15 + 0.85 * value / peak if value else 0.0
            fill = f"rgba(0,114,178,{shade:.2f})" if value else "#fff"
            ink = "#fff" if shade > 0.55 else "#000"
            body.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{_ROW - 2}" fill="{fill}" stroke="#bbb">'
                f"<title>{escape(row)} × {escape(columns[j])}: {value}</title></rect>"
            )
            text = str(value) if value else "—"
            body.append(
                f'<text x="{x + cell / 2 - 1:.1f}" y="{y + 16}" text-anchor="middle" fill="{ink}">{text}</text>'
            )
    width = _LABEL + len(columns) * cell + 10
    return _svg(width, top + len(rows) * _ROW + 10, title, desc, body)
