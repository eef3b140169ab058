"""How wide terminal text is: 110 columns, unless the command line chose otherwise for its terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

DEFAULT = 110
_columns: ContextVar[int] = ContextVar("kwaliteitsregels_columns", default=DEFAULT)


def columns() -> int:
    """The width text reports are rendered at here and now."""
    return _columns.get()


@contextmanager
def columns_of(width: int) -> Iterator[None]:
    """Render text reports `width` columns wide inside the `with` block."""
    token = _columns.set(width)
    try:
        yield
    finally:
        _columns.reset(token)
