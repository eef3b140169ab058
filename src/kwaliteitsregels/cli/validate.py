"""`kwaliteitsregels validate`: static checks of rulesets, profiles and test-case files, for authors and CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kwaliteitsregels import messages
from kwaliteitsregels.authoring.findings import RENDERERS
from kwaliteitsregels.authoring.validate import KINDS, Kind, validate
from kwaliteitsregels.cli._group import LANG, echo
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.messages import Lang


@click.command("validate", cls=Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True)
@click.option(
    "--kind", type=click.Choice(KINDS), default=None, help="Soort van de genoemde bestanden. / Force the kind."
)
@click.option(
    "--ignore-unknown",
    is_flag=True,
    help="Sla genoemde bestanden zonder modeline of bekende plaats over (pre-commit). / Skip unrecognised files.",
)
@LANG
def validate_command(paths: tuple[Path, ...], fmt: str, kind: Kind | None, ignore_unknown: bool, lang: Lang) -> None:
    """Controleer regelsets, profielen en testgevallen (PATHS: bestanden en mappen).

    Exit 0: geen problemen; 1: problemen gevonden; 2: verkeerd gebruik.
    """
    outcome = validate(paths, kind=kind, ignore_unknown=ignore_unknown)
    if not outcome.checked and not ignore_unknown:
        raise click.UsageError(messages.text("validate.nothing", lang, paths=", ".join(map(str, paths))))
    echo(RENDERERS[fmt](outcome, lang), nl=False)
    sys.exit(outcome.exit_code())
