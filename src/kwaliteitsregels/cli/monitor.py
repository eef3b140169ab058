"""`kwaliteitsregels monitor`: replay an event stream against monitoring rules as of a clock."""

from __future__ import annotations

import io
import sys
import traceback
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from kwaliteitsregels.cli._group import LANG, echo
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.errors import KwaliteitsregelsError
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.monitoring import monitor as run_monitor
from kwaliteitsregels.monitoring import phrases
from kwaliteitsregels.monitoring.render import write_text
from kwaliteitsregels.monitoring.results import FAIL_ON

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EXIT_INTERNAL = 3


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
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="violation",
    show_default=True,
    help="Exit 1 bij: violation (gemiste overtreding of onbruikbare regel), warning (ook gemiste waarschuwing), "
    "never (nooit). / What makes the exit code 1.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Verdeel het bestand per aanbieder over zoveel processen (zelfde uitvoer). / Worker processes.",
)
@LANG
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Schrijf naar bestand."
)
def monitor(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    events: Path,
    rules: str,
    clock: Any,
    fmt: str,
    fail_on: Any,
    jobs: int,
    lang: Lang,
    output: Path | None,
) -> None:
    """Toets EVENTS (.jsonl of .csv) aan termijnen uit een kader.

    Exit 0: niets dat --fail-on noemt; 1: wel (standaard een gemiste overtreding of onbruikbare regel);
    2: foute invoer; 3: interne fout.
    """
    moment = clock.replace(tzinfo=AMSTERDAM) if clock else datetime.now(tz=AMSTERDAM)
    try:
        report = run_monitor(rules, events, moment, keep_on_time=False, jobs=jobs)
    except KwaliteitsregelsError:
        raise
    except Exception:  # noqa: BLE001 - a fault of ours must not read as "deadline missed" (exit 1)
        traceback.print_exc()
        echo(phrases.text("report.internal", lang), err=True)
        sys.exit(EXIT_INTERNAL)
    write = report.write_json if fmt == "json" else partial(write_text, report)
    if output is None:
        with _Echo() as out:
            write(out, lang)
    else:
        with output.open("w", encoding="utf-8") as handle:
            write(handle, lang)
    sys.exit(report.exit_code(fail_on))


class _Echo(io.StringIO):
    """Text written to the terminal through `echo` (control characters shown) in pieces of about 64 kB."""

    def write(self, text: str, /) -> int:
        """Keep `text`; pass the pieces on once they are large enough."""
        size = super().write(text)
        if self.tell() >= 1 << 16:
            self.flush()
        return size

    def flush(self) -> None:
        """Pass on what is kept."""
        echo(self.getvalue(), nl=False)
        self.seek(0)
        self.truncate()

    def close(self) -> None:
        """Pass on the rest."""
        if not self.closed:
            self.flush()
        super().close()
