"""The command group: every library error becomes a message on stderr and exit code 2."""

from __future__ import annotations

import sys
from typing import Any

import click

from kwaliteitsregels.errors import KwaliteitsregelsError

EXIT_BAD_INPUT = 2
LANG = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Taal / language.")


def fail(error: KwaliteitsregelsError) -> None:
    """Print every problem and exit with the bad-input code."""
    for problem in error.problems:
        click.echo(f"fout: {problem}", err=True)
    sys.exit(EXIT_BAD_INPUT)


class Group(click.Group):
    """A click group that turns the library's own errors into exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand."""
        try:
            return super().invoke(ctx)
        except KwaliteitsregelsError as error:
            fail(error)
            return None
