"""Reading an event file: a regular file only, one line at a time, never a line longer than the limit.

A device (`/dev/zero`), a named pipe or a folder is refused before a byte is read (a pipe is opened
without waiting for a writer), with the file in the error. The file as a whole has no size limit (a
region's year is hundreds of megabytes), but no line is held longer than `MAX_LINE_BYTES`: a longer
one is skipped to its end in bounded pieces and becomes a problem on its line; the next line is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kwaliteitsregels.errors import InputError, Problem, single

MAX_LINE_BYTES = 1 << 20  # an event line is a few hundred bytes; a free-text note may be long, not a megabyte
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_BUFFER = 1 << 20


def open_regular(path: Path) -> BinaryIO:
    """The regular file at `path`, opened for reading in binary; an `InputError` for anything else."""
    source = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise single(InputError, "file-not-found", "bestand niet gevonden", file=source) from None
    except OSError as exc:
        raise single(InputError, "file-unreadable", f"bestand niet leesbaar: {exc.strerror}", file=source) from None
    except ValueError:  # a NUL character in the path
        raise single(InputError, "file-unreadable", "ongeldige bestandsnaam", file=repr(source)) from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        message = "geen gewoon bestand (een map, apparaat of pijp) / not a regular file"
        raise single(InputError, "not-a-file", message, file=source)
    return os.fdopen(descriptor, "rb", buffering=_BUFFER)


def too_long(source: str, number: int) -> Problem:
    """The problem for a line over `MAX_LINE_BYTES`."""
    message = f"regel langer dan {MAX_LINE_BYTES} bytes; niet gelezen"
    return Problem("event.line-too-long", message, source, number)


def bounded_lines(
    handle: BinaryIO, limit: int = MAX_LINE_BYTES, piece: int = _BUFFER
) -> Iterator[tuple[int, bytes | None]]:
    """`(number, line)` for each line (1-based, with its newline); `None` for a line over `limit` bytes."""
    number = 0
    readline = handle.readline
    while raw := readline(limit + 1):
        number += 1
        if len(raw) > limit and raw[-1:] != b"\n":
            while (rest := readline(piece)) and rest[-1:] != b"\n":  # skip to its end, holding one piece
                pass
            yield number, None
        else:
            yield number, raw
