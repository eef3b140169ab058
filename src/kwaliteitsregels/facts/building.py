"""Vocabularies → pydantic profile models: the core profile, extended with what the vocabularies declare.

The core profile is itself built from the bundled core vocabulary (`models.profile`); the models
for a ruleset's vocabularies are built by the same `Assembler` on top of the core classes, so a
profile of an extended model is still a `Profile` with typed access to every core fact. Models
are cached by the vocabularies they were built from: rulesets that share a vocabulary share the
classes.
"""

from __future__ import annotations

import functools
import json
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, create_model

from kwaliteitsregels.facts.assembly import Assembler, Loc, Report, check_units, entries
from kwaliteitsregels.facts.vocabulary import VocabularyBody
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.profile import CORE_VOCABULARY, LotView, Profile


@dataclass(frozen=True, slots=True)
class ProfileModels:
    """The profile model for a set of vocabularies, the per-lot view over it, and what went into it."""

    profile: type[Profile]
    lot_view: type[LotView]
    vocabulary: VocabularyBody  # what the vocabularies add to the core
    key: str  # canonical JSON of the merged vocabulary
    entries: frozenset[str] = frozenset()  # one line per declaration: what a profile model must hold


CORE = ProfileModels(Profile, LotView, VocabularyBody(), "{}")
_KNOWN: dict[type[BaseModel], frozenset[str]] = {Profile: frozenset()}


def merge(bodies: Iterable[tuple[VocabularyBody, Loc]], report: Report) -> VocabularyBody:
    """One vocabulary from several; a key declared twice with different content is an error."""
    merged: dict[str, dict[str, Any]] = {section: {} for section in VocabularyBody.model_fields}
    for body, loc in bodies:
        for section, known in merged.items():
            for key, spec in getattr(body, section).items():
                if section == "collections" and key in known:
                    known[key] = _merged_collection(known[key], spec, (*loc, section, key), report)
                    continue
                if section == "allowed_codes":  # several frameworks in one run: the union of their code lists
                    known[key] = list(dict.fromkeys([*known.get(key, []), *spec]))
                    continue
                if key in known and known[key] != spec:
                    message = f"'{key}' staat al anders in een andere woordenlijst ({section})"
                    report((*loc, section, key), "vocabulary-conflict", message, None)
                known.setdefault(key, spec)
    return VocabularyBody(**merged)


def _merged_collection(first: Any, second: Any, loc: Loc, report: Report) -> Any:
    """Two vocabularies may both add fields to one collection: merged field by field.

    A field declared twice must be declared the same.
    """
    fields = dict(first.fields)
    for name, spec in second.fields.items():
        if name in fields and fields[name] != spec:
            message = f"veld '{name}' staat al anders in een andere woordenlijst"
            report((*loc, "fields", name), "vocabulary-conflict", message, None)
        fields.setdefault(name, spec)
    label = first.label if first.label is not None else second.label
    key = first.key if first.key is not None else second.key
    return first.model_copy(update={"fields": fields, "label": label, "key": key})


def models_for(body: VocabularyBody, report: Report, loc: Loc = ()) -> ProfileModels:
    """The profile models for a merged vocabulary (cached); problems go to `report`."""
    if not (body.facts or body.collections or body.groups or body.allowed_codes):
        check_units(body, report, loc)
        return CORE
    key = json.dumps(body.model_dump(mode="json"), sort_keys=True)
    models, found = _built(key)  # rebuilt from `key`, so that equal vocabularies share one set of classes
    for where, code, message, suggestion in found:
        report((*loc, *where), code, message, suggestion)
    return models


@functools.lru_cache(maxsize=64)
def _built(key: str) -> tuple[ProfileModels, tuple[tuple[Loc, str, str, str | None], ...]]:
    body = VocabularyBody.model_validate_json(key)
    found: list[tuple[Loc, str, str, str | None]] = []
    profile = typing.cast(
        "type[Profile]", Assembler(body, lambda *problem: found.append(problem), CORE_VOCABULARY).extend(Profile)
    )
    products = _products(profile)
    lot_view = create_model(
        "LotView",
        __base__=LotView,
        profile=(profile, ...),
        products=(list[products], ...),  # type: ignore[valid-type]
    )
    known = entries(body)
    _KNOWN[profile] = known
    return ProfileModels(profile, lot_view, body, key, known), tuple(found)


def covers(model: type[BaseModel], needed: ProfileModels) -> bool:
    """Whether profiles of `model` hold every fact of `needed` (it was built from a superset)."""
    if model is needed.profile:
        return True
    have = _KNOWN.get(model)
    return have is not None and needed.entries <= have


def _products(profile: type[BaseModel]) -> Any:
    registration = introspection.model_class(profile.model_fields["registration"].annotation)
    assert registration is not None  # noqa: S101 - the core profile has a registration
    return introspection.list_item(registration.model_fields["products"].annotation)


def union(sets: Iterable[ProfileModels]) -> ProfileModels:
    """The profile models holding the facts of every set (several frameworks at once)."""
    distinct = list({models.key: models for models in sets}.values())
    if not distinct:
        return CORE
    if len(distinct) == 1:
        return distinct[0]
    problems: list[str] = []
    merged = merge(((m.vocabulary, ()) for m in distinct), lambda _loc, _c, message, _s: problems.append(message))
    if problems:
        raise ValueError("; ".join(problems))
    return models_for(merged, lambda _loc, _c, message, _s: problems.append(message))


def adopt(profile: Profile, models: ProfileModels) -> Profile:
    """`profile` as an instance of a model that holds the facts of `models` (validated again if need be)."""
    if covers(type(profile), models):
        return profile
    return models.profile.model_validate(profile.model_dump(exclude_unset=True))
