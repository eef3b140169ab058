"""Reading an input file: a regular file only, its size checked before any read, never more than the limit.

A device (`/dev/zero`, `/dev/urandom`), a named pipe or a folder is refused without reading a byte (a
pipe is opened without waiting for a writer). A file larger than `max_bytes` (plus a BOM) is refused
from its size alone; a file that grows meanwhile is still read no further than the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kwaliteitsregels import _yaml
from kwaliteitsregels.errors import KwaliteitsregelsError, single
from kwaliteitsregels.limits import Limits

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a named pipe opens at once instead of waiting for a writer
_BINARY = getattr(os, "O_BINARY", 0)


def read_bytes(path: Path, kind: type[KwaliteitsregelsError], limits: Limits) -> bytes:
    """At most `limits.max_bytes` (plus a BOM) of the regular file at `path`, or an error of `kind`."""
    return _bounded(path, kind, limits.max_bytes + 4, limits)


def regular(path: Path, kind: type[KwaliteitsregelsError]) -> None:
    """Refuse, with an error of `kind`, anything at `path` that is not a readable regular file (reads nothing)."""
    _bounded(path, kind, 0, None)


def head(path: Path, size: int) -> bytes:
    """The first `size` bytes of the regular file at `path`; nothing for anything else or an unreadable path."""
    try:
        return _bounded(path, KwaliteitsregelsError, size, None)
    except KwaliteitsregelsError:
        return b""


def _bounded(path: Path, kind: type[KwaliteitsregelsError], size: int, limits: Limits | None) -> bytes:
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise single(kind, "file-not-found", "bestand niet gevonden", file=str(path)) from None
    except OSError as exc:
        message = f"bestand niet leesbaar: {exc.strerror}"
        raise single(kind, "file-unreadable", message, file=str(path)) from None
    except ValueError:  # a NUL character in the path
        raise single(kind, "file-unreadable", "ongeldige bestandsnaam", file=repr(str(path))) from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        message = "geen gewoon bestand (een map, apparaat of pijp) / not a regular file"
        raise single(kind, "not-a-file", message, file=str(path))
    with os.fdopen(descriptor, "rb") as file:
        if limits is not None and info.st_size > limits.max_bytes + 3:
            raise _yaml.too_large(str(path), limits)
        return file.read(size)
