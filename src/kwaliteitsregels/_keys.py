"""Values as keys of what is remembered between providers: equal keys must mean the same text.

Python's equality is too loose for that: True == 1, Decimal('1.0') == Decimal('1') (shown as "1,0" and "1"),
a date and a subclass of it. `exact` keeps each value's type beside it, a Decimal's digits and exponent, and
refuses whatever it cannot vouch for (lists, records, labels): those are not remembered.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from kwaliteitsregels._durations import Duration

_V = TypeVar("_V")
NOT_EXACT: Any = object()  # what `exact` gives for a value it does not take
_AS_THEY_ARE = frozenset({str, bool, int, dt.date, type(None)})  # equal values of these are shown alike


def exact(value: Any) -> Any:
    """`value` with its exact type, hashable; `NOT_EXACT` for anything but plain values and tuples of them.

    Made of built-in tuples only: hashing and comparing a key runs no Python code (a frozen dataclass would).
    """
    kind = type(value)
    if kind in _AS_THEY_ARE:
        return (kind, value)
    if kind is Decimal:
        return (kind, value.as_tuple())
    if kind is Duration:
        return (kind, (value.years, value.months, value.days, value.text))
    if kind is tuple:
        parts = tuple([exact(part) for part in value])
        return NOT_EXACT if NOT_EXACT in parts else (kind, parts)
    return NOT_EXACT


def keep(store: dict[Any, _V], key: Any, value: _V, limit: int) -> _V:
    """`store[key] = value`, the store emptied first when it holds `limit` entries.

    Memory stays flat, and a batch whose values drift (dates, names) keeps what it meets now, not the
    first values it met.
    """
    if len(store) >= limit:
        store.clear()
    store[key] = value
    return value
