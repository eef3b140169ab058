"""Regenerate what is generated from the models: JSON Schemas, the profile field table in docs/profile.md, profile.pyi.

    python scripts/regenerate.py

Tests (tests/unit/test_schemas.py, tests/unit/test_docs.py) fail when these are stale.
"""

from __future__ import annotations

from pathlib import Path

from kwaliteitsregels.facts import stubs
from kwaliteitsregels.models.introspection import FIELD_TABLE_HEAD, field_table
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.schemas import MODELS, schema_text

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Write schemas/*.schema.json, the field table of docs/profile.md and models/profile.pyi."""
    for name in MODELS:
        (ROOT / "schemas" / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")
    doc = ROOT / "docs" / "profile.md"
    head, rest = doc.read_text("utf-8").split("<!-- fields:start -->\n")
    _, tail = rest.split("<!-- fields:end -->")
    table = FIELD_TABLE_HEAD + "\n".join(field_table(Profile))
    doc.write_text(f"{head}<!-- fields:start -->\n{table}\n<!-- fields:end -->{tail}", encoding="utf-8")
    stubs.main([])


if __name__ == "__main__":
    main()
