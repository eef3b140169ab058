"""`kwaliteitsregels test`: run a ruleset's own test cases and report rule coverage."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kwaliteitsregels import messages
from kwaliteitsregels.authoring import casereport
from kwaliteitsregels.authoring.casetests import run_paths
from kwaliteitsregels.cli._group import LANG, echo
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.messages import Lang

_RENDERERS = {"text": casereport.render_text, "json": casereport.render_json}


@click.command("test", cls=Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--min-coverage",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit 1 als de regeldekking van een regelset lager is (procent). / Minimum rule coverage.",
)
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(_RENDERERS)), default="text", show_default=True)
@LANG
def test_command(paths: tuple[Path, ...], min_coverage: float | None, fmt: str, lang: Lang) -> None:
    """Draai de testgevallen van regelsets (PATHS: regelsets, mappen of testbestanden).

    Exit 0: alles geslaagd; 1: een geval mislukt of te lage dekking; 2: foute invoer.
    """
    run = run_paths(paths, lang=lang)
    if not run.rulesets:
        raise click.UsageError(messages.text("test.nothing", lang, paths=", ".join(map(str, paths))))
    echo(_RENDERERS[fmt](run, lang, min_coverage), nl=False)
    sys.exit(run.exit_code(min_coverage))
