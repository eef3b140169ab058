"""The committed JSON Schemas are the ones the models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kwaliteitsregels.cli import main
from kwaliteitsregels.schemas import MODELS, schema_text

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
