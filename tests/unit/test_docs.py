"""The documented keyword list and the registry are the same thing."""

from __future__ import annotations

import re
from pathlib import Path

from kwaliteitsregels.checks import REGISTRY

DOC = Path(__file__).parents[2] / "docs" / "ruleset-language.md"


def test_every_keyword_is_documented_and_every_documented_keyword_exists() -> None:
    documented = re.findall(r"^### `(\w+)`$", DOC.read_text("utf-8"), flags=re.MULTILINE)
    assert sorted(documented) == sorted(REGISTRY)
