"""Content hashes for the decision record."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from decimal import Decimal
from json.encoder import encode_basestring  # what json.dumps uses for text
from typing import Any

from pydantic import BaseModel

_CONSTANTS = {True: "true", False: "false", None: "null"}


def canonical_hash(data: Any) -> str:
    """sha256 of the canonical JSON of plain data: formatting and key order do not matter."""
    return "sha256:" + hashlib.sha256(_canonical(data).encode("utf-8")).hexdigest()


def model_hash(dumped: Any) -> str:
    """`canonical_hash` of what `model_dump(mode="json")` gives, written by the C encoder: the same text, faster.

    JSON-mode data has text keys, and no Decimal or other object (they are text or numbers by then), so
    the compact, key-sorted `json.dumps` writes exactly what `_canonical` writes; a value the encoder
    does not know falls back to the written-out path, so the hash never changes with the route.
    """
    try:
        text = json.dumps(dumped, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_refuse)
    except _NotPlainError:
        text = _canonical(dumped)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


_KEEP = 8  # the profiles whose hashes are remembered: a batch task makes several documents of one profile
_RECENT: OrderedDict[int, tuple[BaseModel, str]] = OrderedDict()  # id → (the profile, held; its hash)
_LOCK = threading.Lock()


def profile_hash(profile: BaseModel) -> str:
    """`model_hash` of a (frozen) profile, remembered for the few most recent profiles.

    A batch task hashes the profile to see whether it was evaluated before, then writes the JSON, the
    HTML and the letter of every framework, each with the decision record: one hash serves them all.
    The profile is held while it is remembered, so its `id` cannot be reused by another object.
    """
    key = id(profile)
    with _LOCK:
        seen = _RECENT.get(key)
        if seen is not None and seen[0] is profile:
            _RECENT.move_to_end(key)
            return seen[1]
    found = model_hash(profile.model_dump(mode="json"))
    with _LOCK:
        _RECENT[key] = (profile, found)
        while len(_RECENT) > _KEEP:
            _RECENT.popitem(last=False)
    return found


class _NotPlainError(Exception):
    """A value the C encoder would write differently from `_canonical` (a Decimal, an object)."""


def _refuse(_value: Any) -> Any:
    raise _NotPlainError


def _canonical(value: Any) -> str:
    """Compact JSON with sorted keys; a `Decimal` is a JSON number as written (`45.60`), as a float was."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{_canonical(str(k))}:{_canonical(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(map(_canonical, value)) + "]"
    if isinstance(value, str):
        return str(encode_basestring(value))
    if value is None or isinstance(value, bool):
        return _CONSTANTS[value]
    if isinstance(value, int | Decimal) and (not isinstance(value, Decimal) or value.is_finite()):
        return str(int(value)) if isinstance(value, int) else str(value)
    return json.dumps(value, ensure_ascii=False, default=str)
