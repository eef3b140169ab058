"""Comparing frameworks, their burden and a common core: two small regions on a small law (tests/fixtures/analytics)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.analytics.burden import burden
from kwaliteitsregels.analytics.compare import FrameworkComparison, compare
from kwaliteitsregels.analytics.harmonise import harmonise
from kwaliteitsregels.cli import main
from kwaliteitsregels.schemas import schema

FIXTURES = Path(__file__).parents[1] / "fixtures" / "analytics"
NOORD, ZUID = str(FIXTURES / "noord.yaml"), str(FIXTURES / "zuid.yaml")


@pytest.fixture(scope="module")
def comparison() -> FrameworkComparison:
    return compare([kr.load_ruleset(NOORD), kr.load_ruleset(ZUID)])


def _match(comparison: FrameworkComparison, ruleset: str, requirement: str) -> tuple[str | None, str]:
    found = next(m for m in comparison.matches if m.ruleset == ruleset and m.requirement == requirement)
    return found.counterpart, found.relation


def test_requirements_are_aligned_and_related_by_their_terms(comparison: FrameworkComparison) -> None:
    assert _match(comparison, "noord", "N1") == ("Z1", "equivalent")
    assert _match(comparison, "noord", "N2") == (
        "Z2",
        "looser",
    )  # five years against three months before and three years
    assert _match(comparison, "zuid", "Z2") == ("N2", "stricter")
    assert _match(comparison, "zuid", "Z3") == ("N3", "stricter")  # HKZ only, against HKZ or ISO
    assert _match(comparison, "noord", "N4") == (None, "only")


def test_the_vog_differences_name_both_terms(comparison: FrameworkComparison) -> None:
    match = next(m for m in comparison.matches if m.requirement == "N2")
    assert match.comparison is not None
    lines = [d.describe() for d in match.comparison.differences]
    assert "professionals.vog_issued_on not_older_than: P5Y ↔ P3Y" in lines
    assert "professionals.vog_issued_on at_most_before:professionals.employed_since: — ↔ P3M" in lines
    assert match.comparison.evidence == ("vog: with_registration ↔ on_request", "vog max_age: P5Y ↔ —")


def test_relation_to_the_law_declared_and_computed(comparison: FrameworkComparison) -> None:
    law = {(r.ruleset, r.requirement): r for r in comparison.law_relations}
    assert law["noord", "N1"].verdict == "restates"
    assert not law["noord", "N1"].mismatch
    assert law["noord", "N2"].verdict == "stricter"
    assert not law["noord", "N2"].mismatch
    # Zuid declares its VOG the same as the law's, but asks more: flagged for a second look
    assert law["zuid", "Z2"].verdict == "restates"
    assert law["zuid", "Z2"].comparison is not None
    assert law["zuid", "Z2"].comparison.relation == "stricter"
    assert law["zuid", "Z2"].mismatch
    assert law["noord", "N3"].verdict == "adds"
    assert comparison.law_summary()["zuid"]["restates"] == 2


def test_burden_per_stage_level_and_theme() -> None:
    found = burden([kr.load_ruleset(NOORD), kr.load_ruleset(ZUID)])
    noord = found.at("noord", "registration")
    assert noord.total.row() == {
        "requirements": 4,
        "with_registration": 2,  # the VOG and the certificate
        "before_award": 0,
        "on_request": 1,
        "declarations": 1,
        "assessor": 0,
        "facts": 5,
        "knockouts": 4,
    }
    assert found.at("zuid", "registration").total.requirements == 3  # Z4 is checked at award
    award = found.at("zuid", "award")
    assert (award.total.requirements, award.total.assessor, award.total.documents["before_award"]) == (4, 1, 1)
    assert award.by_level["outcome"].requirements == 1
    assert award.by_theme["veiligheid"].requirements == 2
    assert "regie" not in found.uncovered["zuid"]
    assert "regie" in found.uncovered["noord"]
    assert found.at("wet", "registration").law


def test_common_core_with_strictest_and_loosest(comparison: FrameworkComparison) -> None:
    shared = {
        s.subject.members["noord"][0] if "noord" in s.subject.members else s.present[0]: s
        for s in harmonise(comparison)
    }
    vog = shared["N2"]
    assert (vog.share, vog.core, vog.in_law) == ("all", True, ("wet:vog",))
    term = next(t for t in vog.terms if t.keyword == "not_older_than")
    assert (term.strictest, term.loosest, term.ordered) == (("P3Y", "zuid:Z2"), ("P5Y", "noord:N2"), True)
    certificate = next(t for t in shared["N3"].terms if t.keyword == "in_table")
    assert certificate.strictest[1] == "zuid:Z3"
    assert shared["N4"].share == "one"
    assert not shared["N4"].core


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_json_follows_its_schema() -> None:
    document = json.loads(_run("compare", NOORD, ZUID, "--format", "json"))
    jsonschema.validate(document, schema("comparison"))
    assert document["kind"] == "comparison"
    assert {r["id"]: r["law"] for r in document["rulesets"]} == {"noord": False, "zuid": False, "wet": True}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_is_self_contained_with_charts(lang: str) -> None:
    html = _run("compare", NOORD, ZUID, "--format", "html", "--lang", lang).replace("\u00ad", "")  # as read
    parser = _Tags()
    parser.feed(html)
    names = [tag for tag, _ in parser.tags]
    assert names.count("svg") == 3  # burden by level, theme coverage, alignment
    assert all(attrs.get("role") == "img" for tag, attrs in parser.tags if tag == "svg")
    assert "script" not in names
    assert not [a for _, attrs in parser.tags for k, a in attrs.items() if k in {"src", "href"} and a and "//" in a]
    assert f'<html lang="{lang}">' in html
    assert ("Voorstel gemeenschappelijke kern" if lang == "nl" else "Proposed common core") in html


def test_markdown_and_text() -> None:
    markdown = _run("compare", NOORD, ZUID, "--format", "markdown")
    assert "## Voorstel gemeenschappelijke kern" in markdown
    assert "| noord N2 VOG niet ouder dan vijf jaar | zuid Z2 | soepeler |" in markdown
    text = _run("compare", NOORD, ZUID, "--lang", "en")
    # the fact by its label, the check and the terms in words; the codes stay in JSON
    assert "Professionals: certificate of conduct issued on, not older than: strictest 3 years (zuid:Z2), " in text
    assert "loosest 5 years (noord:N2)" in text
    assert "professionals.vog_issued_on" not in text
    dutch = _run("compare", NOORD, ZUID)
    assert "Professionals: VOG afgegeven op, niet ouder dan: 5 jaar ↔ 3 jaar" in dutch  # noord N2 against zuid Z2


def test_compare_needs_two_rulesets() -> None:
    result = CliRunner().invoke(main, ["compare", NOORD])
    assert result.exit_code == 2


def test_bundled_frameworks_share_the_meldcode() -> None:
    found = compare([kr.load_ruleset("twente"), kr.load_ruleset("achterhoek-2019")])
    assert _match(found, "twente", "29") == ("6.6-1", "equivalent")
    assert _match(found, "twente", "8")[1] == "looser"  # five years against three months before and three years


def test_frames() -> None:
    pytest.importorskip("pandas")
    from kwaliteitsregels.analytics.frames import compare_frames  # noqa: PLC0415 - needs the notebook extra

    frames = compare_frames([kr.load_ruleset(NOORD), kr.load_ruleset(ZUID)])
    assert frames["pairs"].loc[("noord", "N2", "zuid"), "relation"] == "looser"
    assert frames["burden"].loc[("zuid", "award"), "assessor"] == 1
    assert set(frames["subjects"].columns) >= {"title", "share", "core", "noord", "zuid", "wet"}
