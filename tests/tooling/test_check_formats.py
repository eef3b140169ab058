"""`check --format junit|sarif` and `check --fail-on`: output for CI systems, exit policy on the report."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main
from kwaliteitsregels.results import FAIL_ON

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RULESET_FILE = ROOT / "rulesets" / "twente" / "ruleset.yaml"
PEILDATUM = "2026-11-23"


@cache
def _check(profile: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", str(EXAMPLES / profile), "-r", "twente", "--peildatum", PEILDATUM, *args])


@cache
def _report(profile: str) -> kr.Report:
    return kr.evaluate(kr.load_ruleset("twente"), kr.load_profile(EXAMPLES / profile), date(2026, 11, 23))


@cache
def _requirement_lines() -> dict[str, int]:
    """Where each `- id: "…"` stands in the ruleset file, read independently of the library."""
    lines = RULESET_FILE.read_text("utf-8").splitlines()
    found = {}
    for number, text in enumerate(lines, start=1):
        match = re.match(r'^  - id: "([^"]+)"$', text)
        if match and "requirements:" in "\n".join(lines[:number]):
            found[match.group(1)] = number
    return found


def _junit(profile: str) -> ET.Element:
    result = _check(profile, "--format", "junit")
    assert result.exit_code in {0, 1}, result.output
    return ET.fromstring(result.output)  # noqa: S314 - our own output


def test_junit_one_uniquely_named_testcase_per_requirement() -> None:
    report = _report("pas-toe-of-leg-uit.yaml")
    root = _junit("pas-toe-of-leg-uit.yaml")
    names = [c.get("name") for c in root.iter("testcase")]
    assert len(names) == len(set(names)), "testcase names must be unique"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["twente", *report.base_reports()]
    twente = [c.get("name") for c in suites[0].iter("testcase")]
    assert twente == [f"twente.{r.id}" for r in report.results]
    assert len(twente) == 51
    assert {"twente.37a", "twente.1.7"} <= set(twente)
    for suite in [root, *suites]:
        assert int(suite.get("tests", "-1")) == len(list(suite.iter("testcase")))
        assert int(suite.get("failures", "-1")) == len(list(suite.iter("failure")))
        assert int(suite.get("skipped", "-1")) == len(list(suite.iter("skipped")))


def test_junit_explain_items_are_skipped_with_their_justification() -> None:
    report = _report("pas-toe-of-leg-uit.yaml")
    root = _junit("pas-toe-of-leg-uit.yaml")
    by_name = {c.get("name"): c for c in root.iter("testcase")}
    explained = [r for r in report.results if r.status is kr.Status.EXPLAIN]
    assert explained
    for result in explained:
        skipped = by_name[f"twente.{result.id}"].find("skipped")
        assert skipped is not None, result.id
        assert skipped.get("type") == "explain"
        assert result.explanation is not None
        assert result.explanation.text in (skipped.get("message") or "")


def test_junit_fail_items_are_failures_with_the_reason() -> None:
    report = _report("pas-toe-of-leg-uit.yaml")
    root = _junit("pas-toe-of-leg-uit.yaml")
    by_name = {c.get("name"): c for c in root.iter("testcase")}
    failed = [r for r in report.results if r.status is kr.Status.FAIL]
    assert failed
    for result in failed:
        failure = by_name[f"twente.{result.id}"].find("failure")
        assert failure is not None, result.id
        assert failure.text == result.reason()
    passed = [r for r in report.results if r.status is kr.Status.PASS]
    assert all(len(by_name[f"twente.{r.id}"]) == 0 for r in passed)


def _sarif(profile: str) -> dict[str, Any]:
    """SARIF for the Twente ruleset as a file in this working tree (a user's own ruleset, not the installed copy)."""
    args = ["check", str(EXAMPLES / profile), "-r", str(RULESET_FILE.parent), "--peildatum", PEILDATUM]
    result = CliRunner().invoke(main, [*args, "--format", "sarif"])
    assert result.exit_code in {0, 1}, result.output
    document: dict[str, Any] = json.loads(result.output)
    return document


def test_sarif_structure() -> None:
    report = _report("pas-toe-of-leg-uit.yaml")
    document = _sarif("pas-toe-of-leg-uit.yaml")
    assert document["version"] == "2.1.0"
    assert document["$schema"].endswith("sarif-2.1.0.json")
    runs = document["runs"]
    reports = [report, *report.base_reports().values()]
    assert [run["properties"]["ruleset"] for run in runs] == [r.ruleset.id for r in reports]
    for run, checked in zip(runs, reports, strict=True):
        rules = run["tool"]["driver"]["rules"]
        assert run["tool"]["driver"]["name"] == "kwaliteitsregels"
        assert [r["id"] for r in rules] == [r.id for r in checked.ruleset.requirements]
        # the law comes from the installed package unless it is installed from this tree (editable): then the
        # annotation lands on the profile
        own_files = (f"rulesets/{checked.ruleset.id}/ruleset.yaml", "pas-toe-of-leg-uit.yaml")
        own_file = own_files[0] if checked is report else own_files
        for result in run["results"]:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
            assert result["level"] in {"error", "warning"}
            assert result["message"]["text"]
            (location,) = result["locations"]
            assert location["physicalLocation"]["artifactLocation"]["uri"].endswith(own_file)
            assert location["physicalLocation"]["region"]["startLine"] >= 1


def test_sarif_one_result_per_non_pass_item_at_the_requirement_line() -> None:
    report = _report("pas-toe-of-leg-uit.yaml")
    results = _sarif("pas-toe-of-leg-uit.yaml")["runs"][0]["results"]
    non_pass = [r for r in report.results if r.status in {kr.Status.FAIL, kr.Status.EXPLAIN}]
    assert [r["ruleId"] for r in results] == [r.id for r in non_pass]
    lines = _requirement_lines()
    for item in results:
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == lines[item["ruleId"]], item["ruleId"]


def test_sarif_explain_items_are_suppressions_with_the_justification() -> None:
    report = _report("zzp-jeugdhulp.yaml")
    results = {r["ruleId"]: r for r in _sarif("zzp-jeugdhulp.yaml")["runs"][0]["results"]}
    states = set()
    for result in report.results:
        if result.status is not kr.Status.EXPLAIN:
            assert "suppressions" not in results.get(result.id, {}), result.id
            continue
        assert result.explanation is not None
        (suppression,) = results[result.id]["suppressions"]
        assert suppression["kind"] == "external"
        assert suppression["justification"] == result.explanation.text
        states.add(suppression["status"])
    assert states == {"accepted", "underReview"}


def test_new_formats_are_registered_choices() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert "junit" in result.output
    assert "sarif" in result.output
    assert "--fail-on" in result.output


def test_fail_on_chooses_which_verdicts_give_exit_1() -> None:
    pending = "zzp-jeugdhulp.yaml"  # beoordeling nodig
    failing = "alleen-verklaringen.yaml"  # voldoet niet
    compliant = "grote-aanbieder.yaml"  # voldoet
    assert _check(pending).exit_code == 1
    assert _check(pending, "--fail-on", "explain").exit_code == 1
    assert _check(pending, "--fail-on", "fail").exit_code == 0
    assert _check(failing, "--fail-on", "fail").exit_code == 1
    assert _check(compliant, "--fail-on", "nooit").exit_code == 2


def test_fail_on_lives_on_the_report() -> None:
    pending = _report("zzp-jeugdhulp.yaml")
    assert pending.verdict is kr.Verdict.NEEDS_ASSESSMENT
    assert pending.exit_code(FAIL_ON["fail"]) == 0
    assert pending.exit_code(FAIL_ON["explain"]) == 1
    assert pending.exit_code() == pending.exit_code(FAIL_ON["explain"])
