"""Units of measure: a fact's unit is checked when a ruleset loads, so euros never compare with weeks.

Units are names; two quantities combine only when their units are equal, or one of them has no
unit (a plain number such as a threshold or the 100 of "per 100 clients"). A vocabulary may
declare units of its own (`units:`); the built-in ones are below.
"""

from __future__ import annotations

from dataclasses import dataclass

from kwaliteitsregels.models.common import Lang


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure with its Dutch and English name (plural, as in '12 uren')."""

    name: str
    nl: str
    en: str

    def label(self, lang: Lang = "nl") -> str:
        """The unit's name in `lang`."""
        return self.en if lang == "en" else self.nl


BUILTIN_UNITS: dict[str, Unit] = {
    unit.name: unit
    for unit in (
        Unit("eur", "euro", "euro"),
        Unit("percent", "%", "%"),
        Unit("count", "aantal", "number"),
        Unit("hour", "uur", "hours"),
        Unit("day", "dagen", "days"),
        Unit("week", "weken", "weeks"),
        Unit("score", "score", "score"),
        Unit("fte", "fte", "FTE"),
    )
}


def combined(left: str | None, right: str | None) -> tuple[bool, str | None]:
    """Whether quantities in `left` and `right` may be compared, added or subtracted, and the unit of the result."""
    if left is None or right is None or left == right:
        return True, left or right
    return False, None


def divided(left: str | None, right: str | None) -> str | None:
    """The unit of `left / right`: equal units cancel (a ratio), a plain divisor keeps the unit."""
    if left == right:
        return None
    if right is None:
        return left
    return f"{left or '1'}/{right}"


def multiplied(left: str | None, right: str | None) -> tuple[bool, str | None]:
    """`left × right` is defined when at most one side has a unit (scaling by a plain number)."""
    if left is None or right is None:
        return True, left or right
    return False, None


def quotient(left: str | None, right: str | None) -> tuple[bool, str | None]:
    """`left / right` is always defined; its unit as `divided` says."""
    return True, divided(left, right)
