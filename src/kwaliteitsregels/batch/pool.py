"""Many providers: tasks in worker processes, results streamed back in input order, memory flat.

`run_tasks` keeps at most a few tasks per worker in flight and yields each row as soon as it and
every row before it are done, so the order of the output never depends on the number of workers and
nothing but the rows in flight is held. No scheduler of our own: `concurrent.futures` does the work,
and a task is a pure function of its submission and the settings (see docs/batch.md for running the
same task on an existing engine).

`evaluate_many` is the same walk in this process for Python users: it yields each provider's
combined report (or the problems that stopped it) lazily.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kwaliteitsregels.batch.assessments import paired
from kwaliteitsregels.batch.intake import Submission, load, read_intake
from kwaliteitsregels.batch.task import Row, Settings, assess, prepare
from kwaliteitsregels.combined import CombinedReport, evaluate_all
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError, Problem
from kwaliteitsregels.loading import load_assessments
from kwaliteitsregels.stages import Stage

IN_FLIGHT_PER_WORKER = 4


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


# A task allocates some hundred thousand objects (traces, results, document data) that die with it: while a
# batch runs the young generation is collected every 10,000 allocations instead of 700, so what a task keeps
# a moment longer is not walked again and again (with the frozen heap, 0.44 → 0.23 s of collections per
# 300 tasks in one process).
_THRESHOLDS = (10_000, 50, 100)


def _start(settings: Settings) -> None:
    prepare(settings)  # a worker not forked from a prepared process makes the rulesets and templates once, first
    gc.freeze()  # and leaves them, and all it imported, out of its full garbage collections (see `_settled`)
    gc.set_threshold(*_THRESHOLDS)


@contextmanager
def _settled() -> Iterator[None]:
    """While a batch runs, the garbage collector's full collections leave out what existed before it.

    Modules, compiled rulesets and templates were otherwise walked again by every full collection: a
    tenth of a batch's time in one process. A worker forked from here starts with them left out too.
    The young generation is collected less often (`_THRESHOLDS`). Afterwards all is as before; a process
    that froze objects itself is left as it is.
    """
    if gc.get_freeze_count():
        yield
        return
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def run_tasks(submissions: Iterable[Submission], settings: Settings, jobs: int = 1) -> Iterator[Row]:
    """Each submission's row, in input order; `jobs` > 1: in that many worker processes."""
    prepare(settings)  # before the heap is settled, and before workers fork: they inherit it all
    with _settled():
        yield from _rows(submissions, settings, jobs)


def _rows(submissions: Iterable[Submission], settings: Settings, jobs: int) -> Iterator[Row]:
    if jobs <= 1:
        yield from (assess(s, settings) for s in submissions)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(settings,)) as pool:
        pending: deque[Future[Row]] = deque()
        for submission in submissions:
            pending.append(pool.submit(assess, submission, settings))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@dataclass(frozen=True, slots=True)
class Evaluated:
    """One provider of `evaluate_many`: its combined report, or the problems that stopped it."""

    name: str
    source: str
    report: CombinedReport | None
    problems: tuple[Problem, ...] = ()
    assessments: str | None = None  # the municipality's assessments file it was evaluated with


def evaluate_many(
    sources: str | Path | Sequence[str | Path],
    rulesets: Sequence[CompiledRuleset],
    peildatum: date,
    *,
    stage: Stage = Stage.REGISTRATION,
    assessments: str | Path | None = None,
) -> Iterator[Evaluated]:
    """Evaluate every provider of an intake (files, folders, globs, a workbook or CSV folder), lazily, in order.

    One bad provider never stops the others: it comes back with `report` None and its problems.
    Problems that belong to no provider (a sheet nobody can read, a file not found) come last,
    together, under the name ''. `assessments`: a folder with the municipality's assessments file
    per provider, named by its key (see `kwaliteitsregels.batch.assessments`).
    """
    intake = read_intake([sources] if isinstance(sources, str | Path) else sources, rulesets)
    submissions = intake.submissions
    if assessments is not None:
        submissions = paired(submissions, assessments, intake.problems)
    for submission in submissions:
        yield _evaluated(submission, rulesets, peildatum, stage)
    if intake.problems:
        yield Evaluated("", "", None, tuple(intake.problems))


def _evaluated(submission: Submission, rulesets: Sequence[CompiledRuleset], peildatum: date, stage: Stage) -> Evaluated:
    try:
        profile = load(submission, rulesets)
        recorded = load_assessments(submission.assessments) if submission.assessments is not None else None
        report = evaluate_all(rulesets, profile, peildatum, stage=stage, assessments=recorded)
    except KwaliteitsregelsError as error:
        return Evaluated(submission.name, submission.source, None, error.problems, submission.assessments)
    return Evaluated(submission.name, submission.source, report, (), submission.assessments)
