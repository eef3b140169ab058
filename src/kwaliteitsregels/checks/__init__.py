"""The condition keywords. REGISTRY is the language: documented keywords == these keys."""

from __future__ import annotations

from kwaliteitsregels.checks import dates, facts, lists, logic, text
from kwaliteitsregels.checks.base import Builder, Field, Keyword

REGISTRY: dict[str, Keyword] = {
    keyword.name: keyword for module in (logic, facts, dates, lists, text) for keyword in module.KEYWORDS
}

__all__ = ["REGISTRY", "Builder", "Field", "Keyword"]
