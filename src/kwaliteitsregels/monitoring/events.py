"""Events: the model, the vocabulary, and reading JSONL or CSV line by line with a problem per bad line.

A bad line never stops reading and is never dropped silently: it becomes a `Problem` with the
file, line, field and (where one fits) a suggestion; every good line is kept. Nothing a line holds
(nesting a hundred thousand deep, a number of five thousand digits, a year outside 1990-2199, bytes
that are not UTF-8) escapes as an exception. Files are read one line at a time, so reading holds
one line, never the file; only a regular file is read, and a line over a megabyte is a problem on
its line, skipped without being held (`lines.py`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from pydantic import Field, TypeAdapter, ValidationError, field_validator

from kwaliteitsregels import _validation, _yaml
from kwaliteitsregels.errors import InputError, Problem, single
from kwaliteitsregels.models.common import Model, plain_dates
from kwaliteitsregels.monitoring.compact import HashSet, RecentIds
from kwaliteitsregels.monitoring.lines import bounded_lines, open_regular, too_long
from kwaliteitsregels.monitoring.models import EventType, LawDomain
from kwaliteitsregels.monitoring.partition import part_of_line, part_of_provider
from kwaliteitsregels.workdays import FIRST_YEAR

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
REFERENCES = ("client", "assignment", "request", "invoice", "report", "incident")
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
LAST_YEAR = 2199


def _load_vocabulary() -> dict[str, EventType]:
    text = resources.files("kwaliteitsregels").joinpath("data/event_types.yaml").read_text("utf-8")
    return TypeAdapter(dict[str, EventType]).validate_python(_yaml.parse(text, "event_types.yaml").data)


EVENT_TYPES: dict[str, EventType] = _load_vocabulary()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The event types and correlation keys a stream may use: the shared ones plus a region's own."""

    types: Mapping[str, EventType]
    references: tuple[str, ...] = REFERENCES

    @property
    def extra_references(self) -> tuple[str, ...]:
        """The region's own keys (beside the shared ones), carried in `Event.refs`."""
        return tuple(name for name in self.references if name not in REFERENCES)


CORE = Vocabulary(EVENT_TYPES)


class Event(Model):
    """One thing that happened at a provider: a message, an incident, a report. Naive times are Dutch time."""

    _plain_dates = plain_dates("effective_date", "period_end")

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
    refs: dict[str, str] = Field(default_factory=dict, description="a region's own keys (e.g. complaint)")

    @field_validator("at")
    @classmethod
    def _dutch_time(cls, value: dt.datetime) -> dt.datetime:
        return value.replace(tzinfo=AMSTERDAM) if value.tzinfo is None else value

    def reference(self, key: str) -> str | None:
        """The value of a correlation key; `event` is the event's own id."""
        if key == "event":
            return self.id
        if key in REFERENCES:
            value: str | None = getattr(self, key)
            return value
        return self.refs.get(key)


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


Row = tuple[int, Event | dict[str, Any] | None, Problem | None]
IdRecord = tuple[str, int, int]  # an event's id, its line, and what became of it: TAKEN, DUPLICATE or REFUSED
TAKEN, DUPLICATE, REFUSED = 0, 1, 2  # refused as a duplicate id (`event.duplicate-id`), or for another reason
RECENT_IDS = 1 << 16  # a part keeps the last 2^16 to 2^17 ids in memory (1-2 MB); its id runs on disk find the rest


def _open_check(path: Path) -> str:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise single(InputError, "event-format", "onbekend bestandstype: gebruik .jsonl of .csv", file=str(path))
    return kind


def stream_file(path: str | Path, vocabulary: Vocabulary = CORE, part: Part | None = None) -> Iterator[Entry | Problem]:
    """Each line of a `.jsonl`/`.ndjson` or `.csv` file as an `Entry`, or a `Problem` if it cannot be used.

    The file is opened at once (a missing file, a device or a pipe raises here) and read as it is consumed.
    With `part`, only the lines of that part of the providers (`partition.py`) are parsed and checked.
    """
    return _file_collector(path, vocabulary, part).collect(_file_rows(path, part))


def _file_rows(path: str | Path, part: Part | None) -> Iterator[Row]:
    path = Path(path)
    kind = _open_check(path)
    handle = open_regular(path)
    return _jsonl_rows(handle, str(path), part) if kind == "jsonl" else _csv_rows(handle, str(path), part)


def _file_collector(
    path: str | Path, vocabulary: Vocabulary, part: Part | None, record: Callable[[IdRecord], None] | None = None
) -> _Collector:
    collector = _Collector(str(path), vocabulary)
    if part is not None:
        collector.partitioned(part.foreign, record)
    return collector


@dataclass(frozen=True, slots=True)
class Part:
    """One of `of` parts of a stream split by provider, and the ids taken before (id → first line) it missed."""

    index: int
    of: int
    foreign: Mapping[str, int]

    def mine(self, raw: bytes) -> bool:
        """Whether this JSONL line is in this part (the only part: every line, unread)."""
        return self.of == 1 or part_of_line(raw, self.of) == self.index

    def mine_row(self, data: object) -> bool:
        """Whether this CSV row (None: one that could not be read) is in this part."""
        if self.of == 1:
            return True
        provider = data.get("provider") if isinstance(data, dict) else None
        return (part_of_provider(provider, self.of) if isinstance(provider, str) else 0) == self.index


def stream_records(
    records: Iterable[Event | Mapping[str, Any]], source: str = "<python>", vocabulary: Vocabulary = CORE
) -> Iterator[Entry | Problem]:
    """Events given in Python, validated like file lines; the 'line' of each is its position (1-based)."""
    return _Collector(source, vocabulary).collect(_record_rows(records, source))


def read_events(path: str | Path, vocabulary: Vocabulary = CORE) -> EventBatch:
    """Read a `.jsonl`/`.ndjson` (one JSON object a line) or `.csv` (header row) event file."""
    return _batch(str(path), stream_file(path, vocabulary))


def parse_events(
    records: Iterable[Event | Mapping[str, Any]], source: str = "<python>", vocabulary: Vocabulary = CORE
) -> EventBatch:
    """Validate events given in Python; the 'line' of each is its position (1-based)."""
    return _batch(source, stream_records(records, source, vocabulary))


def _batch(source: str, items: Iterable[Entry | Problem]) -> EventBatch:
    entries: list[Entry] = []
    problems: list[Problem] = []
    for item in items:
        (entries if isinstance(item, Entry) else problems).append(item)  # type: ignore[arg-type]
    return EventBatch(source, tuple(entries), tuple(problems))


def _record_rows(records: Iterable[Event | Mapping[str, Any]], source: str) -> Iterator[Row]:
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        message = f"gebeurtenissen moeten een lijst van dicts of Events zijn, niet {type(records).__name__}"
        raise single(InputError, "events-type", message, file=source)
    for number, record in enumerate(records, start=1):
        if isinstance(record, Event):
            yield number, record, None
        elif isinstance(record, Mapping):
            yield number, dict(record), None
        else:
            message = f"een gebeurtenis moet een dict of Event zijn, niet {type(record).__name__}"
            yield number, None, Problem("event.not-an-object", message, source, number)


def _jsonl_rows(handle: BinaryIO, source: str, part: Part | None = None) -> Iterator[Row]:
    with handle:
        for number, raw in bounded_lines(handle):
            if raw is None:
                if part is None or part.index == 0:
                    yield number, None, too_long(source, number)
                continue
            if part is not None and not part.mine(raw):
                continue
            text = raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw
            if text.strip():
                yield _json_row(number, text, source)


_DECODER = json.JSONDecoder()
_LINE_ENDS = frozenset({"", "\n", "\r\n"})


def _json_row(number: int, raw: bytes, source: str) -> Row:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return number, None, Problem("event.encoding", f"geen geldige UTF-8 (byte {exc.start})", source, number)
    if line[:1] == "{":  # the common line: one object and its line end, decoded without `json.loads`' layers
        try:
            data, end = _DECODER.raw_decode(line)
        except (ValueError, RecursionError):  # `json.loads` below says what is wrong, as always
            pass
        else:
            if line[end:] in _LINE_ENDS:
                return number, data, None
    return _loaded_row(number, line, source)


def _loaded_row(number: int, line: str, source: str) -> Row:
    """A decoded line read by `json.loads`: its object, or the problem with what is wrong."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return number, None, Problem("event.json", f"ongeldige JSON: {exc.msg}", source, number, exc.colno)
    except RecursionError:
        return number, None, Problem("event.json", "ongeldige JSON: te diep genest", source, number)
    except ValueError:  # an integer beyond the digit limit of int() (4300 digits)
        return number, None, Problem("event.json", "ongeldige JSON: getal met te veel cijfers", source, number)
    if not isinstance(data, dict):
        return number, None, Problem("event.not-an-object", "een regel moet één JSON-object zijn", source, number)
    return number, data, None


def _csv_rows(handle: BinaryIO, source: str, part: Part | None = None) -> Iterator[Row]:
    rows = _all_csv_rows(handle, source)
    return rows if part is None else (row for row in rows if part.mine_row(row[1]))


def _all_csv_rows(handle: BinaryIO, source: str) -> Iterator[Row]:
    unusable: list[Problem] = []  # lines the reader got as empty (too long, not UTF-8), reported in line order

    def texts() -> Iterator[str]:
        for number, raw in bounded_lines(handle):
            if raw is None:
                unusable.append(too_long(source, number))
                yield "\n"
                continue
            try:
                yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                unusable.append(Problem("event.encoding", f"geen geldige UTF-8 (byte {exc.start})", source, number))
                yield "\n"

    with handle:
        reader = csv.DictReader(texts(), restkey="<extra>")
        try:
            for row in reader:
                yield from ((p.line or 0, None, p) for p in unusable)
                unusable.clear()
                if "<extra>" in row:
                    message = "meer kolommen dan de kopregel"
                    yield reader.line_num, None, Problem("event.csv-columns", message, source, reader.line_num)
                    continue
                yield reader.line_num, {k: v for k, v in row.items() if v not in ("", None)}, None
        except csv.Error as exc:
            yield reader.line_num, None, Problem("event.csv", f"ongeldige CSV: {exc}", source, reader.line_num)
        yield from ((p.line or 0, None, p) for p in unusable)


_TEXT = frozenset({"id", "provider", "type"})
_OPTIONAL_TEXT = frozenset({"municipality", *REFERENCES, "note"})
_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CRISIS = {True: True, False: False, "true": True, "false": False}
_LAWS = frozenset({"jeugdwet", "wmo"})


class _Slow(Exception):  # noqa: N818 - a signal inside `_quick`, never shown
    """The value needs full validation."""


def _text(value: Any) -> str:
    if type(value) is not str or not value:
        raise _Slow
    return value


def _optional_text(value: Any) -> str:
    if type(value) is not str:
        raise _Slow
    return value


def _moment(value: Any) -> dt.datetime:
    if type(value) is not str or not _AT.fullmatch(value):
        raise _Slow
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


def _day(value: Any) -> dt.date:
    if type(value) is not str or not _DAY.fullmatch(value):
        raise _Slow
    return dt.date.fromisoformat(value)


def _law(value: Any) -> str:
    if value not in _LAWS:
        raise _Slow
    return str(value)


_REQUIRED = _TEXT | {"at"}
_CONVERT: dict[str, Any] = {
    **dict.fromkeys(_TEXT, _text),
    **dict.fromkeys(_OPTIONAL_TEXT, _optional_text),
    "at": _moment,
    "effective_date": _day,
    "period_end": _day,
    "crisis": _CRISIS.__getitem__,
    "law": _law,
}


_PLAIN = _TEXT | _OPTIONAL_TEXT
_SPECIAL = {name: convert for name, convert in _CONVERT.items() if name not in _PLAIN}


def _quick(data: dict[str, Any]) -> Event | None:
    """The common clean line without pydantic (the hot path); None sends the line through full validation."""
    if not data.keys() >= _REQUIRED:
        return None
    values = {}
    try:
        for name, value in data.items():
            if name in _PLAIN:
                if type(value) is not str or (not value and name in _TEXT):
                    return None
                values[name] = value
            else:
                values[name] = _SPECIAL[name](value)
    except (_Slow, KeyError, ValueError, TypeError):
        return None
    return construct(values)


_DIRECT = Event.__pydantic_post_init__ is None  # an `Event` may be made from its checked fields directly
_TEMPLATE = {name: f.default for name, f in Event.model_fields.items() if f.default_factory is None}


def construct(values: dict[str, Any]) -> Event:
    """`Event.model_construct(**values)` for values already checked (by `_quick`, or read back from a sort run)."""
    if not _DIRECT:  # pragma: no cover - guards a change of the model
        return Event.model_construct(**values)
    fields = dict(_TEMPLATE)
    fields["refs"] = {}
    fields.update(values)
    return _event(fields, set(values))


def _event(fields: dict[str, Any], fields_set: set[str]) -> Event:
    """An `Event` of every field's checked value (`fields`, in the model's order) and the fields given."""
    event = Event.__new__(Event)
    object.__setattr__(event, "__dict__", fields)
    object.__setattr__(event, "__pydantic_fields_set__", fields_set)
    object.__setattr__(event, "__pydantic_extra__", None)
    object.__setattr__(event, "__pydantic_private__", None)
    return event


class _Collector:
    """Turns rows into entries or problems: validation, the vocabulary, the date range, duplicate ids."""

    def __init__(self, source: str, vocabulary: Vocabulary) -> None:
        self.source = source
        self.vocabulary = vocabulary
        self.extra = frozenset(vocabulary.extra_references)
        self.seen: HashSet | RecentIds = HashSet()  # the ids taken, as 64-bit hashes (`compact.py`)
        self.record: Callable[[IdRecord], None] | None = None
        self.foreign: Mapping[str, int] = {}
        self.needs = {  # per type, the shared keys it requires (`event` is the id): for `_fast`
            name: tuple(key for key in kind.requires if key != "event")
            for name, kind in vocabulary.types.items()
            if all(key in REFERENCES or key == "event" for key in kind.requires)
        }

    def partitioned(self, foreign: Mapping[str, int], record: Callable[[IdRecord], None] | None = None) -> None:
        """A part of a split stream: `foreign` ids were taken in other parts; each id seen goes to `record`.

        `record` gets `(id, line, state)` for every event with an id, so that the parts' lists, sorted, show
        an id used twice. With `record`, only the recent ids are kept here (`RecentIds`): the lists find the
        rest, and the part runs again, told in `foreign` which ids were taken where (`parallel.py`).
        """
        self.foreign = foreign
        self.record = record
        if record is not None:
            self.seen = RecentIds(RECENT_IDS)

    def collect(self, rows: Iterable[Row]) -> Iterator[Entry | Problem]:
        fast = self._fast if _DIRECT else None
        for line, data, problem in rows:
            if problem is not None or data is None:
                if problem is not None:
                    yield problem
                continue
            if fast is not None and type(data) is dict:
                entry = fast(line, data)
                if entry is not None:
                    yield entry
                    continue
            found = self._one(line, data)
            if type(found) is Entry:
                yield found
            else:
                yield from found  # type: ignore[misc]

    def _fast(self, line: int, data: dict[str, Any]) -> Entry | None:  # noqa: C901, PLR0911, PLR0912 - one pass, no calls
        """The entry of a clean line in one pass (the hot path), or None: the line goes through `_one`.

        The same checks as `_one` (`_quick`, `_meaning`, the duplicate id), each in its cheapest
        form; a line any of them doubts is left untouched (nothing is remembered) for `_one`.
        """
        if not data.keys() >= _REQUIRED or (self.extra and not self.extra.isdisjoint(data)):
            return None
        fields = dict(_TEMPLATE)
        fields["refs"] = {}
        try:
            for name, value in data.items():
                if name in _PLAIN:
                    if type(value) is not str or (not value and name in _TEXT):
                        return None
                    fields[name] = value
                else:
                    fields[name] = _SPECIAL[name](value)
        except (_Slow, KeyError, ValueError, TypeError):
            return None
        if not FIRST_YEAR < fields["at"].year < LAST_YEAR:  # near the edges `_out_of_range` decides
            return None
        effective, period_end = fields["effective_date"], fields["period_end"]
        if (effective is not None and not FIRST_YEAR <= effective.year <= LAST_YEAR) or (
            period_end is not None and not FIRST_YEAR <= period_end.year <= LAST_YEAR
        ):
            return None
        needs = self.needs.get(fields["type"])
        if needs is None:  # an unknown type, or one that needs a region's own key
            return None
        for key in needs:
            if fields[key] is None:
                return None
        event_id = fields["id"]
        if self.foreign and self.foreign.get(event_id, line) < line:
            return None
        if not self.seen.add(event_id):
            return None
        if self.record is not None:
            self.record((event_id, line, TAKEN))
        return Entry(line, _event(fields, set(data)))

    def _one(self, line: int, data: Event | dict[str, Any]) -> Entry | list[Problem]:
        """The entry, or the problems of the line."""
        event, found = self._validate(data, line)
        if event is None:
            return found
        taken = (event.id in self.seen) if found else not self.seen.add(event.id)  # one probe for a good line
        duplicate = taken or bool(self.foreign and self.foreign.get(event.id, line) < line)
        if duplicate:
            found.append(
                Problem("event.duplicate-id", f"id '{event.id}' komt al eerder voor", self.source, line, path="id")
            )
        if found:
            if self.record is not None:
                self.record((event.id, line, DUPLICATE if duplicate else REFUSED))
            return found
        if self.record is not None:
            self.record((event.id, line, TAKEN))
        return Entry(line, event)

    def _validate(self, data: Event | dict[str, Any], line: int) -> tuple[Event | None, list[Problem]]:
        if isinstance(data, dict) and self.extra and not self.extra.isdisjoint(data):
            refs = {name: data.pop(name) for name in self.extra & data.keys()}
            data["refs"] = refs
        event = data if isinstance(data, Event) else _quick(data)
        if event is None:
            try:
                event = Event.model_validate(data)
            except ValidationError as exc:
                problems = _validation.problems(exc, Event, None, self.source)
                return None, [self._located(p, line) for p in problems]
            except (RecursionError, ValueError) as exc:  # a value pydantic cannot even inspect
                return None, [Problem("event.schema", f"onbruikbare waarde: {exc}", self.source, line)]
        return event, self._meaning(event, line)

    def _located(self, problem: Problem, line: int) -> Problem:
        """A validation problem on its line; an unknown field may be a misspelt key of the region's own."""
        hint = problem.suggestion
        if problem.code.endswith("extra_forbidden") and problem.path and self.extra:
            hint = _validation.closest(problem.path, [*self.extra, *([hint] if hint else [])]) or hint
        return replace(problem, line=line, code=f"event.{problem.code}", suggestion=hint)

    def _meaning(self, event: Event, line: int) -> list[Problem]:
        out_of_range = _out_of_range(event)
        if out_of_range:
            message = f"{out_of_range} ligt buiten de jaren {FIRST_YEAR}-{LAST_YEAR} die de werkdagen kennen"
            return [Problem("event.date-range", message, self.source, line, path=out_of_range)]
        kind = self.vocabulary.types.get(event.type)
        if kind is None:
            suggestion = _validation.closest(event.type, list(self.vocabulary.types))
            message = f"onbekend soort gebeurtenis '{event.type}'"
            return [Problem("event.unknown-type", message, self.source, line, path="type", suggestion=suggestion)]
        unknown = [name for name in event.refs if name not in self.extra]
        if unknown:
            message = f"onbekende sleutel '{unknown[0]}'"
            hint = _validation.closest(unknown[0], list(self.vocabulary.references))
            return [Problem("event.unknown-reference", message, self.source, line, path=unknown[0], suggestion=hint)]
        missing = [key for key in kind.requires if event.reference(key) is None]
        return [
            Problem("event.missing-reference", f"een '{event.type}' heeft een {key} nodig", self.source, line, path=key)
            for key in missing
        ]


def _out_of_range(event: Event) -> str | None:
    """The first date field outside the supported years, or None."""
    at = event.at
    if not FIRST_YEAR < at.year < LAST_YEAR and (  # only at the edges can Dutch time move it out of range
        not _safe(at) or not FIRST_YEAR <= at.astimezone(AMSTERDAM).year <= LAST_YEAR
    ):
        return "at"
    for name, day in (("effective_date", event.effective_date), ("period_end", event.period_end)):
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            return name
    return None


def _safe(moment: dt.datetime) -> bool:
    """Whether the moment can be placed in Dutch time (9999-12-31T23:59-05:00 cannot)."""
    return dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC) <= moment <= dt.datetime(LAST_YEAR, 12, 31, tzinfo=dt.UTC)
