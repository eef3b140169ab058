"""Turn pydantic validation errors into Problems with file, line, field path and a suggestion."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from kwaliteitsregels._yaml import Located, Path
from kwaliteitsregels.errors import Problem
from kwaliteitsregels.models import introspection

_MESSAGES = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zijn zonder tijdstip (JJJJ-MM-DD)",
    "decimal_parsing": "moet een getal zijn",
    "decimal_type": "moet een getal zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een mapping (sleutel: waarde) zijn",
    "finite_number": "moet een eindig getal zijn (geen NaN of oneindig)",
    "string_unicode": "moet geldige Unicode-tekst zijn",
    "invalid_key": "sleutel moet tekst zijn",
    "int_parsing_size": "getal is te groot",
    "model_type": "moet een mapping (sleutel: waarde) zijn",
    "model_attributes_type": "moet een mapping (sleutel: waarde) zijn",
}


def dotted(path: Path) -> str:
    """`("a", 0, "b")` as `a[0].b`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        return f"moet een van {str(ctx.get('expected')).replace(' or ', ' of ')} zijn"
    if kind == "string_pattern_mismatch":
        return f"heeft niet de vorm {ctx.get('pattern')}"
    if kind in ("too_short", "string_too_short"):
        return "mag niet leeg zijn"
    if kind in ("greater_than_equal", "greater_than"):
        return f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return _MESSAGES.get(kind, str(error["msg"]))


def _suggestion(error: Any, model: type[BaseModel], path: Path) -> str | None:
    kind = error["type"]
    if kind == "extra_forbidden" and path and isinstance(path[-1], str):
        parent: Any = model
        for key in path[:-1]:
            parent = introspection.child(parent, key)
        return closest(path[-1], introspection.field_names(parent))
    if kind == "literal_error" and isinstance(error.get("input"), str):
        options = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
        return closest(error["input"], options)
    return None


def closest(word: str, options: list[str]) -> str | None:
    """The most similar option, if any is similar enough."""
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def problems(exc: ValidationError, model: type[BaseModel], located: Located | None, source: str) -> list[Problem]:
    """Every error of `exc`, located in the source file where possible."""
    found: list[Problem] = []
    for error in exc.errors(include_url=False):
        path: Path = tuple(part for part in error["loc"] if isinstance(part, str | int))
        line, column = located.where(path, key=error["type"] == "extra_forbidden") if located else (None, None)
        found.append(
            Problem(
                code=f"schema.{error['type']}",
                message=_message(error),
                file=source,
                line=line,
                column=column,
                path=dotted(path) or None,
                suggestion=_suggestion(error, model, path),
            ),
        )
    return found
