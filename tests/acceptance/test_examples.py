"""The example profiles in examples/ and their expected outcomes in examples/expected/.

Every `examples/<name>.yaml` has an `examples/expected/<name>.yaml` with the verdict, the
count per status, the status and basis (and explanation state, and why not applicable) of
every requirement, the missing-documents checklist, and for the rulesets Twente builds on (the
law: jeugdwet, wmo2015) their verdicts and per-requirement results. The expectations were derived from
the ruleset by hand, not copied from the library's output; where the library is known to
disagree, the example is listed in KNOWN_BUGS and its test is a strict xfail.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main
from kwaliteitsregels.explain import missing_documents
from kwaliteitsregels.results import ExplanationState

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXPECTED = EXAMPLES / "expected"
PEILDATUM = date(2026, 11, 23)
PROFILES = sorted(EXAMPLES.glob("*.yaml"))

# Examples whose expectation the library does not meet yet: name → reason (reported as a bug).
KNOWN_BUGS: dict[str, str] = {}


def _param(path: Path) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[path.stem])] if path.stem in KNOWN_BUGS else []
    return pytest.param(path, id=path.stem, marks=marks)


EXAMPLE_PARAMS = [_param(p) for p in PROFILES]
ALL_EXAMPLES = [pytest.param(p, id=p.stem) for p in PROFILES]


@cache
def _ruleset() -> kr.CompiledRuleset:
    return kr.load_ruleset("twente")


@cache
def _report(path: Path) -> kr.Report:
    return kr.evaluate(_ruleset(), kr.load_profile(path), PEILDATUM)


def _expected(path: Path) -> dict[str, Any]:
    expected_path = EXPECTED / path.name
    assert expected_path.exists(), f"{path.name} has no expected outcome in {EXPECTED}"
    data = yaml.safe_load(expected_path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _actual_result(result: kr.RequirementResult) -> dict[str, str]:
    actual = {"status": str(result.status), "basis": str(result.basis)}
    if result.explanation is not None:
        actual["state"] = str(result.explanation.state)
    if result.not_applicable is not None:
        actual["not_applicable"] = str(result.not_applicable)
    return actual


def test_every_example_has_an_expected_outcome() -> None:
    assert len(PROFILES) >= 6
    assert sorted(p.name for p in EXPECTED.glob("*.yaml")) == [p.name for p in PROFILES]


@pytest.mark.parametrize("path", ALL_EXAMPLES)
def test_expected_file_is_complete(path: Path) -> None:
    expected = _expected(path)
    assert expected["ruleset"] == "twente"
    assert expected["peildatum"] == PEILDATUM
    ids = [r.id for r in _ruleset().requirements]
    assert list(expected["results"]) == ids, "results must list every requirement id, in ruleset order"
    assert set(expected["counts"]) == {str(s) for s in kr.Status}, "counts must list every status"
    tally = dict.fromkeys(expected["counts"], 0)
    for item in expected["results"].values():
        tally[item["status"]] += 1
    assert tally == expected["counts"], "counts disagree with the listed results"
    bases = _report(path).base_reports()
    assert set(expected["base_verdicts"]) == set(bases), "base_verdicts must list every base ruleset"
    assert set(expected["base_results"]) == set(bases), "base_results must list every base ruleset"
    for base_id, base in bases.items():
        base_ids = [r.id for r in base.ruleset.requirements]
        assert list(expected["base_results"][base_id]) == base_ids, f"base_results.{base_id}: every id, in order"


@pytest.mark.parametrize("path", EXAMPLE_PARAMS)
def test_base_results_and_verdicts(path: Path) -> None:
    bases = _report(path).base_reports()
    expected = _expected(path)
    wrong = []
    for base_id, want_results in expected["base_results"].items():
        for requirement_id, want in want_results.items():
            result = bases[base_id].result(requirement_id)
            got = _actual_result(result)
            if got != want:
                wrong.append(
                    f"{base_id} {requirement_id}: verwacht {want}, gekregen {got}\n    reden: {result.reason()}"
                )
    verdicts = {base_id: str(base.verdict) for base_id, base in bases.items()}
    assert not wrong, f"{path.name}:\n  " + "\n  ".join(wrong)
    assert verdicts == expected["base_verdicts"], f"{path.name}: base verdicts {verdicts}"


@pytest.mark.parametrize("path", EXAMPLE_PARAMS)
def test_results_per_requirement(path: Path) -> None:
    report = _report(path)
    expected = _expected(path)["results"]
    wrong = []
    for requirement_id, want in expected.items():
        result = report.result(requirement_id)
        got = _actual_result(result)
        if got != want:
            wrong.append(f"eis {requirement_id}: verwacht {want}, gekregen {got}\n    reden: {result.reason()}")
    assert not wrong, f"{path.name}:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("path", EXAMPLE_PARAMS)
def test_verdict_and_counts(path: Path) -> None:
    report = _report(path)
    expected = _expected(path)
    counts = {str(status): n for status, n in report.counts().items()}
    assert counts == expected["counts"], f"{path.name}: counts {counts}"
    assert str(report.verdict) == expected["verdict"], f"{path.name}: verdict {report.verdict}"


@pytest.mark.parametrize("path", EXAMPLE_PARAMS)
def test_missing_documents(path: Path) -> None:
    report = _report(path)
    checklist = missing_documents(report)
    actual = [{"type": item.type, "requirements": list(item.requirements)} for item in checklist]
    expected = _expected(path)["missing_documents"]
    assert actual == [{"type": e["type"], "requirements": e["requirements"]} for e in expected]
    for item, want in zip(checklist, expected, strict=True):
        if "reasons" in want:
            assert list(item.reasons) == want["reasons"], f"{item.type}: reasons {item.reasons}"


@pytest.mark.parametrize("path", ALL_EXAMPLES)
def test_every_result_has_a_reason(path: Path) -> None:
    report = _report(path)
    for result in report.results:
        for lang in ("nl", "en"):
            text = result.reason(lang)
            assert text.strip(), f"{path.name}: eis {result.id} has no reason ({lang})"
            assert "None" not in text, f"{path.name}: eis {result.id} reason shows 'None' ({lang}): {text}"
            assert "{" not in text, f"{path.name}: eis {result.id} reason has an unfilled placeholder: {text}"


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, ["check", *args, "--ruleset", "twente", "--peildatum", PEILDATUM.isoformat()])


@pytest.mark.parametrize("path", ALL_EXAMPLES)
def test_cli_text_json_and_english(path: Path) -> None:
    verdict = _expected(path)["verdict"]
    code = 0 if verdict == "voldoet" else 1

    text = _cli(str(path))
    assert text.exit_code == code, text.output
    assert "Traceback" not in text.output
    assert "VOLDOET" in text.output or "BEOORDELING NODIG" in text.output, text.output

    as_json = _cli(str(path), "--format", "json")
    assert as_json.exit_code == code, as_json.output
    document = json.loads(as_json.output)
    assert document["verdict"] == verdict
    assert len(document["results"]) == len(_ruleset().requirements)
    for item in document["results"]:
        assert item["reason"], f"eis {item['id']} has no reason in the JSON report"

    english = _cli(str(path), "--lang", "en")
    assert english.exit_code == code, english.output
    words = {"pass", "fail", "explain", "not applicable"}
    assert any(f" {word} " in english.output for word in words), english.output
    assert "Verdict:" in english.output
    assert "niet voldaan" not in english.output
    assert "niet van toepassing" not in english.output


@pytest.mark.parametrize("path", ALL_EXAMPLES)
def test_every_explanation_in_an_example_is_used(path: Path) -> None:
    # The library silently ignores an explanation for an unknown requirement id (or one it does not need);
    # this keeps the examples free of such typos.
    report = _report(path)
    reports = {"twente": report, **report.base_reports()}
    for given in report.profile.explanations:
        assert given.ruleset in reports, f"{path.name}: explanation for ruleset {given.ruleset!r}"
        own = reports[given.ruleset]
        ids = {r.id for r in own.results}
        assert given.requirement in ids, f"{path.name}: explanation for unknown requirement {given.requirement!r}"
        result = own.result(given.requirement)
        assert result.explanation is not None, f"eis {given.requirement}: explanation not used: {result.reason()}"


def test_examples_show_every_explanation_state_and_status() -> None:
    states = {str(r.explanation.state) for p in PROFILES for r in _report(p).results if r.explanation is not None}
    assert states == {"pending", "accepted", "rejected", "expired"}
    verdicts = {str(_report(p).verdict) for p in PROFILES}
    assert verdicts == {"voldoet", "voldoet_niet", "beoordeling_nodig"}
    bases = {str(r.basis) for p in PROFILES for r in _report(p).results}
    assert bases == {"met", "not_met", "not_demonstrated", "not_applicable"}


# ── Reason texts: defects once seen in these examples, now guarded. ──


def _reasons() -> list[tuple[str, kr.RequirementResult, str]]:
    return [(p.stem, r, r.reason(lang)) for p in PROFILES for r in _report(p).results for lang in ("nl", "en")]


def test_rejected_explanation_reason_does_not_say_none_was_given() -> None:
    wrong = [
        f"{name} eis {r.id}: {text}"
        for name, r, text in _reasons()
        if r.explanation is not None
        and r.explanation.state in {ExplanationState.REJECTED, ExplanationState.EXPIRED}
        and ("geen toelichting gegeven" in text or "no explanation was given" in text)
    ]
    assert not wrong, "\n".join(wrong)


def test_expired_explanation_reason_names_the_expiry_date() -> None:
    wrong = [
        f"{name} eis {r.id}: {text}"
        for name, r, text in _reasons()
        if r.explanation is not None
        and r.explanation.state is ExplanationState.EXPIRED
        and (r.explanation.valid_until is None or r.explanation.valid_until.isoformat() not in text)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_reason_ends_with_two_full_stops() -> None:
    wrong = [f"{name} eis {r.id}: …{text[-60:]}" for name, r, text in _reasons() if ".." in text]
    assert not wrong, "\n".join(wrong)


def test_not_applicable_reason_names_only_what_makes_it_not_applicable() -> None:
    result = _report(EXAMPLES / "pas-toe-of-leg-uit.yaml").result("6a")
    assert result.status is kr.Status.NOT_APPLICABLE
    reason = result.reason()
    assert "professionals[3]" not in reason, reason
    assert "professionals[4]" not in reason, reason


def test_failing_reason_names_the_missing_document_despite_an_explanation() -> None:
    data = kr.load_profile(EXAMPLES / "zzp-jeugdhulp.yaml").model_dump(mode="json")
    data["documents"] = [d for d in data["documents"] if d["type"] != "organisation_description"]
    result = kr.evaluate(_ruleset(), kr.load_profile(data), PEILDATUM).result("6")
    assert result.status is kr.Status.FAIL
    assert result.explanation is not None
    assert result.explanation.state is ExplanationState.ACCEPTED
    assert "Beschrijving van de inrichting van de organisatie" in result.reason(), result.reason()
