"""The command line: parse options → build → run → exit code. No logic of its own."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from kwaliteitsregels.bundled import bundled_rulesets
from kwaliteitsregels.errors import EvaluationError, KwaliteitsregelsError
from kwaliteitsregels.evaluation import evaluate
from kwaliteitsregels.loading import load_profile, load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.registry import REPORTERS
from kwaliteitsregels.schemas import MODELS, schema_text
from kwaliteitsregels.stages import Stage

EXIT_BAD_INPUT = 2
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _fail(error: KwaliteitsregelsError) -> None:
    for problem in error.problems:
        click.echo(f"fout: {problem}", err=True)
    sys.exit(EXIT_BAD_INPUT)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KwaliteitsregelsError as error:
            _fail(error)
            return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kwaliteitsregels")
def main() -> None:
    """Toets zorgaanbieders aan kwaliteitskaders van gemeenten (Jeugdwet, Wmo 2015).

    Check care providers against municipal quality frameworks.
    """


@main.command()
@click.argument("profile", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--ruleset",
    "-r",
    "ruleset_name",
    required=True,
    help="Naam van een meegeleverde regelset of pad. / Bundled ruleset name or path.",
)
@click.option(
    "--peildatum",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Peildatum JJJJ-MM-DD (standaard: vandaag). / Reference date.",
)
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option(
    "--stage",
    type=click.Choice([s.value for s in Stage]),
    default=Stage.REGISTRATION.value,
    show_default=True,
    help="Moment in de procedure: welke bewijsstukken al nodig zijn. / Which documents are due.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Schrijf naar bestand. / Write to a file.",
)
def check(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    profile: Path,
    ruleset_name: str,
    peildatum: Any,
    fmt: str,
    lang: Lang,
    stage: str,
    output: Path | None,
) -> None:
    """Toets PROFILE aan een regelset. Exit 0: voldoet; 1: voldoet niet of beoordeling nodig; 2: foute invoer."""
    ruleset = load_ruleset(ruleset_name)
    loaded = load_profile(profile)
    day = peildatum.date() if peildatum else datetime.now(tz=AMSTERDAM).date()
    try:
        report = evaluate(ruleset, loaded, day, stage=Stage(stage))
    except EvaluationError as error:
        raise type(error)([replace(p, file=p.file or str(profile)) for p in error.problems]) from None
    color = output is None and sys.stdout.isatty()
    rendered = REPORTERS[fmt](report, lang, color=color)
    if output is None:
        click.echo(rendered, nl=False)
    else:
        output.write_text(rendered, encoding="utf-8")
    sys.exit(report.exit_code())


@main.command()
@click.argument("kind", type=click.Choice(sorted(MODELS)))
def schema(kind: str) -> None:
    """Toon het JSON Schema van ruleset, profile of report. / Print a JSON Schema."""
    click.echo(schema_text(kind), nl=False)


@main.command()
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def rulesets(lang: Lang) -> None:
    """Toon de meegeleverde regelsets. / List the bundled rulesets."""
    for name, path in bundled_rulesets().items():
        ruleset = load_ruleset(path)
        spec = ruleset.spec
        until = spec.valid_to.isoformat() if spec.valid_to else "…"
        window = f"{spec.valid_from.isoformat()}–{until}"
        click.echo(f"{name:<20} {spec.version:<12} {window:<22} {len(ruleset.requirements):>3}  {spec.title.get(lang)}")
