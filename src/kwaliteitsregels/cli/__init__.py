"""The command line: parse options → build → run → exit code. Each command lives in its own module.

Exit codes: 0 compliant / clean; 1 not compliant, needs assessment, or findings; 2 bad input or usage.

A command's module is imported only when that command runs (or `--help` lists them all), so
`kwaliteitsregels --version` and a single command do not pay for every other command's imports.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from importlib import import_module

import click

from kwaliteitsregels.cli._group import Group

# Command name → "module:attribute" of the click command.
COMMANDS = {
    "check": "kwaliteitsregels.cli.check:check",
    "report": "kwaliteitsregels.cli.report:report",
    "batch": "kwaliteitsregels.cli.batch:batch",
    "rulesets": "kwaliteitsregels.cli.info:rulesets",
    "schema": "kwaliteitsregels.cli.info:schema",
    "validate": "kwaliteitsregels.cli.validate:validate_command",
    "test": "kwaliteitsregels.cli.testcases:test_command",
    "monitor": "kwaliteitsregels.cli.monitor:monitor",
    "compare": "kwaliteitsregels.cli.compare:compare",
    "impact": "kwaliteitsregels.cli.compare:impact",
}


class LazyCommands(MutableMapping[str, click.Command]):
    """The group's commands by name; a command's module is imported when the command is first looked up."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        """The command, imported now if it was not yet."""
        if name not in self._loaded:
            module, attribute = self._where[name].split(":")
            self._loaded[name] = getattr(import_module(module), attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        """Add (or replace) a command that is already imported."""
        self._loaded[name] = command
        self._where.pop(name, None)

    def __delitem__(self, name: str) -> None:
        """Remove a command."""
        if name not in self:
            raise KeyError(name)
        self._loaded.pop(name, None)
        self._where.pop(name, None)

    def __contains__(self, name: object) -> bool:
        """Whether there is such a command, without importing it."""
        return name in self._where or name in self._loaded

    def __iter__(self) -> Iterator[str]:
        """The command names, in the order they were declared."""
        return iter([*self._where, *(n for n in self._loaded if n not in self._where)])

    def __len__(self) -> int:
        """How many commands."""
        return len(set(self._where) | set(self._loaded))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kwaliteitsregels")
def main() -> None:
    """Toets zorgaanbieders aan kwaliteitskaders van gemeenten (Jeugdwet, Wmo 2015).

    Check care providers against municipal quality frameworks.
    """


main.commands = LazyCommands(COMMANDS)
