"""The rulesets that ship with the library, found by name."""

from __future__ import annotations

from pathlib import Path

RULESET_FILE = "ruleset.yaml"


def rulesets_dir() -> Path:
    """Where the bundled rulesets live: inside the wheel, or in a source checkout."""
    packaged = Path(__file__).parent / "_bundled" / "rulesets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rulesets"


def bundled_rulesets() -> dict[str, Path]:
    """Name → ruleset file, for every bundled ruleset."""
    root = rulesets_dir()
    if not root.is_dir():
        return {}
    return {p.parent.name: p for p in sorted(root.glob(f"*/{RULESET_FILE}"))}
