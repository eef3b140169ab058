"""A vocabulary → pydantic classes: the fields it declares, added to the models it extends.

One builder for every vocabulary. The core vocabulary (`data/vocabularies/core.yaml`) is built on
the hand-written base of the profile (declarations, documents, explanations); a region's vocabulary
is built on the core models, so that its profiles are still core profiles. Every class comes from
`pydantic.create_model`; none is written by hand per fact. Problems go to `report` with the place
in the vocabulary where they were declared.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, TypeAdapter, ValidationError, create_model
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from kwaliteitsregels.facts.types import FACT_TYPES
from kwaliteitsregels.facts.units import BUILTIN_UNITS
from kwaliteitsregels.facts.vocabulary import CodeList, CollectionSpec, FactSpec, GroupSpec, ShapeSpec, VocabularyBody
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.common import Model, date_fields, plain_dates

Loc = tuple[str | int, ...]
Report = Callable[[Loc, str, str, str | None], None]  # (where, code, message, suggestion)

_SHAPES: dict[str, type[BaseModel]] = {}  # shape classes by their declaration: equal shapes share a class


@dataclass(slots=True)
class _Node:
    """What goes below one model: new fields, and the groups and collections to create or extend."""

    name: str
    base: type[BaseModel] | None = None  # the class extended (a core class or a shape); None: a new class
    collection: bool = False  # a list of items (else a group)
    group: GroupSpec | None = None
    items: CollectionSpec | None = None
    fields: dict[str, tuple[Any, FieldInfo]] = field(default_factory=dict)
    children: dict[str, _Node] = field(default_factory=dict)
    tail: dict[str, Any] = field(default_factory=dict)  # fields after the facts, written by hand


def closest(word: str, options: list[str]) -> str | None:
    """The nearest option for a suggestion (imported when a problem is found: start-up stays light)."""
    from kwaliteitsregels._validation import closest as nearest  # noqa: PLC0415

    return nearest(word, options)


def check_units(body: VocabularyBody, report: Report, loc: Loc = ()) -> None:
    """A vocabulary may not declare a built-in unit again."""
    for name in body.units:
        if name in BUILTIN_UNITS:
            report((*loc, "units", name), "unit-redefined", f"eenheid '{name}' is al ingebouwd", None)


def _by_depth(section: dict[str, Any]) -> list[tuple[str, Any]]:
    """Keys of a section, outer ones first (a group before the groups inside it), else in the written order."""
    return sorted(section.items(), key=lambda item: item[0].count("."))


class Assembler:
    """Builds the classes for one vocabulary on top of a base model."""

    def __init__(self, body: VocabularyBody, report: Report, shared: VocabularyBody | None = None) -> None:
        self.body = body
        self.report = report
        self.shared = shared or VocabularyBody()  # the core's code lists and shapes, usable by every vocabulary
        self.units = [*BUILTIN_UNITS, *body.units]
        self.classes: dict[str, type[BaseModel]] = {}  # every class built, by name

    def extend(
        self, base: type[BaseModel], name: str | None = None, tail: dict[str, Any] | None = None
    ) -> type[BaseModel]:
        """`base` with every group, collection and fact of the vocabulary, then the fields of `tail`.

        The class is called `name` (else as `base`); `tail` holds fields that are no facts (written by hand).
        """
        check_units(self.body, self.report)
        root = _Node(name or base.__name__, base=base, tail=tail or {})
        for key, group in _by_depth(self.body.groups):
            self._group(root, key, group)
        for key, collection in _by_depth(self.body.collections):
            self._collection(root, key, collection)
        for key, fact in self.body.facts.items():
            self._fact(root, key, fact)
        for key, lists in self.body.allowed_codes.items():
            self._allowed(root, key, lists)
        return self._build(root, root.name, None)

    # ── the tree of declarations ──

    def _walk(self, root: _Node, steps: list[str], loc: Loc, *, through_lists: bool) -> _Node | None:
        """The node for the group (or collection) at `steps`, creating groups on the way."""
        node = root
        for step in steps:
            child = self._step(node, step, loc)
            if child is None:
                return None
            if child.collection and not through_lists:
                self.report(loc, "vocabulary-core-clash", f"'{step}' is een lijst van items, geen groep", None)
                return None
            node = child
        return node

    def _step(self, node: _Node, name: str, loc: Loc) -> _Node | None:
        if name in node.children:
            return node.children[name]
        existing = introspection.child(node.base, name) if node.base is not None else None
        if existing is None:
            child = _Node(name)
        else:
            item = introspection.list_item(existing)
            target = introspection.model_class(item if item is not None else existing)
            if target is None:
                message = f"'{name}' bestaat al in het profiel en is geen groep of lijst"
                self.report(loc, "vocabulary-core-clash", message, None)
                return None
            child = _Node(name, base=target, collection=item is not None)
        node.children[name] = child
        return child

    def _group(self, root: _Node, key: str, spec: GroupSpec) -> None:
        *path, name = key.split(".")
        loc: Loc = ("groups", key)
        parent = self._walk(root, path, loc, through_lists=False)
        if parent is None:
            return
        if parent.base is not None and introspection.child(parent.base, name) is not None:
            self.report(loc, "vocabulary-core-clash", f"'{name}' bestaat al in het profiel", None)
            return
        node = parent.children[name] = _Node(name, group=spec)
        if spec.shape is not None:
            node.base = self._shape(spec.shape, (*loc, "shape"))

    def _collection(self, root: _Node, key: str, spec: CollectionSpec) -> None:
        *path, name = key.split(".")
        loc: Loc = ("collections", key)
        parent = self._walk(root, path, loc, through_lists=True)
        if parent is None:
            return
        existing = parent.children.get(name)
        in_base = parent.base is not None and introspection.child(parent.base, name) is not None
        if in_base or existing is not None:  # fields added to a collection that exists
            node = self._step(parent, name, loc)
            if node is None:
                return
            if not node.collection:
                self.report(loc, "vocabulary-core-clash", f"'{name}' bestaat al in het profiel en is geen lijst", None)
                return
        else:
            node = _Node(name, collection=True)
            parent.children[name] = node
            node.items = spec
        for field_name, fact in spec.fields.items():
            self._add(node, field_name, fact, (*loc, "fields", field_name))

    def _fact(self, root: _Node, key: str, spec: FactSpec) -> None:
        *path, name = key.split(".")
        loc: Loc = ("facts", key)
        node = self._walk(root, path, loc, through_lists=False)
        if node is not None:
            self._add(node, name, spec, loc)

    def _add(self, node: _Node, name: str, spec: FactSpec, loc: Loc) -> None:
        if (node.base is not None and name in node.base.model_fields) or name in node.children:
            self.report(loc, "vocabulary-core-clash", f"'{name}' is al een gegeven van het kernprofiel", None)
            return
        annotation = self._annotation(spec, loc)
        if annotation is not None:
            node.fields[name] = (annotation, self._field_info(spec, annotation, loc))

    def _allowed(self, root: _Node, key: str, lists: list[str]) -> None:
        """A text fact of the core that may hold only the codes of `lists` (checked when a profile is loaded)."""
        *path, name = key.split(".")
        loc: Loc = ("allowed_codes", key)
        node = self._walk(root, path, loc, through_lists=True)
        if node is None:
            return
        existing = node.base.model_fields.get(name) if node.base is not None else None
        extra = existing.json_schema_extra if existing is not None else None
        if existing is None or not isinstance(extra, dict) or extra.get("x-type") != "text":
            options = [f for f, info in node.base.model_fields.items() if _is_text(info)] if node.base else []
            message = f"'{key}' is geen tekstgegeven van het kernprofiel (een eigen gegeven krijgt type: code)"
            self.report(loc, "allowed-codes-not-text", message, closest(name, options))
            return
        codes: dict[str, None] = {}
        for index, list_name in enumerate(lists):
            code_list: CodeList | None = self.body.codes.get(list_name) or self.shared.codes.get(list_name)
            if code_list is None:
                suggestion = closest(list_name, [*self.body.codes, *self.shared.codes])
                self.report((*loc, index), "unknown-code-list", f"onbekende codelijst '{list_name}'", suggestion)
                continue
            codes.update(dict.fromkeys(code_list.values))
        node.fields[name] = _coded_field(existing, tuple(codes), ", ".join(lists))

    # ── types ──

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
        if spec.min_length is not None and not spec.list:
            if fact_type.name not in {"text", "id"}:
                message = "min_length past bij tekst (text, id) of bij een lijst (list: true)"
                self.report((*loc, "min_length"), "vocabulary-min-length", message, None)
            annotation = Annotated[annotation, Field(min_length=spec.min_length)]
        annotation = _bounded(annotation, spec)
        return list[annotation] if spec.list else annotation  # type: ignore[valid-type]

    def _codes(self, name: str, loc: Loc) -> Any:
        codes: CodeList | None = self.body.codes.get(name) or self.shared.codes.get(name)
        if codes is None:
            suggestion = closest(name, [*self.body.codes, *self.shared.codes])
            self.report((*loc, "codes"), "unknown-code-list", f"onbekende codelijst '{name}'", suggestion)
            return str
        return Literal[tuple(codes.values)]

    def _shape(self, name: str, loc: Loc) -> type[BaseModel] | None:
        spec: ShapeSpec | None = self.body.shapes.get(name) or self.shared.shapes.get(name)
        if spec is None:
            suggestion = closest(name, [*self.body.shapes, *self.shared.shapes])
            self.report(loc, "unknown-shape", f"onbekende vorm '{name}'", suggestion)
            return None
        key = json.dumps([name, spec.model_dump(mode="json")], sort_keys=True)
        if key not in _SHAPES:
            node = _Node(name)
            for field_name, fact in spec.fields.items():
                self._add(node, field_name, fact, ("shapes", name, "fields", field_name))
            _SHAPES[key] = self._new_class(spec.model or _class_name(name), node, spec.description or spec.label)
        self.classes[_SHAPES[key].__name__] = _SHAPES[key]
        return _SHAPES[key]

    def _field_info(self, spec: FactSpec, annotation: Any, loc: Loc) -> FieldInfo:
        options: dict[str, Any] = {}
        if spec.list and spec.min_length is not None:
            options["min_length"] = spec.min_length
        if spec.default is not None:
            options["default"] = self._default(spec.default, annotation, loc)
        elif spec.list and not spec.required:
            options["default_factory"] = list
        elif not spec.required:
            options["default"] = None
        extra = _extra(spec.label, type=spec.type, unit=spec.unit or FACT_TYPES[spec.type].unit)
        if spec.reference:
            extra["x-reference"] = spec.reference
        description = spec.description.nl if spec.description else None
        info: FieldInfo = Field(title=spec.label.nl, description=description, json_schema_extra=extra, **options)
        return info

    def _default(self, value: Any, annotation: Any, loc: Loc) -> Any:
        try:
            return TypeAdapter(annotation).validate_python(value)
        except ValidationError as error:
            message = f"default {value!r} past niet bij het soort gegeven: {error.errors()[0]['msg']}"
            self.report((*loc, "default"), "vocabulary-default", message, None)
            return None

    # ── classes ──

    def _build(self, node: _Node, name: str, doc: Any) -> type[BaseModel]:
        """The class for `node`: its base extended (or the base itself when nothing is added), or a new class."""
        if node.base is not None and not node.fields and not node.children and not node.tail:
            return node.base
        if node.base is None:
            return self._new_class(name, node, doc)
        fields = self._fields(node)
        dates = _dates(fields, node.base)
        built: type[BaseModel] = create_model(
            name, __base__=node.base, __doc__=node.base.__doc__, __validators__=dates, **fields
        )
        self.classes[name] = built
        return built

    def _new_class(self, name: str, node: _Node, doc: Any) -> type[BaseModel]:
        fields = self._fields(node)
        built: type[BaseModel] = create_model(
            name, __base__=Model, __doc__=_doc(doc), __validators__=_dates(fields, None), **fields
        )
        self.classes[name] = built
        return built

    def _fields(self, node: _Node) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for name, (annotation, info) in node.fields.items():
            fields[name] = (annotation | None if info.default is None else annotation, info)  # absent: unknown
        for name, child in node.children.items():
            fields[name] = self._child_field(node, name, child)
        return fields | node.tail

    def _child_field(self, parent: _Node, name: str, child: _Node) -> tuple[Any, FieldInfo]:
        existing = parent.base.model_fields.get(name) if parent.base is not None else None
        if existing is not None:
            return _extended_field(existing, self._build(child, child.base.__name__ if child.base else name, None))
        if child.collection:
            spec = child.items
            cls = self._build(child, (spec.model if spec else None) or _class_name(name), spec and spec.description)
            label = spec.label if spec else None
            return list[cls], _container_info(label, spec and spec.description, default_factory=list)  # type: ignore[valid-type]
        group = child.group
        if group is None:
            return self._build(child, _class_name(name), None) | None, _container_info(None, None, default=None)
        model_name = group.model or _class_name(name)
        cls = self._build(child, model_name, group.description or group.label)
        if group.required:
            return cls, _container_info(group.label, group.description)
        if group.default is not None:
            return cls, _container_info(group.label, group.description, default_factory=cls)
        return cls | None, _container_info(group.label, group.description, default=None)


def _extended_field(existing: FieldInfo, extended: type[BaseModel]) -> tuple[Any, FieldInfo]:
    """The field of an existing group or collection, now holding the extended class."""
    keep: dict[str, Any] = {
        "title": existing.title,
        "description": existing.description,
        "json_schema_extra": existing.json_schema_extra,
    }
    if introspection.list_item(existing.annotation) is not None:
        return list[extended], Field(default_factory=list, **keep)  # type: ignore[valid-type]
    if existing.is_required():
        return extended, Field(**keep)
    if existing.default is None and existing.default_factory is None:
        return extended | None, Field(default=None, **keep)
    return extended, Field(default_factory=extended, **keep)


def _is_text(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get("x-type") == "text"


def _coded_field(existing: FieldInfo, codes: tuple[str, ...], lists: str) -> tuple[Any, FieldInfo]:
    """The core text field `existing`, now refusing every value outside `codes` (with the nearest as suggestion)."""
    allowed = frozenset(codes)

    def known(value: str) -> str:
        if value not in allowed:
            template = "onbekende code '{value}': niet in codelijst {lists}"
            context = {"value": value, "lists": lists, "suggestion": _nearest_code(value, codes)}
            raise PydanticCustomError("unknown_code", template, context)
        return value

    extra = dict(existing.json_schema_extra) if isinstance(existing.json_schema_extra, dict) else {}
    extra["x-codes"] = lists
    item = Annotated[str, AfterValidator(known), Field(json_schema_extra={"enum": list(codes)})]
    options: dict[str, Any] = {"title": existing.title, "description": existing.description, "json_schema_extra": extra}
    constraints = tuple(existing.metadata)  # a minimum length of the core field still holds
    if introspection.list_item(existing.annotation) is not None:
        return _constrained(list[item], constraints), Field(default_factory=list, **options)
    if existing.is_required():
        return _constrained(item, constraints), Field(**options)
    return _constrained(item, constraints), Field(default=None, **options)


def _nearest_code(value: str, codes: tuple[str, ...]) -> str | None:
    """The code meant: the same but for capitals ('HBO' → 'hbo'), else the most similar."""
    same = [code for code in codes if code.casefold() == value.casefold()]
    return same[0] if same else closest(value, list(codes))


def _constrained(annotation: Any, constraints: tuple[Any, ...]) -> Any:
    return Annotated[(annotation, *constraints)] if constraints else annotation


def _container_info(label: Any, description: Any, **options: Any) -> FieldInfo:
    extra = _extra(label) if label is not None else None
    info: FieldInfo = Field(
        title=label.nl if label is not None else None,
        description=description.nl if description is not None else None,
        json_schema_extra=extra,
        **options,
    )
    return info


def _extra(label: Any, **more: str | None) -> dict[str, Any]:
    extra: dict[str, Any] = {"x-label": label.model_dump(exclude_none=True)}
    extra.update({f"x-{key}": value for key, value in more.items() if value is not None})
    return extra


def _doc(text: Any) -> str | None:
    """A class's docstring (the JSON Schema's description): Dutch, then English."""
    if text is None:
        return None
    return f"{text.nl}\n\n{text.en}" if text.en else str(text.nl)


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


def _class_name(key: str) -> str:
    return "".join(part.capitalize() for part in key.split("_"))


def entries(body: VocabularyBody) -> frozenset[str]:
    """One line per declaration of `body`: what a model built from it holds."""
    dumped = body.model_dump(mode="json")
    return frozenset(
        f"{section}:{key}:{json.dumps(spec, sort_keys=True)}"
        for section in dumped
        for key, spec in dumped[section].items()
    )


def _dates(fields: dict[str, Any], base: type[BaseModel] | None) -> dict[str, Any]:
    """The plain-date validator of a built class: its own date fields and its base's (the name replaces the base's)."""
    own = {name for name, spec in fields.items() if isinstance(spec, tuple) and introspection.unwrap(spec[0]) is date}
    every = own | (date_fields(base) if base is not None else set())
    return {"_plain_dates": plain_dates(*sorted(every))} if every else {}
