"""A vocabulary as data: the facts a ruleset reads, with type, unit, labels, code lists and collections.

A vocabulary lives in its own file (`vocabulary: <id>`, imported by rulesets with `imports:`) so
that regions can share one, or inline in a ruleset (`vocabulary:`). The core profile is itself a
vocabulary, bundled with the package (`data/vocabularies/core.yaml`), built by the same builder.
Other vocabularies extend it, never replace it: they add provider facts (a dotted key puts a fact
in a group, `policies.meldcode.in_place` in a group inside a group), groups with a label or a
shape, new collections (lists of items such as locations, also inside a group or inside the items
of another collection) and fields on existing collections (such as training hours on
`professionals`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, model_validator

from kwaliteitsregels.models.common import Identifier, LocalizedText, Model

_KEY = r"^[a-z][a-z0-9_]*$"
_DOTTED = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){0,3}$")
_MODEL = r"^[A-Z][A-Za-z0-9]*$"
MODEL_NAME = Field(
    default=None,
    pattern=_MODEL,
    description="naam van de Python-klasse en van de definitie in het JSON-schema (bijv. Policy)",
)


class UnitSpec(Model):
    """A unit of the vocabulary's own (`sessie`), beside the built-in ones: a reason says '12 sessies'."""

    label: LocalizedText = Field(description="de naam bij een aantal (meervoud): 'sessies' / the name after a number")
    one: LocalizedText | None = Field(
        default=None, description="de naam bij precies één: 'sessie' (anders label) / after exactly one"
    )


class CodeList(Model):
    """The allowed codes of a `code` fact, each with its Dutch and English name."""

    title: LocalizedText
    values: dict[str, LocalizedText] = Field(min_length=1)


class FactSpec(Model):
    """One fact: its type, unit, labels and bounds."""

    type: str = Field(
        description="boolean, integer, decimal, money, percentage, date, duration, text, code, "
        "of een identificatie: kvk, agb, big, skj, iban, postcode"
    )
    label: LocalizedText
    description: LocalizedText | None = None
    unit: str | None = Field(default=None, description="eur, percent, count, hour, day, week, score, fte of eigen")
    codes: str | None = Field(default=None, description="bij type code: de codelijst")
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    list: bool = Field(default=False, description="een lijst van waarden (bijvoorbeeld meerdere codes)")
    required: bool = Field(default=False, description="het gegeven moet er zijn (in een collectie: in elk item)")
    reference: str | None = Field(default=None, description="waar de bron om dit gegeven vraagt")
    min_length: int | None = Field(
        default=None, ge=1, description="tekst: minstens zoveel tekens; lijst (list: true): minstens zoveel waarden"
    )
    default: Any = Field(default=None, description="de waarde als het gegeven ontbreekt (bijv. false)")

    @model_validator(mode="after")
    def _codes_with_code(self) -> FactSpec:
        if (self.type == "code") != (self.codes is not None):
            msg = "type code hoort bij een 'codes'-lijst, en 'codes' bij type code"
            raise ValueError(msg)
        if self.default is not None and (self.required or self.list):
            msg = "'default' past niet bij 'required' of 'list' (een lijst is leeg als ze ontbreekt)"
            raise ValueError(msg)
        return self


def _check_field_names(names: dict[str, Any]) -> None:
    for name in names:
        if not re.fullmatch(_KEY, name):
            msg = f"veldnaam '{name}': kleine letters, cijfers en _, beginnend met een letter"
            raise ValueError(msg)


class ShapeSpec(Model):
    """A group shape declared once and used by several groups (a policy: in place, since when, which document)."""

    model: str | None = MODEL_NAME
    label: LocalizedText
    description: LocalizedText | None = None
    fields: dict[str, FactSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _keys(self) -> ShapeSpec:
        _check_field_names(self.fields)
        return self


class GroupSpec(Model):
    """A group of provider facts: its labels, its shape, and whether the profile must hold it."""

    label: LocalizedText
    description: LocalizedText | None = None
    model: str | None = MODEL_NAME
    shape: str | None = Field(default=None, description="de velden komen uit deze vorm (shapes:)")
    required: bool = Field(default=False, description="het profiel moet de groep bevatten")
    default: dict[str, Any] | None = Field(
        default=None, description="alleen {}: ontbreekt de groep, dan is ze leeg (geen null)"
    )

    @model_validator(mode="after")
    def _presence(self) -> GroupSpec:
        if self.default is not None and (self.default or self.required):
            msg = "'default' van een groep is alleen {} (leeg als ze ontbreekt), en niet samen met 'required'"
            raise ValueError(msg)
        return self


class CollectionSpec(Model):
    """A list of items in the profile (a new one, or fields added to a core collection)."""

    label: LocalizedText | None = None
    description: LocalizedText | None = None
    model: str | None = MODEL_NAME
    key: str | None = Field(default=None, description="het veld dat een item noemt in redenen (bijv. id)")
    fields: dict[str, FactSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _keys(self) -> CollectionSpec:
        _check_field_names(self.fields)
        return self


class VocabularyBody(Model):
    """What a vocabulary declares: units, code lists, shapes, groups, provider facts and collections."""

    units: dict[str, UnitSpec] = Field(default_factory=dict)
    codes: dict[str, CodeList] = Field(default_factory=dict)
    shapes: dict[str, ShapeSpec] = Field(default_factory=dict)
    groups: dict[str, GroupSpec] = Field(default_factory=dict)
    facts: dict[str, FactSpec] = Field(default_factory=dict)
    collections: dict[str, CollectionSpec] = Field(default_factory=dict)
    allowed_codes: dict[str, Annotated[list[str], Field(min_length=1)]] = Field(
        default_factory=dict,
        description="een tekstgegeven van het kernprofiel (bijv. professionals.qualifications) → de codelijsten "
        "waaruit het zijn waarden haalt; een andere waarde wordt bij het laden van het profiel geweigerd",
    )

    @model_validator(mode="after")
    def _fact_keys(self) -> VocabularyBody:
        for key in [*self.groups, *self.facts, *self.collections, *self.allowed_codes]:
            if not _DOTTED.fullmatch(key):
                msg = f"sleutel '{key}': kleine letters, cijfers en _, punten tussen groepen (hoogstens 4 delen)"
                raise ValueError(msg)
        for key in self.shapes:
            if not re.fullmatch(_KEY, key):
                msg = f"vorm '{key}': kleine letters, cijfers en _, beginnend met een letter"
                raise ValueError(msg)
        return self


class VocabularyFile(VocabularyBody):
    """A vocabulary in a file of its own, shared by rulesets that import it."""

    vocabulary: Identifier = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: LocalizedText
