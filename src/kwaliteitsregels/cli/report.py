"""`kwaliteitsregels report`: a document for people — the assessor's report or the letter to the provider."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from kwaliteitsregels.cli._group import LANG
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.cli._output import QUIET
from kwaliteitsregels.cli._shared import ASSESSMENTS, OUTPUT, PEILDATUM, PROFILE, STAGE, evaluate_profile, write
from kwaliteitsregels.loading import load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.registry import DOCUMENTS, REPORTERS


@click.command(cls=Command)
@PROFILE
@click.option(
    "--ruleset",
    "-r",
    "ruleset_names",
    required=True,
    multiple=True,
    help="Meegeleverde regelset of pad; herhaal voor meer kaders in één document. / Ruleset name or path; repeat.",
)
@PEILDATUM
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(DOCUMENTS),
    default="html",
    show_default=True,
    help="html of markdown: rapport voor de beoordelaar; letter: brief aan de aanbieder (Markdown).",
)
@LANG
@STAGE
@ASSESSMENTS
@OUTPUT
@QUIET
def report(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    profile: Path,
    ruleset_names: tuple[str, ...],
    peildatum: datetime | None,
    fmt: str,
    lang: Lang,
    stage: str,
    assessments: Path | None,
    output: Path | None,
) -> None:
    """Maak een rapport of een brief voor PROFILE. Exit 0: geschreven; 2: foute invoer (het oordeel: `check`)."""
    combined = evaluate_profile(profile, [load_ruleset(name) for name in ruleset_names], peildatum, stage, assessments)
    write(REPORTERS[fmt](combined, lang, color=False, profile=str(profile)), output)
