"""The shared vocabulary of evidence (verification document) types."""

from __future__ import annotations

from importlib import resources

from pydantic import TypeAdapter

from kwaliteitsregels import _yaml
from kwaliteitsregels.models.ruleset import EvidenceType


def _load() -> dict[str, EvidenceType]:
    text = resources.files("kwaliteitsregels").joinpath("data/evidence_types.yaml").read_text("utf-8")
    data = _yaml.parse(text, "evidence_types.yaml").data
    return TypeAdapter(dict[str, EvidenceType]).validate_python(data)


EVIDENCE_TYPES: dict[str, EvidenceType] = _load()
