"""The committed JSON Schemas are the ones the models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kwaliteitsregels.cli import main
from kwaliteitsregels.schemas import MODELS, bundled_with_facts, schema_text

SCHEMAS = Path(__file__).parents[2] / "schemas"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_committed_schema_is_current(name: str) -> None:
    committed = (SCHEMAS / f"{name}.schema.json").read_text("utf-8")
    refresh = f"kwaliteitsregels schema {name} > schemas/{name}.schema.json (all: python -m kwaliteitsregels.schemas)"
    assert committed == schema_text(name), f"schemas/{name}.schema.json is stale; run: {refresh}"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_cli_prints_schema(name: str) -> None:
    result = CliRunner().invoke(main, ["schema", name])
    assert result.exit_code == 0
    assert json.loads(result.output)["$id"] == f"kwaliteitsregels/{name}.schema.json"


def test_committed_schemas_of_rulesets_with_facts_of_their_own_are_current() -> None:
    """`profile.<ruleset>` and `test.<ruleset>`: what editors use for files with a ruleset's regional facts."""
    generated = bundled_with_facts()
    assert "profile.handreiking-kwaliteit" in generated
    for name, schema in generated.items():
        committed = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
        assert committed == schema, f"schemas/{name}.schema.json is stale; run: python -m kwaliteitsregels.schemas"


def test_a_rulesets_profile_schema_is_what_schema_profile_ruleset_prints() -> None:
    result = CliRunner().invoke(main, ["schema", "profile", "-r", "handreiking-kwaliteit"])
    assert result.exit_code == 0
    printed = json.loads(result.output)
    committed = json.loads((SCHEMAS / "profile.handreiking-kwaliteit.schema.json").read_text("utf-8"))
    assert printed["properties"] == committed["properties"]
