"""`monitor(..., jobs=N)`: a file split by provider over N worker processes, one report as from one process.

Each worker reads the whole file, parses only the lines of its part (`partition.py`), runs the
ledger over them (sorting its part with runs on disk if the part is not in time order) and writes
its findings as sorted runs into the folder of the parent's spool; its problems (bounded: the first
per code, the rest counted) come back with its counts. The parent adds up the counts, keeps the
first problems per code of all parts and merges the runs: findings and problems come out in the
report's own order, so the report is the same for any number of workers.

One check crosses parts and time: an id used twice. Each worker writes the ids it took (with their
line) and the ids of events it refused, and why, as sorted runs on disk, and keeps in memory only the
recent ids (`RecentIds`: memory does not grow with the stream); the parent merges these runs. Where an
id was taken before a line that used it again and that line's part did not refuse it (another
provider's part, or its own part had forgotten the id), that part runs again, told which ids were
taken where, and refuses those lines as `event.duplicate-id` exactly as one process would (rare: only
streams that reuse ids across providers or far apart pay for it). One part (`jobs=1`) runs the same
way in this process.
"""

from __future__ import annotations

import datetime as dt
import heapq
import importlib
import itertools
import pickle
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path

from kwaliteitsregels.errors import KwaliteitsregelsError, Problem
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring
from kwaliteitsregels.monitoring.events import (
    DUPLICATE,
    TAKEN,
    IdRecord,
    Part,
    _file_collector,
    _file_rows,
    _open_check,
)
from kwaliteitsregels.monitoring.ledger import Unordered
from kwaliteitsregels.monitoring.lines import open_regular
from kwaliteitsregels.monitoring.ordering import in_time_order
from kwaliteitsregels.monitoring.results import Tally
from kwaliteitsregels.monitoring.running import _ledger, _Outcome
from kwaliteitsregels.monitoring.spool import Spool, read_run

_MODULE = "kwaliteitsregels.monitoring.parallel"  # by name: run as a worker, this module is __main__


@dataclass(frozen=True)
class _Task:
    compiled: CompiledMonitoring
    path: str
    clock: dt.datetime
    keep_on_time: bool
    part: Part
    folders: tuple[Path, Path]
    attempt: int = 0


@dataclass
class _Done:
    tally: Tally = field(default_factory=Tally)
    missed: Counter[str] = field(default_factory=Counter)
    findings: tuple[list[Path], int] = ([], 0)
    problems: tuple[tuple[Problem, ...], Counter[str]] = ((), Counter())
    ids: list[Path] = field(default_factory=list)
    error: tuple[type[KwaliteitsregelsError], tuple[Problem, ...]] | None = None

    def remove(self) -> None:
        """Remove the files this part wrote."""
        for run in [*self.findings[0], *self.ids]:
            run.unlink(missing_ok=True)


def run_task(task: _Task) -> _Done:
    """One part, in a worker process; an error of ours comes back as its class and problems."""
    try:
        return _run_part(task)
    except KwaliteitsregelsError as exc:  # exceptions of the family do not pickle by their arguments
        return _Done(error=(type(exc), tuple(exc.problems)))


def _run_part(task: _Task) -> _Done:
    prefix = f"p{task.part.index}-{task.attempt}-"

    def attempt(*, sort: bool) -> tuple[_Outcome, Spool[IdRecord]]:
        outcome = _Outcome.new(
            task.compiled, task.path, task.clock, keep_on_time=task.keep_on_time, folders=task.folders, prefix=prefix
        )
        ids: Spool[IdRecord] = Spool(None, task.compiled, task.folders[1], f"{prefix}ids-")  # a record is its key
        collector = _file_collector(task.path, task.compiled.vocabulary, task.part, ids.add)
        items = collector.collect(_file_rows(task.path, task.part))
        try:
            _ledger(task.compiled, in_time_order(items) if sort else items, outcome)
        except Unordered:
            outcome.findings.discard()
            ids.discard()
            raise
        return outcome, ids

    try:
        outcome, ids = attempt(sort=False)
    except Unordered:  # this part is not in time order: read it again and sort it (runs on disk past a bound)
        outcome, ids = attempt(sort=True)
    outcome.findings.spill()
    ids.spill()
    return _Done(
        outcome.tally,
        outcome.missed,
        (outcome.findings.runs, outcome.findings.size),
        (outcome.problems.kept(), outcome.problems.omitted),
        ids.runs,
    )


def run_parts(
    compiled: CompiledMonitoring, path: str | Path, clock: dt.datetime, *, keep_on_time: bool, jobs: int
) -> _Outcome:
    """The outcome of the whole file, run in `jobs` parts by provider in worker processes."""
    source = str(path)
    _open_check(Path(path))
    open_regular(Path(path)).close()  # a missing file, a device or a pipe is refused here, not in a worker
    outcome = _Outcome.new(compiled, source, clock, keep_on_time=keep_on_time)
    folder = outcome.findings.folder()
    folders = (folder, folder)
    tasks = [_Task(compiled, source, clock, keep_on_time, Part(i, jobs, {}), folders) for i in range(jobs)]
    execute = _in_workers if jobs > 1 else _in_process
    done = _checked(execute(tasks))
    foreign = _taken_before([d.ids for d in done], compiled)
    again = [replace(tasks[i], part=Part(i, jobs, ids), attempt=1) for i, ids in sorted(foreign.items())]
    for task, result in zip(again, _checked(execute(again)), strict=True):
        done[task.part.index].remove()
        done[task.part.index] = result
    for part in done:
        outcome.tally.merge(part.tally)
        outcome.missed.update(part.missed)
        outcome.findings.adopt(*part.findings)
        outcome.problems.adopt(*part.problems)
        for run in part.ids:
            run.unlink(missing_ok=True)
    return outcome


def _in_process(tasks: list[_Task]) -> list[_Done]:
    """Each task in this process, one after the other (one part: no worker to start)."""
    return [run_task(task) for task in tasks]


def _in_workers(tasks: list[_Task]) -> list[_Done]:
    """Each task in its own fresh interpreter (`python -m` this module).

    No fork of a process that may hold threads or locks, and no re-import of the caller's main
    module (which multiprocessing's spawning would do: a script without a main guard would run again).
    """
    if not tasks:
        return []
    folder = tasks[0].folders[1]
    files = []
    for task in tasks:
        name = f"p{task.part.index}-{task.attempt}-"
        files.append((folder / f"{name}task.pickle", folder / f"{name}done.pickle", folder / f"{name}stderr.txt"))
        with files[-1][0].open("wb") as handle:
            pickle.dump(task, handle, protocol=pickle.HIGHEST_PROTOCOL)
    workers = []
    try:
        for task_file, done_file, errors in files:
            with errors.open("wb") as stderr:
                command = [sys.executable, "-m", _MODULE, str(task_file), str(done_file)]
                workers.append(subprocess.Popen(command, stdin=subprocess.DEVNULL, stderr=stderr))  # noqa: S603
        for worker in workers:
            worker.wait()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    return [_collect(worker.returncode, *names) for worker, names in zip(workers, files, strict=True)]


def _collect(code: int, task_file: Path, done_file: Path, errors: Path) -> _Done:
    """What a worker left, its files removed; a worker that failed is an internal error, with its last words."""
    task_file.unlink(missing_ok=True)
    tail = errors.read_text("utf-8", "replace").strip().splitlines()[-1:] if errors.exists() else []
    errors.unlink(missing_ok=True)
    if code != 0 or not done_file.exists():
        done_file.unlink(missing_ok=True)
        message = f"een deelproces van de monitoring stopte met code {code}: {' '.join(tail)}"
        raise RuntimeError(message)
    with done_file.open("rb") as handle:
        done: _Done = pickle.load(handle)  # noqa: S301 - written by our own worker in our own mkdtemp folder
    done_file.unlink()
    return done


def _checked(done: list[_Done]) -> list[_Done]:
    for part in done:
        if part.error is not None:
            kind, problems = part.error
            for other in done:
                other.remove()
            raise kind(list(problems))
    return done


def _taken_before(parts: list[list[Path]], compiled: CompiledMonitoring) -> dict[int, dict[str, int]]:
    """Per part to run again: the ids it did not refuse as duplicates though taken at an earlier line (id → line).

    An id used twice: in two parts (a part sees only its own lines), or twice in one part so far apart
    that the part had forgotten it (it keeps only the recent ids: `RecentIds`). One process refuses every
    use after the first taken one as `event.duplicate-id`; each use a part did not refuse so is listed.
    """
    foreign: dict[int, dict[str, int]] = {}
    merged = heapq.merge(*(_tagged(runs, index, compiled) for index, runs in enumerate(parts)))
    for event_id, group in itertools.groupby(merged, key=itemgetter(0)):
        records = list(group)
        if len(records) < 2:  # the common case: an id used once
            continue
        taken = [line for _, line, state, _ in records if state == TAKEN]
        if not taken:
            continue
        first = min(taken)
        for _, line, state, part in records:
            if first < line and state != DUPLICATE:  # one process would refuse it; this part did not
                foreign.setdefault(part, {})[event_id] = first
    return foreign


def _tagged(runs: list[Path], part: int, compiled: CompiledMonitoring) -> Iterator[tuple[str, int, bool, int]]:
    for event_id, line, ok in heapq.merge(*(read_run(run, compiled) for run in runs)):
        yield event_id, line, ok, part


def _main(task_file: str, done_file: str) -> None:
    """The worker: read a task, run it, write what it found."""
    with Path(task_file).open("rb") as handle:
        task: _Task = pickle.load(handle)  # noqa: S301 - written by the parent in its own mkdtemp folder
    done = importlib.import_module(_MODULE).run_task(task)  # the module's own classes, not __main__'s: they unpickle
    partial = Path(done_file).with_suffix(".part")
    with partial.open("wb") as handle:
        pickle.dump(done, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.rename(done_file)


if __name__ == "__main__":
    _main(*sys.argv[1:3])
