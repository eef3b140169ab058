"""JUnit `file=`/`line=` and SARIF locations point at the user's files, relative to the working directory."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
PEILDATUM = ("--peildatum", "2026-11-23")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's repository: a profile and an own copy of the Twente ruleset; the bundled ones lie outside."""
    (tmp_path / "profielen").mkdir()
    shutil.copy(ROOT / "examples" / "alleen-verklaringen.yaml", tmp_path / "profielen" / "aanbieder.yaml")
    shutil.copytree(ROOT / "rulesets" / "twente", tmp_path / "regels" / "twente")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", "profielen/aanbieder.yaml", *PEILDATUM, *args])
    assert result.exit_code == 1, result.output
    return result.stdout


def _locations(sarif: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (run["properties"]["ruleset"], item["ruleId"], item["locations"][0]["physicalLocation"])
        for run in json.loads(sarif)["runs"]
        for item in run["results"]
    ]


def _requirement_lines(path: Path) -> dict[str, int]:
    lines = path.read_text("utf-8").splitlines()
    start = lines.index("requirements:")
    return {
        m.group(1): n
        for n, text in enumerate(lines, start=1)
        if n > start and (m := re.match(r'^  - id: "([^"]+)"$', text))
    }


def _key_line(path: Path, key: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, text in enumerate(lines, start=1) if text.startswith(f"{key}:"))


@pytest.mark.usefixtures("workdir")
def test_sarif_for_a_bundled_ruleset_points_at_the_profile() -> None:
    found = _locations(_check("-r", "twente", "-f", "sarif"))
    assert found
    for _, _, location in found:
        assert location["artifactLocation"] == {"uri": "profielen/aanbieder.yaml", "uriBaseId": "%SRCROOT%"}
        assert location["region"]["startLine"] >= 1


def test_sarif_points_at_the_key_of_the_fact_in_the_profile(workdir: Path) -> None:
    found = {(rid, req): loc for rid, req, loc in _locations(_check("-r", "twente", "-f", "sarif"))}
    profile = workdir / "profielen" / "aanbieder.yaml"
    # jeugdwet 4.3.1 asks for declarations.jaarverslag_jeugdwet, absent: the nearest key present is `declarations`
    assert found["jeugdwet", "4.3.1"]["region"]["startLine"] == _key_line(profile, "declarations")


def test_sarif_for_the_users_own_ruleset_points_at_its_requirement_lines(workdir: Path) -> None:
    found = _locations(_check("-r", "regels/twente", "-f", "sarif"))
    lines = _requirement_lines(workdir / "regels" / "twente" / "ruleset.yaml")
    own = [(req, loc) for rid, req, loc in found if rid == "twente"]
    assert own
    for requirement, location in own:
        assert location["artifactLocation"] == {"uri": "regels/twente/ruleset.yaml", "uriBaseId": "%SRCROOT%"}
        assert location["region"]["startLine"] == lines[requirement]
    bases = [loc for rid, _, loc in found if rid != "twente"]
    assert bases, "the law Twente builds on is bundled: its results point at the profile"
    assert {loc["artifactLocation"]["uri"] for loc in bases} == {"profielen/aanbieder.yaml"}


def test_junit_files_are_relative_and_the_users_own(workdir: Path) -> None:
    root = ET.fromstring(_check("-r", "regels/twente", "-f", "junit"))  # noqa: S314 - our own output
    lines = _requirement_lines(workdir / "regels" / "twente" / "ruleset.yaml")
    for suite in root.findall("testsuite"):
        for case in suite.iter("testcase"):
            if suite.get("name") == "twente":
                assert case.get("file") == "regels/twente/ruleset.yaml"
                requirement = str(case.get("name")).removeprefix("twente.").split("[")[0]
                assert case.get("line") == str(lines[requirement])
            else:
                assert case.get("file") == "profielen/aanbieder.yaml"
                assert int(case.get("line", "0")) >= 1


@pytest.mark.usefixtures("workdir")
def test_no_location_names_an_installed_or_absolute_path() -> None:
    for fmt in ("sarif", "junit"):
        out = _check("-r", "twente", "-f", fmt)
        assert "site-packages" not in out
        assert str(ROOT) not in out
        assert "file://" not in out
