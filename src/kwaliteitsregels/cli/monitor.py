"""`kwaliteitsregels monitor`: replay an event stream against monitoring rules as of a clock."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from kwaliteitsregels.cli._group import LANG, echo
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.monitoring import monitor as run_monitor
from kwaliteitsregels.monitoring.render import render_text

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@click.command(cls=Command)
@click.argument("events", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "-r", required=True, help="Meegeleverde monitoringregels (twente, achterhoek-2019) of pad.")
@click.option(
    "--clock",
    type=click.DateTime(formats=["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]),
    default=None,
    help="Peilmoment JJJJ-MM-DD[THH:MM] (standaard: nu, Nederlandse tijd). / Clock for the replay.",
)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Schrijf naar bestand."
)
def monitor(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    events: Path,
    rules: str,
    clock: Any,
    fmt: str,
    lang: Lang,
    output: Path | None,
) -> None:
    """Toets EVENTS (.jsonl of .csv) aan termijnen uit een kader.

    Exit 0: alle termijnen gehaald; 1: bevindingen of onbruikbare regels; 2: foute invoer.
    """
    moment = clock.replace(tzinfo=AMSTERDAM) if clock else datetime.now(tz=AMSTERDAM)
    report = run_monitor(rules, events, moment)
    rendered = report.to_json(lang) if fmt == "json" else render_text(report, lang)
    if output is None:
        echo(rendered, nl=False)
    else:
        output.write_text(rendered, encoding="utf-8")
    sys.exit(report.exit_code())
