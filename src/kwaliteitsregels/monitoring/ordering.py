"""Entries of a stream that is not in time order, sorted with bounded memory: sorted runs on disk, merged.

Up to `CHUNK` entries are held; each full buffer is sorted on (time, line) and written to a
temporary file as a run of JSON lines (one event a line, every field as written, the time with its
zone), and the runs are merged lazily (`heapq.merge`), one line per run in memory. A stream that
fits in one buffer is sorted in memory. Problems pass through at once, before the entries. The
result is the same as sorting in memory: the same events, in the same order, with the same fields.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kwaliteitsregels.errors import Problem
from kwaliteitsregels.monitoring.events import AMSTERDAM, Entry, Event, construct

CHUNK = 10_000  # an accepted event in memory is ~2.4 kB: a buffer of ~25 MB
FAN_IN = 64  # runs merged at once; more are first merged into one run, so few files are open
_FIELDS = tuple(name for name in Event.model_fields if name not in ("at", "effective_date", "period_end"))


def in_time_order(items: Iterable[Entry | Problem], chunk: int | None = None) -> Iterator[Entry | Problem]:
    """The problems as they come, then the entries sorted on (time, line), holding at most `chunk` entries."""
    size = CHUNK if chunk is None else chunk
    buffer: list[Entry] = []
    folder: Path | None = None
    runs: list[Path] = []
    names = itertools.count()
    try:
        for item in items:
            if isinstance(item, Problem):
                yield item
                continue
            buffer.append(item)
            if len(buffer) >= size:
                folder = folder or Path(tempfile.mkdtemp(prefix="kwaliteitsregels-sort-"))
                buffer.sort(key=_order)
                runs.append(_write(folder / f"run-{next(names):06d}.jsonl", buffer))
                buffer = []
                if len(runs) >= FAN_IN:
                    runs = [_merged(runs, folder / f"run-{next(names):06d}.jsonl")]
        buffer.sort(key=_order)
        yield from heapq.merge(*(_read(run) for run in runs), buffer, key=_order)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _order(entry: Entry) -> tuple[dt.datetime, int]:
    return entry.event.at, entry.line


def _merged(runs: list[Path], path: Path) -> Path:
    """The runs merged into one run at `path` (their files removed)."""
    merged = _write(path, heapq.merge(*map(_read, runs), key=_order))
    for run in runs:
        run.unlink()
    return merged


def _write(path: Path, entries: Iterable[Entry]) -> Path:
    """Entries already in order, one JSON line each."""
    with path.open("w", encoding="ascii") as handle:  # escaped: any text survives, lone surrogates too
        handle.writelines(json.dumps(_encode(entry)) + "\n" for entry in entries)
    return path


def _read(path: Path) -> Iterator[Entry]:
    with path.open(encoding="ascii") as handle:
        for text in handle:
            yield _decode(json.loads(text))


def _encode(entry: Entry) -> list[Any]:
    event = entry.event
    fields = event.__dict__
    effective, period_end = event.effective_date, event.period_end
    return [
        entry.line,
        *encode_moment(event.at),
        effective.isoformat() if effective else None,
        period_end.isoformat() if period_end else None,
        {name: fields[name] for name in _FIELDS if fields[name] != Event.model_fields[name].get_default()},
    ]


def encode_moment(at: dt.datetime) -> tuple[str, int, int | None]:
    """The wall time, its fold, and the offset in microseconds (None: Dutch time, kept as the zone).

    Dutch time stays Europe/Amsterdam, not a fixed offset, so that 24 hours after a moment stay 24
    wall-clock hours across the change to summer time, as in memory.
    """
    offset = at.utcoffset()
    zone = None if at.tzinfo is AMSTERDAM or offset is None else offset // dt.timedelta(microseconds=1)
    return at.replace(tzinfo=None).isoformat(), at.fold, zone


def decode_moment(value: Sequence[Any]) -> dt.datetime:
    """The moment `encode_moment` wrote."""
    wall, fold, zone = value
    tz = AMSTERDAM if zone is None else dt.timezone(dt.timedelta(microseconds=zone))
    moment: dt.datetime = dt.datetime.fromisoformat(wall).replace(tzinfo=tz, fold=fold)
    return moment


def _decode(record: list[Any]) -> Entry:
    line, wall, fold, zone, effective, period_end, fields = record
    values = dict(fields)
    values["at"] = decode_moment((wall, fold, zone))
    if effective is not None:
        values["effective_date"] = dt.date.fromisoformat(effective)
    if period_end is not None:
        values["period_end"] = dt.date.fromisoformat(period_end)
    return Entry(line, construct(values))
