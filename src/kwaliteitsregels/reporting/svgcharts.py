"""Charts as inline SVG, for self-contained pages: no scripts, no external assets, every text escaped.

Each chart is an `<svg role="img">` with a `<title>` and a `<desc>`; the numbers are also in a table
beside it on the page, so nothing is told by colour or picture alone. Patterns beside colours tell
the series apart in print.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Colour-blind safe (Okabe–Ito), each with its own dash for print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
_ROW = 26
_LABEL = 190  # the least room for the labels left of the bars
_WIDTH = 720
_CHAR = 7  # about the width of one character at font-size 12, in px: the room a label needs
_MOST_LABEL = 330  # labels longer than this are shortened with '…' (the whole label is in the tooltip)
_SLANT = 35  # degrees: column labels too wide for their cell are drawn slanted
_LEGEND = 10  # where each line of a legend starts


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


def _label_room(labels: Sequence[str]) -> int:
    """The width left of the bars or cells: enough for the longest label, within `_LABEL` and `_MOST_LABEL`."""
    return max(_LABEL, min(_MOST_LABEL, _CHAR * max((len(label) for label in labels), default=0) + 16))


def _fit(label: str, room: int) -> str:
    """`label` as it fits in `room` pixels: shortened with '…' when it does not."""
    most = max((room - 16) // _CHAR, 4)
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


def _label(x: float, y: int, label: str, room: int) -> str:
    """A label ending at `x`, shortened to `room`; the whole of it as the tooltip when shortened."""
    shown = _fit(label, room)
    tip = f"<title>{escape(label)}</title>" if shown != label else ""
    return f'<text x="{x}" y="{y}" text-anchor="end">{tip}{escape(shown)}</text>'


def _legend(series: Sequence[Series], y: int) -> tuple[list[str], int]:
    """The legend from `y` on, on as many lines as it needs within the width; and where it ends."""
    parts, x = [], _LEGEND
    for i, item in enumerate(series):
        wide = 24 + _CHAR * len(item.name)
        if x > _LEGEND and x + wide > _WIDTH:
            x, y = _LEGEND, y + 18
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{y + 10}">{escape(item.name)}</text>')
        x += wide
    return parts, y + 12


def stacked_bars(bars: Sequence[str], series: Sequence[Series], title: str, desc: str) -> Markup:
    """Horizontal stacked bars: one per label in `bars`, one segment per series, the total at the end."""
    totals = [sum(s.values[i] for s in series) for i in range(len(bars))]
    room = _label_room(bars)
    scale = (_WIDTH - room - 60) / max(max(totals, default=0), 1)
    body: list[str] = []
    for i, label in enumerate(bars):
        y = 10 + i * _ROW
        body.append(_label(room - 8, y + 14, label, room))
        x = float(room)
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
    legend, bottom = _legend(series, 20 + len(bars) * _ROW)
    return _svg(_WIDTH, bottom + 12, title, desc, [*body, *legend])


def heatmap(
    rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[int]], title: str, desc: str
) -> Markup:
    """A grid of counts: darker is more; an empty cell (0) is white with a dash.

    Column labels wider than their cell are drawn slanted, so neighbours never run into each other.
    """
    room = _label_room(rows)
    cell = max(56, min(110, (_WIDTH - room) // max(len(columns), 1)))
    longest = _CHAR * max((len(column) for column in columns), default=0)
    slanted = longest > cell - 6
    top = 20 + round(longest * math.sin(math.radians(_SLANT))) if slanted else 40
    peak = max((v for row in values for v in row), default=0) or 1
    body: list[str] = []
    for j, column in enumerate(columns):
        x = room + j * cell + cell / 2
        if slanted:
            turn = f"rotate(-{_SLANT} {x:.1f} {top - 8})"
            body.append(f'<text x="{x:.1f}" y="{top - 8}" transform="{turn}">{escape(column)}</text>')
        else:
            body.append(f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle">{escape(column)}</text>')
    for i, row in enumerate(rows):
        y = top + i * _ROW
        body.append(_label(room - 8, y + 16, row, room))
        for j, value in enumerate(values[i]):
            x = room + j * cell
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
    overhang = round(longest * math.cos(math.radians(_SLANT))) - cell // 2 if slanted else 0
    width = room + len(columns) * cell + 10 + max(overhang, 0)
    return _svg(width, top + len(rows) * _ROW + 10, title, desc, body)
