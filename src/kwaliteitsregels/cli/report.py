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
from kwaliteitsregels.reporting.letter import load_letter_settings, use_settings
from kwaliteitsregels.reporting.pdf import html_to_pdf
from kwaliteitsregels.reporting.registry import DOCUMENTS, PDF_FROM, REPORTERS
from kwaliteitsregels.reporting.templating import use_templates


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
    help=(
        "html, markdown of pdf: rapport voor de beoordelaar; letter (Markdown), letter-html of letter-pdf: brief aan "
        "de aanbieder. PDF vraagt headless Chromium."
    ),
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Map met eigen jinja2-sjablonen die de meegeleverde vervangen (letter.md, letter.html, …).",
)
@click.option(
    "--letter-settings",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="YAML-bestand met afzender, kenmerk, datum, termijnen en contactpersoon van de brief.",
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
    templates: Path | None,
    letter_settings: Path | None,
    assessments: Path | None,
    output: Path | None,
) -> None:
    """Maak een rapport of een brief voor PROFILE. Exit 0: geschreven; 2: foute invoer (het oordeel: `check`)."""
    if fmt in PDF_FROM and output is None:
        raise click.UsageError(f"--format {fmt} schrijft een PDF-bestand: geef -o BESTAND.pdf")
    settings = load_letter_settings(letter_settings) if letter_settings is not None else None
    combined = evaluate_profile(profile, [load_ruleset(name) for name in ruleset_names], peildatum, stage, assessments)
    with use_templates(templates), use_settings(settings):
        rendered = REPORTERS[PDF_FROM.get(fmt, fmt)](combined, lang, color=False, profile=str(profile))
    inputs = (profile, assessments, letter_settings)
    if fmt in PDF_FROM and output is not None:
        write(html_to_pdf(rendered), output, inputs=inputs)
    else:
        write(rendered, output, inputs=inputs)
