"""Several rulesets at once: every output format of `check` and `report` shows every ruleset given."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "examples" / "zzp-jeugdhulp.yaml")
RULESETS = ("twente", "leeuwarden-dagbesteding")
BOTH = ("-r", RULESETS[0], "-r", RULESETS[1], "--peildatum", "2026-11-23")


@cache
def _run(command: str, fmt: str) -> Result:
    return CliRunner().invoke(main, [command, PROFILE, *BOTH, "--format", fmt])


@cache
def _titles() -> list[str]:
    return [kr.load_ruleset(name).spec.title.get("nl") for name in RULESETS]


def _output(command: str, fmt: str) -> str:
    result = _run(command, fmt)
    expected = 0 if command == "report" else 1  # check: twente needs an assessment
    assert result.exit_code == expected, result.output
    return result.stdout


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 - any tag
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if str(found.get("href") or "").startswith("#"):
            self.links.append(str(found["href"])[1:])


def test_text_shows_each_framework_and_the_verdict_per_framework() -> None:
    out = _output("check", "text")
    assert "Oordeel per kader" in out
    for ruleset_id in RULESETS:
        assert f"{ruleset_id}: " in out


def test_json_is_the_combined_document_with_both_frameworks() -> None:
    document = json.loads(_output("check", "json"))
    assert document["schema"] == "kwaliteitsregels/combined-report/v1"
    assert list(document["verdicts"]) == list(RULESETS)
    assert [f["ruleset"]["id"] for f in document["frameworks"]] == list(RULESETS)


def test_junit_has_a_suite_per_ruleset_and_each_base_once() -> None:
    root = ET.fromstring(_output("check", "junit"))  # noqa: S314 - our own output
    suites = [s.get("name") for s in root.findall("testsuite")]
    assert set(RULESETS) <= set(suites)
    assert len(suites) == len(set(suites)), suites
    names = [c.get("name") for c in root.iter("testcase")]
    assert len(names) == len(set(names))
    leeuwarden = kr.load_ruleset(RULESETS[1])
    assert sum(n.startswith("leeuwarden-dagbesteding.") for n in names if n) == len(leeuwarden.requirements)
    assert int(root.get("tests", "0")) == len(names)


def test_sarif_has_a_run_per_ruleset_and_each_base_once() -> None:
    runs = json.loads(_output("check", "sarif"))["runs"]
    rulesets = [run["properties"]["ruleset"] for run in runs]
    assert set(RULESETS) <= set(rulesets)
    assert len(rulesets) == len(set(rulesets)), rulesets
    verdicts = {run["properties"]["ruleset"]: run["properties"]["verdict"] for run in runs}
    assert verdicts["twente"] == "beoordeling_nodig"
    assert verdicts["leeuwarden-dagbesteding"] == "voldoet_niet"  # a Jeugdwet-only bidder (decision 1a)


@pytest.mark.parametrize("command", ["check", "report"])
def test_markdown_holds_both_reports(command: str) -> None:
    out = _output(command, "markdown")
    assert out.count("# Toetsingsrapport") == len(RULESETS)
    for title in _titles():
        assert title.split(" (")[0] in out


@pytest.mark.parametrize("command", ["check", "report"])
def test_html_is_one_page_with_both_reports_and_unique_anchors(command: str) -> None:
    out = _output(command, "html")
    assert out.count("<html") == 1
    assert out.count("</body>") == 1
    parser = _Ids()
    parser.feed(out)
    duplicates = [name for name, n in Counter(parser.ids).items() if n > 1]
    assert not duplicates
    assert set(parser.links) <= set(parser.ids), set(parser.links) - set(parser.ids)
    assert set(RULESETS) <= set(parser.ids)
    for ruleset_id in RULESETS:
        assert f'id="{ruleset_id}-oordeel"' in out


@pytest.mark.parametrize("command", ["check", "report"])
def test_letter_holds_a_letter_per_framework(command: str) -> None:
    out = _output(command, "letter")
    assert out.count("# Wat we nog van u nodig hebben") == len(RULESETS)
    for title in _titles():
        assert title.split(" (")[0] in out


def test_report_of_one_ruleset_is_unchanged_by_the_several_path() -> None:
    one = CliRunner().invoke(main, ["report", PROFILE, "-r", "twente", "--peildatum", "2026-11-23", "-f", "html"])
    assert one.exit_code == 0
    assert one.stdout.count("<article id=") == 0 or 'id="twente-oordeel"' not in one.stdout
    assert 'id="oordeel"' in one.stdout
