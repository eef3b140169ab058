"""The command line as a user meets it: exit codes, languages, formats, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kwaliteitsregels.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINIMAL = str(FIXTURES / "profiles" / "minimal.json")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_rulesets_lists_twente() -> None:
    code, out, _ = _run("rulesets")
    assert code == 0
    assert "twente" in out
    assert "51" in out


def test_check_text_dutch_and_english() -> None:
    code, out, _ = _run("check", MINIMAL, "--ruleset", "twente", "--peildatum", "2026-11-23")
    assert code == 1
    assert "VOLDOET NIET" in out
    assert "niet van toepassing" in out
    code, out, _ = _run("check", MINIMAL, "--ruleset", "twente", "--peildatum", "2026-11-23", "--lang", "en")
    assert code == 1
    assert "NOT COMPLIANT" in out
    assert "not applicable" in out


def test_check_json_is_the_documented_document(tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    code, out, _ = _run("check", MINIMAL, "-r", "twente", "--peildatum", "2026-11-23", "-f", "json", "-o", str(target))
    assert code == 1
    assert out == ""
    document = json.loads(target.read_text("utf-8"))
    assert document["schema"] == "kwaliteitsregels/report/v1"
    assert document["verdict"] == "voldoet_niet"
    assert len(document["results"]) == 51
    assert sum(document["counts"].values()) == 51
    assert document["decision_record"]["peildatum"] == "2026-11-23"
    meldcode = next(r for r in document["results"] if r["id"] == "29")
    assert meldcode["status"] == "pass"
    assert meldcode["facts"] == [{"path": "policies.meldcode.in_place", "value": True}]


def test_bad_profile_exits_2_with_location_and_no_traceback() -> None:
    code, out, err = _run("check", str(FIXTURES / "profiles" / "typo.yaml"), "--ruleset", "twente")
    assert code == 2
    assert out == ""
    assert "typo.yaml:3:" in err
    assert "Bedoelde u 'kvk_number'?" in err
    assert "Traceback" not in err


def test_unknown_ruleset_suggests_the_bundled_name() -> None:
    code, _, err = _run("check", MINIMAL, "--ruleset", "twnte")
    assert code == 2
    assert "Bedoelde u 'twente'?" in err


def test_peildatum_before_the_framework_exits_2() -> None:
    code, _, err = _run("check", MINIMAL, "--ruleset", "twente", "--peildatum", "2018-01-01")
    assert code == 2
    assert "ruleset-not-in-force" in err


def test_usage_errors_exit_2() -> None:
    code, _, _ = _run("check", MINIMAL, "--ruleset", "twente", "--format", "pdf")
    assert code == 2
    code, _, _ = _run("check", MINIMAL, "--ruleset", "twente", "--peildatum", "23-11-2026")
    assert code == 2
