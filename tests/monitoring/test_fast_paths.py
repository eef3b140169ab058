"""The hot paths of monitoring equal their plain references (property tests): same entries, problems, state."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kwaliteitsregels import monitoring
from kwaliteitsregels.monitoring.events import (
    AMSTERDAM,
    CORE,
    EVENT_TYPES,
    REFERENCES,
    Entry,
    Event,
    Vocabulary,
    _Collector,
    _json_row,
    _loaded_row,
)
from kwaliteitsregels.monitoring.running import _fewer_collections

EXAMPLE = Path(__file__).parents[2] / "examples" / "monitoring" / "kwartaal-2026-q1.jsonl"
TYPES = [*sorted(EVENT_TYPES), "30l", ""]
TEXTS = st.one_of(st.sampled_from(["A1", "C7", "F1-02", "", "ë ✓", "I1", "R1"]), st.integers(0, 3), st.none())
MOMENTS = st.one_of(
    st.sampled_from(
        [
            "2026-03-29T02:30",
            "2026-10-25T02:30:00",
            "2026-01-05T09:12:00+01:00",
            "2026-07-01T12:00:00.123456+02:00",
            "2026-01-05T09:12:00Z",
            "1990-01-01T00:30:00+02:00",
            "2199-12-31T23:30:00-05:00",
            "2026-02-30T10:00",
            "2026-01-05 09:12",
            "20260105T0912",
            "1985-01-01T10:00",
        ]
    ),
    st.integers(0, 10**10),
    st.none(),
)
DAYS = st.one_of(st.sampled_from(["2026-01-31", "2026-02-30", "1989-12-31", "2200-01-01", "26-01-01", ""]), st.none())
FIELDS: dict[str, Any] = {
    "id": st.sampled_from(["e1", "e2", "e3", ""]),
    "provider": TEXTS,
    "type": st.sampled_from(TYPES),
    "at": MOMENTS,
    "municipality": TEXTS,
    "law": st.sampled_from(["jeugdwet", "wmo", "WMO", None]),
    "crisis": st.sampled_from([True, False, "true", "false", 1, 0, "ja", None]),
    "client": TEXTS,
    "assignment": TEXTS,
    "request": TEXTS,
    "invoice": TEXTS,
    "report": TEXTS,
    "incident": TEXTS,
    "effective_date": DAYS,
    "period_end": DAYS,
    "note": TEXTS,
    "complaint": TEXTS,
    "refs": st.sampled_from([{}, {"complaint": "K1"}]),
    "bogus": st.integers(),
}
BASE = {"provider": "p", "at": "2026-01-05T09:12:00+01:00"} | dict.fromkeys(REFERENCES, "A1")


@st.composite
def _record(draw: st.DrawFn) -> dict[str, Any]:
    """A clean line (every shared key given), with some fields changed and some left out."""
    record = BASE | {"id": draw(st.sampled_from(["e1", "e2", "e3"])), "type": draw(st.sampled_from(TYPES[:-2]))}
    for name in draw(st.lists(st.sampled_from(sorted(FIELDS)), max_size=3)):
        record[name] = draw(FIELDS[name])
    for name in draw(st.lists(st.sampled_from(sorted(record)), max_size=2)):
        record.pop(name, None)
    return record


RECORDS = st.lists(_record(), max_size=8)
REGION = Vocabulary(EVENT_TYPES, ("client", "assignment", "request", "invoice", "report", "incident", "complaint"))


def _slow(collector: _Collector, line: int, record: dict[str, Any]) -> Entry | list[Any]:
    return collector._one(line, dict(record))  # noqa: SLF001 - the reference path itself


def _same(fast: Entry | list[Any], slow: Entry | list[Any], record: dict[str, Any] | None) -> None:
    assert type(fast) is type(slow)
    if isinstance(fast, Entry) and isinstance(slow, Entry):
        assert fast.line == slow.line
        assert fast.event == slow.event
        assert list(fast.event.__dict__.items()) == list(slow.event.__dict__.items())
        assert fast.event.model_fields_set == slow.event.model_fields_set
        assert [type(v) for v in fast.event.__dict__.values()] == [type(v) for v in slow.event.__dict__.values()]
        events = [slow.event] if record is None else [slow.event, Event.model_validate(record)]  # pydantic's own
        for other in events:
            assert fast.event == other
            one, two = fast.event.at, other.at
            assert (one.tzinfo is AMSTERDAM) == (two.tzinfo is AMSTERDAM)
            assert (one.utcoffset(), one.fold) == (two.utcoffset(), two.fold)
    else:
        assert fast == slow


@settings(max_examples=400, deadline=None)
@given(records=RECORDS, region=st.booleans(), foreign=st.booleans())
def test_the_one_pass_reading_of_a_line_equals_the_full_validation(
    records: list[dict[str, Any]], *, region: bool, foreign: bool
) -> None:
    vocabulary = REGION if region else CORE
    fast, slow = _Collector("s.jsonl", vocabulary), _Collector("s.jsonl", vocabulary)
    fast_ids: list[Any] = []
    slow_ids: list[Any] = []
    if foreign:
        fast.partitioned({"e2": 2}, fast_ids.append)
        slow.partitioned({"e2": 2}, slow_ids.append)
    for line, record in enumerate(records, start=1):
        before = len(fast.seen)
        entry = fast._fast(line, dict(record))  # noqa: SLF001 - the path under test
        if entry is None:
            assert len(fast.seen) == before  # a doubted line leaves nothing behind for `_one`
            assert len(fast_ids) == len(slow_ids)
            got: Entry | list[Any] = fast._one(line, dict(record))  # noqa: SLF001 - where a doubted line goes
        else:
            got = entry
        _same(got, _slow(slow, line, record), None if entry is None else record)
        assert len(fast.seen) == len(slow.seen)
        assert fast_ids == slow_ids


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(alphabet='{}[]":, \t\r\n0123456789abe-.\\u\ufeff', max_size=30).map(lambda t: "{" + t),
        st.builds(
            lambda body, end: "{" + body + "}" + end,
            st.text(max_size=12),
            st.sampled_from(["", "\n", "\r\n", " \n", "x"]),
        ),
        st.just('{"a": 1}\n'),
        st.just('{"a": ' + "1" * 5000 + "}\n"),
        st.just("{" * 100_000 + "\n"),
    )
)
def test_a_json_line_is_read_as_json_loads_reads_it(text: str) -> None:
    assert _json_row(7, text.encode("utf-8", "surrogatepass"), "s.jsonl") == _loaded_row(7, text, "s.jsonl")


def test_the_collector_thresholds_are_given_back_after_a_run_and_after_an_error() -> None:
    before = gc.get_threshold()
    monitoring.monitor("achterhoek-2019", EXAMPLE, clock="2026-04-01")
    assert gc.get_threshold() == before
    with _fewer_collections():
        assert gc.get_threshold()[0] >= before[0]
    with pytest.raises(RuntimeError), _fewer_collections():
        raise RuntimeError
    assert gc.get_threshold() == before
