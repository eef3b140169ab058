"""The re-tagging of themes and levels (docs/themes-and-levels.md, "Wat er opnieuw getagd is") holds in the rulesets.

The table in the doc is the record of every tag changed against the written rules; this test reads it and
checks that each ruleset carries the tag of column "nu" (a level, themes, or both; "—" is no theme), so a
later edit that puts a wrong tag back is caught. It also checks the rules every tag must keep: every
requirement of a regional framework has a level, and a reviewed framework gives at most three themes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kwaliteitsregels as kr

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "themes-and-levels.md"
LEVELS = {"input", "throughput", "output", "outcome"}
REGIONAL = ("twente", "achterhoek-2019", "leeuwarden-dagbesteding")


def _ids(cell: str) -> list[str]:
    """'16, 20' → ['16', '20']; '6.5.1.4-1-wmo/-jeugdwet' → ['6.5.1.4-1-wmo', '6.5.1.4-1-jeugdwet']."""
    found = []
    for item in (part.strip() for part in cell.split(",")):
        first, *others = item.split("/")
        base = first[: first.rfind("-")]
        found += [first, *(base + other for other in others)]
    return found


def _rows() -> list[tuple[str, str, str]]:
    text = DOC.read_text("utf-8")
    section = text[text.index("## Wat er opnieuw getagd is") :]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] in REGIONAL:
            rows += [(cells[0], rid, cells[3]) for rid in _ids(cells[1])]
    return rows


ROWS = _rows()


def test_the_table_records_twente_and_leeuwarden_as_well_as_achterhoek() -> None:
    assert {ruleset for ruleset, _, _ in ROWS} == set(REGIONAL)


@pytest.mark.parametrize(("ruleset_id", "requirement", "now"), ROWS, ids=[f"{r}:{i}" for r, i, _ in ROWS])
def test_the_ruleset_carries_the_new_tag(ruleset_id: str, requirement: str, now: str) -> None:
    spec = next(r.spec for r in kr.load_ruleset(ruleset_id).requirements if r.id == requirement)
    tokens = [t.strip() for t in now.split(",")]
    levels = [t for t in tokens if t in LEVELS]
    themes = [t for t in tokens if t not in LEVELS]
    if levels:
        assert spec.level == levels[0], f"{ruleset_id}:{requirement}"
    if themes:
        expected = set() if themes == ["—"] else set(themes)
        assert set(spec.themes) == expected, f"{ruleset_id}:{requirement}"


@pytest.mark.parametrize("ruleset_id", REGIONAL)
def test_every_requirement_of_a_regional_framework_has_a_level(ruleset_id: str) -> None:
    for requirement in kr.load_ruleset(ruleset_id).requirements:
        assert requirement.spec.level in LEVELS, requirement.id


@pytest.mark.parametrize("ruleset_id", REGIONAL)
def test_a_reviewed_framework_gives_at_most_three_themes(ruleset_id: str) -> None:
    for requirement in kr.load_ruleset(ruleset_id).requirements:
        assert len(requirement.spec.themes) <= 3, requirement.id


def test_a_term_is_output_and_reporting_without_a_term_is_not() -> None:
    """Rules 3 and 5 on Twente: 37c (within 30 days) is output; 37b, 38 and C2 (deliver or report, no term) are not."""
    levels = {r.id: r.spec.level for r in kr.load_ruleset("twente").requirements}
    assert levels["37c"] == "output"
    assert {levels["37b"], levels["38"], levels["C2"]} == {"throughput"}
