"""Reading an event stream is bounded (issue 18, class 8): no line held past the limit, only regular files read."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kwaliteitsregels import monitoring
from kwaliteitsregels.cli import main
from kwaliteitsregels.errors import InputError
from kwaliteitsregels.monitoring.lines import MAX_LINE_BYTES, bounded_lines

GOOD = {"id": "g1", "provider": "p", "type": "calamity", "at": "2026-03-01T10:00", "incident": "I1"}
LATER = {"id": "g2", "provider": "p", "type": "calamity_reported_municipality", "at": "2026-03-03T10:00"}
LATER["incident"] = "I1"
HUGE = b"[" * (3 * MAX_LINE_BYTES)


@pytest.mark.parametrize("suffix", [b"\n", b""])
def test_an_enormous_jsonl_line_is_a_problem_on_its_line_and_the_rest_is_used(tmp_path: Path, suffix: bytes) -> None:
    stream = tmp_path / "events.jsonl"
    good, later = json.dumps(GOOD).encode(), json.dumps(LATER).encode()
    stream.write_bytes(good + b"\n" + HUGE + b"\n" + later + b"\n" + HUGE + suffix)
    report = monitoring.monitor("achterhoek-2019", stream, clock="2026-04-01")
    assert [(p.line, p.code) for p in report.problems] == [(2, "event.line-too-long"), (4, "event.line-too-long")]
    assert report.event_count == 2


def test_an_enormous_csv_line_is_a_problem_on_its_line_and_the_rest_is_used(tmp_path: Path) -> None:
    stream = tmp_path / "events.csv"
    header = ",".join(GOOD)
    rows = [",".join(str(v) for v in GOOD.values()), ",".join(str(v) for v in LATER.values())]
    stream.write_bytes(f"{header}\n{rows[0]}\n".encode() + b"x" * (2 * MAX_LINE_BYTES) + b"\n\xff\n" + rows[1].encode())
    report = monitoring.monitor("achterhoek-2019", stream, clock="2026-04-01")
    assert [(p.line, p.code) for p in report.problems] == [(3, "event.line-too-long"), (4, "event.encoding")]
    assert report.event_count == 2


def test_a_named_pipe_a_device_and_a_folder_are_refused_without_reading(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.jsonl"
    os.mkfifo(pipe)  # no writer: opening must not wait for one
    device = tmp_path / "zero.jsonl"
    device.symlink_to("/dev/zero")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    for path in (pipe, device, folder):
        with pytest.raises(InputError) as caught:
            monitoring.monitor("achterhoek-2019", path, clock="2026-04-01")
        assert [(p.code, p.file) for p in caught.value.problems] == [("not-a-file", str(path))]


def test_the_cli_refuses_a_device_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    device = tmp_path / "zero.jsonl"
    device.symlink_to("/dev/zero")
    result = CliRunner().invoke(main, ["monitor", str(device), "-r", "achterhoek-2019", "--clock", "2026-04-01"])
    assert result.exit_code == 2
    assert "not-a-file" in result.output
    assert "Traceback" not in result.output


@settings(max_examples=200, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=0, max_value=40), max_size=12),
    last_newline=st.booleans(),
)
def test_lines_up_to_the_limit_come_whole_and_longer_ones_as_none(sizes: list[int], *, last_newline: bool) -> None:
    texts = [bytes([65 + i % 26]) * size for i, size in enumerate(sizes)]
    data = b"\n".join(texts) + (b"\n" if last_newline and texts else b"")
    read = list(bounded_lines(io.BytesIO(data), limit=16, piece=5))  # a long line is skipped in several pieces
    expected = [(i, t + b"\n" if i < len(texts) or last_newline else t) for i, t in enumerate(texts, start=1)]
    if texts and not texts[-1] and not last_newline:
        expected.pop()  # an empty last line without a newline is no line
    assert read == [(i, None if len(t.rstrip(b"\n")) > 16 else t) for i, t in expected]
