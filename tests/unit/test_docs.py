"""The documented keyword list and the registry are the same thing."""

from __future__ import annotations

import re
from pathlib import Path

from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.models.introspection import FIELD_TABLE_HEAD, field_table
from kwaliteitsregels.models.profile import Profile

DOC = Path(__file__).parents[2] / "docs" / "ruleset-language.md"


def test_every_keyword_is_documented_and_every_documented_keyword_exists() -> None:
    documented = re.findall(r"^### `(\w+)`$", DOC.read_text("utf-8"), flags=re.MULTILINE)
    assert sorted(documented) == sorted(REGISTRY)


def test_profile_field_table_is_current() -> None:
    text = (DOC.parent / "profile.md").read_text("utf-8")
    table = text.split("<!-- fields:start -->\n")[1].split("<!-- fields:end -->")[0]
    assert table.splitlines() == [*FIELD_TABLE_HEAD.splitlines(), *field_table(Profile)], (
        "docs/profile.md is verouderd / is stale: run `python scripts/regenerate.py`"
    )
