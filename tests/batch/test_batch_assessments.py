"""The municipality's assessments in a batch: one file per provider in a folder, through the CLI and Python.

Fixtures: examples/batch/beoordelingen/ (an observed VOG date for zzp-jeugdhulp that outweighs the
profile) and tests/batch/fixtures/beoordelingen-fouten/ (a file for a provider that is not there, two
files for one provider, a file that does not load, a file that is no assessments file).
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.batch import Settings, evaluate_many, run_batch
from kwaliteitsregels.cli import main

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
ASSESSMENTS = EXAMPLES / "batch" / "beoordelingen"
BAD = Path(__file__).parent / "fixtures" / "beoordelingen-fouten"
PEILDATUM = "2026-11-23"
NAMES = ["zzp-jeugdhulp", "verlopen-certificaat", "pas-toe-of-leg-uit"]
PROFILES = [EXAMPLES / f"{name}.yaml" for name in NAMES]


def _batch(out: Path, *intake: str | Path, extra: tuple[str, ...] = ()) -> tuple[int, dict[str, Any], str]:
    args = ["batch", *map(str, intake), "-r", "twente", "--peildatum", PEILDATUM, "-o", str(out), "-j", "1"]
    result = CliRunner().invoke(main, [*args, *extra])
    overview = json.loads((out / "overzicht.json").read_text(encoding="utf-8"))
    return result.exit_code, overview, result.stderr


def _providers(overview: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in overview["providers"]}


def _reused(overview: dict[str, Any]) -> dict[str, bool]:
    return {p["name"]: p["reused"] for p in overview["providers"]}


def _report(out: Path, name: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((out / "aanbieders" / name / "rapport.json").read_text(encoding="utf-8"))
    return report


@pytest.mark.parametrize("intake", [EXAMPLES / "batch" / "csv", EXAMPLES / "batch" / "aanbieders.xlsx"])
def test_an_observed_fact_changes_the_verdict_and_the_report_carries_the_files_hash(
    tmp_path: Path, intake: Path
) -> None:
    _, without, _ = _batch(tmp_path / "zonder", intake)
    assert _providers(without)["zzp-jeugdhulp"]["verdict"] == "beoordeling_nodig"
    assert _providers(without)["zzp-jeugdhulp"]["assessments"] is None

    out = tmp_path / "met"
    code, overview, _ = _batch(out, intake, extra=("--assessments", str(ASSESSMENTS)))
    assert code == 1  # every provider evaluated; the observed VOG date makes zzp-jeugdhulp fail
    assert overview["problems"] == []
    assert overview["counts"]["with_assessments"] == 1
    zzp = _providers(overview)["zzp-jeugdhulp"]
    assert zzp["verdict"] == "voldoet_niet"
    assert zzp["statuses"]["twente:8"] == "fail"  # the VOG requirement, against the established date
    assert zzp["assessments"] == str(ASSESSMENTS / "zzp-jeugdhulp.yaml")

    expected = kr.load_assessments(ASSESSMENTS / "zzp-jeugdhulp.yaml").content_hash
    assert _report(out, "zzp-jeugdhulp")["decision_record"]["assessments_hash"] == expected
    row = json.loads((out / "aanbieders" / "zzp-jeugdhulp" / "rij.json").read_text(encoding="utf-8"))
    assert row["record"]["assessments_hash"] == expected
    assert row["assessments"] == str(ASSESSMENTS / "zzp-jeugdhulp.yaml")
    for name in NAMES[1:]:  # no file: evaluated as without assessments
        assert _providers(overview)[name]["assessments"] is None
        assert _report(out, name)["decision_record"].get("assessments_hash") is None
        assert _providers(overview)[name]["verdict"] == _providers(without)[name]["verdict"]


def test_the_overview_workbook_has_a_column_for_the_assessments_file(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    _batch(tmp_path, *PROFILES, extra=("--assessments", str(ASSESSMENTS)))
    sheet = openpyxl.load_workbook(tmp_path / "overzicht.xlsx").worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    column = rows[0].index("Beoordeling gemeente")
    assert {r[0]: r[column] for r in rows[1:]} == {
        "zzp-jeugdhulp": str(ASSESSMENTS / "zzp-jeugdhulp.yaml"),
        "verlopen-certificaat": None,
        "pas-toe-of-leg-uit": None,
    }


def test_the_overview_page_says_who_was_evaluated_with_assessments(tmp_path: Path) -> None:
    _batch(tmp_path, *PROFILES, extra=("--assessments", str(ASSESSMENTS)))
    page = (tmp_path / "overzicht.html").read_text(encoding="utf-8").replace("\u00ad", "")
    assert "1 met een beoordeling van de gemeente" in page
    marked = re.findall(r'<span title="([^"]+)">Beoordeling gemeente</span>', page)
    assert marked == [str(ASSESSMENTS / "zzp-jeugdhulp.yaml")]  # the one provider with a file, and only it


def test_nothing_in_the_folder_is_dropped_or_guessed(tmp_path: Path) -> None:
    code, overview, stderr = _batch(tmp_path, *PROFILES, extra=("--assessments", str(BAD)))
    assert code == 2
    providers = _providers(overview)
    # a file that matches no provider: a problem of the intake, with the nearest provider's key
    unmatched = [p for p in overview["problems"] if "zzp-jeugdhulpp.yaml" in p]
    assert len(unmatched) == 1
    assert "(unknown-provider)" in unmatched[0]
    assert "Bedoelde u 'zzp-jeugdhulp'?" in unmatched[0]
    assert providers["zzp-jeugdhulp"]["evaluated"]  # so zzp-jeugdhulp itself has no assessments
    assert providers["zzp-jeugdhulp"]["assessments"] is None
    assert providers["zzp-jeugdhulp"]["verdict"] == "beoordeling_nodig"
    # two files for one provider: that provider is not evaluated, with why
    twice = providers["verlopen-certificaat"]
    assert not twice["evaluated"]
    assert "verlopen-certificaat.json, verlopen-certificaat.yaml" in twice["problems"][0]
    assert "(duplicate-assessments)" in twice["problems"][0]
    # a file that does not load: the provider's row has its problems, on the file's line and column
    broken = providers["pas-toe-of-leg-uit"]
    assert not broken["evaluated"]
    assert any("pas-toe-of-leg-uit.yaml:5:11" in p and "Bedoelde u 'history'?" in p for p in broken["problems"])
    assert not (tmp_path / "aanbieders" / "pas-toe-of-leg-uit" / "rapport.json").exists()
    # an entry that is no assessments file is not skipped in silence
    assert any("aantekeningen.txt" in p and "(not-an-assessments-file)" in p for p in overview["problems"])
    assert "Bedoelde u 'zzp-jeugdhulp'?" in stderr
    html = (tmp_path / "overzicht.html").read_text(encoding="utf-8")
    assert "zzp-jeugdhulpp.yaml" in html


def test_a_folder_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    args = ["batch", str(PROFILES[0]), "-r", "twente", "--peildatum", PEILDATUM, "-o", str(tmp_path / "uit")]
    result = CliRunner().invoke(main, [*args, "--assessments", str(tmp_path / "nergens")])
    assert result.exit_code == 2
    assert "--assessments" in result.stderr
    assert not (tmp_path / "uit").exists()


def test_resume_reuses_unchanged_assessments_and_redoes_changed_added_and_removed_ones(tmp_path: Path) -> None:
    intake, folder, out = tmp_path / "in", tmp_path / "beoordelingen", tmp_path / "uit"
    intake.mkdir()
    for path in PROFILES:
        shutil.copy(path, intake)
    shutil.copytree(ASSESSMENTS, folder)
    options = ("--assessments", str(folder))

    _, first, _ = _batch(out, intake, extra=options)
    assert first["counts"]["reused"] == 0
    _, again, _ = _batch(out, intake, extra=options)
    assert again["counts"]["reused"] == 3
    assert _providers(again)["zzp-jeugdhulp"]["assessments"] == str(folder / "zzp-jeugdhulp.yaml")

    # a changed file: that provider again, and with the new hash (a recent VOG: the verdict goes back)
    own = folder / "zzp-jeugdhulp.yaml"
    own.write_text(own.read_text(encoding="utf-8").replace("2019-04-01", "2026-01-05"), encoding="utf-8")
    _, changed, _ = _batch(out, intake, extra=options)
    assert _reused(changed) == {"zzp-jeugdhulp": False, "verlopen-certificaat": True, "pas-toe-of-leg-uit": True}
    assert _providers(changed)["zzp-jeugdhulp"]["verdict"] == "beoordeling_nodig"
    assert _report(out, "zzp-jeugdhulp")["decision_record"]["assessments_hash"] == kr.load_assessments(own).content_hash

    # an added file: that provider again
    added = folder / "verlopen-certificaat.json"
    added.write_text('{"provider": "Zorgboerderij De Hoge Esch", "observations": []}\n', encoding="utf-8")
    _, with_added, _ = _batch(out, intake, extra=options)
    assert _reused(with_added) == {"zzp-jeugdhulp": True, "verlopen-certificaat": False, "pas-toe-of-leg-uit": True}
    assert _providers(with_added)["verlopen-certificaat"]["assessments"] == str(added)
    assert _report(out, "verlopen-certificaat")["decision_record"]["assessments_hash"] is not None

    # the same round without the folder: the providers that had a file are evaluated again without it
    _, plain, _ = _batch(out, intake)
    assert _reused(plain) == {"zzp-jeugdhulp": False, "verlopen-certificaat": False, "pas-toe-of-leg-uit": True}
    assert all(p["assessments"] is None for p in plain["providers"])
    assert _report(out, "zzp-jeugdhulp")["decision_record"].get("assessments_hash") is None


def test_python_settings_and_evaluate_many_take_the_folder(tmp_path: Path) -> None:
    settings = Settings(("twente",), date(2026, 11, 23), outdir=str(tmp_path), assessments=str(ASSESSMENTS))
    result = run_batch(PROFILES, settings)
    assert result.problems == ()
    assert [(r.name, r.verdict, r.assessments is not None) for r in result.rows] == [
        ("zzp-jeugdhulp", "voldoet_niet", True),
        ("verlopen-certificaat", "voldoet_niet", False),
        ("pas-toe-of-leg-uit", "voldoet_niet", False),
    ]

    bad = run_batch(PROFILES[:1], Settings(("twente",), date(2026, 11, 23), assessments=str(BAD)))
    assert bad.exit_code(frozenset()) == 2
    assert any(p.code == "unknown-provider" and p.suggestion == "zzp-jeugdhulp" for p in bad.problems)

    rulesets = [kr.load_ruleset("twente")]
    items = list(evaluate_many(PROFILES, rulesets, date(2026, 11, 23), assessments=ASSESSMENTS))
    first = items[0]
    assert first.report is not None
    assert first.assessments == str(ASSESSMENTS / "zzp-jeugdhulp.yaml")
    assert str(first.report.verdict) == "voldoet_niet"
    assert first.report.reports[0].record.assessments_hash is not None
    assert [i.name for i in items] == NAMES  # no intake problems: nothing under ''


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "Map met de beoordeling van de gemeente"), ("en", "Folder with the municipality's assessments")],
)
def test_the_option_is_explained_in_both_languages(lang: str, words: str) -> None:
    result = CliRunner().invoke(main, ["batch", "--lang", lang, "--help"])
    assert result.exit_code == 0
    assert "--assessments" in result.output
    assert words in " ".join(result.output.split())


def test_workers_pair_the_same_files(tmp_path: Path) -> None:
    options = ("--assessments", str(ASSESSMENTS))
    _, one, _ = _batch(tmp_path / "een", *PROFILES, extra=options)
    _, two, _ = _batch(tmp_path / "twee", *PROFILES, extra=(*options, "-j", "2"))
    assert one == two
    assert _providers(two)["zzp-jeugdhulp"]["verdict"] == "voldoet_niet"
    for name in NAMES:
        assert _report(tmp_path / "een", name) == _report(tmp_path / "twee", name)
