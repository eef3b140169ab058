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
from kwaliteitsregels.combined import evaluate_all
from kwaliteitsregels.errors import EvaluationError
from kwaliteitsregels.loading import load_profile, load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.registry import COMBINED, REPORTERS
from kwaliteitsregels.results import FAIL_ON
from kwaliteitsregels.stages import Stage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@click.command()
@click.argument("profile", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--ruleset",
    "-r",
    "ruleset_names",
    required=True,
    multiple=True,
    help="Meegeleverde regelset of pad; herhaal voor meer kaders tegelijk. / Ruleset name or path; repeat.",
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
@click.option(
    "--fail-on",
    type=click.Choice(sorted(FAIL_ON)),
    default="explain",
    show_default=True,
    help="Exit 1 bij 'fail': alleen als het profiel niet voldoet; bij 'explain': ook als beoordeling nodig is.",
)
def check(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    profile: Path,
    ruleset_names: tuple[str, ...],
    peildatum: Any,
    fmt: str,
    lang: Lang,
    stage: str,
    output: Path | None,
    fail_on: str,
) -> None:
    """Toets PROFILE aan regelset(s). Exit 0: voldoet; 1: voldoet niet of beoordeling nodig; 2: foute invoer."""
    rulesets = [load_ruleset(name) for name in ruleset_names]
    loaded = load_profile(profile)
    day = peildatum.date() if peildatum else datetime.now(tz=AMSTERDAM).date()
    color = output is None and sys.stdout.isatty()
    try:
        combined = evaluate_all(rulesets, loaded, day, stage=Stage(stage))
    except EvaluationError as error:
        raise type(error)([replace(p, file=p.file or str(profile)) for p in error.problems]) from None
    if len(rulesets) == 1:
        rendered = REPORTERS[fmt](combined.reports[0], lang, color=color)
    elif fmt in COMBINED:
        rendered = COMBINED[fmt](combined, lang, color=color)
    else:
        raise click.UsageError(f"--format {fmt} kan één regelset tonen; kies {' of '.join(sorted(COMBINED))}")
    if output is None:
        click.echo(rendered, nl=False)
    else:
        output.write_text(rendered, encoding="utf-8")
    sys.exit(combined.exit_code(FAIL_ON[fail_on]))
