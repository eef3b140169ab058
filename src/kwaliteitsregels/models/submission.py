"""What a profile holds beside facts: declarations, documents, explanations and their assessments.

These are not facts about the provider but statements about it, so they are written by hand; the
facts come from the core vocabulary (`data/vocabularies/core.yaml`), built in `models.profile` on
top of `ProfileBase`, the rules that span facts and explanations.
"""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool, model_validator

from kwaliteitsregels.models.common import Identifier, Model, Points, plain_dates

if typing.TYPE_CHECKING:
    from kwaliteitsregels.models.profile import Profile

Decision = Literal["accepted", "rejected"]
Money = Annotated[Decimal, Field(json_schema_extra={"x-unit": "eur"})]


class Document(Model):
    """A submitted verification document."""

    _plain_dates = plain_dates("issued_on", "valid_until")

    type: str = Field(
        description="soort bewijsstuk uit de gedeelde woordenlijst of de regelset",
        json_schema_extra={"x-label": {"nl": "soort bewijsstuk", "en": "document type"}},
    )
    title: str | None = Field(default=None, json_schema_extra={"x-label": {"nl": "titel", "en": "title"}})
    issued_on: date | None = Field(
        default=None, json_schema_extra={"x-label": {"nl": "afgegeven op", "en": "issued on"}}
    )
    valid_until: date | None = Field(
        default=None, json_schema_extra={"x-label": {"nl": "geldig tot", "en": "valid until"}}
    )
    reference: str | None = Field(default=None, json_schema_extra={"x-label": {"nl": "kenmerk", "en": "reference"}})


class Assessment(Model):
    """An assessor's decision on an explanation."""

    _plain_dates = plain_dates("decided_on", "valid_until")

    decision: Decision = Field(json_schema_extra={"x-label": {"nl": "besluit", "en": "decision"}})
    by: str = Field(min_length=1, json_schema_extra={"x-label": {"nl": "besloten door", "en": "decided by"}})
    decided_on: date = Field(json_schema_extra={"x-label": {"nl": "besloten op", "en": "decided on"}})
    valid_until: date | None = Field(
        default=None, json_schema_extra={"x-label": {"nl": "geldig tot", "en": "valid until"}}
    )
    note: str | None = Field(default=None, json_schema_extra={"x-label": {"nl": "notitie", "en": "note"}})
    score: Points | None = Field(  # points, not euros
        default=None,
        description="bij een gunningscriterium: de toegekende punten",
        json_schema_extra={"x-label": {"nl": "toegekende punten", "en": "points awarded"}},
    )


class Explanation(Model):
    """Pas toe of leg uit: the provider's explanation for one requirement of one ruleset."""

    _plain_dates = plain_dates("given_on")

    ruleset: Identifier = Field(json_schema_extra={"x-label": {"nl": "regelset", "en": "ruleset"}})
    requirement: Identifier = Field(json_schema_extra={"x-label": {"nl": "eis", "en": "requirement"}})
    text: str = Field(min_length=1, json_schema_extra={"x-label": {"nl": "toelichting", "en": "explanation"}})
    given_by: str = Field(min_length=1, json_schema_extra={"x-label": {"nl": "gegeven door", "en": "given by"}})
    given_on: date = Field(json_schema_extra={"x-label": {"nl": "gegeven op", "en": "given on"}})
    assessment: Assessment | None = Field(
        default=None, json_schema_extra={"x-label": {"nl": "beoordeling", "en": "assessment"}}
    )


SUBMISSION_FIELDS: dict[str, Any] = {  # after the facts, in this order
    "declarations": (
        dict[str, StrictBool],
        Field(default_factory=dict, description="verklaringen: naam uit de regelset → true of false (geen 1 of 'ja')"),
    ),
    "documents": (
        list[Document],
        Field(default_factory=list, json_schema_extra={"x-label": {"nl": "bewijsstukken", "en": "documents"}}),
    ),
    "explanations": (
        list[Explanation],
        Field(default_factory=list, json_schema_extra={"x-label": {"nl": "toelichtingen", "en": "explanations"}}),
    ),
}


class ProfileBase(Model):
    """Everything known about one provider, as of the moment the profile was made.

    The base of `Profile`: the facts come from the core vocabulary, then `SUBMISSION_FIELDS`.
    """

    @model_validator(mode="after")
    def _products_in_registered_lots(self) -> ProfileBase:
        registration = typing.cast("Profile", self).registration
        if registration is not None:
            lots = set(registration.lots)
            for product in registration.products:
                if product.lot not in lots:
                    msg = f"product {product.code} staat in perceel {product.lot}, waarvoor niet is ingeschreven"
                    raise ValueError(msg)
        return self

    @model_validator(mode="after")
    def _one_explanation_per_requirement(self) -> ProfileBase:
        seen: set[tuple[str, str]] = set()
        for item in typing.cast("Profile", self).explanations:
            key = (item.ruleset, item.requirement)
            if key in seen:
                msg = f"twee toelichtingen voor eis {item.requirement} van {item.ruleset}"
                raise ValueError(msg)
            seen.add(key)
        return self


class LotViewBase(Model):
    """What a per-lot requirement sees: one registered lot, its offered products, and the whole profile."""

    lot: Identifier
