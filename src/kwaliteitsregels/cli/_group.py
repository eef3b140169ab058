"""The command group: every library error becomes a message on stderr and exit code 2.

Everything the command line prints passes through `echo`, and click's own error messages
(which repeat file names and arguments as given) are made safe in `Group`: text from profiles,
rulesets, test cases, event files and file names never drives the reader's terminal.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from kwaliteitsregels import messages
from kwaliteitsregels._safe_text import visible
from kwaliteitsregels.cli._help import LANG_ENV, META_KEY, chosen_lang, context_lang, short_helps
from kwaliteitsregels.errors import KwaliteitsregelsError
from kwaliteitsregels.messages import Lang

EXIT_BAD_INPUT = 2
LANG = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    envvar=LANG_ENV,
    show_default=True,
    help=f"Taal / language (of / or {LANG_ENV}).",
)


def echo(text: str, *, err: bool = False, nl: bool = True, styled: bool = False) -> None:
    """Print `text` with its control characters made visible (newlines and tabs kept).

    `styled` is for a rich rendering in colour: its text was made safe segment by segment
    (`reporting._terminal.Escaped`), and the escape codes left are rich's own colours.
    """
    click.echo(text if styled else visible(text), err=err, nl=nl, color=True if styled else None)  # kept off a tty


def fail(error: KwaliteitsregelsError, lang: Lang = "nl") -> None:
    """Print every problem (in `lang`) and exit with the bad-input code."""
    for problem in error.problems:
        echo(f"{messages.text('error.prefix', lang)}: {problem.render(lang)}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def _safe_click_messages() -> Iterator[None]:
    """Click's usage errors repeat what was typed (`Path '…' does not exist`): shown, not obeyed."""
    try:
        yield
    except click.ClickException as error:
        vars(error)["message"] = visible(error.message)  # typed Final; set once, before it is shown
        raise


class Group(click.Group):
    """A click group that turns the library's own errors into exit code 2, never a traceback."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the group's own options; note the language chosen for what follows (`_help`)."""
        ctx.meta[META_KEY] = chosen_lang(args)
        with _safe_click_messages():
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand."""
        try:
            with _safe_click_messages():
                return super().invoke(ctx)
        except KwaliteitsregelsError as error:
            fail(error, context_lang(ctx))
            return None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands with their one-line help, in the language chosen."""
        names = self.list_commands(ctx)
        rows = short_helps(self, ctx, names, formatter.width - 6 - max(map(len, names), default=0))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_help(self, ctx: click.Context) -> str:
        """The group's help, in the language chosen."""
        if context_lang(ctx) == "en":
            english = copy.copy(self)
            english.help = messages.HELP_EN.get("main", self.help)
            return click.Group.get_help(english, ctx)
        return super().get_help(ctx)
