"""Named conditions (`conditions:` + `use:`): written once, evaluated exactly as if written out in place.

Fixtures in tests/fixtures/named-conditions: `regio.yaml` uses two named conditions (one inside the
other, inside `count` and `every`), `uitgeschreven.yaml` is the same ruleset with them written out,
`fouten.yaml` holds an unknown name, a cycle, an unused condition and a wrong field inside a named one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main
from kwaliteitsregels.errors import RulesetError

HERE = Path(__file__).parents[1] / "fixtures" / "named-conditions"
SCHEMA = Path(__file__).parents[2] / "schemas" / "ruleset.schema.json"
PEILDATUM = date(2021, 1, 1)
NAMED = kr.load_ruleset(HERE / "regio.yaml")
WRITTEN = kr.load_ruleset(HERE / "uitgeschreven.yaml")


def _outcomes(ruleset: kr.CompiledRuleset, profile: Any) -> list[tuple[str, str, str, str]]:
    report = kr.evaluate(ruleset, kr.load_profile(profile, rulesets=[ruleset]), PEILDATUM)
    return [(r.id, str(r.status), r.reason("nl"), r.reason("en")) for r in report.results]


def test_a_named_condition_gives_the_outcomes_and_reasons_of_the_written_out_one() -> None:
    named = _outcomes(NAMED, HERE / "profiel.yaml")
    assert named == _outcomes(WRITTEN, HERE / "profiel.yaml")
    assert [status for _, status, _, _ in named] == ["fail", "fail"]
    assert "werkt bij: verwacht niet ingevuld, gevonden Onderaannemer BV" in named[1][2]


def test_the_compiled_ruleset_holds_the_conditions_written_out() -> None:
    first = NAMED.requirements[0].spec.condition
    assert first == WRITTEN.requirements[0].spec.condition
    assert "use" not in json.dumps(first)
    assert set(NAMED.spec.conditions) == {"eigen-personeel", "hbo-eigen-personeel"}


_professional = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "c"])},
    optional={
        "party": st.sampled_from(["Onderaannemer BV", "Zzp Jansen"]),
        "qualifications": st.lists(st.sampled_from(["hbo", "mbo-4", "wo"]), max_size=2),
    },
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_professional, max_size=4))
def test_for_any_staff_the_named_and_the_written_out_ruleset_agree(staff: list[dict[str, Any]]) -> None:
    profile = {"organisation": {"name": "Zorg BV"}, "services": {"law_domains": ["wmo"]}, "professionals": staff}
    assert _outcomes(NAMED, profile) == _outcomes(WRITTEN, profile)


def test_every_mistake_is_reported_where_it_is_written() -> None:
    with pytest.raises(RulesetError) as raised:
        kr.load_ruleset(HERE / "fouten.yaml")
    found = {(p.code, p.line, p.suggestion) for p in raised.value.problems}
    english = " ".join(p.render("en") for p in raised.value.problems)
    assert found == {
        ("unknown-condition", 30, "eigen-personeel"),  # at the use
        ("condition-cycle", 44, None),
        ("unused-condition", 21, None),
        ("unknown-field", 13, "works_with_youth"),  # in the named condition's own text, not at its use
    }
    assert "unknown condition 'eigen-persoonel'" in english
    assert "condition 'kring-a' uses itself (kring-a → kring-b → kring-a)" in english
    assert "condition 'nergens' is used nowhere" in english


def test_validate_fails_with_the_lines() -> None:
    result = CliRunner().invoke(main, ["validate", str(HERE / "fouten.yaml")])
    assert result.exit_code != 0
    assert "fouten.yaml:13" in result.output
    assert "fouten.yaml:30" in result.output


def test_the_ruleset_schema_accepts_conditions_and_use() -> None:
    from kwaliteitsregels import _yaml  # noqa: PLC0415 - the fixture as plain data

    path = HERE / "regio.yaml"
    data = json.loads(json.dumps(_yaml.parse(path.read_text("utf-8"), str(path)).data, default=str))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))
    data["requirements"][1]["condition"]["every"]["check"] = {"use": 3}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))
