"""JSON Schemas generated from the models and the keyword registry: ruleset, profile, report and test cases.

The schemas describe what the loader accepts, for editors and other tools:

- the condition grammar comes from `checks.REGISTRY`: a condition is an object with exactly one property,
  a registered keyword, whose value follows that keyword's `args` type; a mapping of anything inside a
  keyword's arguments is a nested condition (`$ref: #/$defs/Condition`), so the grammar recurses;
- a requirement's `when` and `condition` are such conditions;
- a field whose model turns a simpler form into the full one before validation (a plain string as Dutch
  text, a number as an id) accepts that form too;
- a lookup table may be given as `{file: rows.yaml}`, a file beside the ruleset.

`schemas/*.json` are this module's output; `kwaliteitsregels schema NAME > schemas/NAME.schema.json`
refreshes one, `python -m kwaliteitsregels.schemas` refreshes them all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, models_json_schema
from pydantic_core import core_schema

from kwaliteitsregels.analytics.document import ComparisonDocument, ImpactDocument
from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.checks.quantities import QUANTITIES, QUANTITY_MARK, UNIT
from kwaliteitsregels.models import common
from kwaliteitsregels.models import ruleset as ruleset_model
from kwaliteitsregels.models.assessments import Assessments
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.models.ruleset import Ruleset
from kwaliteitsregels.models.testcase import CaseFile, ExpectedLot, ExpectedResult
from kwaliteitsregels.quantity_phrases import LABEL
from kwaliteitsregels.reporting.document import CombinedDocument, ReportDocument

MODELS: dict[str, type[BaseModel]] = {
    "ruleset": Ruleset,
    "profile": Profile,
    "report": ReportDocument,
    "combined-report": CombinedDocument,
    "test": CaseFile,
    "assessments": Assessments,
    "comparison": ComparisonDocument,
    "impact": ImpactDocument,
}
CONDITION_REF = "#/$defs/Condition"
_MARK = "x-kwaliteitsregels-condition"
# Before-validators that accept a simpler form, and that form's schema.
_SIMPLER_FORMS: dict[Callable[..., Any], JsonSchemaValue] = {
    common._text_from_str: {"type": "string"},  # noqa: SLF001 - the model's own conversion, described here
    common._id_from_int: {"type": "integer"},  # noqa: SLF001
    # a declaration given as its text alone: a string, or {nl, en}
    ruleset_model._declaration_from_text: {  # noqa: SLF001
        "anyOf": [
            {"type": "string"},
            {
                "type": "object",
                "properties": {"nl": {"type": "string"}, "en": {"type": ["string", "null"]}},
                "required": ["nl"],
                "additionalProperties": False,
            },
        ]
    },
}
_TABLE_FILE: JsonSchemaValue = {
    "type": "object",
    "properties": {"file": {"type": "string", "description": "a YAML or JSON file beside the ruleset"}},
    "required": ["file"],
    "additionalProperties": False,
}


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, with nested conditions marked and simpler accepted forms described."""

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        """A mapping of anything, in a keyword's arguments, is a nested condition."""
        if self._conditions and schema.get("values_schema", {"type": "any"})["type"] == "any":
            return {_MARK: True}
        return super().dict_schema(schema)

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        """The full form, or the simpler one the validator converts."""
        full = super().function_before_schema(schema)
        simpler = _SIMPLER_FORMS.get(schema["function"]["function"])
        return {"anyOf": [simpler, full]} if simpler is not None else full

    _conditions = False


class _ArgsGenerator(_Generator):
    _conditions = True


def _replace_marks(node: Any) -> Any:
    if isinstance(node, dict):
        if node.get(_MARK) is True:
            return {"$ref": CONDITION_REF}
        if node.get(QUANTITY_MARK) is True:
            return {"$ref": "#/$defs/Quantity"}
        return {key: _replace_marks(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_replace_marks(item) for item in node]
    return node


def _merge(definitions: dict[str, Any], more: dict[str, Any]) -> None:
    for name, schema in more.items():
        if definitions.setdefault(name, schema) != schema:
            msg = f"two different JSON Schema definitions named {name!r}"
            raise ValueError(msg)


def condition_definitions() -> dict[str, Any]:
    """`Condition` (one property: a registered keyword) and the definitions its arguments use."""
    definitions: dict[str, Any] = {}
    keywords: dict[str, Any] = {}
    for name, keyword in REGISTRY.items():
        args = TypeAdapter(keyword.args).json_schema(schema_generator=_ArgsGenerator, ref_template="#/$defs/{model}")
        _merge(definitions, _replace_marks(args.pop("$defs", {})))
        keywords[name] = _replace_marks(args) | {"description": keyword.summary}
    keywords["use"] = {
        "type": "string",
        "description": "een benoemde voorwaarde uit 'conditions' / a named condition from 'conditions'",
    }
    condition = {
        "type": "object",
        "description": "een voorwaarde: precies één sleutelwoord / a condition: exactly one keyword",
        "properties": keywords,
        "additionalProperties": False,
        "minProperties": 1,
        "maxProperties": 1,
    }
    return definitions | {"Condition": condition, "Quantity": _quantity(definitions)}


def _quantity(definitions: dict[str, Any]) -> dict[str, Any]:
    """`Quantity` (a form of the closed set of quantity expressions, an optional label and unit), from its registry."""
    forms: dict[str, Any] = {}
    for name, form in QUANTITIES.items():
        args = TypeAdapter(form.args).json_schema(schema_generator=_ArgsGenerator, ref_template="#/$defs/{model}")
        _merge(definitions, _replace_marks(args.pop("$defs", {})))
        forms[name] = _replace_marks(args) | {"description": form.summary}
    text = TypeAdapter(common.LocalizedText)
    label = text.json_schema(schema_generator=_ArgsGenerator, ref_template="#/$defs/{model}")
    _merge(definitions, label.pop("$defs", {}))
    said = "hoe een reden de grootheid noemt / how a reason says the quantity"
    unit = {
        "type": "string",
        "description": "de eenheid van het getal, bijv. percent voor (a / b) × 100 / the unit of its number",
    }
    return {
        "type": "object",
        "description": "een grootheid: één vorm, eventueel met label en eenheid / one form, a label and unit if wanted",
        "properties": forms | {LABEL: label | {"description": said}, UNIT: unit},
        "additionalProperties": False,
        "minProperties": 1,
        "maxProperties": 3,
        "oneOf": [{"required": [name]} for name in forms],
    }


def _conditions_in(requirement: dict[str, Any]) -> None:
    for name in ("when", "condition"):
        field = requirement["properties"][name]
        field["anyOf"] = [{"$ref": CONDITION_REF}, {"type": "null"}]


def _ruleset() -> dict[str, Any]:
    generated = Ruleset.model_json_schema(by_alias=True, schema_generator=_Generator)
    definitions = generated.setdefault("$defs", {})
    _conditions_in(definitions["Requirement"])
    definitions["NamedCondition"]["properties"]["condition"] = {"$ref": CONDITION_REF}
    _merge(definitions, condition_definitions())
    tables = generated["properties"]["tables"]
    tables["additionalProperties"] = {"anyOf": [tables["additionalProperties"], _TABLE_FILE]}
    return generated


def _test() -> dict[str, Any]:
    """A test-case file, with the profile schema inlined under `$defs`."""
    models = [
        (Profile, "validation"),
        (ExpectedResult, "validation"),
        (ExpectedLot, "validation"),
        (CaseFile, "validation"),
    ]
    _, top = models_json_schema(models, by_alias=True, schema_generator=_Generator)  # type: ignore[arg-type]
    definitions = dict(top["$defs"])
    root: dict[str, Any] = definitions.pop("CaseFile")
    return root | {"$defs": definitions}


def _generated(name: str) -> dict[str, Any]:
    if name == "ruleset":
        return _ruleset()
    if name == "test":
        return _test()
    return MODELS[name].model_json_schema(by_alias=True, schema_generator=_Generator)


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of `ruleset`, `profile`, `report`, `combined-report` or `test`."""
    header = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"kwaliteitsregels/{name}.schema.json"}
    return header | _generated(name)


def schema_text(name: str) -> str:
    """The schema as stable, indented JSON text."""
    return _text(schema(name))


def profile_schema_text(model: type[BaseModel], rulesets: list[str]) -> str:
    """The JSON Schema of a profile read with the vocabularies of `rulesets` (`model`: their profile model)."""
    header = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"kwaliteitsregels/profile-{'+'.join(rulesets)}.schema.json",
    }
    return _text(header | model.model_json_schema(by_alias=True, schema_generator=_Generator))


def _text(generated: dict[str, Any]) -> str:
    return json.dumps(generated, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def with_facts(profile: type[BaseModel], name: str) -> dict[str, dict[str, Any]]:
    """`profile.NAME` and `test.NAME`: a profile, and a test-case file, with a ruleset's own facts."""
    header = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    facts = profile.model_json_schema(by_alias=True, schema_generator=_Generator)
    own = facts.pop("$defs", {})
    test = _test()
    test["$defs"] = test["$defs"] | own | {"Profile": facts}
    return {
        f"profile.{name}": header | {"$id": f"kwaliteitsregels/profile.{name}.schema.json"} | facts | {"$defs": own},
        f"test.{name}": header | {"$id": f"kwaliteitsregels/test.{name}.schema.json"} | test,
    }


def bundled_with_facts() -> dict[str, dict[str, Any]]:
    """The profile and test-case schemas of every bundled ruleset that declares facts of its own."""
    from kwaliteitsregels.bundled import bundled_rulesets  # noqa: PLC0415 - only when the schemas are written
    from kwaliteitsregels.loading import load_ruleset  # noqa: PLC0415

    found: dict[str, dict[str, Any]] = {}
    for name, path in bundled_rulesets().items():
        models = load_ruleset(path).models
        if models.vocabulary.facts or models.vocabulary.collections:
            found |= with_facts(models.profile, name)
    return found


def write_all(folder: Path) -> list[Path]:
    """Write every schema to `folder/NAME.schema.json`; the files written."""
    written = []
    for name in MODELS:
        target = folder / f"{name}.schema.json"
        target.write_text(schema_text(name), encoding="utf-8")
        written.append(target)
    for name, generated in bundled_with_facts().items():
        target = folder / f"{name}.schema.json"
        target.write_text(_text(generated), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_all(Path("schemas")):
        print(path)  # noqa: T201 - the command's output
