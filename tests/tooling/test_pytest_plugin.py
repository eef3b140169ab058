"""The pytest plugin: ruleset cases as items, only when switched on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with one ruleset and its cases under rulesets/regio/."""
    target = pytester.path / "rulesets" / "regio"
    shutil.copytree(DATA / "regio", target)
    return pytester


def test_off_by_default(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:hypothesispytest", "rulesets")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_option_collects_one_item_per_case(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:hypothesispytest", "--kwaliteitsregels", "rulesets", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*basis.yaml::alles op orde PASSED*", "*basis.yaml::niets ingevuld PASSED*"])


def test_ini_setting_switches_it_on(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nkwaliteitsregels_cases = true\n")
    project.runpytest("-p", "no:hypothesispytest", "rulesets").assert_outcomes(passed=2)


def test_failing_case_shows_the_diff(project: pytest.Pytester) -> None:
    cases = project.path / "rulesets" / "regio" / "tests" / "basis.yaml"
    cases.write_text(cases.read_text("utf-8").replace('"2": pass', '"2": fail'), encoding="utf-8")
    result = project.runpytest("-p", "no:hypothesispytest", "--kwaliteitsregels", "rulesets")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*basis.yaml:13: eis 2: verwacht fail, gekregen pass basis=met*", "*reden: Voldaan*"])
    assert "Traceback" not in result.stdout.str()


def test_broken_case_file_is_a_collection_error_with_locations(project: pytest.Pytester) -> None:
    cases = project.path / "rulesets" / "regio" / "tests" / "basis.yaml"
    cases.write_text(cases.read_text("utf-8").replace('"3": pass', '"33": pass'), encoding="utf-8")
    result = project.runpytest("-p", "no:hypothesispytest", "--kwaliteitsregels", "rulesets")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*basis.yaml:13:*eis '33' bestaat niet*(unknown-requirement)*"])
