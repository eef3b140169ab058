"""Inline SVG charts keep every label inside their box: room for long labels, shortened ones with a tooltip,
a legend on more lines, slanted column labels. (How Chromium draws them: tests/analytics/test_pages_in_chromium.py.)"""

from __future__ import annotations

import re

from kwaliteitsregels.reporting.svgcharts import Series, heatmap, stacked_bars

LONG = "leeuwarden-dagbesteding → achterhoek-2019"


def _view_width(svg: str) -> float:
    found = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert found
    return float(found.group(1))


def test_a_long_bar_label_gets_the_room_it_needs() -> None:
    svg = str(stacked_bars(["twente", LONG], [Series("gelijkwaardig", (1, 2))], "t", "d"))
    ends = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end">', svg)]
    assert min(ends) >= 7 * len(LONG)  # the label, ending there, starts inside the chart


def test_a_label_too_long_for_any_room_is_shortened_and_whole_in_its_tooltip() -> None:
    label = "Competenties en vaardigheden van de professionals die de hulp verlenen aan jeugdigen en ouders"
    svg = str(heatmap([label], ["twente"], [[3]], "t", "d"))
    assert f"<title>{label}</title>" in svg
    assert re.search(r"</title>Competenties en vaardigheden[^<]*…</text>", svg)


def test_the_legend_wraps_within_the_width() -> None:
    names = ["gelijkwaardig", "strenger", "soepeler", "zelfde onderwerp, andere parameter", "verwant", "alleen hier"]
    svg = str(stacked_bars(["a"], [Series(name, (1,)) for name in names], "t", "d"))
    width = _view_width(svg)
    legend = re.findall(r'<text x="([\d.]+)" y="([\d.]+)">([^<]+)</text>', svg)
    assert len({y for _, y, _ in legend}) > 1  # more than one line
    assert all(float(x) + 7 * len(text) <= width for x, _, text in legend)


def test_column_labels_wider_than_their_cell_are_slanted_and_fit() -> None:
    columns = ["twente", "achterhoek-2019", "leeuwarden-dagbesteding"]
    svg = str(heatmap(["Veiligheid"], columns, [[1, 2, 3]], "t", "d"))
    assert svg.count('transform="rotate(-35') == len(columns)
    last = re.findall(r'<text x="([\d.]+)" y="[\d.]+" transform', svg)[-1]
    assert float(last) + 7 * len(columns[-1]) * 0.82 <= _view_width(svg)  # cos 35°: the slanted label's reach
    narrow = str(heatmap(["Veiligheid"], ["a", "b"], [[1, 2]], "t", "d"))
    assert "rotate" not in narrow
