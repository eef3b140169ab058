"""Moments of the procedure, and which documents are due at each."""

from __future__ import annotations

from enum import StrEnum

from kwaliteitsregels.models.ruleset import Due


class Stage(StrEnum):
    """The moment of the procedure: which requirements are checked and which documents are due."""

    REGISTRATION = "registration"
    AWARD = "award"


DUE_AT: dict[Stage, frozenset[Due]] = {
    Stage.REGISTRATION: frozenset({"with_registration"}),
    Stage.AWARD: frozenset({"with_registration", "before_award"}),
}
STAGE_ORDER: dict[str, int] = {Stage.REGISTRATION: 0, Stage.AWARD: 1}
