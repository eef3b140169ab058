"""JSON Schemas generated from the models: ruleset, profile and report."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.models.ruleset import Ruleset
from kwaliteitsregels.reporting.document import ReportDocument

MODELS: dict[str, type[BaseModel]] = {"ruleset": Ruleset, "profile": Profile, "report": ReportDocument}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of `ruleset`, `profile` or `report`."""
    generated = MODELS[name].model_json_schema(by_alias=True)
    header = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"kwaliteitsregels/{name}.schema.json"}
    return header | generated


def schema_text(name: str) -> str:
    """The schema as stable, indented JSON text."""
    return json.dumps(schema(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
