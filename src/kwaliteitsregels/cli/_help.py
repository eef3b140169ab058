"""The language of the command line: `--lang`, else `KWALITEITSREGELS_LANG`, else Dutch; `--help` in it.

The language is read from the arguments before click parses them, so that `--help` (which click answers
before the other options) and errors found while parsing come out in it too. The Dutch help is written at
each command and option; the English help is `messages.HELP_EN`, by command and by option name.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Sequence
from typing import Any

import click

from kwaliteitsregels import messages
from kwaliteitsregels.messages import Lang

LANG_ENV = "KWALITEITSREGELS_LANG"
META_KEY = "kwaliteitsregels.lang"


def chosen_lang(args: Sequence[str]) -> Lang:
    """The last `--lang nl|en` (or `--lang=…`) in `args`, else the environment's, else Dutch."""
    found: str | None = os.environ.get(LANG_ENV)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return "en" if found == "en" else "nl"


def context_lang(ctx: click.Context) -> Lang:
    """The language chosen for this invocation (see `chosen_lang`)."""
    lang = ctx.meta.get(META_KEY)
    return lang if lang in ("nl", "en") else chosen_lang([])


def _english(key: str, dutch: str | None) -> str | None:
    return messages.HELP_EN.get(key, dutch)


def _english_param(command: str, param: click.Parameter) -> click.Parameter:
    if not isinstance(param, click.Option) or param.name is None:
        return param
    english = copy.copy(param)
    english.help = _english(f"{command}.{param.name}", _english(param.name, param.help))
    return english


def english_command(command: click.Command) -> click.Command:
    """A copy of `command` with its help and its options' help in English."""
    english = copy.copy(command)
    name = command.name or ""
    english.help = _english(name, command.help)
    english.short_help = _english(f"{name}.short", command.short_help)
    english.params = [_english_param(name, p) for p in command.params]
    return english


class Command(click.Command):
    """A command whose `--help` speaks the language chosen (`--lang en --help`, `KWALITEITSREGELS_LANG=en`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Note the language before click answers `--help` or reports a usage error."""
        ctx.meta.setdefault(META_KEY, chosen_lang(args))
        return super().parse_args(ctx, args)

    def get_help(self, ctx: click.Context) -> str:
        """The help text, in English when chosen."""
        if context_lang(ctx) == "en":
            return click.Command.get_help(english_command(self), ctx)
        return super().get_help(ctx)


def short_helps(group: click.Group, ctx: click.Context, names: list[str], limit: int) -> list[tuple[str, str]]:
    """(name, one-line help) of each command, in the language chosen."""
    lang = context_lang(ctx)
    rows = []
    for name in names:
        command: Any = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        shown = english_command(command) if lang == "en" else command
        rows.append((name, shown.get_short_help_str(limit)))
    return rows
