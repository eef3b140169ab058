"""Dicts handed over from Python get the YAML reader's treatment: plain data only, within the limits.

The input is copied into fresh dicts and lists, so later changes by the caller cannot reach a
loaded ruleset, and anything that is not plain data is refused with the path where it stood:
non-string keys, cycles (a dict that contains itself), sets, bytes, arbitrary objects, lone
surrogates, integers too long to print, nesting deeper or values more than the limits allow.

A Python float becomes the `Decimal` of its shortest repr: `39.2` is `Decimal("39.2")`, what the
caller typed, not the binary fraction `39.2000000000000028421…`. A float holds no more than that:
`39.100` and `39.1` are the same float, so give a `Decimal` or a string where decimals count.
`inf` and `nan` stay floats, which every number field refuses.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Any

from kwaliteitsregels import _yaml
from kwaliteitsregels._validation import dotted
from kwaliteitsregels._yaml import Located, Path
from kwaliteitsregels.errors import InputError, Problem
from kwaliteitsregels.limits import DEFAULT_LIMITS, Limits

_MAX_INT_BITS = 13_000  # about 3,900 digits: below Python's 4,300-digit limit for int → str
_MAX_DECIMAL_EXPONENT = 3_900  # Decimal("1e99999") would become a 100,000-digit int in an integer field
_ATOMS = (bool, date, type(None))


def from_data(data: Any, source: str = "<dict>", *, limits: Limits = DEFAULT_LIMITS) -> Located:
    """A plain-data copy of `data`, or an InputError saying where it is not plain data.

    The copy is made first without keeping paths (`_Quick`); at the first thing it does not take as it
    is (a float, a Decimal, anything not plain, a limit reached), the copy starts again with paths, so
    that a problem is reported where it stands.
    """
    try:
        return Located(data=_Quick(limits).copy(data, 0), source=source)
    except (_NotQuickError, UnicodeEncodeError):
        return Located(data=_Copier(source, limits).copy(data, ()), source=source)


class _NotQuickError(Exception):
    """The quick copy met something only the careful copy handles (or reports)."""


class _Quick:
    """The common case, in fewer steps: dicts with text keys, lists, text, whole numbers, bools, dates, None."""

    def __init__(self, limits: Limits) -> None:
        self.nodes_left = limits.max_nodes
        self.max_depth = limits.max_depth
        self.open: set[int] = set()

    def copy(self, value: Any, depth: int) -> Any:
        self.nodes_left -= 1
        if self.nodes_left < 0 or depth > self.max_depth:
            raise _NotQuickError
        kind = type(value)
        if kind is str:
            value.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError: the careful copy reports it
            return value
        if kind is dict:
            return self._dict(value, depth)
        if kind is list or kind is tuple:
            return self._list(value, depth)
        if kind is bool or value is None or kind is date:
            return value
        if kind is int and value.bit_length() <= _MAX_INT_BITS:
            return value
        raise _NotQuickError

    def _dict(self, value: dict[Any, Any], depth: int) -> dict[str, Any]:
        if id(value) in self.open:
            raise _NotQuickError
        self.open.add(id(value))
        copied = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _NotQuickError
            key.encode("utf-8")
            copied[key] = self.copy(item, depth + 1)
        self.open.discard(id(value))
        return copied

    def _list(self, value: list[Any] | tuple[Any, ...], depth: int) -> list[Any]:
        if id(value) in self.open:
            raise _NotQuickError
        self.open.add(id(value))
        copied = [self.copy(item, depth + 1) for item in value]
        self.open.discard(id(value))
        return copied


class _Copier:
    def __init__(self, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.count = 0
        self.open: set[int] = set()  # ids of the containers on the current path: a cycle returns to one

    def fail(self, path: Path, code: str, message: str) -> InputError:
        return InputError([Problem(code, message, file=self.source, path=dotted(path) or None)])

    def copy(self, value: Any, path: Path) -> Any:
        self.count += 1
        if self.count > self.limits.max_nodes:
            raise self.fail(path, "too-many-nodes", _yaml.too_many_message(self.limits))
        if len(path) > self.limits.max_depth:
            raise self.fail(path, "too-deep", _yaml.too_deep_message(self.limits))
        if isinstance(value, dict | list | tuple):
            return self._container(value, path)
        return self._atom(value, path)

    def _container(self, value: dict[Any, Any] | list[Any] | tuple[Any, ...], path: Path) -> Any:
        if id(value) in self.open:
            raise self.fail(path, "cycle", "deze waarde bevat zichzelf (een kring)")
        self.open.add(id(value))
        try:
            if isinstance(value, dict):
                return {self._key(key, path): self.copy(item, (*path, key)) for key, item in value.items()}
            return [self.copy(item, (*path, i)) for i, item in enumerate(value)]
        finally:
            self.open.discard(id(value))

    def _key(self, key: Any, path: Path) -> str:
        if not isinstance(key, str):
            raise self.fail(path, "key-type", f"sleutel {key!r} moet tekst zijn")
        return self._text(key, (*path, key))

    def _atom(self, value: Any, path: Path) -> Any:
        if isinstance(value, str):
            return self._text(value, path)
        if isinstance(value, _ATOMS):
            return value
        if isinstance(value, Decimal):
            if value.is_finite() and value.adjusted() > _MAX_DECIMAL_EXPONENT:
                raise self.fail(path, "value-size", "getal is te groot (meer dan 3.900 cijfers)")
            return value
        if isinstance(value, int):
            if value.bit_length() > _MAX_INT_BITS:
                raise self.fail(path, "value-size", "getal is te groot (meer dan 3.900 cijfers)")
            return int(value)
        if isinstance(value, float):
            return _from_float(value)
        kind = type(value).__name__
        message = f"waarde van type '{kind}' is geen gewone gegevens: gebruik tekst, getal, datum, lijst of dict"
        raise self.fail(path, "not-plain-data", message)

    def _text(self, value: str, path: Path) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            message = f"ongeldig teken U+{ord(value[exc.start]):04X} (een losse surrogaat is geen Unicode)"
            raise self.fail(path, "encoding", message) from None
        return str.__str__(value)


def _from_float(value: float) -> Decimal | float:
    return Decimal(repr(value)) if math.isfinite(value) else float(value)
