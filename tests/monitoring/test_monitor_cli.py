"""`kwaliteitsregels monitor` as a user meets it: languages, formats, exit codes, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kwaliteitsregels.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
YEAR = str(FIXTURES / "achterhoek-year.jsonl")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["monitor", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_report_in_dutch_and_english() -> None:
    code, out, _ = _run(YEAR, "--rules", "achterhoek-2019", "--clock", "2026-04-01")
    assert code == 1
    assert "[TE LAAT] 6.5.2.1-1 Start van de ondersteuning binnen 5 werkdagen na de opdracht" in out
    assert "Te laat: Start zorg (305) 'e4' op 2026-01-19, 5 werkdagen na de termijn; uiterlijk 2026-01-12" in out
    assert "zorg-oost  2026-01         4          6        1        1           4     0" in out
    code, out, _ = _run(YEAR, "--rules", "achterhoek-2019", "--clock", "2026-04-01", "--lang", "en")
    assert code == 1
    assert "[LATE] 6.5.2.1-1 Support starts within 5 working days after the order" in out
    assert "Late: Start of care (305) 'e4' on 2026-01-19, 5 working days past the term; due by 2026-01-12" in out


def test_json_is_the_documented_document_and_deterministic(tmp_path: Path) -> None:
    target = tmp_path / "monitoring.json"
    args = (YEAR, "-r", "achterhoek-2019", "--clock", "2026-04-01T00:00", "-f", "json")
    code, out, _ = _run(*args, "-o", str(target))
    assert (code, out) == (1, "")
    document = json.loads(target.read_text("utf-8"))
    assert document["schema"] == "kwaliteitsregels/monitoring/v1"
    assert document["clock"] == "2026-04-01T00:00:00+02:00"
    assert document["counts"] == {"on_time": 2, "late": 3, "overdue": 6, "open": 1}
    assert [row["month"] for row in document["summary"]] == ["2026-01", "2026-02", "2026-03"]
    late = next(f for f in document["findings"] if f["obligation"] == "6.5.1.1.1-304")
    assert late["party"] == "municipality"
    assert late["missed_by"] == {"unit": "days", "amount": 8}
    assert late["source"]["line"] == 1974
    assert late["trigger"] == {"id": "e6", "type": "303", "at": "2026-02-10T12:00:00+01:00", "line": 6}
    assert _run(*args)[1] == target.read_text("utf-8")


def test_clean_stream_exits_0(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    lines = [
        '{"id": "a", "provider": "p", "type": "igj_report", "at": "2026-05-01T10:00", "report": "R"}',
        '{"id": "b", "provider": "p", "type": "igj_report_shared", "at": "2026-05-04T10:00", "report": "R"}',
    ]
    events.write_text("\n".join(lines) + "\n", "utf-8")
    code, out, _ = _run(str(events), "--rules", "achterhoek-2019", "--clock", "2026-06-01")
    assert code == 0
    assert "op tijd 1" in out


def test_bad_lines_are_listed_and_the_rest_is_processed() -> None:
    code, out, err = _run(str(FIXTURES / "bad-events.jsonl"), "--rules", "achterhoek-2019", "--clock", "2026-06-01")
    assert code == 1
    assert err == ""
    assert "bad-events.jsonl:2: [type] onbekend soort gebeurtenis '30l' (event.unknown-type) Bedoelde u '308'?" in out
    assert "bad-events.jsonl:6: [type] Stop zorg (307) 'e4' ligt vóór Start zorg (305) 'e5'" in out


def test_bad_rules_exit_2_with_location_and_no_traceback() -> None:
    code, out, err = _run(YEAR, "--rules", str(FIXTURES.parent / "bad_rules" / "typo-field.yaml"))
    assert code == 2
    assert out == ""
    assert "typo-field.yaml:16:5:" in err
    assert "Traceback" not in err
    code, _, err = _run(YEAR, "--rules", "twent")
    assert code == 2
    assert "Bedoelde u 'twente'?" in err


def test_a_missed_warning_is_reported_but_does_not_fail(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text(
        "id,provider,type,at,request\nq1,p,care_request,2026-05-14T10:00,Q1\nq2,p,315,2026-05-19T10:00,Q1\n",
        "utf-8",
    )
    code, out, _ = _run(str(events), "--rules", "twente", "--clock", "2026-06-01", "--lang", "en")
    assert code == 0
    assert "[LATE] 39 Request for assignment (315) directly after a care request outside the municipality" in out
    assert "2 working days past the term" in out
