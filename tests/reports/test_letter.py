"""The provider letter: exactly the missing documents and the owed explanations, in plain words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_helpers import EXAMPLES, ROOT, cli_report, example_report

import kwaliteitsregels as kr
from kwaliteitsregels import explain
from kwaliteitsregels.explain import missing_documents
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.results import ExplanationState

EXAMPLE_IDS = [pytest.param(p, id=p.stem) for p in EXAMPLES]
SECTIONS = {"nl": ("### Documenten", "### Uitleg"), "en": ("### Documents", "### Explanations")}


def _bullets(letter: str, heading: str) -> list[str]:
    """The bold titles of the top-level bullets under every `heading`."""
    titles = []
    for block in letter.split(heading)[1:]:
        body = re.split(r"^#{2,3} ", block, maxsplit=1, flags=re.MULTILINE)[0]
        titles += re.findall(r"^- \*\*(.+?)\*\*", body, flags=re.MULTILINE)
    return titles


def _owed(report: kr.Report) -> list[str]:
    """Requirements that fail without an explanation where one is asked, or whose explanation lapsed."""
    owed = []
    for result in report.results:
        spec = result.requirement.spec
        if result.status is not kr.Status.FAIL or spec.explain is None:
            continue
        record = result.explanation
        lapsed = record is not None and record.state in {ExplanationState.REJECTED, ExplanationState.EXPIRED}
        if (record is None and spec.judgement == "assessor") or lapsed:
            owed.append(result.id)
    return owed


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLE_IDS)
def test_letter_lists_exactly_the_missing_documents(tmp_path: Path, path: Path, lang: str) -> None:
    letter = cli_report(tmp_path, path, "--format", "letter", "--lang", lang)
    report = example_report(path.stem)
    checklist = report.to_dict(lang)["missing_documents"]  # type: ignore[arg-type]
    assert len(checklist) == len(missing_documents(report))
    assert sorted(_bullets(letter, SECTIONS[lang][0])) == sorted(item["title"] for item in checklist)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLE_IDS)
def test_letter_lists_exactly_the_owed_explanations(tmp_path: Path, path: Path, lang: str) -> None:
    letter = cli_report(tmp_path, path, "--format", "letter", "--lang", lang)
    report = example_report(path.stem)
    titles = [report.result(rid).requirement.spec.title.get(lang) for rid in _owed(report)]  # type: ignore[arg-type]
    assert _bullets(letter, SECTIONS[lang][1]) == titles


def test_owed_explanations_cover_every_state_in_the_examples() -> None:
    assert len(_owed(example_report("alleen-verklaringen"))) > 20  # no explanation given at all
    vlierbos = example_report("pas-toe-of-leg-uit")
    assert _owed(vlierbos) == ["30", "36"]  # 30 rejected, 36 expired
    letter = _letter(vlierbos)
    assert "Wij hadden uw uitleg goedgekeurd tot 31 december 2025" in letter
    assert "Uw uitleg van 1 september 2026 was niet voldoende" in letter
    assert "De beoordelaar schreef: “Er wordt geen gestandaardiseerd risicotaxatie-instrument genoemd" in letter


def _letter(report: kr.Report) -> str:
    from kwaliteitsregels.reporting.letter import render_letter  # noqa: PLC0415 - the letter's own renderer

    return render_letter(report)


@pytest.mark.parametrize("path", EXAMPLE_IDS)
def test_letter_has_no_internal_codes(tmp_path: Path, path: Path) -> None:
    letter = cli_report(tmp_path, path, "--format", "letter")
    report = example_report(path.stem)
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", letter), "a snake_case code in the letter"
    assert not re.findall(r"\b[a-z_]+\.[a-z_]+\b", letter), "a profile path in the letter"
    for code in ("not_demonstrated", "with_registration", "before_award", "knockout", "pending"):
        assert code not in letter
    for item in missing_documents(report):
        assert item.type not in letter


def test_expired_document_gives_its_date_in_words(tmp_path: Path) -> None:
    letter = cli_report(tmp_path, ROOT / "examples" / "verlopen-certificaat.yaml", "--format", "letter")
    assert (
        "- **Verificatie van het kwaliteitsmanagementsysteem: certificaat, keurmerk of rapport van de externe "
        "toetsing**. Het document dat wij hebben, is verlopen op 31 augustus 2026." in letter
    )
    assert "## Nodig bij uw inschrijving" in letter


def test_a_compliant_provider_is_told_nothing_is_needed(tmp_path: Path) -> None:
    letter = cli_report(tmp_path, ROOT / "examples" / "grote-aanbieder.yaml", "--format", "letter")
    assert "Wij hebben op dit moment niets meer van u nodig." in letter
    assert "## " not in letter


def test_other_failures_are_named_by_title(tmp_path: Path) -> None:
    letter = cli_report(tmp_path, ROOT / "examples" / "wmo-thuisondersteuning.yaml", "--format", "letter")
    other = letter.split("## Wat nog niet in orde is", 1)[1]
    report = example_report("wmo-thuisondersteuning")
    failed = [r for r in report.results if r.status is kr.Status.FAIL]
    assert failed
    for result in failed:
        assert f"- **{result.requirement.spec.title.nl}** (eis {result.id})" in other


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_other_failures_say_what_was_found(tmp_path: Path, lang: Lang) -> None:
    letter = cli_report(
        tmp_path, ROOT / "examples" / "wmo-thuisondersteuning.yaml", "--format", "letter", "--lang", lang
    )
    report = example_report("wmo-thuisondersteuning")
    found = {"nl": "Wij vonden: ", "en": "What we found: "}[lang]
    failed = [r for r in report.results if r.status is kr.Status.FAIL and explain.finding_messages(r, lang)]
    assert failed
    lines = letter.replace("\\", "").splitlines()  # Markdown escapes aside
    for result in failed:
        line = next(line for line in lines if f" {result.id})" in line and line.startswith("- **"))
        assert found + "; ".join(dict.fromkeys(explain.finding_messages(result, lang))) + "." in line
