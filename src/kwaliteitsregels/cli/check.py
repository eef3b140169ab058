"""`kwaliteitsregels check`: one profile against one ruleset."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from kwaliteitsregels.cli._group import LANG
from kwaliteitsregels.errors import EvaluationError
from kwaliteitsregels.evaluation import evaluate
from kwaliteitsregels.loading import load_profile, load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.registry import REPORTERS
from kwaliteitsregels.stages import Stage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@click.command()
@click.argument("profile", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--ruleset",
    "-r",
    "ruleset_name",
    required=True,
    help="Naam van een meegeleverde regelset of pad. / Ruleset name or path.",
)
@click.option(
    "--peildatum",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Peildatum JJJJ-MM-DD (standaard: vandaag). / Reference date.",
)
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True)
@LANG
@click.option(
    "--stage",
    type=click.Choice([s.value for s in Stage]),
    default=Stage.REGISTRATION.value,
    show_default=True,
    help="Moment in de procedure: welke bewijsstukken al nodig zijn. / Which documents are due.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Schrijf naar bestand."
)
def check(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    profile: Path,
    ruleset_name: str,
    peildatum: Any,
    fmt: str,
    lang: Lang,
    stage: str,
    output: Path | None,
) -> None:
    """Toets PROFILE aan een regelset. Exit 0: voldoet; 1: voldoet niet of beoordeling nodig; 2: foute invoer."""
    ruleset = load_ruleset(ruleset_name)
    loaded = load_profile(profile)
    day = peildatum.date() if peildatum else datetime.now(tz=AMSTERDAM).date()
    try:
        report = evaluate(ruleset, loaded, day, stage=Stage(stage))
    except EvaluationError as error:
        raise type(error)([replace(p, file=p.file or str(profile)) for p in error.problems]) from None
    rendered = REPORTERS[fmt](report, lang, color=output is None and sys.stdout.isatty())
    if output is None:
        click.echo(rendered, nl=False)
    else:
        output.write_text(rendered, encoding="utf-8")
    sys.exit(report.exit_code())
