"""pytest entry point for kwaliteitsregels: ruleset test cases (`<ruleset folder>/tests/*.yaml`) as tests.

Off until asked for, so installing kwaliteitsregels never changes what another suite collects:

    pytest --kwaliteitsregels rulesets/

or, permanently, `kwaliteitsregels_cases = true` in the project's pytest configuration.

This module is deliberately outside the `kwaliteitsregels` package and imports nothing from it until
the option is on: pytest loads entry-point plugins before coverage starts, and importing the library
that early would leave it unmeasured. The collector and items live in `kwaliteitsregels.pytest_plugin`.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--kwaliteitsregels` and the ini setting `kwaliteitsregels_cases`."""
    group = parser.getgroup("kwaliteitsregels")
    group.addoption(
        "--kwaliteitsregels",
        action="store_true",
        default=False,
        dest="kwaliteitsregels_cases",
        help="collect ruleset test cases (<ruleset folder>/tests/*.yaml) as tests",
    )
    parser.addini("kwaliteitsregels_cases", "collect ruleset test cases as tests", type="bool", default=False)


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("kwaliteitsregels_cases") or config.getini("kwaliteitsregels_cases"))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A ruleset's case file, when the plugin is switched on."""
    if file_path.suffix not in {".yaml", ".yml"} or file_path.parent.name != "tests" or not _enabled(parent.config):
        return None
    from kwaliteitsregels.pytest_plugin import collect_file  # noqa: PLC0415 - imported only when switched on

    return collect_file(file_path, parent)
