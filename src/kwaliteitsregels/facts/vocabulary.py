"""A vocabulary as data: the facts a ruleset reads, with type, unit, labels, code lists and collections.

A vocabulary lives in its own file (`vocabulary: <id>`, imported by rulesets with `imports:`) so
that regions can share one, or inline in a ruleset (`vocabulary:`). The core profile is extended,
never replaced: a vocabulary adds provider facts (a dotted key puts a fact in a group), new
collections (lists of items such as locations) and fields on existing collections (such as
training hours on `professionals`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import Field, model_validator

from kwaliteitsregels.models.common import Identifier, LocalizedText, Model

_KEY = r"^[a-z][a-z0-9_]*$"
_DOTTED = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")


class UnitSpec(Model):
    """A unit of the vocabulary's own (`sessie`), beside the built-in ones."""

    label: LocalizedText


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
    required: bool = Field(default=False, description="alleen in een collectie: elk item moet dit veld hebben")
    reference: str | None = Field(default=None, description="waar de bron om dit gegeven vraagt")

    @model_validator(mode="after")
    def _codes_with_code(self) -> FactSpec:
        if (self.type == "code") != (self.codes is not None):
            msg = "type code hoort bij een 'codes'-lijst, en 'codes' bij type code"
            raise ValueError(msg)
        return self


class CollectionSpec(Model):
    """A list of items in the profile (a new one, or fields added to a core collection)."""

    label: LocalizedText | None = None
    key: str | None = Field(default=None, description="het veld dat een item noemt in redenen (bijv. id)")
    fields: dict[str, FactSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _keys(self) -> CollectionSpec:
        for name in self.fields:
            if not re.fullmatch(_KEY, name):
                msg = f"veldnaam '{name}': kleine letters, cijfers en _, beginnend met een letter"
                raise ValueError(msg)
        return self


class VocabularyBody(Model):
    """What a vocabulary declares: units, code lists, provider facts and collections."""

    units: dict[str, UnitSpec] = Field(default_factory=dict)
    codes: dict[str, CodeList] = Field(default_factory=dict)
    facts: dict[str, FactSpec] = Field(default_factory=dict)
    collections: dict[str, CollectionSpec] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _fact_keys(self) -> VocabularyBody:
        for key in [*self.facts, *self.collections]:
            if not _DOTTED.fullmatch(key) or (key in self.collections and "." in key):
                msg = f"sleutel '{key}': kleine letters, cijfers en _, hoogstens één punt (groep.gegeven) bij feiten"
                raise ValueError(msg)
        return self


class VocabularyFile(VocabularyBody):
    """A vocabulary in a file of its own, shared by rulesets that import it."""

    vocabulary: Identifier = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: LocalizedText
