"""Achterhoek 2019: qualification codes and the law that reads the same profile (decision kwalificatiecodes).

Every code a requirement of achterhoek-2019 reads from professionals[].qualifications is in its table
kwalificaties, the mbo levels are spelt as the jeugdwet ruleset (on which achterhoek-2019 builds)
reads them, so one profile means the same to both, and the vocabulary allows exactly the table's
codes (`allowed_codes`): a profile with another code is refused when it is loaded, with the code
meant. The expectations were worked out from the decision
and the jeugdwet decision registratie-hbo: an unregistered youth worker shown to work at mbo level is
exempt from SKJ registration under 4.1.1-2.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import pytest

import kwaliteitsregels as kr
from kwaliteitsregels.errors import ProfileError

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


def _youth_worker(level: str) -> dict[str, Any]:
    return {
        "organisation": {"name": "Jeugdhulp Berkelland B.V.", "legal_form": "bv", "self_employed": False},
        "services": {"law_domains": ["jeugdwet"]},
        "professionals": [{"id": "ambulant", "works_with_youth": True, "qualifications": [level]}],
    }


def test_an_unregistered_mbo_youth_worker_is_exempt_under_the_law_in_the_shared_spelling() -> None:
    ruleset = _ruleset("achterhoek-2019")
    report = kr.evaluate(ruleset, kr.load_profile(_youth_worker("mbo-4"), rulesets=[ruleset]), PEILDATUM)
    result = report.base_reports()["jeugdwet"].result("4.1.1-2")
    assert result.status is kr.Status.PASS, result.reason()


@pytest.mark.parametrize(("written", "meant"), [("mbo_4", "mbo-4"), ("HBO", "hbo"), ("orthopedagog", "orthopedagoog")])
def test_a_code_outside_the_list_is_refused_when_the_profile_is_loaded(written: str, meant: str) -> None:
    with pytest.raises(ProfileError) as raised:
        kr.load_profile(_youth_worker(written), rulesets=[_ruleset("achterhoek-2019")])
    (problem,) = raised.value.problems
    assert problem.code == "schema.unknown_code"
    assert problem.path == "professionals[0].qualifications[0]"
    assert problem.suggestion == meant
    assert f"onbekende code '{written}'" in problem.render("nl")
    assert f"unknown code '{written}': not in code list kwalificatie" in problem.render("en")


def test_without_achterhoek_in_play_the_law_alone_does_not_refuse_the_code_but_does_not_exempt_it() -> None:
    """The list belongs to achterhoek-2019's vocabulary; the law alone has none, and an unknown code counts nowhere."""
    law = _ruleset("jeugdwet")
    report = kr.evaluate(law, kr.load_profile(_youth_worker("mbo_4"), rulesets=[law]), PEILDATUM)
    assert report.result("4.1.1-2").status is not kr.Status.PASS


def test_the_vocabulary_allows_exactly_the_codes_of_the_table() -> None:
    vocabulary = _ruleset("achterhoek-2019").models.vocabulary
    assert vocabulary.allowed_codes == {"professionals.qualifications": ["kwalificatie"]}
    assert set(vocabulary.codes["kwalificatie"].values) == _table()
