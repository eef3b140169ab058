"""Moments of the procedure, and which documents are due at each."""

from __future__ import annotations

from enum import StrEnum

from kwaliteitsregels.models.ruleset import Due


class Stage(StrEnum):
    """The moment of the procedure: which requirements are checked and which documents are due."""

    REGISTRATION = "registration"
    AWARD = "award"
    CONTRACT = "contract"  # the running contract: every earlier requirement, and the periodic duties


DUE_AT: dict[Stage, frozenset[Due]] = {
    Stage.REGISTRATION: frozenset({"with_registration"}),
    Stage.AWARD: frozenset({"with_registration", "before_award"}),
    Stage.CONTRACT: frozenset({"with_registration", "before_award"}),  # 'on request' stays: when asked
}
STAGES: tuple[Stage, ...] = (Stage.REGISTRATION, Stage.AWARD, Stage.CONTRACT)
STAGE_ORDER: dict[str, int] = {stage: rank for rank, stage in enumerate(STAGES)}
