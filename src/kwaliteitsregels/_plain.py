"""Dicts handed over from Python get the YAML reader's treatment: plain data only, within the limits.

The input is copied into fresh dicts and lists, so later changes by the caller cannot reach a
loaded ruleset (a profile's data is only checked: validating it builds every model, list and dict
afresh), and anything that is not plain data is refused with the path where it stood:
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
from kwaliteitsregels.limits import DEFAULT_LIMITS, NUMBER_DIGITS_MESSAGE, Limits, too_many_digits

_MAX_INT_BITS = 13_000  # about 3,900 digits: below Python's 4,300-digit limit for int → str
_ATOMS = (bool, date, type(None))


def from_data(data: Any, source: str = "<dict>", *, limits: Limits = DEFAULT_LIMITS, copied: bool = True) -> Located:
    """A plain-data copy of `data`, or an InputError saying where it is not plain data.

    The copy is made first in one quick pass (`_Quick`) that also notes where the bools stand, so that
    `_numbers.refuse_bools` need not walk the input again; at the first thing it does not take as it
    is (a float, a Decimal, anything not plain, a limit reached), the copy starts again with the careful
    copy, so that a problem is reported where it stands. With `copied=False` the quick pass only checks,
    and `data` itself is kept where it passes: for data that is validated into new objects and then let go
    (a profile: half of loading one went to copying it).
    """
    quick = _Quick(limits, copied=copied)
    try:
        return Located(data=quick.copy(data), source=source, bools=quick.bools)
    except (_NotQuickError, UnicodeEncodeError):
        return Located(data=_Copier(source, limits).copy(data, ()), source=source)


class _NotQuickError(Exception):
    """The quick copy met something only the careful copy handles (or reports)."""


class _Quick:
    """The common case, in fewer steps: dicts with text keys, lists, text, whole numbers, bools, dates, None.

    Each container is one call; its scalars are taken in its own loop (most of a profile is scalars), and
    only containers carry their path. Text that is not ASCII is encoded once: a lone surrogate raises
    UnicodeEncodeError, which the careful copy reports. The nodes are counted a container at a time, so
    the count is the careful copy's when the copy ends; what matters is only whether a limit is passed.
    A cycle (a dict that contains itself) needs no check of its own: it passes the depth limit, and the
    careful copy then reports it as a cycle.
    """

    def __init__(self, limits: Limits, *, copied: bool) -> None:
        self.nodes_left = limits.max_nodes - 1  # the top value itself
        self.max_depth = limits.max_depth
        self.bools: list[tuple[Path, bool]] = []
        self.copied = copied  # False: check only, and give each container back as it is

    def copy(self, value: Any) -> Any:
        """The copy of the top value (`data` itself)."""
        kind = type(value)
        if kind is dict:
            return self._dict(value, ())
        if kind is list or kind is tuple:
            return self._list(value, ())
        if kind is bool:
            self.bools.append(((), value))
            return value
        if kind is str:
            if not value.isascii():
                value.encode("utf-8")
            return value
        if _plain_scalar(value, kind):
            return value
        raise _NotQuickError

    def _dict(self, value: dict[Any, Any], path: Path) -> dict[str, Any]:  # noqa: C901 - one loop: a call a value would cost what it saves
        self.nodes_left -= len(value)  # a container's values count as nodes, within the depth limit
        if self.nodes_left < 0 or (value and len(path) >= self.max_depth):
            raise _NotQuickError
        copied: dict[str, Any] = {} if self.copied else value
        for key, item in value.items():
            if type(key) is not str:
                raise _NotQuickError
            if not key.isascii():
                key.encode("utf-8")
            kind = type(item)
            if kind is str:
                if not item.isascii():
                    item.encode("utf-8")
            elif kind is dict:
                item = self._dict(item, (*path, key))  # noqa: PLW2901 - the copy takes the value's place
            elif kind is list or kind is tuple:
                item = self._list(item, (*path, key))  # noqa: PLW2901
            elif kind is bool:
                self.bools.append(((*path, key), item))
            elif not (item is None or kind is date or (kind is int and item.bit_length() <= _MAX_INT_BITS)):
                raise _NotQuickError
            if copied is not value:
                copied[key] = item
        return copied

    def _list(self, value: list[Any] | tuple[Any, ...], path: Path) -> list[Any] | tuple[Any, ...]:
        self.nodes_left -= len(value)  # as in `_dict`: a call here costs more than the check
        if self.nodes_left < 0 or (value and len(path) >= self.max_depth):
            raise _NotQuickError
        copied: list[Any] | None = [] if self.copied else None
        for index, item in enumerate(value):
            kind = type(item)
            if kind is str:
                if not item.isascii():
                    item.encode("utf-8")
            elif kind is dict:
                item = self._dict(item, (*path, index))  # noqa: PLW2901 - the copy takes the value's place
            elif kind is list or kind is tuple:
                item = self._list(item, (*path, index))  # noqa: PLW2901
            elif kind is bool:
                self.bools.append(((*path, index), item))
            elif not (item is None or kind is date or (kind is int and item.bit_length() <= _MAX_INT_BITS)):
                raise _NotQuickError
            if copied is not None:
                copied.append(item)
        return value if copied is None else copied


def _plain_scalar(value: Any, kind: type) -> bool:
    """None, a date or a whole number of printable size: taken as it is (written out in the loops of `_Quick`)."""
    return value is None or kind is date or (kind is int and value.bit_length() <= _MAX_INT_BITS)


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
            if too_many_digits(value):
                raise self.fail(path, "value-size", NUMBER_DIGITS_MESSAGE)
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
