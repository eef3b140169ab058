"""JSON Schemas generated from the models: ruleset, profile, report and ruleset test cases."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.models.ruleset import Ruleset
from kwaliteitsregels.models.testcase import CaseFile
from kwaliteitsregels.models.testcase import json_schema as casefile_schema
from kwaliteitsregels.reporting.document import CombinedDocument, ReportDocument

MODELS: dict[str, type[BaseModel]] = {
    "ruleset": Ruleset,
    "profile": Profile,
    "report": ReportDocument,
    "combined-report": CombinedDocument,
    "test": CaseFile,
}
# Schemas that embed another model's schema are built by their own function.
_BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {"test": casefile_schema}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of `ruleset`, `profile`, `report` or `test`."""
    builder = _BUILDERS.get(name)
    generated = builder() if builder else MODELS[name].model_json_schema(by_alias=True)
    header = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"kwaliteitsregels/{name}.schema.json"}
    return header | generated


def schema_text(name: str) -> str:
    """The schema as stable, indented JSON text."""
    return json.dumps(schema(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
