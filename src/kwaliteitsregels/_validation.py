"""Turn pydantic validation errors into Problems with file, line, field path and a suggestion."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from kwaliteitsregels import messages
from kwaliteitsregels._yaml import Located, Path
from kwaliteitsregels.errors import Problem
from kwaliteitsregels.models import introspection


def dotted(path: Path) -> str:
    """`("a", 0, "b")` as `a[0].b`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(error: Any) -> str:
    """The Dutch phrase of the catalog (`problem.schema.<type>`), else pydantic's own message."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "unknown_code":  # worded with its own values where it was raised (facts.assembly)
        return str(error["msg"])
    key = f"problem.schema.{kind}"
    if key not in messages.CATALOG:
        return str(error["msg"])
    expected = str(ctx.get("expected")).replace(" or ", " of ")
    return messages.text(key, "nl", expected=expected, pattern=ctx.get("pattern"), n=ctx.get("ge", ctx.get("gt")))


def _suggestion(error: Any, model: type[BaseModel], path: Path) -> str | None:
    kind = error["type"]
    if kind == "extra_forbidden" and path and isinstance(path[-1], str):
        parent: Any = model
        for key in path[:-1]:
            parent = introspection.child(parent, key)
        return closest(path[-1], introspection.field_names(parent))
    if kind == "unknown_code":
        suggestion = (error.get("ctx") or {}).get("suggestion")
        return str(suggestion) if suggestion else None
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
