"""Hypothesis strategies for valid random rulesets (as plain data), built from the real profile model.

Field paths, their kinds and their value types come from `kwaliteitsregels.models.introspection`,
so a new profile field is generated without touching this file. Every condition keyword of the
registry can appear, nested through all/any/not/at_least and scoped through every/count.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.compiling import FieldPath
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.vocabulary import EVIDENCE_TYPES

SCALAR = frozenset({"text", "number", "bool", "date"})
ORDERED = frozenset({"number", "date"})
TEXTS = ("HKZ", "ISO", "PREZO", "eigen", "bv", "stichting", "youth", "wmo", "jeugdwet", "SKJ", "a", "x")
TABLES: dict[str, list[Any]] = {
    "codes": ["HKZ", "ISO", "bv", "SKJ"],
    "rows": [{"code": "HKZ", "n": 1}, {"code": "ISO", "n": None}, {"code": "x", "n": 3}],
    "by_form": [{"form": "bv", "n": 10}, {"form": "stichting", "n": None}],
}
DECLARATIONS = ("governance", "wtza")
DURATIONS = ("P0D", "P1D", "P2W", "P3M", "P6M", "P1Y", "P3Y", "P4Y", "P5Y", "P1Y6M")
# A quantity without a label, with a Dutch one, with both languages.
LABELS: tuple[dict[str, Any], ...] = ({}, {"label": "het dubbele"}, {"label": {"nl": "het dubbele", "en": "twice it"}})
dates = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))


@dataclass(frozen=True, repr=False)
class Field:
    """One profile field reachable from a scope: dotted path, kind and the scalar type of its values."""

    path: str
    kind: str
    scalar: Any  # the value type (the item type for a list of scalars)

    def __repr__(self) -> str:
        return self.path


@dataclass(frozen=True)
class Scope:
    """The fields of one model, and the lists of objects below it (for every/count)."""

    fields: tuple[Field, ...]
    lists: tuple[tuple[str, Any], ...]  # path → item model

    def of(self, kinds: frozenset[str]) -> list[Field]:
        """The fields of these kinds."""
        return [f for f in self.fields if f.kind in kinds]


@cache
def scope(model: Any) -> Scope:
    """Every field path below `model` (not into lists), via the model's own introspection."""
    fields: list[Field] = []
    lists: list[tuple[str, Any]] = []

    def walk(current: Any, prefix: str) -> None:
        for name in introspection.field_names(current):
            annotation = introspection.child(current, name)
            path = prefix + name
            kind = FieldPath(path, tuple(path.split(".")), annotation).kind
            item = introspection.list_item(annotation)
            if item is not None and introspection.model_class(item) is not None:
                lists.append((path, introspection.model_class(item)))
                continue
            scalar = introspection.unwrap(item if item is not None else annotation)
            if scalar is str and not _takes_plain_text(item if item is not None else annotation):
                scalar = IDENTIFIER
            fields.append(Field(path, kind, scalar))
            nested = introspection.model_class(annotation)
            if nested is not None:
                walk(nested, path + ".")

    walk(model, "")
    return Scope(tuple(fields), tuple(lists))


IDENTIFIER = "identifier"  # a text field with a real check (KvK, AGB, IBAN …): no free text to compare with


def _takes_plain_text(annotation: Any) -> bool:
    try:
        TypeAdapter(annotation).validate_python(TEXTS[0])
    except ValidationError:
        return False
    return True


def values(scalar: Any) -> st.SearchStrategy[Any]:
    """Values of the field's type, as a ruleset author would write them."""
    if typing.get_origin(scalar) is typing.Literal:
        return st.sampled_from(typing.get_args(scalar))
    if scalar is date:
        return dates
    if scalar is bool:
        return st.booleans()
    if scalar is int:
        return st.integers(0, 200)
    if scalar is Decimal:
        return st.integers(0, 2_000_000) | st.decimals(0, 1000, places=2).map(float)
    return st.sampled_from(TEXTS)


_COUNTS = frozenset({"size.care_employees", "size.clients_in_care"})


def _unit(path: str) -> str | None:
    """The unit the core profile gives a field: comparing fields in different units is refused at load."""
    return "eur" if path.endswith("_eur") else ("count" if path in _COUNTS else None)


def _field(fields: list[Field]) -> st.SearchStrategy[Field]:
    return st.sampled_from(fields) if fields else st.nothing()


def leaf(where: Scope) -> st.SearchStrategy[dict[str, Any]]:
    """A condition without sub-conditions, on a field of this scope."""
    scalars = [f for f in where.of(SCALAR) if f.scalar != IDENTIFIER]
    ordered, texts = where.of(ORDERED), where.of(frozenset({"text"}))
    dated, numbers, lists = (
        where.of(frozenset({"date"})),
        where.of(frozenset({"number"})),
        where.of(frozenset({"list"})),
    )
    options: list[st.SearchStrategy[dict[str, Any]]] = [
        _field(list(where.fields)).map(lambda f: {"present": f.path}),
        _field(list(where.fields)).map(lambda f: {"absent": f.path}),
        _field(scalars).flatmap(lambda f: values(f.scalar).map(lambda v: {"equals": {"field": f.path, "value": v}})),
        _field(scalars).flatmap(
            lambda f: st.lists(values(f.scalar), min_size=1, max_size=3).map(
                lambda vs: {"one_of": {"field": f.path, "values": vs}}
            )
        ),
        st.sampled_from(["minimum", "maximum", "greater_than", "less_than"]).flatmap(
            lambda name: _field(ordered).flatmap(
                lambda f: values(f.scalar).map(lambda v: {name: {"field": f.path, "value": v}})
            )
        ),
        st.sampled_from(["not_older_than", "older_than"]).flatmap(
            lambda name: st.tuples(_field(dated), st.sampled_from(DURATIONS)).map(
                lambda fd: {name: {"field": fd[0].path, "duration": fd[1]}}
            )
        ),
        _field(dated).map(lambda f: {"not_expired": f.path}),
        st.tuples(_field(dated), _field(dated), st.sampled_from(DURATIONS)).map(
            lambda t: {"at_most_before": {"field": t[0].path, "reference": t[1].path, "duration": t[2]}}
        ),
        _field(numbers).flatmap(
            lambda f: st.integers(0, 3).map(lambda n: {"decimals": {"field": f.path, "max": n}}),
        ),
        st.sampled_from(DECLARATIONS).map(lambda name: {"declared": name}),
        st.tuples(
            st.sampled_from(["before", "on_or_before", "after", "on_or_after"]),
            _field(dated),
            st.sampled_from([{"from": "peildatum"}, *({"from": "peildatum", "minus": d} for d in DURATIONS)]),
        ).map(lambda t: {t[0]: {"field": t[1].path, "date": t[2]}}),
        st.tuples(
            _field(numbers),
            st.sampled_from(["minimum", "maximum", "equals"]),
            st.integers(0, 200),
            st.sampled_from(LABELS),
        ).map(lambda t: {t[1]: {"quantity": {"multiply": [{"field": t[0].path}, {"value": 2}]} | t[3], "value": t[2]}}),
    ]
    if texts:
        options += [
            _field(texts).map(lambda f: {"in_table": {"field": f.path, "table": "codes"}}),
            _field(texts).map(lambda f: {"in_table": {"field": f.path, "table": "rows", "column": "code"}}),
            _field(texts).flatmap(
                lambda f: st.sampled_from(["^[0-9]{8}$", "A.*", "(ab|c)+[0-9]?"]).map(
                    lambda p: {"matches": {"field": f.path, "pattern": p}}
                )
            ),
            _field(texts).flatmap(
                lambda f: st.lists(st.sampled_from(TEXTS), min_size=1, max_size=2).map(
                    lambda ps: {"starts_with": {"field": f.path, "prefixes": ps}}
                )
            ),
        ]
    if lists:
        options.append(
            _field(lists).flatmap(lambda f: values(f.scalar).map(lambda v: {"contains": {"field": f.path, "value": v}}))
        )
    same_kind = [
        (a, b)
        for a in scalars
        for b in scalars
        if a.kind == b.kind and a.path != b.path and _unit(a.path) == _unit(b.path)
    ]
    if same_kind:
        options.append(
            st.sampled_from(same_kind).flatmap(
                lambda ab: st.sampled_from(
                    ["equals", "minimum", "maximum"] if ab[0].kind in ORDERED else ["equals"]
                ).map(lambda name: {name: {"field": ab[0].path, "value_of": ab[1].path}})
            )
        )
    if where is scope(Profile):
        lookup = {"table": "by_form", "match": {"form": "organisation.legal_form"}, "column": "n"}
        options.append(st.just({"minimum": {"field": "size.care_employees", "value_from": lookup}}))
    return st.one_of(options)


def _combined(inner: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    several = st.lists(inner, min_size=1, max_size=3)
    return st.one_of(
        several.map(lambda cs: {"all": cs}),
        several.map(lambda cs: {"any": cs}),
        inner.map(lambda c: {"not": c}),
        several.flatmap(lambda cs: st.integers(1, len(cs)).map(lambda n: {"at_least": {"n": n, "of": cs}})),
    )


@cache
def conditions(where: Scope, depth: int = 2) -> st.SearchStrategy[dict[str, Any]]:
    """A random valid condition in this scope: leaves combined by every combinator, lists entered `depth` deep."""
    base = leaf(where)
    if depth > 0 and where.lists:
        quantified = st.sampled_from(where.lists).flatmap(lambda pm: _quantified(pm[0], scope(pm[1]), depth - 1))
        base = st.one_of(base, quantified)
    if depth > 0 and where.of(frozenset({"text"})):
        base = st.one_of(base, _refers(where, depth - 1))
    return st.recursive(base, _combined, max_leaves=6)


def _referable() -> list[tuple[str, Any, list[Field]]]:
    """The lists of the profile (read from its root by refers_to) whose items have a text field to name them by."""
    found = []
    for path, model in scope(Profile).lists:
        keys = [f for f in scope(model).of(frozenset({"text"})) if "." not in f.path and f.scalar is str]
        if keys:
            found.append((path, model, keys))
    return found


def _refers(where: Scope, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    """`refers_to`: a text field of this scope names an item of a profile list by one of its text fields."""
    named = st.sampled_from(
        [f for f in where.of(frozenset({"text"})) if f.scalar is str] or where.of(frozenset({"text"}))
    )

    def build(target: tuple[str, Any, list[Field]]) -> st.SearchStrategy[dict[str, Any]]:
        path, model, keys = target
        check = conditions(scope(model), depth) if depth > 0 else st.just(None)
        return st.tuples(named, st.sampled_from(keys), st.none() | check).map(
            lambda fkc: {
                "refers_to": {"field": fkc[0].path, "items": path, "key": fkc[1].path, "label": "verwijzing"}
                | ({"check": fkc[2]} if fkc[2] is not None else {})
            }
        )

    return st.sampled_from(_referable()).flatmap(build)


def _quantified(path: str, item: Scope, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    inner = conditions(item, depth)
    every = st.fixed_dictionaries(
        {"items": st.just(path), "check": inner},
        optional={"where": inner, "allow_empty": st.booleans()},
    ).map(lambda args: {"every": args})
    bound = st.integers(0, 3)
    bounds = st.tuples(bound, st.none() | bound) | st.tuples(st.none(), bound)
    count = st.tuples(st.none() | inner, bounds).map(
        lambda wb: {
            "count": {"items": path}
            | ({"where": wb[0]} if wb[0] is not None else {})
            | {k: v for k, v in zip(("min", "max"), wb[1], strict=True) if v is not None}
        }
    )
    return every | count


evidence = st.fixed_dictionaries(
    {
        "type": st.sampled_from(sorted(EVIDENCE_TYPES)),
        "due": st.sampled_from(["with_registration", "before_award", "on_request"]),
    },
    optional={"max_age": st.sampled_from(DURATIONS), "must_be_valid": st.booleans()},
)


def requirement(index: int) -> st.SearchStrategy[dict[str, Any]]:
    """A requirement judged on facts, or by an assessor, with evidence and perhaps an explain route."""
    root = scope(Profile)
    base = {
        "id": f"r{index}",
        "title": f"Eis {index}",
        "text": "Brontekst.",
        "source": {"document": "Gegenereerd", "section": str(index), "seed": "002_e6bd4ce0c9b21154.txt"},
        "category": "c",
    }
    explain = st.fixed_dictionaries(
        {"kind": st.sampled_from(["deviation", "demonstration"]), "allowed_when": st.just("uitleg")},
        optional={"evidence": st.lists(evidence, max_size=2)},
    )
    common = {
        "law_scope": st.sampled_from(["jeugdwet", "wmo", "both"]),
        "evidence": st.lists(evidence, max_size=3),
    }
    optional = {
        "when": conditions(root, 0),
        "stage": st.sampled_from(["registration", "award"]),
        "valid_from": dates,
        "severity": st.sampled_from(["knockout", "warning"]),
    }
    facts = st.fixed_dictionaries(common | {"condition": conditions(root)}, optional=optional | {"explain": explain})
    assessed = st.fixed_dictionaries(
        common | {"judgement": st.just("assessor"), "explain": explain},
        optional=optional | {"condition": conditions(root, 0)},
    )
    return (facts | assessed).map(lambda extra: base | extra)


@st.composite
def rulesets(draw: st.DrawFn, max_requirements: int = 4) -> dict[str, Any]:
    """A valid ruleset: 1 to `max_requirements` generated requirements, the tables and declarations they use."""
    count = draw(st.integers(1, max_requirements))
    return {
        "id": "generated",
        "title": "Gegenereerd kader",
        "issuer": "hypothesis",
        "version": "1",
        "valid_from": draw(st.sampled_from([date(1, 1, 1), date(2019, 1, 1)])),
        "source": {"title": "Gegenereerd", "seed": "002_e6bd4ce0c9b21154.txt"},
        "categories": [{"id": "c", "title": "Categorie"}],
        "declarations": {name: name for name in DECLARATIONS},
        "tables": TABLES,
        "requirements": [draw(requirement(i)) for i in range(count)],
    }


def keywords_used(condition: Any) -> set[str]:
    """Every keyword in a condition (to report which ones the examples covered)."""
    found: set[str] = set()
    if isinstance(condition, dict):
        for key, value in condition.items():
            if key in REGISTRY:
                found.add(key)
            found |= keywords_used(value)
    elif isinstance(condition, list):
        for item in condition:
            found |= keywords_used(item)
    return found
