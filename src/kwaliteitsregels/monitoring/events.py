"""Events: the model, the shared vocabulary, and reading JSONL or CSV with a problem per bad line.

A bad line never stops reading and is never dropped silently: it becomes a `Problem` with the
file, line, field and (where one fits) a suggestion; every good line is kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import Field, TypeAdapter, ValidationError, field_validator

from kwaliteitsregels import _validation, _yaml
from kwaliteitsregels.errors import InputError, Problem, single
from kwaliteitsregels.models.common import Model
from kwaliteitsregels.monitoring.models import EventType, LawDomain

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
REFERENCES = ("client", "assignment", "request", "invoice", "report", "incident")
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def _load_vocabulary() -> dict[str, EventType]:
    text = resources.files("kwaliteitsregels").joinpath("data/event_types.yaml").read_text("utf-8")
    return TypeAdapter(dict[str, EventType]).validate_python(_yaml.parse(text, "event_types.yaml").data)


EVENT_TYPES: dict[str, EventType] = _load_vocabulary()


class Event(Model):
    """One thing that happened at a provider: a message, an incident, a report. Naive times are Dutch time."""

    id: str = Field(min_length=1, description="unique within the stream")
    provider: str = Field(min_length=1, description="AGB code or name of the provider")
    type: str = Field(min_length=1, description="event type from data/event_types.yaml (301, 305, calamity, …)")
    at: dt.datetime = Field(description="when it happened or was sent (ISO 8601; without offset: Europe/Amsterdam)")
    municipality: str | None = None
    law: LawDomain | None = None
    crisis: bool = False
    client: str | None = None
    assignment: str | None = None
    request: str | None = None
    invoice: str | None = None
    report: str | None = None
    incident: str | None = None
    effective_date: dt.date | None = Field(default=None, description="the date the message reports (start, stop)")
    period_end: dt.date | None = Field(default=None, description="last day of the declaration period")
    note: str | None = None

    @field_validator("at")
    @classmethod
    def _dutch_time(cls, value: dt.datetime) -> dt.datetime:
        return value.replace(tzinfo=AMSTERDAM) if value.tzinfo is None else value

    def reference(self, key: str) -> str | None:
        """The value of a correlation key; `event` is the event's own id."""
        value: str | None = self.id if key == "event" else getattr(self, key)
        return value


@dataclass(frozen=True, slots=True)
class Entry:
    """An accepted event and the line (or item number) it came from."""

    line: int
    event: Event


@dataclass(frozen=True, slots=True)
class EventBatch:
    """The events read from one source, and a problem for every line that could not be used."""

    source: str
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]


def read_events(path: str | Path) -> EventBatch:
    """Read a `.jsonl`/`.ndjson` (one JSON object a line) or `.csv` (header row) event file."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise single(InputError, "event-format", "onbekend bestandstype: gebruik .jsonl of .csv", file=str(path))
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise single(InputError, "file-not-found", "bestand niet gevonden", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise single(InputError, "encoding", f"geen geldige UTF-8 (byte {exc.start})", file=str(path)) from None
    except OSError as exc:
        raise single(InputError, "file-unreadable", f"bestand niet leesbaar: {exc.strerror}", file=str(path)) from None
    rows = _jsonl_rows(text, str(path)) if kind == "jsonl" else _csv_rows(text, str(path))
    return _collect(rows, str(path))


def parse_events(records: Iterable[Event | Mapping[str, Any]], source: str = "<python>") -> EventBatch:
    """Validate events given in Python; the 'line' of each is its position (1-based)."""
    rows = (
        (n, record if isinstance(record, Event) else dict(record), None) for n, record in enumerate(records, start=1)
    )
    return _collect(rows, source)


Row = tuple[int, Event | dict[str, Any] | None, Problem | None]


def _jsonl_rows(text: str, source: str) -> Iterator[Row]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, Problem("event.json", f"ongeldige JSON: {exc.msg}", source, number, exc.colno)
            continue
        if not isinstance(data, dict):
            yield number, None, Problem("event.not-an-object", "een regel moet één JSON-object zijn", source, number)
            continue
        yield number, data, None


def _csv_rows(text: str, source: str) -> Iterator[Row]:
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="<extra>")
    try:
        for row in reader:
            if "<extra>" in row:
                message = "meer kolommen dan de kopregel"
                yield reader.line_num, None, Problem("event.csv-columns", message, source, reader.line_num)
                continue
            yield reader.line_num, {k: v for k, v in row.items() if v not in ("", None)}, None
    except csv.Error as exc:
        yield reader.line_num, None, Problem("event.csv", f"ongeldige CSV: {exc}", source, reader.line_num)


def _collect(rows: Iterable[Row], source: str) -> EventBatch:
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for line, data, problem in rows:
        if problem is not None or data is None:
            problems.extend([problem] if problem else [])
            continue
        event, found = _validate(data, source, line)
        if event is not None and event.id in seen:
            found.append(Problem("event.duplicate-id", f"id '{event.id}' komt al eerder voor", source, line, path="id"))
        if found or event is None:
            problems.extend(found)
            continue
        seen.add(event.id)
        entries.append(Entry(line, event))
    return EventBatch(source, tuple(entries), tuple(problems))


def _validate(data: Event | dict[str, Any], source: str, line: int) -> tuple[Event | None, list[Problem]]:
    try:
        event = data if isinstance(data, Event) else Event.model_validate(data)
    except ValidationError as exc:
        return None, [
            replace(p, line=line, code=f"event.{p.code}") for p in _validation.problems(exc, Event, None, source)
        ]
    kind = EVENT_TYPES.get(event.type)
    if kind is None:
        suggestion = _validation.closest(event.type, list(EVENT_TYPES))
        message = f"onbekend soort gebeurtenis '{event.type}'"
        return None, [Problem("event.unknown-type", message, source, line, path="type", suggestion=suggestion)]
    missing = [key for key in kind.requires if event.reference(key) is None]
    return event, [
        Problem("event.missing-reference", f"een '{event.type}' heeft een {key} nodig", source, line, path=key)
        for key in missing
    ]
