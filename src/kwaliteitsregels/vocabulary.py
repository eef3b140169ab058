"""Shared vocabularies across rulesets: evidence (document) types, client-perspective themes, levels."""

from __future__ import annotations

from importlib import resources
from typing import Any

from pydantic import TypeAdapter

from kwaliteitsregels import _yaml
from kwaliteitsregels.models.common import LocalizedText
from kwaliteitsregels.models.ruleset import EvidenceType


def _read(name: str) -> Any:
    text = resources.files("kwaliteitsregels").joinpath(f"data/{name}").read_text("utf-8")
    return _yaml.parse(text, name).data


def _titles(section: dict[str, Any]) -> dict[str, Any]:
    return TypeAdapter(dict[str, LocalizedText]).validate_python({k: v["title"] for k, v in section.items()})


EVIDENCE_TYPES: dict[str, EvidenceType] = TypeAdapter(dict[str, EvidenceType]).validate_python(
    _read("evidence_types.yaml"),
)
_THEMES = _read("themes.yaml")
THEMES = _titles(_THEMES["themes"])
LEVELS = _titles(_THEMES["levels"])
