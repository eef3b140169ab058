"""`kwaliteitsregels test`: a ruleset's own cases, the diff on a mismatch, rule coverage, --min-coverage."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from kwaliteitsregels.authoring.casetests import run_paths
from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
PARTIAL = DATA / "partial.yaml"
MISMATCH = DATA / "mismatch.yaml"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["test", *args])


def test_twente_cases_pass_with_full_rule_coverage() -> None:
    run = run_paths([ROOT / "rulesets" / "twente"])
    (twente,) = run.rulesets
    assert twente.ruleset.id == "twente"
    assert len(twente.files) >= 5, "several small, focused case files"
    failed = [f"{o.case.location} {o.case.name}" for o in run.outcomes if not o.passed]
    assert not failed, failed
    assert len(twente.coverage.requirements) == 51
    assert twente.coverage.covered == 51
    assert run.exit_code(min_coverage=100) == 0


def test_ruleset_folder_passes_and_reports_coverage() -> None:
    result = _run(str(DATA / "regio"), "--min-coverage", "100")
    assert result.exit_code == 0, result.output
    assert "  ok   alles op orde" in result.output
    assert "Regeldekking regio: 3/3 eisen (100 %)" in result.output
    assert "2 gevallen: 2 geslaagd, 0 mislukt" in result.output


def test_partial_coverage_names_what_was_never_seen() -> None:
    result = _run(str(PARTIAL))
    assert result.exit_code == 0, result.output
    assert "Regeldekking regio: 1/3 eisen (33,3 %)" in result.output
    assert "nooit van toepassing in een getoetst geval: 3" in result.output
    assert "nooit voldaan (pass of geaccepteerde toelichting): 3" in result.output
    assert "nooit niet voldaan (fail): 2, 3" in result.output


def test_min_coverage_fails_under_the_threshold() -> None:
    below = _run(str(PARTIAL), "--min-coverage", "34")
    assert below.exit_code == 1
    assert "regeldekking van regio is 33,3 %, minder dan --min-coverage 34" in below.output
    assert _run(str(PARTIAL), "--min-coverage", "33.3").exit_code == 0
    assert _run(str(PARTIAL), "--min-coverage", "101").exit_code == 2


def test_coverage_as_json() -> None:
    result = _run(str(PARTIAL), "--format", "json", "--min-coverage", "50")
    assert result.exit_code == 1
    document = json.loads(result.output)
    (ruleset,) = document["rulesets"]
    coverage = ruleset["coverage"]
    assert (coverage["covered"], coverage["total"], coverage["percent"]) == (1, 3, 33.33)
    assert coverage["never_exercised"] == ["3"]
    assert coverage["never_accepted"] == ["3"]
    assert coverage["never_rejected"] == ["2", "3"]
    assert coverage["requirements"][0] == {"id": "1", "exercised": True, "accepted": True, "rejected": True}
    assert document["summary"]["below_min_coverage"] == ["regio"]


def test_mismatch_prints_a_diff_with_expected_actual_and_reason() -> None:
    result = _run(str(MISMATCH))
    assert result.exit_code == 1
    out = result.output
    assert f"  FOUT verkeerde verwachtingen  ({MISMATCH}:6)" in out
    assert f"{MISMATCH}:16: eis 1: verwacht fail basis=not_met, gekregen pass basis=met" in out
    assert "reden: Voldaan op grond van: meldcode huiselijk geweld en kindermishandeling, vastgesteld en in" in out
    assert f"{MISMATCH}:17: eis 3: reden bevat niet 'iets dat er niet staat'" in out
    assert "reden: Niet voldaan: professional p1, VOG afgegeven op" in out
    assert "oordeel: verwacht voldoet, gekregen voldoet_niet" in out
    assert "ontbrekende bewijsstukken: verwacht vog, gekregen (geen)" in out
    assert "- alleen verwacht: vog" in out
    assert "  ok   klopt wel" in out
    assert "2 gevallen: 1 geslaagd, 1 mislukt" in out


def test_mismatch_in_english() -> None:
    result = _run(str(MISMATCH), "--lang", "en")
    assert result.exit_code == 1
    assert f"{MISMATCH}:16: 1: expected fail basis=not_met, got pass basis=met" in result.output
    assert "reason: Met, based on: reporting code for domestic violence and child abuse, adopted" in result.output
    assert "FAIL verkeerde verwachtingen" in result.output


def test_mismatches_as_json() -> None:
    document = json.loads(_run(str(MISMATCH), "-f", "json").output)
    case = document["rulesets"][0]["cases"][0]
    assert case["passed"] is False
    kinds = [(m["kind"], m["requirement"]) for m in case["mismatches"]]
    assert kinds == [("result", "1"), ("reason", "3"), ("verdict", None), ("missing", None)]
    assert case["mismatches"][0]["line"] == 16


def test_broken_case_file_exits_2_with_every_problem() -> None:
    result = _run(str(DATA / "invalid" / "case-unknown-requirement.yaml"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "case-unknown-requirement.yaml:9:17:" in result.output
    assert "(unknown-requirement)" in result.output


def test_unknown_result_key_is_reported_not_ignored(tmp_path: Path) -> None:
    case = tmp_path / "lot.yaml"
    case.write_text(
        f"ruleset: {DATA / 'regio'}\npeildatum: 2025-06-01\ncases:\n"
        "  - name: perceel dat niet bestaat\n"
        "    profile: {organisation: {name: X}, services: {law_domains: [wmo]}}\n"
        '    expect: {results: {"1@p9": pass}}\n',
        encoding="utf-8",
    )
    result = _run(str(case))
    assert result.exit_code == 1, result.output
    assert f"{case}:6: eis 1@p9: verwacht pass, gekregen geen resultaat" in result.output


def test_nothing_to_test_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(str(tmp_path))
    assert result.exit_code == 2
    assert "geen regelsets of testbestanden" in result.output


LOTS = DATA / "lots-mismatch.yaml"


def test_lot_municipality_and_law_expectations_print_a_diff() -> None:
    result = _run(str(LOTS))
    assert result.exit_code == 1, result.output
    out = result.output
    assert f"{LOTS}:11: perceel 2, eisen die het perceel doen vallen: verwacht 7.2.6-hbo, M2, gekregen M2" in out
    assert "  - alleen verwacht: 7.2.6-hbo" in out
    assert f"{LOTS}:12: perceel 3a: verwacht voldoet, gekregen voldoet_niet" in out
    assert f"{LOTS}:14: perceel 1: verwacht voldoet, gekregen (niet ingeschreven)" in out
    assert "gemeente Doetinchem: verwacht voldoet, gekregen voldoet_niet" in out
    assert "gemeente Winterswijk: verwacht voldoet, gekregen (niet ingeschreven)" in out
    assert "eis jeugdwet:4.1.6: verwacht fail, gekregen" in out
    assert f"{LOTS}:9" not in out, "lot 9 is as expected"


def test_lot_expectations_in_english_and_json() -> None:
    assert "lot 3a: expected voldoet, got voldoet_niet" in _run(str(LOTS), "--lang", "en").output
    document = json.loads(_run(str(LOTS), "-f", "json").output)
    mismatches = document["rulesets"][0]["cases"][0]["mismatches"]
    shown = [(m["kind"], m["requirement"], m["lot"], m["municipality"]) for m in mismatches]
    assert shown == [
        ("result", "jeugdwet:4.1.6", None, None),
        ("lot_failing", None, "2", None),
        ("lot", None, "3a", None),
        ("lot", None, "1", None),
        ("municipality", None, None, "Doetinchem"),
        ("municipality", None, None, "Winterswijk"),
    ]
    assert mismatches[1]["only_expected"] == ["7.2.6-hbo"]


def test_a_law_key_names_a_ruleset_the_framework_builds_on(tmp_path: Path) -> None:
    case = tmp_path / "wet.yaml"
    case.write_text(
        "ruleset: achterhoek-2019\npeildatum: 2019-07-01\ncases:\n"
        "  - name: een wet die er niet onder ligt\n"
        "    profile: {organisation: {name: X}, services: {law_domains: [wmo]}}\n"
        '    expect: {results: {"jeugdwt:4.1.6": pass, "jeugdwet:4.1.66": pass}}\n',
        encoding="utf-8",
    )
    result = _run(str(case))
    assert result.exit_code == 2, result.output
    assert "regelset 'jeugdwt' is geen basis van 'achterhoek-2019'" in result.output
    assert "Bedoelde u 'jeugdwet'?" in result.output
    assert "eis '4.1.66' bestaat niet in regelset 'jeugdwet'" in result.output
    assert "Bedoelde u 'jeugdwet:4.1.6'?" in result.output
