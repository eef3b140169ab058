"""`kwaliteitsregels compare` and `kwaliteitsregels impact`: frameworks side by side, and a new version's impact."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from kwaliteitsregels.cli._group import LANG
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.cli._output import QUIET
from kwaliteitsregels.cli._shared import OUTPUT, PEILDATUM, reference_date, write
from kwaliteitsregels.loading import load_ruleset
from kwaliteitsregels.messages import Lang

FORMATS = ("text", "json", "markdown", "html")
FORMAT = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Uitvoerformaat. / Output format.",
)


@click.command(cls=Command)
@click.argument("rulesets", nargs=-1, required=True)
@FORMAT
@LANG
@OUTPUT
@QUIET
def compare(rulesets: tuple[str, ...], fmt: str, lang: Lang, output: Path | None) -> None:
    """Vergelijk kaders: eisen naast elkaar en naast de wet, lasten, gemeenschappelijke kern.

    RULESETS: namen van meegeleverde regelsets of paden (minstens twee). Exit 0: geschreven; 2: foute invoer.
    """
    if len(rulesets) < 2:
        raise click.UsageError("geef minstens twee regelsets / give at least two rulesets")
    from kwaliteitsregels.analytics.document import comparison_document  # noqa: PLC0415 - only this command needs it
    from kwaliteitsregels.reporting.comparison import COMPARISON  # noqa: PLC0415

    document = comparison_document([load_ruleset(name) for name in rulesets], lang)
    write(COMPARISON[fmt](document, lang), output)


@click.command(cls=Command)
@click.argument("old")
@click.argument("new")
@click.option(
    "--profiles",
    "-p",
    "profiles",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Profielen (bestanden of mappen) om met beide versies te toetsen. / Profiles to check against both.",
)
@PEILDATUM
@FORMAT
@LANG
@OUTPUT
@QUIET
def impact(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    old: str,
    new: str,
    profiles: tuple[Path, ...],
    peildatum: datetime | None,
    fmt: str,
    lang: Lang,
    output: Path | None,
) -> None:
    """Wat verandert er met een nieuwe versie van een regelset, en voor welke aanbieders.

    OLD en NEW: een map of bestand, of REV:PAD uit git (HEAD~1:rulesets/twente). Exit 0: geschreven; 2: foute invoer.
    """
    from kwaliteitsregels.analytics.document import impact_document  # noqa: PLC0415 - only this command needs it
    from kwaliteitsregels.analytics.versions import load_version  # noqa: PLC0415
    from kwaliteitsregels.reporting.comparison import IMPACT  # noqa: PLC0415

    files = [f for path in profiles for f in (sorted(path.glob("*.y*ml")) if path.is_dir() else [path])]
    document = impact_document(
        load_version(old),
        load_version(new),
        sources=(old, new),
        profiles=files,
        peildatum=reference_date(peildatum) if files else None,
        lang=lang,
    )
    write(IMPACT[fmt](document, lang), output)
