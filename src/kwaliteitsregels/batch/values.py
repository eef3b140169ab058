"""A spreadsheet cell's value as the fact's type: `ja`/`nee`, Dutch and ISO dates, `1.000,50`, lists split on `;`.

A cell that cannot be read returns a `Refusal` saying what was expected; an empty cell is no fact
(`EMPTY`). What pydantic checks anyway (code lists, identifiers, bounds) is left to the profile model,
whose problems the intake places back on the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kwaliteitsregels.batch.columns import is_list, item_kind, scalar

_YES = frozenset({"ja", "j", "yes", "y", "true", "waar", "x", "1"})
_NO = frozenset({"nee", "n", "no", "false", "onwaar", "0"})
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")
EMPTY = object()


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a cell could not be read, and how to write it instead."""

    message: str
    suggestion: str


def read(value: Any, kind: Any) -> Any:
    """The cell's value for a fact of type `kind`; `EMPTY` for an empty cell; a `Refusal` if unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if is_list(kind):
        parts = _LIST_SPLIT.split(value.strip()) if isinstance(value, str) else [value]
        items = [read(part, item_kind(kind)) for part in parts if str(part).strip()]
        refused = next((i for i in items if isinstance(i, Refusal)), None)
        return refused if refused is not None else items
    reader = _READERS.get(scalar(kind), _text)
    return reader(value)


def _bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if isinstance(value, int | float) and value in {0, 1}:
        return bool(value)
    if text in _YES or text in _NO:
        return text in _YES
    return Refusal(f"'{value}' is geen ja of nee", "ja of nee (ook: true/false, 1/0)")


def _date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if found := _DUTCH_DATE.match(text):
            day, month, year = (int(g) for g in found.groups())
            return date(year, month, day)
        return date.fromisoformat(text[:10]) if len(text) >= 10 and text[10:11] in {"", " ", "T"} else _no_date(value)
    except ValueError:
        return _no_date(value)


def _no_date(value: Any) -> Refusal:
    return Refusal(f"'{value}' is geen datum", "een datum als 2026-11-23 of 23-11-2026, of een datumcel")


def _int(value: Any) -> Any:
    if isinstance(value, bool):
        return Refusal(f"'{value}' is geen geheel getal", "een geheel getal, zoals 12")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip().replace(".", "") if isinstance(value, str) else str(value)
    return (
        int(text)
        if text.isdecimal() and text.isascii()
        else Refusal(f"'{value}' is geen geheel getal", "een geheel getal, zoals 12")
    )


def _decimal(value: Any) -> Any:
    if isinstance(value, bool):
        return Refusal(f"'{value}' is geen bedrag of getal", "een getal, zoals 1250,50 of 1250.50")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip().removeprefix("€").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not text.isascii():
        return Refusal(f"'{value}' is geen bedrag of getal", "een getal, zoals 1250,50 of 1250.50")
    return number


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_READERS = {bool: _bool, date: _date, int: _int, Decimal: _decimal, float: _decimal, str: _text}
