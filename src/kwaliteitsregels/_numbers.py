"""No bool where a number is expected: `yes`, `true` or Python's `True` never becomes 1.

pydantic's lax mode reads a bool as the integer 1 or 0, for any `int` field, whatever model it comes
from. Every validation of read data goes through `refuse_bools`, which walks the input beside the
validated result and turns each bool that came out as a number into pydantic's own type error at its
path, so the usual handling (file, line, column, Dutch message) applies unchanged.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails

from kwaliteitsregels._yaml import Path

_MISSING = object()
_ERROR_TYPE = {int: "int_type", float: "float_type", Decimal: "decimal_type"}


def refuse_bools(data: Any, result: Any, title: str, bools: list[tuple[Path, bool]] | None = None) -> None:
    """Raise a ValidationError naming every bool in `data` that `result` holds as a number.

    The bools are found in the input first (a plain scan, or `bools` where the reader already noted
    them with their paths); only their paths are then followed in the validated result, so a profile
    of a thousand facts with a few dozen yes/no answers costs a few dozen lookups, not a thousand.
    """
    errors: list[InitErrorDetails] = []
    parents: dict[Path, Any] = {(): result}  # a parent's place in the result, found once for its bools
    for path, value in _bools(data) if bools is None else bools:
        held = _held(result, path, parents)
        if held is _MISSING or isinstance(held, bool):  # most bools are yes/no answers, held as bools
            continue
        kind = next((kind for kind in _ERROR_TYPE if isinstance(held, kind)), None)
        if kind is not None:
            errors.append({"type": _ERROR_TYPE[kind], "loc": path, "input": value})
    if errors:
        raise ValidationError.from_exception_data(title, errors)


def _held(result: Any, path: Path, parents: dict[Path, Any]) -> Any:
    """What `result` holds at `path`, or _MISSING; the places of the parents met are kept in `parents`."""
    if not path:
        return result
    parent = parents.get(path[:-1])
    if parent is None:
        parent = _held(result, path[:-1], parents)
        parents[path[:-1]] = parent
    return _MISSING if parent is _MISSING else _child(parent, path[-1])


def _bools(data: Any) -> list[tuple[Path, bool]]:
    """Every bool in `data` with its path, in the order a depth-first walk meets them."""
    found: list[tuple[Path, bool]] = []
    _scan(data, [], found)
    return found


def _scan(value: Any, path: list[str | int], found: list[tuple[Path, bool]]) -> None:
    """Descend only into containers and bools: the scalars that make up most of a profile cost one test each."""
    if value is True or value is False:
        found.append((tuple(path), value))
        return
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list | tuple) else ()
    for key, item in items:
        if item is True or item is False or isinstance(item, dict | list | tuple):
            path.append(key)
            _scan(item, path, found)
            path.pop()


def _child(result: Any, key: str | int) -> Any:
    if isinstance(result, BaseModel):
        rooted, names = _shape(type(result))
        if rooted:
            return _child(result.root, key)  # type: ignore[attr-defined]
        name = names.get(key) if isinstance(key, str) else None
        if name is not None:
            return getattr(result, name, _MISSING)
        return (result.model_extra or {}).get(key, _MISSING) if isinstance(key, str) else _MISSING
    if isinstance(result, dict):
        return result.get(key, _MISSING)
    if isinstance(result, list | tuple) and isinstance(key, int) and 0 <= key < len(result):
        return result[key]
    return _MISSING


@functools.cache
def _shape(model: type[BaseModel]) -> tuple[bool, dict[str, str]]:
    """Whether `model` is a root model (its value is `root`); input key (name or alias) → attribute name."""
    names: dict[str, str] = {}
    for name, info in model.model_fields.items():
        names[name] = name
        for alias in (info.alias, info.validation_alias):
            if isinstance(alias, str):
                names[alias] = name
    return "root" in model.model_fields, names
