"""What the evaluating commands share: the profile argument, the options, evaluation with file-located errors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from kwaliteitsregels.cli._group import echo
from kwaliteitsregels.cli._output import STDIN_NAME, is_stdin, quiet, stdin_text
from kwaliteitsregels.combined import CombinedReport, evaluate_all
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import EvaluationError, UsageError, single
from kwaliteitsregels.loading import load_assessments, load_profile, parse_profile
from kwaliteitsregels.stages import Stage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

PROFILE = click.argument("profile", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
PEILDATUM = click.option(
    "--peildatum",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Peildatum JJJJ-MM-DD (standaard: vandaag). / Reference date.",
)
STAGE = click.option(
    "--stage",
    type=click.Choice([s.value for s in Stage]),
    default=Stage.REGISTRATION.value,
    show_default=True,
    help="Moment in de procedure: welke bewijsstukken al nodig zijn. / Which documents are due.",
)
ASSESSMENTS = click.option(
    "--assessments",
    "-a",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Beoordeling van de gemeente naast het profiel: waarnemingen en besluiten. / The municipality's assessments.",
)
OUTPUT = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Schrijf naar bestand."
)


def reference_date(given: datetime | None) -> date:
    """The peildatum given, or today in the Netherlands."""
    return given.date() if given else datetime.now(tz=AMSTERDAM).date()


def evaluate_profile(
    profile: Path,
    rulesets: list[CompiledRuleset],
    peildatum: datetime | None,
    stage: str,
    assessments: Path | None = None,
) -> CombinedReport:
    """Load the profile (`-`: from standard input) and evaluate it; evaluation errors name the profile file.

    `assessments`: the municipality's file beside the profile (observed facts, decisions on explanations).
    """
    if is_stdin(profile):
        loaded = parse_profile(stdin_text(), STDIN_NAME, rulesets=rulesets)
    else:
        loaded = load_profile(profile, rulesets=rulesets)
    name = STDIN_NAME if is_stdin(profile) else str(profile)
    recorded = load_assessments(assessments) if assessments is not None else None
    try:
        when = reference_date(peildatum)  # every command that evaluates a profile writes a report: traced
        return evaluate_all(rulesets, loaded, when, stage=Stage(stage), assessments=recorded, traced=True)
    except EvaluationError as error:
        raise type(error)([replace(p, file=p.file or name) for p in error.problems]) from None


def write(
    rendered: str | bytes, output: Path | None, *, styled: bool = False, inputs: Sequence[Path | None] = ()
) -> None:
    """To the file given, else to standard output with control characters shown (`_group.echo`); `-q`: not there.

    A file that cannot be written (`-o nope/out.txt`), or one of the `inputs` (`check p.yaml -o p.yaml`), is a
    UsageError: exit code 2 with a message, never a traceback, and an input file is never overwritten.
    """
    if output is None:
        if not quiet() and isinstance(rendered, str):
            echo(rendered, nl=False, styled=styled)
        return
    _not_an_input(output, inputs)
    try:
        if isinstance(rendered, bytes):
            output.write_bytes(rendered)
        else:
            output.write_text(rendered, encoding="utf-8")
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        message = f"kan niet schrijven naar dit bestand / cannot write to this file: {reason}"
        raise single(UsageError, "output-unwritable", message, file=str(output)) from None


def _not_an_input(output: Path, inputs: Sequence[Path | None]) -> None:
    for given in inputs:
        if given is None or is_stdin(given):
            continue
        try:
            same = output.resolve() == given.resolve() or (output.exists() and output.samefile(given))
        except (OSError, ValueError):
            same = False
        if same:
            message = "-o is een invoerbestand; dat wordt niet overschreven / -o is an input file, never overwritten"
            raise single(UsageError, "output-is-input", message, file=str(output))
