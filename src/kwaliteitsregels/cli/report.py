"""`kwaliteitsregels report`: a document for people — the assessor's report or the letter to the provider."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from kwaliteitsregels.cli._group import LANG
from kwaliteitsregels.cli._shared import OUTPUT, PEILDATUM, PROFILE, STAGE, evaluate_profile, write
from kwaliteitsregels.loading import load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.assessor import render_html, render_markdown
from kwaliteitsregels.reporting.letter import render_letter

DOCUMENTS = {"html": render_html, "markdown": render_markdown, "letter": render_letter}


@click.command()
@PROFILE
@click.option(
    "--ruleset",
    "-r",
    "ruleset_name",
    required=True,
    help="Naam van een meegeleverde regelset of pad. / Ruleset name or path.",
)
@PEILDATUM
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
@STAGE
@OUTPUT
def report(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    profile: Path,
    ruleset_name: str,
    peildatum: datetime | None,
    fmt: str,
    lang: Lang,
    stage: str,
    output: Path | None,
) -> None:
    """Maak een rapport of een brief voor PROFILE. Exit 0: geschreven; 2: foute invoer (het oordeel: `check`)."""
    report = evaluate_profile(profile, [load_ruleset(ruleset_name)], peildatum, stage).reports[0]
    write(DOCUMENTS[fmt](report, lang), output)
