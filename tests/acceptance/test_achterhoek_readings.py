"""Achterhoek 2019: qualification codes and the law that reads the same profile (decision kwalificatiecodes).

Every code a requirement of achterhoek-2019 reads from professionals[].qualifications is in its table
kwalificaties, and the mbo levels are spelt as the jeugdwet ruleset (on which achterhoek-2019 builds)
reads them, so one profile means the same to both. The expectations were worked out from the decision
and the jeugdwet decision registratie-hbo: an unregistered youth worker shown to work at mbo level is
exempt from SKJ registration under 4.1.1-2.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import pytest

import kwaliteitsregels as kr

PEILDATUM = date(2019, 7, 1)


@cache
def _ruleset(name: str) -> kr.CompiledRuleset:
    return kr.load_ruleset(name)


def _codes_read(node: Any) -> set[str]:
    """The values of every `contains: {field: qualifications, value: …}` in a condition tree."""
    found: set[str] = set()
    if isinstance(node, dict):
        contains = node.get("contains")
        if isinstance(contains, dict) and contains.get("field") == "qualifications":
            found.add(contains["value"])
        for value in node.values():
            found |= _codes_read(value)
    elif isinstance(node, list):
        for value in node:
            found |= _codes_read(value)
    return found


def _read_by(name: str) -> set[str]:
    found: set[str] = set()
    for requirement in _ruleset(name).requirements:
        found |= _codes_read([requirement.spec.when, requirement.spec.condition])
    return found


def _table() -> set[str]:
    return {row["code"] for row in _ruleset("achterhoek-2019").spec.tables["kwalificaties"]}


def test_every_qualification_the_ruleset_reads_is_in_its_table() -> None:
    read = _read_by("achterhoek-2019")
    assert read, "the ruleset reads qualification codes"
    assert read <= _table(), f"codes read but not in table kwalificaties: {sorted(read - _table())}"


def test_the_mbo_levels_are_spelt_as_the_law_reads_them() -> None:
    law = {code for code in _read_by("jeugdwet") if code.startswith("mbo")}
    assert law, "jeugdwet reads mbo levels"
    assert law <= _table()
    assert not {code for code in _table() if code.startswith("mbo_") and code[4:].isdigit()}


@pytest.mark.parametrize(("level", "exempt"), [("mbo-4", True), ("mbo_4", False)])
def test_an_unregistered_mbo_youth_worker_is_exempt_under_the_law_only_in_the_shared_spelling(
    level: str, *, exempt: bool
) -> None:
    profile = {
        "organisation": {"name": "Jeugdhulp Berkelland B.V.", "legal_form": "bv", "self_employed": False},
        "services": {"law_domains": ["jeugdwet"]},
        "professionals": [{"id": "ambulant", "works_with_youth": True, "qualifications": [level]}],
    }
    ruleset = _ruleset("achterhoek-2019")
    report = kr.evaluate(ruleset, kr.load_profile(profile, rulesets=[ruleset]), PEILDATUM)
    result = report.base_reports()["jeugdwet"].result("4.1.1-2")
    assert (result.status is kr.Status.PASS) is exempt, result.reason()
