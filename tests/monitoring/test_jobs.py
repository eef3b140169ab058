"""`monitor(..., jobs=N)` splits a file by provider over worker processes: the same report for every N."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kwaliteitsregels import monitoring
from kwaliteitsregels.cli import main
from kwaliteitsregels.errors import UsageError
from kwaliteitsregels.monitoring.partition import part_of_line, part_of_provider
from kwaliteitsregels.monitoring.render import render_text

YEAR = (Path(__file__).parent / "fixtures" / "achterhoek-year.jsonl").read_text("utf-8").splitlines()
PROVIDERS = ("a", "b", "d", "e")  # two in each part of two; over three parts, three parts


def _stream() -> list[str]:
    """Four providers' years interleaved, with ids reused across providers and a few broken lines."""
    lines = []
    for number, line in enumerate(YEAR):
        for provider in PROVIDERS:
            event = json.loads(line) | {"provider": provider, "id": f"{provider}{number}"}
            lines.append(json.dumps(event))
    changes = {  # line i + 1 (before the two lines inserted below): 4 lines per event of the year, a b d e
        8: {"id": "d0"},  # 'a' (part 1 of 2) reuses on line 9 an id 'd' (part 0) took on line 3
        6: {"id": "b9"},  # 'd' takes on line 7 an id first that 'b' uses later (line 38, 40 after the inserts)
        20: {"id": "e4", "type": "3O1"},  # refused anyway, and a reuse of an id of 'e' (line 20)
        30: {"id": "d2"},  # a reuse within one provider ('d', line 11)
    }
    for index, change in changes.items():
        lines[index] = json.dumps(json.loads(lines[index]) | change)
    lines.insert(12, '{"id": "x", "provider": "a", broken')
    lines.insert(14, '{"id": "y", "provider": 5, "type": "301"}')
    return lines


def _report(path: Path, jobs: int) -> tuple[object, ...]:
    report = monitoring.monitor("achterhoek-2019", path, clock="2026-06-01", jobs=jobs)
    texts = report.to_json("en") + render_text(report)
    return texts, [f.to_dict() for f in report.findings], report.exit_code("warning")


@pytest.mark.parametrize("order", ["in time order", "reversed"])
def test_every_number_of_workers_gives_the_same_report(tmp_path: Path, order: str) -> None:
    lines = _stream()
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(lines if order == "in time order" else lines[::-1]) + "\n", "utf-8")
    assert len({part_of_provider(p, 2) for p in PROVIDERS}) == 2  # the stream is really split
    one = _report(stream, 1)
    assert _report(stream, 2) == one
    assert _report(stream, 3) == one
    problems = monitoring.monitor("achterhoek-2019", stream, "2026-06-01").problems
    reuses = 4 if order == "in time order" else 3  # reversed, the refused event comes before the id it reuses
    assert sum(p.code == "event.duplicate-id" for p in problems) == reuses


def test_ids_reused_across_providers_are_refused_as_one_process_does(tmp_path: Path) -> None:
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(_stream()) + "\n", "utf-8")
    report = monitoring.monitor("achterhoek-2019", stream, clock="2026-06-01", jobs=2)
    assert isinstance(report.problems, tuple)  # a small report is a tuple, as from one process
    assert report.problems == monitoring.monitor("achterhoek-2019", stream, clock="2026-06-01").problems
    found = {(p.line, p.code) for p in report.problems}
    assert {(9, "event.duplicate-id"), (40, "event.duplicate-id"), (33, "event.duplicate-id")} <= found
    assert {(23, "event.unknown-type"), (23, "event.duplicate-id"), (13, "event.json")} <= found


def test_the_part_of_a_line_is_the_part_of_its_provider() -> None:
    for provider in ("a", "zorg-oost", "Zorg \u00e9\u00e9n", 'met "quote"', "tab\there"):
        event = {"id": "1", "provider": provider, "type": "301", "refs": {"provider": "other"}}
        for text in (json.dumps(event), json.dumps(event, ensure_ascii=False), json.dumps({**event, "refs": {}})):
            assert part_of_line(text.encode(), 7) == part_of_provider(provider, 7)


def test_jobs_must_be_a_positive_whole_number() -> None:
    for jobs in (0, -1, 1.5, True, "2"):
        with pytest.raises(UsageError):
            monitoring.monitor("achterhoek-2019", [], clock="2026-06-01", jobs=jobs)  # type: ignore[arg-type]


def test_the_cli_takes_jobs_and_prints_the_same(tmp_path: Path) -> None:
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(_stream()) + "\n", "utf-8")
    args = ["monitor", str(stream), "-r", "achterhoek-2019", "--clock", "2026-06-01", "-f", "json"]
    one, two = CliRunner().invoke(main, args), CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert (two.exit_code, two.stdout) == (one.exit_code, one.stdout)
    assert one.exit_code == 1
