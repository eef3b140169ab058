"""A whole batch: intake → tasks (in workers) → rows → the overview on disk → the exit code.

`run_batch` is what `kwaliteitsregels batch` runs; it can be called from Python as well. `progress`
is told each row as it arrives (the CLI draws a bar with it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kwaliteitsregels.batch import overview
from kwaliteitsregels.batch.assessments import paired
from kwaliteitsregels.batch.intake import read_intake
from kwaliteitsregels.batch.pool import run_tasks
from kwaliteitsregels.batch.task import Row, Settings, rulesets_for
from kwaliteitsregels.errors import Problem
from kwaliteitsregels.results import Verdict

OVERVIEW = "overzicht"


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch did: every provider's row (in input order) and the problems of the intake itself."""

    rows: tuple[Row, ...]
    problems: tuple[Problem, ...]

    def exit_code(self, fail_on: frozenset[Verdict]) -> int:
        """2 when a provider or the intake could not be read; else 1 when a verdict is in `fail_on`; else 0."""
        if self.problems or any(not r.evaluated for r in self.rows):
            return 2
        return 1 if any(Verdict(v) in fail_on for r in self.rows for v in r.verdicts.values()) else 0


def count(sources: Sequence[str | Path], settings: Settings) -> int:
    """How many providers the intake holds (for a progress bar's total; reads the intake once more)."""
    return sum(1 for _ in read_intake(sources, rulesets_for(settings.rulesets)).submissions)


def run_batch(
    sources: Sequence[str | Path],
    settings: Settings,
    *,
    jobs: int = 1,
    progress: Callable[[Row], None] | None = None,
) -> BatchResult:
    """Evaluate every provider of the intake, write its documents and the overview; rows in input order.

    Writing the overview workbook needs the batch extra: without it nothing is evaluated (MissingExtraError).
    """
    if settings.outdir is not None:
        overview.require_writer(settings.lang)
    rulesets = rulesets_for(settings.rulesets)
    intake = read_intake(sources, rulesets)
    submissions = intake.submissions
    if settings.assessments is not None:  # files nobody claims join the intake's problems once all have passed
        submissions = paired(submissions, settings.assessments, intake.problems)
    rows = []
    for row in run_tasks(submissions, settings, jobs):
        rows.append(row)
        if progress is not None:
            progress(row)
    result = BatchResult(tuple(rows), tuple(intake.problems))
    if settings.outdir is not None:
        document = overview.document(result.rows, rulesets, settings, result.problems)
        folder = Path(settings.outdir)
        folder.mkdir(parents=True, exist_ok=True)
        overview.write_all(document, folder, OVERVIEW)
    return result
