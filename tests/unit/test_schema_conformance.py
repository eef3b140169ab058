"""The published JSON Schemas accept what the loader accepts, checked by an independent validator (jsonschema).

Every bundled ruleset (as written, and with its table files read in as the loader sees them), every
example profile and every ruleset test-case file is valid against `schemas/`; the known-bad files in
`tests/data/schema-bad/` are refused by both the schema and the loader.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

import kwaliteitsregels as kr
from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.loading import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
DATA = ROOT / "tests" / "data"
RULESETS = sorted((ROOT / "rulesets").glob("*/ruleset.yaml"))
CASE_FILES = sorted((ROOT / "rulesets").glob("*/tests/*.yaml"))
MODELINE = "# yaml-language-server: $schema="
LOADERS: dict[str, Callable[[Path], object]] = {"ruleset": kr.load_ruleset, "profile": kr.load_profile}


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    msg = f"not JSON: {value!r}"
    raise TypeError(msg)


def _data(path: Path) -> Any:
    """The file as the loader reads it, as JSON data (dates as ISO text, as a JSON file would hold them)."""
    return json.loads(json.dumps(parse_bytes(path.read_bytes(), str(path)).data, default=_plain))


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(name: str, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(name).iter_errors(data)]


def _schema_named_by(path: Path) -> str:
    """`profile` for a file whose modeline names `profile.schema.json`."""
    line = path.read_text("utf-8").splitlines()[0]
    assert line.startswith(MODELINE), path
    return line.rsplit("/", 1)[-1].removesuffix(".schema.json")


def _examples() -> list[Path]:
    found = sorted((ROOT / "examples").rglob("*.yaml"))
    return [p for p in found if p.read_text("utf-8").startswith(MODELINE)]


@pytest.mark.parametrize("path", RULESETS, ids=lambda p: p.parent.name)
def test_bundled_ruleset_is_valid_as_written(path: Path) -> None:
    assert not _errors("ruleset", _data(path))


@pytest.mark.parametrize("path", RULESETS, ids=lambda p: p.parent.name)
def test_bundled_ruleset_is_valid_with_its_table_files_read_in(path: Path) -> None:
    data = _data(path)
    for name, table in data.get("tables", {}).items():
        if isinstance(table, dict):
            data["tables"][name] = _data(path.parent / table["file"])
    assert not _errors("ruleset", data)


def test_a_ruleset_with_table_files_is_among_them() -> None:
    tables = [_data(p).get("tables", {}) for p in RULESETS]
    assert any(isinstance(t, dict) and "file" in t for each in tables for t in each.values())


@pytest.mark.parametrize("path", _examples(), ids=lambda p: str(p.relative_to(ROOT / "examples")))
def test_example_is_valid_against_the_schema_its_modeline_names(path: Path) -> None:
    assert not _errors(_schema_named_by(path), _data(path))


def test_every_example_profile_is_checked() -> None:
    profiles = [p for p in _examples() if _schema_named_by(p).split(".")[0] == "profile"]
    assert len(profiles) >= 10


def test_a_profile_with_regional_facts_is_refused_by_the_generic_schema() -> None:
    """The ruleset's own schema is needed: the generic one does not know its facts (nor does the loader)."""
    path = ROOT / "examples" / "handreiking" / "op-orde.yaml"
    assert _schema_named_by(path) == "profile.handreiking-kwaliteit"
    assert _errors("profile", _data(path))
    with pytest.raises(kr.KwaliteitsregelsError):
        kr.load_profile(path)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_ruleset_test_case_file_is_valid(path: Path) -> None:
    """Against the schema its modeline names: `test`, or `test.<ruleset>` for a ruleset with facts of its own."""
    assert not _errors(_schema_named_by(path), _data(path))


def _kind(path: Path) -> str:
    """`ruleset` or `profile`, from the first comment line (`# ruleset · …`)."""
    return path.read_text("utf-8").split("·")[0].removeprefix("#").strip()


@pytest.mark.parametrize("path", sorted((DATA / "schema-good").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_base_of_the_known_bad_files_is_accepted_by_both(path: Path) -> None:
    kind = _kind(path)
    assert not _errors(kind, _data(path))
    LOADERS[kind](path)


@pytest.mark.parametrize("path", sorted((DATA / "schema-bad").glob("*.yaml")), ids=lambda p: p.stem)
def test_known_bad_file_is_refused_by_the_schema_and_the_loader(path: Path) -> None:
    kind = _kind(path)
    assert _errors(kind, _data(path)), "the schema accepts it"
    with pytest.raises(kr.KwaliteitsregelsError):
        LOADERS[kind](path)


def test_condition_grammar_is_the_keyword_registry() -> None:
    schema = json.loads((SCHEMAS / "ruleset.schema.json").read_text("utf-8"))
    condition = schema["$defs"]["Condition"]
    assert set(condition["properties"]) == set(REGISTRY) | {"use"}  # use: a named condition, expanded at load
    assert condition["properties"]["use"]["type"] == "string"
    assert condition["additionalProperties"] is False
    assert (condition["minProperties"], condition["maxProperties"]) == (1, 1)
    requirement = schema["$defs"]["Requirement"]["properties"]
    for name in ("when", "condition"):
        assert {"$ref": "#/$defs/Condition"} in requirement[name]["anyOf"]


def test_nested_conditions_recurse() -> None:
    schema = json.loads((SCHEMAS / "ruleset.schema.json").read_text("utf-8"))
    keywords = schema["$defs"]["Condition"]["properties"]
    assert keywords["not"] == keywords["not"] | {"$ref": "#/$defs/Condition"}
    assert keywords["all"]["items"] == {"$ref": "#/$defs/Condition"}
    assert keywords["every"]["properties"]["check"] == {"$ref": "#/$defs/Condition"}


def test_the_typo_an_editor_should_flag_is_named() -> None:
    errors = _errors("ruleset", _data(DATA / "schema-bad" / "ruleset-unknown-keyword.yaml"))
    assert any("equalz" in e for e in errors), errors
