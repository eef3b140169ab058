"""Memory follows the open cases, not the events: bounded problems, compact ids, sorting with runs on disk.

Through the public API and the CLI: a stream with more bad lines than are kept lists the first per
code with their lines and counts the rest (in JSON, text and with any number of workers); duplicate
ids are still refused however many ids there are; an unordered stream larger than the sort buffer
gives the same report as one sorted in memory.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kwaliteitsregels import monitoring
from kwaliteitsregels.cli import main
from kwaliteitsregels.monitoring import events, ordering
from kwaliteitsregels.monitoring.compact import HashSet, RecentIds
from kwaliteitsregels.monitoring.events import Entry
from kwaliteitsregels.monitoring.problems import PER_CODE
from kwaliteitsregels.monitoring.render import render_text

YEAR = (Path(__file__).parent / "fixtures" / "achterhoek-year.jsonl").read_text("utf-8").splitlines()
PROVIDERS = 30
REGION = [  # the year of 30 providers, in time order
    json.dumps(event | {"provider": f"p{number}", "id": f"p{number}-{event['id']}"})
    for event in sorted((json.loads(line) for line in YEAR), key=lambda e: e["at"])
    for number in range(PROVIDERS)
]
CLOCK = "2026-06-01"
BAD = 1_250  # more bad lines than are kept per code


def _with_bad_lines(path: Path) -> list[int]:
    """The region with `BAD` lines of broken JSON spread through it; their line numbers."""
    lines: list[str] = []
    bad: list[int] = []
    good = iter(REGION)
    for number in range(1, len(REGION) + BAD + 1):
        if (number % 3 == 0 and len(bad) < BAD) or len(lines) - len(bad) >= len(REGION):
            lines.append('{"id": "kapot", "provider": "a", ')
            bad.append(number)
        else:
            lines.append(next(good))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return bad


def test_past_the_bound_the_first_problems_are_kept_with_their_line_and_the_rest_counted(tmp_path: Path) -> None:
    stream = tmp_path / "events.jsonl"
    bad = _with_bad_lines(stream)
    report = monitoring.monitor("achterhoek-2019", stream, CLOCK)
    broken = [p for p in report.problems if p.code == "event.json"]
    assert [p.line for p in broken] == bad[:PER_CODE]
    assert report.problems_omitted == {"event.json": BAD - PER_CODE}
    assert report.problem_count == len(report.problems) + BAD - PER_CODE
    document = json.loads(report.to_json())
    assert document["problem_count"] == report.problem_count
    assert document["problems_omitted"] == {"event.json": BAD - PER_CODE}
    assert len(document["problems"]) == len(report.problems)
    assert f"… en nog {BAD - PER_CODE} met code event.json" in render_text(report)
    assert f"and {BAD - PER_CODE} more with code event.json" in render_text(report, "en")
    assert report.exit_code() == 1
    assert report.event_count == len(REGION)  # every good line is still used


def test_the_same_problems_are_kept_with_workers_and_in_the_cli(tmp_path: Path) -> None:
    stream = tmp_path / "events.jsonl"
    _with_bad_lines(stream)
    one = monitoring.monitor("achterhoek-2019", stream, CLOCK)
    two = monitoring.monitor("achterhoek-2019", stream, CLOCK, jobs=2)
    assert two.to_json() == one.to_json()
    assert render_text(two) == render_text(one)
    args = ["monitor", str(stream), "-r", "achterhoek-2019", "--clock", CLOCK, "-f", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["problems_omitted"] == {"event.json": BAD - PER_CODE}


def test_a_report_within_the_bound_has_no_omitted_problems(tmp_path: Path) -> None:
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join([*YEAR, "{broken"]) + "\n", "utf-8")
    report = monitoring.monitor("achterhoek-2019", stream, CLOCK)
    assert report.problems_omitted == {}
    assert "problems_omitted" not in json.loads(report.to_json())
    assert report.problem_count == len(report.problems) == 1


def _events(ids: list[str]) -> Iterator[dict[str, str]]:
    for number, event_id in enumerate(ids):
        yield {"id": event_id, "provider": "a", "type": "315", "at": "2026-01-05T10:00", "request": f"Q{number}"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=6), max_size=60))
def test_an_id_seen_before_is_refused_and_only_then(ids: list[str]) -> None:
    batch = monitoring.parse_events(list(_events(ids)))
    refused = {p.line for p in batch.problems if p.code == "event.duplicate-id"}
    expected = {number for number, event_id in enumerate(ids, start=1) if event_id in ids[: number - 1]}
    assert refused == expected
    assert len(batch.entries) == len(set(ids))


def test_duplicates_are_found_among_many_ids_with_any_number_of_workers(tmp_path: Path) -> None:
    rng = random.Random(19)
    ids = [f"e{n}" for n in range(6_000)]  # the id table grows several times
    repeated = sorted(rng.sample(range(100, 6_000), 40))
    for number in repeated:
        ids[number] = ids[rng.randrange(number)]
    providers = ["a", "b", "c", "d"]
    lines = [
        json.dumps(event | {"provider": providers[n % 4]}) for n, event in enumerate(_events(ids))
    ]  # ids reused within and across providers
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(lines) + "\n", "utf-8")
    for jobs in (1, 2):
        report = monitoring.monitor("achterhoek-2019", stream, CLOCK, jobs=jobs)
        refused = [p.line for p in report.problems if p.code == "event.duplicate-id"]
        assert refused == [number + 1 for number in repeated]
        assert report.event_count == len(ids) - len(repeated)


def _report_json(lines: list[str], folder: Path) -> str:
    stream = folder / "events.jsonl"
    stream.write_text("\n".join(lines) + "\n", "utf-8")
    return monitoring.monitor("achterhoek-2019", stream, CLOCK).to_json()


@settings(max_examples=40, deadline=None)
@given(
    ids=st.lists(st.sampled_from([f"e{n}" for n in range(12)]), min_size=1, max_size=40),
    broken=st.sets(st.integers(min_value=0, max_value=39), max_size=6),
    window=st.integers(min_value=1, max_value=4),
)
def test_a_part_that_keeps_only_recent_ids_gives_the_report_of_one_that_keeps_them_all(
    tmp_path_factory: pytest.TempPathFactory, ids: list[str], broken: set[int], window: int
) -> None:
    lines = []
    for number, event in enumerate(_events(ids)):
        kind = {"type": "999"} if number in broken else {}  # refused for another reason: a duplicate too, or not
        lines.append(json.dumps(event | kind | {"provider": "ab"[number % 2]}))
    folder = tmp_path_factory.mktemp("ids")
    exact = _report_json(lines, folder)  # the default window holds every id of so short a stream
    original = events.RECENT_IDS
    events.RECENT_IDS = window  # far apart: most duplicates are found in the id runs, the part runs again
    try:
        assert _report_json(lines, folder) == exact
    finally:
        events.RECENT_IDS = original


def test_memory_of_ids_is_bounded_in_a_part_and_duplicates_past_it_are_still_refused(tmp_path: Path) -> None:
    ids = [f"e{n}" for n in range(3_000)]
    ids[2_500], ids[2_999] = ids[3], ids[1_000]  # reused after 2,500 and 2,000 other ids
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(json.dumps(e) for e in _events(ids)) + "\n", "utf-8")
    original = events.RECENT_IDS
    events.RECENT_IDS = 100
    try:
        report = monitoring.monitor("achterhoek-2019", stream, CLOCK)
    finally:
        events.RECENT_IDS = original
    assert [p.line for p in report.problems if p.code == "event.duplicate-id"] == [2_501, 3_000]
    assert report.event_count == 2_998
    table = RecentIds(100)
    assert all(table.add(event_id) for event_id in ids[:2_500])
    assert len(table) <= 200


def test_the_id_table_forgets_nothing_and_stays_small() -> None:
    table = HashSet()
    texts = [f"regio-2026-{n:07d}" for n in range(50_000)]
    assert all(table.add(text) for text in texts)
    assert not any(table.add(text) for text in texts[::7])
    assert all(text in table for text in texts)
    assert len(table) == len(texts)
    assert table.nbytes <= 32 * len(texts)  # at most half full, 8 bytes a slot


def _unordered(path: Path) -> None:
    rng = random.Random(7)
    lines = list(REGION)
    for start in range(0, len(lines), 40):  # shuffled within blocks: not in time order
        block = lines[start : start + 40]
        rng.shuffle(block)
        lines[start : start + 40] = block
    lines.insert(25, "{broken")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def test_an_unordered_stream_past_the_sort_buffer_gives_the_report_sorted_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = tmp_path / "events.jsonl"
    _unordered(stream)
    in_memory = monitoring.monitor("achterhoek-2019", stream, CLOCK)
    runs: list[Path] = []
    write = ordering._write  # noqa: SLF001 - counted, to know the runs on disk were used

    def counted(path: Path, entries: list[Entry]) -> Path:
        runs.append(path)
        return write(path, entries)

    monkeypatch.setattr(ordering, "CHUNK", 17)
    monkeypatch.setattr(ordering, "_write", counted)
    on_disk = monitoring.monitor("achterhoek-2019", stream, CLOCK)
    assert len(runs) == len(REGION) // 17
    assert in_memory.counts()["late"] > 0
    assert on_disk.to_json("en") == in_memory.to_json("en")
    assert render_text(on_disk) == render_text(in_memory)
    assert not any(run.exists() for run in runs)  # the runs are gone after the merge


def test_sorting_keeps_dutch_time_as_a_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A term in hours across the change to summer time counts wall hours as in memory (zone kept, not offset)."""
    events = [
        {
            "id": "i2",
            "provider": "a",
            "type": "calamity_reported_municipality",
            "at": "2026-03-29T10:30",
            "incident": "I",
        },
        {"id": "i1", "provider": "a", "type": "calamity", "at": "2026-03-28T10:00", "incident": "I"},
        {"id": "j1", "provider": "a", "type": "calamity", "at": "2026-03-28T11:00+01:00", "incident": "J"},
    ]
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(json.dumps(e) for e in events) + "\n", "utf-8")
    in_memory = monitoring.monitor("achterhoek-2019", stream, "2026-04-10")
    late = [f.trigger.id for f in in_memory.findings if f.outcome == "late"]
    assert late == ["i1"]  # 24 wall hours from 10:00 end at 10:00 summer time, 23 hours later
    monkeypatch.setattr(ordering, "CHUNK", 1)
    assert monitoring.monitor("achterhoek-2019", stream, "2026-04-10").to_json() == in_memory.to_json()


def test_ids_that_look_like_the_spool_s_own_tags_are_just_ids(tmp_path: Path) -> None:
    """The ids a worker writes to disk are tagged as plain records: an id 'P', 'F' or 'T' is no problem or finding."""
    ids = ["P", "F", "T", "P", "F", "T"]  # "a" and "d" are in different parts of two
    lines = [json.dumps(event | {"provider": ["a", "d"][n // 3]}) for n, event in enumerate(_events(ids))]
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(lines) + "\n", "utf-8")
    for jobs in (1, 2):
        report = monitoring.monitor("achterhoek-2019", stream, CLOCK, jobs=jobs)
        assert [(p.line, p.code) for p in report.problems] == [(n, "event.duplicate-id") for n in (4, 5, 6)]


def test_many_runs_are_merged_in_steps_with_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `FAN_IN` runs, the runs so far become one, so a huge stream never holds many files open."""
    stream = tmp_path / "events.jsonl"
    _unordered(stream)
    in_memory = monitoring.monitor("achterhoek-2019", stream, CLOCK)
    monkeypatch.setattr(ordering, "CHUNK", 5)
    monkeypatch.setattr(ordering, "FAN_IN", 3)
    assert monitoring.monitor("achterhoek-2019", stream, CLOCK).to_json("en") == in_memory.to_json("en")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["add", "discard", "in"]), st.integers(min_value=0, max_value=900)),
        max_size=3000,
    )
)
def test_the_hash_set_forgets_what_is_discarded_and_nothing_else(operations: list[tuple[str, int]]) -> None:
    table, expected = HashSet(), set()
    for operation, number in operations:
        text = f"aanbieder|{number}"
        if operation == "add":
            assert table.add(text) == (text not in expected)
            expected.add(text)
        elif operation == "discard":
            table.discard(text)
            expected.discard(text)
        else:
            assert (text in table) == (text in expected)
    assert len(table) == len(expected)
    assert all(f"aanbieder|{n}" in table for n in range(901) if f"aanbieder|{n}" in expected)
    assert not any(f"aanbieder|{n}" in table for n in range(901) if f"aanbieder|{n}" not in expected)
