"""`kwaliteitsregels check`: one profile against one or more rulesets, in any output format."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from kwaliteitsregels.cli._group import LANG
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.cli._output import COLOR, QUIET, use_color, width
from kwaliteitsregels.cli._shared import ASSESSMENTS, OUTPUT, PEILDATUM, PROFILE, STAGE, evaluate_profile, write
from kwaliteitsregels.loading import load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting._columns import columns_of
from kwaliteitsregels.reporting.registry import REPORTERS
from kwaliteitsregels.results import FAIL_ON


@click.command(cls=Command)
@PROFILE
@click.option(
    "--ruleset",
    "-r",
    "ruleset_names",
    required=True,
    multiple=True,
    help="Meegeleverde regelset of pad; herhaal voor meer kaders tegelijk. / Ruleset name or path; repeat.",
)
@PEILDATUM
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True)
@LANG
@STAGE
@ASSESSMENTS
@OUTPUT
@COLOR
@QUIET
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
    peildatum: datetime | None,
    fmt: str,
    lang: Lang,
    stage: str,
    assessments: Path | None,
    output: Path | None,
    fail_on: str,
) -> None:
    """Toets PROFILE aan regelset(s). Exit 0: voldoet; 1: voldoet niet of beoordeling nodig; 2: foute invoer."""
    rulesets = [load_ruleset(name) for name in ruleset_names]
    combined = evaluate_profile(profile, rulesets, peildatum, stage, assessments)
    color = use_color(output)
    with columns_of(width(output)):
        rendered = REPORTERS[fmt](combined, lang, color=color, profile=str(profile))
    write(rendered, output, styled=color, inputs=(profile, assessments))
    sys.exit(combined.exit_code(FAIL_ON[fail_on]))
