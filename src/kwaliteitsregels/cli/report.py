"""`kwaliteitsregels report`: a document for people — the assessor's report or the letter to the provider."""

from __future__ import annotations

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
from kwaliteitsregels.reporting.assessor import render_html, render_markdown
from kwaliteitsregels.reporting.letter import render_letter
from kwaliteitsregels.results import Report
from kwaliteitsregels.stages import Stage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DOCUMENTS = {"html": render_html, "markdown": render_markdown, "letter": render_letter}


def _evaluate(profile: Path, ruleset_name: str, day: Any, stage: str) -> Report:
    ruleset = load_ruleset(ruleset_name)
    loaded = load_profile(profile)
    when = day.date() if day else datetime.now(tz=AMSTERDAM).date()
    try:
        return evaluate(ruleset, loaded, when, stage=Stage(stage))
    except EvaluationError as error:
        raise type(error)([replace(p, file=p.file or str(profile)) for p in error.problems]) from None


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
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(DOCUMENTS)),
    default="html",
    show_default=True,
    help="html of markdown: rapport voor de beoordelaar; letter: brief aan de aanbieder (Markdown).",
)
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
def report(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    profile: Path,
    ruleset_name: str,
    peildatum: Any,
    fmt: str,
    lang: Lang,
    stage: str,
    output: Path | None,
) -> None:
    """Maak een rapport of een brief voor PROFILE. Exit 0: geschreven; 2: foute invoer (het oordeel: `check`)."""
    rendered = DOCUMENTS[fmt](_evaluate(profile, ruleset_name, peildatum, stage), lang)
    if output is None:
        click.echo(rendered, nl=False)
    else:
        output.write_text(rendered, encoding="utf-8")
