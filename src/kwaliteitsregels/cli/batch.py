"""`kwaliteitsregels batch`: every provider of a tender round against the frameworks, with one overview."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from kwaliteitsregels.batch.pool import default_jobs
from kwaliteitsregels.batch.run import OVERVIEW, BatchResult, count, run_batch
from kwaliteitsregels.batch.task import Row, Settings
from kwaliteitsregels.cli._group import LANG, echo
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.cli._output import QUIET, quiet
from kwaliteitsregels.cli._shared import PEILDATUM, STAGE, reference_date
from kwaliteitsregels.messages import Lang, text
from kwaliteitsregels.results import FAIL_ON


@click.command(cls=Command)
@click.argument("intake", nargs=-1, required=True)
@click.option(
    "--ruleset",
    "-r",
    "ruleset_names",
    required=True,
    multiple=True,
    help="Meegeleverde regelset of pad; herhaal voor meer kaders. / Ruleset name or path; repeat.",
)
@PEILDATUM
@STAGE
@LANG
@click.option(
    "--output",
    "-o",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de rapporten, brieven en het overzicht. / Folder for reports, letters and the overview.",
)
@click.option(
    "--assessments",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help=(
        "Map met de beoordeling van de gemeente per aanbieder: <aanbieder>.yaml, .yml of .json, "
        "genoemd naar de naam van het profielbestand of de aanbieder in de werkmap."
    ),
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Aantal werkprocessen (standaard: de kernen). / Worker processes (default: the cores).",
)
@click.option(
    "--resume/--no-resume",
    default=True,
    show_default=True,
    help="Ongewijzigde aanbieders niet opnieuw toetsen. / Skip providers whose input did not change.",
)
@click.option(
    "--fail-on",
    type=click.Choice(sorted(FAIL_ON)),
    default="explain",
    show_default=True,
    help="Exit 1 als een aanbieder niet voldoet ('fail') of ook als beoordeling nodig is ('explain').",
)
@QUIET
def batch(  # noqa: PLR0913, PLR0917 - one parameter per CLI option
    intake: tuple[str, ...],
    ruleset_names: tuple[str, ...],
    peildatum: datetime | None,
    stage: str,
    lang: Lang,
    outdir: Path,
    assessments: Path | None,
    jobs: int | None,
    resume: bool,
    fail_on: str,
) -> None:
    """Toets alle aanbieders in INTAKE (profielen, map, patroon, .xlsx, CSV-map); rapporten, brieven en overzicht.

    Exit 0: iedereen voldoet; 1: iemand voldoet niet (of beoordeling nodig); 2: een aanbieder of invoer onleesbaar.
    """
    folder = str(assessments) if assessments is not None else None
    settings = Settings(tuple(ruleset_names), reference_date(peildatum), stage, lang, str(outdir), resume, folder)
    shown = not quiet() and sys.stderr.isatty()
    if shown:
        result = _with_bar(intake, settings, jobs or default_jobs(), lang)
    else:
        result = run_batch(intake, settings, jobs=jobs or default_jobs())
    _problems(result, lang)  # on stderr, also under -q: -q silences standard output only
    if not quiet():
        _summary(result, outdir, lang)
    sys.exit(result.exit_code(FAIL_ON[fail_on]))


def _with_bar(intake: tuple[str, ...], settings: Settings, jobs: int, lang: Lang) -> BatchResult:
    from rich.console import Console  # noqa: PLC0415 - only on a terminal
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn  # noqa: PLC0415

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        label = "aanbieders" if lang == "nl" else "providers"
        task = bar.add_task(label, total=count(intake, settings))

        def advance(_row: Row) -> None:
            bar.advance(task)

        return run_batch(intake, settings, jobs=jobs, progress=advance)


def _problems(result: BatchResult, lang: Lang) -> None:
    """Why a provider was not evaluated, and what was wrong with the intake itself."""
    for row in result.rows:
        if not row.evaluated:
            echo(f"{row.source}: {row.problems[0] if row.problems else ''}", err=True)
            for line in row.problems[1:]:
                echo(f"  {line}", err=True)
    for problem in result.problems:
        echo(problem.render(lang), err=True)


def _summary(result: BatchResult, outdir: Path, lang: Lang) -> None:
    evaluated = [r for r in result.rows if r.evaluated]
    verdicts = {
        v: sum(1 for r in evaluated if r.verdict == v) for v in ("voldoet", "voldoet_niet", "beoordeling_nodig")
    }
    parts = [f"{text(f'verdict.{v}', lang)}: {n}" for v, n in verdicts.items()]
    missing = len(result.rows) - len(evaluated)
    head = f"{len(result.rows)} {'aanbieders' if lang == 'nl' else 'providers'}"
    tail = f"{'niet getoetst' if lang == 'nl' else 'not evaluated'}: {missing}"
    reused = sum(1 for r in evaluated if r.reused)
    again = f" ({reused} {'ongewijzigd' if lang == 'nl' else 'unchanged'})" if reused else ""
    echo(f"{head}{again}: {', '.join([*parts, tail])}")
    echo(f"{'Overzicht' if lang == 'nl' else 'Overview'}: {outdir / (OVERVIEW + '.html')}")
