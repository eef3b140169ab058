"""Terminal conventions: width, colour, `--quiet`, and `-` for a profile on standard input.

Colour, in order: the option given; none when writing to a file; none when `NO_COLOR` is set
(non-empty); colour when `FORCE_COLOR` is set; else colour only on a terminal. Width: `COLUMNS`
when it is a positive number; else the terminal's width on a terminal; else 110 (files, pipes).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from kwaliteitsregels.limits import DEFAULT_LIMITS, Limits
from kwaliteitsregels.loading import parse_bytes
from kwaliteitsregels.reporting._columns import DEFAULT

STDIN = "-"
STDIN_NAME = "<stdin>"
_KEY = "kwaliteitsregels.output."


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[_KEY + str(param.name)] = value
    return value


COLOR = click.option(
    "--color/--no-color",
    "color",
    default=None,
    expose_value=False,
    callback=_remember,
    help="Kleur aan/uit (standaard: alleen op een terminal, niet met NO_COLOR). / Colour on/off.",
)
QUIET = click.option(
    "--quiet",
    "-q",
    is_flag=True,
    expose_value=False,
    callback=_remember,
    help="Niets op standaarduitvoer; alleen de exitcode (en -o). / Nothing on stdout; the exit code tells.",
)


def _chosen(name: str) -> Any:
    ctx = click.get_current_context(silent=True)
    return None if ctx is None else ctx.meta.get(_KEY + name)


def quiet() -> bool:
    """Whether `--quiet` was given."""
    return bool(_chosen("quiet"))


def use_color(output: Path | None) -> bool:
    """Whether to colour what is written to `output` (standard output when None)."""
    chosen = _chosen("color")
    if chosen is not None:
        return bool(chosen)
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def width(output: Path | None) -> int:
    """How many columns text output gets: `COLUMNS`, else the terminal's width, else 110."""
    given = os.environ.get("COLUMNS", "").strip()
    if given.isdecimal() and int(given) > 0:
        return int(given)
    if output is None and sys.stdout.isatty():
        return shutil.get_terminal_size((DEFAULT, 24)).columns
    return DEFAULT


def is_stdin(path: Path) -> bool:
    """Whether the profile argument is `-`: read standard input."""
    return str(path) == STDIN


def stdin_text(limits: Limits = DEFAULT_LIMITS) -> str:
    """Standard input as text (UTF-8, with or without a BOM), never more than the limit and a few bytes read."""
    raw = sys.stdin.buffer.read(limits.max_bytes + 4)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        parse_bytes(raw, STDIN_NAME, limits)  # raises the error with the line and column of the bad byte
        raise
