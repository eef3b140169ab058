"""The command line: parse options → build → run → exit code. Each command lives in its own module.

Exit codes: 0 compliant / clean; 1 not compliant, needs assessment, or findings; 2 bad input or usage.
"""

from __future__ import annotations

import click

from kwaliteitsregels.cli._group import Group
from kwaliteitsregels.cli.check import check
from kwaliteitsregels.cli.info import rulesets, schema
from kwaliteitsregels.cli.monitor import monitor
from kwaliteitsregels.cli.report import report
from kwaliteitsregels.cli.testcases import test_command
from kwaliteitsregels.cli.validate import validate_command


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kwaliteitsregels")
def main() -> None:
    """Toets zorgaanbieders aan kwaliteitskaders van gemeenten (Jeugdwet, Wmo 2015).

    Check care providers against municipal quality frameworks.
    """


for command in (check, report, rulesets, schema, validate_command, test_command, monitor):
    main.add_command(command)
