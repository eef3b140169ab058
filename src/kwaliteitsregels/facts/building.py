"""Vocabularies → pydantic profile models: the core profile, extended with what the vocabularies declare.

Every model is built with `pydantic.create_model` from the declarations, never written by hand
per fact. The core models are the base classes, so a profile of an extended model is still a
`Profile` with typed access to every core fact. Models are cached by the vocabularies they were
built from: rulesets that share a vocabulary share the classes.
"""

from __future__ import annotations

import functools
import json
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, create_model
from pydantic.fields import FieldInfo

from kwaliteitsregels._validation import closest
from kwaliteitsregels.facts.types import FACT_TYPES
from kwaliteitsregels.facts.units import BUILTIN_UNITS
from kwaliteitsregels.facts.vocabulary import CodeList, CollectionSpec, FactSpec, VocabularyBody
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.common import Model
from kwaliteitsregels.models.profile import LotView, Profile

Loc = tuple[str | int, ...]
Report = Callable[[Loc, str, str, str | None], None]  # (where, code, message, suggestion)


@dataclass(slots=True)
class _Node:
    """Additions below one model: new fields, and children to extend or create."""

    fields: dict[str, tuple[Any, FieldInfo]] = field(default_factory=dict)
    children: dict[str, _Node] = field(default_factory=dict)
    collection: bool = False  # a new child is a list of items (else a group)
    label: str | None = None


@dataclass(frozen=True, slots=True)
class ProfileModels:
    """The profile model for a set of vocabularies, the per-lot view over it, and what went into it."""

    profile: type[Profile]
    lot_view: type[LotView]
    vocabulary: VocabularyBody
    key: str  # canonical JSON of the merged vocabulary
    entries: frozenset[str] = frozenset()  # one line per declaration: what a profile model must hold


CORE = ProfileModels(Profile, LotView, VocabularyBody(), "{}")
_KNOWN: dict[type[BaseModel], frozenset[str]] = {Profile: frozenset()}


def merge(bodies: Iterable[tuple[VocabularyBody, Loc]], report: Report) -> VocabularyBody:
    """One vocabulary from several; a key declared twice with different content is an error."""
    merged: dict[str, dict[str, Any]] = {"units": {}, "codes": {}, "facts": {}, "collections": {}}
    for body, loc in bodies:
        for section, known in merged.items():
            for key, spec in getattr(body, section).items():
                if key in known and known[key] != spec:
                    message = f"'{key}' staat al anders in een andere woordenlijst ({section})"
                    report((*loc, section, key), "vocabulary-conflict", message, None)
                known.setdefault(key, spec)
    return VocabularyBody(**merged)


def models_for(body: VocabularyBody, report: Report, loc: Loc = ()) -> ProfileModels:
    """The profile models for a merged vocabulary (cached); problems go to `report`."""
    if not (body.facts or body.collections):
        _check_units_and_codes(body, report, loc)
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
    models = _Builder(body, lambda *problem: found.append(problem)).build(key)
    return models, tuple(found)


def covers(model: type[BaseModel], needed: ProfileModels) -> bool:
    """Whether profiles of `model` hold every fact of `needed` (it was built from a superset)."""
    if model is needed.profile:
        return True
    have = _KNOWN.get(model)
    return have is not None and needed.entries <= have


def _entries(body: VocabularyBody) -> frozenset[str]:
    dumped = body.model_dump(mode="json")
    return frozenset(
        f"{section}:{key}:{json.dumps(spec, sort_keys=True)}"
        for section in dumped
        for key, spec in dumped[section].items()
    )


def _check_units_and_codes(body: VocabularyBody, report: Report, loc: Loc) -> None:
    for name in body.units:
        if name in BUILTIN_UNITS:
            report((*loc, "units", name), "unit-redefined", f"eenheid '{name}' is al ingebouwd", None)


class _Builder:
    def __init__(self, body: VocabularyBody, report: Report) -> None:
        self.body = body
        self.report = report
        self.units = [*BUILTIN_UNITS, *body.units]

    def build(self, key: str) -> ProfileModels:
        _check_units_and_codes(self.body, self.report, ())
        root = _Node()
        for name, spec in self.body.facts.items():
            self._fact(root, name, spec)
        for name, collection in self.body.collections.items():
            self._collection(root, name, collection)
        profile = typing.cast("type[Profile]", _extend(Profile, root))
        products = _products(profile)
        lot_view = create_model(
            "LotView",
            __base__=LotView,
            profile=(profile, ...),
            products=(list[products], ...),  # type: ignore[valid-type]
        )
        entries = _entries(self.body)
        _KNOWN[profile] = entries
        return ProfileModels(profile, lot_view, self.body, key, entries)

    def _fact(self, root: _Node, name: str, spec: FactSpec) -> None:
        *group, last = name.split(".")
        node, model = root, introspection.model_class(Profile)
        for step in group:
            node, model = self._child(node, model, step, ("facts", name), collection=False)
        self._add(node, model, last, spec, ("facts", name))

    def _collection(self, root: _Node, name: str, spec: CollectionSpec) -> None:
        node, model = self._child(root, Profile, name, ("collections", name), collection=True)
        node.label = spec.label.nl if spec.label else None
        for field_name, fact in spec.fields.items():
            self._add(node, model, field_name, fact, ("collections", name, "fields", field_name))

    def _child(self, node: _Node, model: Any, name: str, loc: Loc, *, collection: bool) -> tuple[_Node, Any]:
        existing = introspection.child(model, name) if model is not None else None
        if existing is not None:
            item = introspection.list_item(existing)
            target = introspection.model_class(item if item is not None else existing)
            if target is None or (item is not None) != collection:
                want = "een lijst van items" if collection else "een groep"
                self.report(
                    (*loc,), "vocabulary-core-clash", f"'{name}' bestaat al in het profiel en is geen {want}", None
                )
            return node.children.setdefault(name, _Node()), target
        child = node.children.setdefault(name, _Node(collection=collection))
        return child, None

    def _add(self, node: _Node, model: Any, name: str, spec: FactSpec, loc: Loc) -> None:
        if model is not None and introspection.child(model, name) is not None:
            self.report(loc, "vocabulary-core-clash", f"'{name}' is al een gegeven van het kernprofiel", None)
            return
        annotation = self._annotation(spec, loc)
        if annotation is not None:
            node.fields[name] = (annotation, _field_info(spec, FACT_TYPES[spec.type].unit))

    def _annotation(self, spec: FactSpec, loc: Loc) -> Any:
        fact_type = FACT_TYPES.get(spec.type)
        if fact_type is None:
            suggestion = closest(spec.type, list(FACT_TYPES))
            self.report((*loc, "type"), "unknown-fact-type", f"onbekend soort gegeven '{spec.type}'", suggestion)
            return None
        if spec.unit is not None and spec.unit not in self.units:
            suggestion = closest(spec.unit, self.units)
            self.report((*loc, "unit"), "unknown-unit", f"onbekende eenheid '{spec.unit}'", suggestion)
        annotation = fact_type.annotation
        if spec.codes is not None:
            annotation = self._codes(spec.codes, loc)
        annotation = _bounded(annotation, spec)
        return list[annotation] if spec.list else annotation  # type: ignore[valid-type]

    def _codes(self, name: str, loc: Loc) -> Any:
        codes: CodeList | None = self.body.codes.get(name)
        if codes is None:
            suggestion = closest(name, list(self.body.codes))
            self.report((*loc, "codes"), "unknown-code-list", f"onbekende codelijst '{name}'", suggestion)
            return str
        return Literal[tuple(codes.values)]


def _field_info(spec: FactSpec, default_unit: str | None) -> FieldInfo:
    extra: dict[str, Any] = {"x-label": spec.label.model_dump(exclude_none=True)}
    unit = spec.unit or default_unit
    if unit is not None:
        extra["x-unit"] = unit
    if spec.reference:
        extra["x-reference"] = spec.reference
    options: dict[str, Any] = {}
    if spec.list:
        options["default_factory"] = list
    elif not spec.required:
        options["default"] = None
    description = spec.description.nl if spec.description else None
    info: FieldInfo = Field(title=spec.label.nl, description=description, json_schema_extra=extra, **options)
    return info


def _bounded(annotation: Any, spec: FactSpec) -> Any:
    """`annotation` with the fact's `minimum` and `maximum`, compared exactly (and shown to editors)."""
    if spec.minimum is None and spec.maximum is None:
        return annotation
    low, high = spec.minimum, spec.maximum

    def within(value: Any) -> Any:
        if value is None:
            return value
        if low is not None and value < low:
            msg = f"moet minstens {low} zijn"
            raise ValueError(msg)
        if high is not None and value > high:
            msg = f"mag hoogstens {high} zijn"
            raise ValueError(msg)
        return value

    bounds = {"minimum": _json_number(low), "maximum": _json_number(high)}
    shown: dict[str, Any] = {key: value for key, value in bounds.items() if value is not None}
    return Annotated[annotation, AfterValidator(within), Field(json_schema_extra=shown)]


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _extend(model: type[BaseModel], node: _Node) -> type[BaseModel]:
    """`model` with the fields and extended children of `node` (the model itself when nothing is added)."""
    fields: dict[str, Any] = {}
    for name, (annotation, info) in node.fields.items():
        optional = annotation if info.default_factory is not None or info.is_required() else annotation | None
        fields[name] = (optional, info)
    for name, child in node.children.items():
        fields[name] = _child_field(model, name, child)
    if not fields:
        return model
    extended: type[BaseModel] = create_model(model.__name__, __base__=model, **fields)
    return extended


def _child_field(model: type[BaseModel], name: str, child: _Node) -> tuple[Any, Any]:
    existing = model.model_fields.get(name)
    if existing is None:
        base = _extend(create_model(_class_name(name), __base__=Model), child)
        if child.collection:
            return list[base], Field(default_factory=list, title=child.label)  # type: ignore[valid-type]
        return base | None, Field(default=None)
    item = introspection.list_item(existing.annotation)
    target = introspection.model_class(item if item is not None else existing.annotation)
    assert target is not None  # noqa: S101 - checked by _child
    extended = _extend(target, child)
    if item is not None:
        return list[extended], Field(default_factory=list, description=existing.description)  # type: ignore[valid-type]
    if existing.default is None:
        return extended | None, Field(default=None, description=existing.description)
    return extended, Field(default_factory=extended, description=existing.description)


def _class_name(key: str) -> str:
    return "".join(part.capitalize() for part in key.split("_"))


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
