"""Checks on the small closed choices of the public methods: a language, a set of verdicts, a name.

`reason("fr")` answered in Dutch and `to_json(lang="fr")` went on silently; `report.result("nope")` raised
a bare `KeyError`. Each is now a `UsageError` from the library's family, with the choices it knows.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, cast

from kwaliteitsregels import _validation
from kwaliteitsregels.errors import KwaliteitsregelsError, Problem, UsageError, single
from kwaliteitsregels.limits import Limits
from kwaliteitsregels.messages import Lang

LANGS = ("nl", "en")


class UnknownNameError(UsageError, KeyError):
    """A name the object does not have (a requirement id, an evidence type); also a KeyError, as before."""

    def __str__(self) -> str:
        """The message alone."""
        return UsageError.__str__(self)


def lang(value: Any) -> Lang:
    """`value` if it is a language the library speaks, else a UsageError."""
    if not isinstance(value, str) or value not in LANGS:
        message = f"lang moet 'nl' of 'en' zijn, niet {value!r} / lang must be 'nl' or 'en'"
        raise single(UsageError, "argument-value", message, suggestion=_closest(value, LANGS))
    return cast("Lang", value)


def members(value: Any, kind: type, name: str) -> frozenset[Any]:
    """`value` as a frozenset of `kind` members (e.g. the verdicts of `fail_on`), else a UsageError."""
    wrong = isinstance(value, str | bytes) or not isinstance(value, Collection)
    if wrong or not all(isinstance(v, kind) for v in value):
        message = f"{name} moet een verzameling van {kind.__name__} zijn, geen {type(value).__name__}"
        raise single(UsageError, "argument-type", message + f" / {name} must be a set of {kind.__name__}")
    return frozenset(value)


def limits(value: Any) -> Limits:
    """`value` if it is a `Limits`, else a UsageError (a dict would fail later with an AttributeError)."""
    if not isinstance(value, Limits):
        message = f"limits moet een Limits zijn (kwaliteitsregels.limits), geen {type(value).__name__}"
        raise single(UsageError, "argument-type", message + " / limits must be a Limits")
    return value


def unknown(what: str, value: Any, known: Collection[str]) -> KwaliteitsregelsError:
    """The error for a name that is not among `known`, with the closest as suggestion."""
    message = f"onbekende {what} {value!r} / unknown {what}"
    return UnknownNameError([Problem("unknown-name", message, suggestion=_closest(value, known))])


def _closest(value: Any, known: Collection[str]) -> str | None:
    return _validation.closest(value, sorted(known)) if isinstance(value, str) else None
