"""The command group: every library error becomes a message on stderr and exit code 2."""

from __future__ import annotations

import copy
import sys
from typing import Any

import click

from kwaliteitsregels import messages
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


def fail(error: KwaliteitsregelsError, lang: Lang = "nl") -> None:
    """Print every problem (in `lang`) and exit with the bad-input code."""
    for problem in error.problems:
        click.echo(f"{messages.text('error.prefix', lang)}: {problem.render(lang)}", err=True)
    sys.exit(EXIT_BAD_INPUT)


class Group(click.Group):
    """A click group that turns the library's own errors into exit code 2, never a traceback."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the group's own options; note the language chosen for what follows (`_help`)."""
        ctx.meta[META_KEY] = chosen_lang(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand."""
        try:
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
