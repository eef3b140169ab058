"""Findings and problems kept in their report order with bounded memory: sorted runs on disk, merged when read.

A run over a region's year finds hundreds of thousands of terms that need attention. Up to `CHUNK`
items are held; past that each full buffer is sorted and written to a temporary file as a run, and
reading the result merges the runs lazily (`heapq.merge`), holding one small batch per run. Runs are
merged as they come, `FAN_IN` of the same size into one, so a spool holds at most `FAN_IN - 1` runs
of each size: the batches and open files of a read grow with the logarithm of the stream, not with
the stream, and an item is rewritten once per 64-fold growth (never below 640,000 items). A spool
that never filled its buffer gives a plain tuple, as before. Items are written as JSON lines (plain
text), with the rules' obligations and event-type titles as an index and a name, so a run stays
small and a worker process can write runs that the parent reads (both hold the same rules). Times
keep their zone (Dutch time as Europe/Amsterdam, so terms in hours keep their sense).
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from kwaliteitsregels.errors import Problem
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring
from kwaliteitsregels.monitoring.deadlines import Due
from kwaliteitsregels.monitoring.ordering import decode_moment, encode_moment
from kwaliteitsregels.monitoring.results import Finding, Occurrence, Outcome

T = TypeVar("T")
CHUNK = 10_000
FAN_IN = 64  # runs of one size merged into one run of the next


def finding_key(finding: Finding) -> tuple[Any, ...]:
    """The report order of findings: provider, trigger time and line, obligation, period."""
    trigger = finding.trigger
    return (trigger.provider, trigger.at, trigger.line, finding.obligation.id, finding.period or ())


def problem_key(problem: Problem) -> tuple[int, str]:
    """The report order of problems: line (none first), then code."""
    return (problem.line or 0, problem.code)


class _Codec:
    """Findings and problems as JSON lists (and back): the rules they point to are written as an index."""

    def __init__(self, compiled: CompiledMonitoring) -> None:
        self.obligations = compiled.spec.obligations
        self.index = {id(obligation): number for number, obligation in enumerate(self.obligations)}
        self.types = compiled.vocabulary.types

    def encode(self, item: Finding | Problem) -> list[Any]:
        if isinstance(item, Finding):
            due, by, period = item.due, item.fulfilled_by, item.period
            return [
                "F",
                self.index[id(item.obligation)],
                item.outcome.value,
                _occurrence(item.trigger),
                item.key,
                encode_moment(item.anchor),
                [encode_moment(due.limit), _day_or_moment(due.last), _day(due.extended_from), due.basis],
                _occurrence(by) if by else None,
                encode_moment(item.measured),
                item.missed_by,
                item.missed_unit,
                [period[0].isoformat(), period[1].isoformat()] if period else None,
            ]
        return ["P", item.code, item.message, item.file, item.line, item.column, item.path, item.suggestion]

    def decode(self, record: list[Any]) -> Finding | Problem:
        if record[0] == "P":
            return Problem(*record[1:])
        _, number, outcome, trigger, key, anchor, due, by, measured, missed_by, missed_unit, period = record
        obligation = self.obligations[number]
        awaited = obligation.awaited or obligation.trigger
        limit, last, extended_from, basis = due
        return Finding(
            obligation,
            Outcome(outcome),
            self._occurrence(trigger),
            key,
            decode_moment(anchor),
            Due(decode_moment(limit), _from_day_or_moment(last), _from_day(extended_from), basis),
            self._occurrence(by) if by else None,
            decode_moment(measured),
            missed_by,
            missed_unit,
            self.types[awaited.event].title,
            (dt.date.fromisoformat(period[0]), dt.date.fromisoformat(period[1])) if period else None,
        )

    def _occurrence(self, values: list[Any]) -> Occurrence:
        line, event_id, kind, at, provider = values
        return Occurrence(line, event_id, kind, decode_moment(at), provider, self.types[kind].title)


def _occurrence(occurrence: Occurrence) -> list[Any]:
    return [occurrence.line, occurrence.id, occurrence.type, encode_moment(occurrence.at), occurrence.provider]


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _from_day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def _day_or_moment(value: dt.date | dt.datetime) -> list[Any]:
    """A term's last day, or its last moment for a term in hours."""
    return ["t", encode_moment(value)] if isinstance(value, dt.datetime) else ["d", value.isoformat()]


def _from_day_or_moment(value: list[Any]) -> dt.date | dt.datetime:
    kind, text = value
    return decode_moment(text) if kind == "t" else dt.date.fromisoformat(text)


def write_run(path: Path, items: Iterable[Any], compiled: CompiledMonitoring) -> int:
    """Write already sorted `items` to `path` as JSON lines (ASCII: any text survives); the number written.

    A finding or problem is one line; plain tuples (a part's ids: one per event) go `BLOCK` to a line,
    as one JSON array of arrays, written and read by the C codec in one call each.
    """
    encode, dumps = _Codec(compiled).encode, _COMPACT.encode
    count = 0
    with path.open("w", encoding="ascii") as handle:
        block: list[tuple[Any, ...]] = []
        for item in items:
            count += 1
            if type(item) is tuple:
                block.append(item)
                if len(block) >= BLOCK:
                    handle.write(dumps(block) + "\n")
                    block = []
            else:
                handle.write(dumps(encode(item)) + "\n")
        if block:
            handle.write(dumps(block) + "\n")
    return count


BLOCK = 100  # plain tuples per line of a run: what a read holds of each run


_COMPACT = json.JSONEncoder(separators=(",", ":"))  # `json.dumps(..., separators=...)` without a new encoder each time


def read_run(path: Path, compiled: CompiledMonitoring) -> Iterator[Any]:
    """The items of a run, one line in memory at a time."""
    decode = _Codec(compiled).decode
    with path.open(encoding="ascii") as handle:
        for line in handle:
            record = json.loads(line)
            if record and type(record[0]) is list:  # a block of plain tuples
                yield from map(tuple, record)
            else:
                yield decode(record)


class Spooled(Sequence[T], Generic[T]):
    """A read-only sequence over sorted runs on disk (and a sorted tail in memory), merged on each read."""

    def __init__(self, spool: Spool[T]) -> None:
        self._spool = spool  # holds the folder of the runs: removed when neither is referenced any more
        self._runs, self._tail, self._key, self._size = spool.runs, spool.buffer, spool.key, spool.size
        self._compiled = spool.compiled

    def __iter__(self) -> Iterator[T]:
        """Every item in order."""
        sources = [read_run(run, self._compiled) for run in self._runs]
        return heapq.merge(*sources, self._tail, key=self._key)

    def __len__(self) -> int:
        """How many items."""
        return self._size

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        """An item or a slice (read through the runs: meant for a look, not for a loop)."""
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        return next(itertools.islice(self, index, None))

    def __repr__(self) -> str:
        """`Spooled(<n> items in <r> runs)`."""
        return f"Spooled({self._size} items in {len(self._runs)} runs)"


class Spool(Generic[T]):
    """Collects items; `result()` gives them in `key` order, from memory or merged from runs on disk."""

    def __init__(
        self,
        key: Callable[[T], Any] | None,
        compiled: CompiledMonitoring,
        folder: Path | None = None,
        prefix: str = "run-",
    ) -> None:
        """A spool in `key` order (None: the items' own, compared in C), its runs in `folder`.

        `folder` is owned by someone else; without it, a private folder when the first run is due.
        """
        self.key, self.compiled, self.chunk, self.prefix = key, compiled, CHUNK, prefix
        self.buffer: list[T] = []
        self.runs: list[Path] = []
        self.levels: list[int] = []  # per run: 0 for a buffer written, n + 1 for FAN_IN runs of level n merged
        self.size = 0
        self._folder = folder
        self._written = 0  # runs written so far: each its own file name

    def add(self, item: T) -> None:
        """Keep one item (a full buffer goes to disk as a sorted run)."""
        self.buffer.append(item)
        self.size += 1
        if len(self.buffer) >= self.chunk:
            self.spill()

    def extend(self, items: Iterable[T]) -> None:
        """Keep every item."""
        for item in items:
            self.add(item)

    def spill(self) -> None:
        """Write the buffer as a sorted run."""
        if not self.buffer:
            return
        self.buffer.sort(key=self.key)
        self._append(self.buffer, 0)
        self.buffer = []
        while len(self.levels) >= FAN_IN and len(set(self.levels[-FAN_IN:])) == 1 and self.levels[-1] >= 0:
            self._merge_last()

    def _append(self, items: Iterable[T], level: int) -> None:
        run = self.folder() / f"{self.prefix}{self._written:05d}.jsonl"
        self._written += 1
        write_run(run, items, self.compiled)
        self.runs.append(run)
        self.levels.append(level)

    def _merge_last(self) -> None:
        """Merge the last `FAN_IN` runs (one level, the newest) into one: ties keep their order, as in a read."""
        group, level = self.runs[-FAN_IN:], self.levels[-1]
        del self.runs[-FAN_IN:], self.levels[-FAN_IN:]
        self._append(heapq.merge(*(read_run(run, self.compiled) for run in group), key=self.key), level + 1)
        for run in group:
            run.unlink()

    def folder(self) -> Path:
        """The temporary folder of the runs, removed when the spool and its results are gone."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="kwaliteitsregels-spool-"))
            weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
        return self._folder

    def discard(self) -> None:
        """Forget every item and remove the runs written so far."""
        for run in self.runs:
            run.unlink(missing_ok=True)
        self.buffer, self.runs, self.levels, self.size = [], [], [], 0

    def adopt(self, runs: Iterable[Path], size: int) -> None:
        """Take over sorted runs written elsewhere (by a worker process), with how many items they hold."""
        adopted = list(runs)
        self.runs.extend(adopted)
        self.levels.extend([-1] * len(adopted))  # merged by their writer already; never merged again here
        self.size += size

    def result(self) -> Sequence[T]:
        """The items in order: a tuple if they fit in the buffer, else a `Spooled` sequence."""
        self.buffer.sort(key=self.key)
        if not self.runs:
            return tuple(self.buffer)
        if self.size <= self.chunk:  # small after all (runs adopted from workers): a tuple, as from one process
            items = tuple(Spooled(self))
            self.discard()
            return items
        return Spooled(self)
