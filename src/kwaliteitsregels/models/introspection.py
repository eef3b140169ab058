"""Walking pydantic model types by field path: used to check paths at load time."""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

_P = ParamSpec("_P")
_R = TypeVar("_R")


def by_type(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Remember answers about types: reports name many facts and walk the same types every time.

    Bounded, so a process that builds many vocabularies does not keep their models alive for ever;
    a type that cannot be hashed is answered without the memory.
    """
    plain: Callable[..., _R] = func
    remembered = functools.lru_cache(maxsize=8192)(plain)

    @functools.wraps(func)
    def answer(*args: Any) -> _R:
        try:
            return remembered(*args)
        except TypeError:
            return plain(*args)

    return typing.cast("Callable[_P, _R]", answer)


@by_type
def unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional: `Annotated[X | None, ...]` becomes X."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) == 1:
            return unwrap(members[0])
    return tp


@by_type
def model_class(tp: Any) -> type[BaseModel] | None:
    """The model class `tp` stands for, if it is one."""
    tp = unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


@by_type
def list_item(tp: Any) -> Any | None:
    """The item type of `list[X]`, else None."""
    tp = unwrap(tp)
    if typing.get_origin(tp) is list:
        return typing.get_args(tp)[0]
    return None


@by_type
def child(tp: Any, key: str | int) -> Any | None:
    """The type found one step below `tp` by field name, list index or dict key."""
    tp = unwrap(tp)
    model = model_class(tp)
    if model is not None:
        field = model.model_fields.get(str(key))
        return field.annotation if field else None
    origin = typing.get_origin(tp)
    if origin is list and isinstance(key, int):
        return typing.get_args(tp)[0]
    if origin is dict and isinstance(key, str):
        return typing.get_args(tp)[1]
    return None


def field_names(tp: Any) -> list[str]:
    """The field names of the model `tp` stands for (empty when it is no model)."""
    model = model_class(tp)
    return list(model.model_fields) if model else []


def _type_name(tp: Any) -> str:
    tp = unwrap(tp)
    if typing.get_origin(tp) is typing.Literal:
        return " \\| ".join(str(a) for a in typing.get_args(tp))
    if typing.get_origin(tp) in (list, dict):
        return f"{typing.get_origin(tp).__name__}[{', '.join(_type_name(a) for a in typing.get_args(tp))}]"
    return getattr(tp, "__name__", str(tp))


FIELD_TABLE_HEAD = (
    "| pad / path | soort / type | eenheid / unit | verplicht / required | gegeven / fact | toelichting |\n"
    "|---|---|---|---|---|---|\n"
)


def field_table(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Markdown rows under `FIELD_TABLE_HEAD` for every field, depth first: the vocabulary's type, unit and labels."""
    rows = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        item = list_item(field.annotation)
        nested = model_class(field.annotation) or (model_class(item) if item is not None else None)
        extra = _extras(field)
        label = extra.get("x-label") or {}
        cells = (
            f"`{path}`",
            _kind_text(field, extra, nested, item),
            str(extra.get("x-unit") or ""),
            _required_text(field),
            " / ".join(label[lang] for lang in ("nl", "en") if lang in label),
            field.description or "",
        )
        rows.append("| " + " | ".join(cells) + " |")
        if nested is not None:
            rows += field_table(nested, path + ("[]." if item is not None else "."))
    return rows


def _kind_text(field: FieldInfo, extra: dict[str, Any], nested: type[BaseModel] | None, item: Any) -> str:
    if nested is not None:
        return f"lijst van {nested.__name__}" if item is not None else f"groep {nested.__name__}"
    kind = extra.get("x-type")
    if kind is None:
        return _type_name(field.annotation)
    inner = unwrap(item if item is not None else field.annotation)
    if typing.get_origin(inner) is typing.Literal:
        kind = f"{kind}: {_type_name(inner)}"
    return f"lijst van {kind}" if item is not None else str(kind)


def _required_text(field: FieldInfo) -> str:
    least = next((getattr(m, "min_length", None) for m in field.metadata if hasattr(m, "min_length")), None)
    if field.is_required():
        return "ja" if least is None or least <= 0 else f"ja, minstens {least}"
    if field.default_factory is None and field.default is not None:
        return f"standaard `{str(field.default).lower()}`"
    return ""


@dataclass(frozen=True, slots=True)
class FactMeta:
    """What a fact declares beside its type: its unit and its label (Dutch, English)."""

    unit: str | None = None
    label: dict[str, str] | None = None


def _extras(info: FieldInfo) -> dict[str, Any]:
    """`json_schema_extra` of the field and of any `Field(...)` inside its (optional) annotation."""
    found: dict[str, Any] = {}
    tp = info.annotation
    members = typing.get_args(tp) if typing.get_origin(tp) in (Union, types.UnionType) else (tp,)
    for member in members:
        if typing.get_origin(member) is typing.Annotated:
            for extra in member.__metadata__:
                if isinstance(extra, FieldInfo) and isinstance(extra.json_schema_extra, dict):
                    found.update(extra.json_schema_extra)
    if isinstance(info.json_schema_extra, dict):
        found.update(info.json_schema_extra)
    return found


@by_type
def fact_meta(tp: Any, key: str) -> FactMeta:
    """The unit and label of field `key` of the model `tp` stands for."""
    model = model_class(tp)
    info = model.model_fields.get(key) if model is not None else None
    if info is None:
        return FactMeta()
    extra = _extras(info)
    label = extra.get("x-label") or ({"nl": info.description} if info.description else None)
    return FactMeta(extra.get("x-unit"), label)
