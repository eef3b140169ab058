"""The municipality's own file beside a provider's profile: observed facts and decisions on explanations.

The profile stays exactly as the provider submitted it. What the municipality establishes itself
lives here: a fact observed during the procedure or the contract (by whom, when, from what), and
an assessor's decision on an explanation. Both files are hashed into the decision record.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field

from kwaliteitsregels.models.common import Identifier, Model, Points, plain_dates
from kwaliteitsregels.models.profile import Decision

SourceKind = Literal["observation", "document", "assessor"]


class Observation(Model):
    """A fact the municipality established; it outweighs what the provider stated about the same fact."""

    _plain_dates = plain_dates("established_on")

    fact: str = Field(
        min_length=1,
        description="the fact's path in the profile: 'history.dissolved_for_poor_performance_on', "
        "'professionals[p1].vog_issued_on' (an item by its id, or by its position when it has none)",
    )
    value: Any = Field(description="the value as established; null: established that there is none")
    kind: SourceKind = Field(
        default="observation",
        description="observation: seen by the municipality; document: read from a document; assessor: decided",
    )
    by: str = Field(min_length=1, description="who established it")
    established_on: date = Field(description="when")
    note: str | None = None


class AssessmentRecord(Model):
    """An assessor's decision on the provider's explanation for one requirement of one ruleset."""

    _plain_dates = plain_dates("decided_on", "valid_until")

    ruleset: Identifier
    requirement: Identifier
    decision: Decision
    by: str = Field(min_length=1)
    decided_on: date
    valid_until: date | None = None
    note: str | None = None
    score: Points | None = Field(default=None, description="for an award criterion: the points given")
    observed: str | None = Field(
        default=None,
        description="what the municipality itself saw, for a requirement the provider gave no explanation for "
        "(e.g. a contract manager on a qualitative requirement during the contract)",
    )


class Assessments(Model):
    """Everything the municipality recorded about one provider."""

    provider: str | None = Field(default=None, description="the provider's name, checked against the profile")
    observations: list[Observation] = Field(default_factory=list)
    assessments: list[AssessmentRecord] = Field(default_factory=list)
