"""The look-ahead at registration in the assessor's report (HTML, Markdown) and in the provider letter.

At registration Twente 37a (AGB registration and VECOZO connection) does not apply yet; it applies
from the award and wants its proof before award. The JSON report lists that document under
`documents_at_award`; the HTML and Markdown report show it in a section after the missing-documents
checklist, the letter in a paragraph of its own after what is needed now. At the award it is on the
checklist itself and the section is gone. Rendering JSON, HTML and letter of one report evaluates the
award stage once.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from report_helpers import PEILDATUM, ROOT, Page, cli_report, markdown_rows

import kwaliteitsregels as kr
from kwaliteitsregels import preview
from kwaliteitsregels.evaluation import at_stage, gaps_at_stage
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.registry import REPORTERS

PROFILE = ROOT / "examples" / "alleen-verklaringen.yaml"  # a Twente provider without AGB proof
NOTHING_AHEAD = ROOT / "examples" / "grote-aanbieder.yaml"  # on PEILDATUM: nothing more at the award

HEADINGS = {
    "nl": {"report": "Bij de gunning ook getoetst", "letter": "Later, bij de gunning", "missing": "Ontbrekende"},
    "en": {"report": "Also checked at the award", "letter": "Later, at the award", "missing": "Missing documents"},
}
CATEGORIES = {"nl": "Eisen per categorie", "en": "Requirements by category"}
NOT_YET = {"nl": "U hoeft dit nu nog niet te sturen.", "en": "You do not need to send this yet."}


def _report(profile: Path = PROFILE, stage: kr.Stage = kr.Stage.REGISTRATION) -> kr.Report:
    ruleset = kr.load_ruleset("twente")
    return kr.evaluate(ruleset, kr.load_profile(profile, rulesets=[ruleset]), PEILDATUM, stage=stage)


def _ahead(lang: Lang) -> dict[str, Any]:
    """The one document the JSON report says the award will check besides: Twente 37a's AGB proof."""
    documents = json.loads(_report().to_json(lang))["documents_at_award"]
    assert [(d["type"], d["requirements"]) for d in documents] == [("agb_registration", ["37a"])]
    found: dict[str, Any] = documents[0]
    return found


def _section(html: str, anchor: str) -> str:
    """The text a reader sees in `<section id="anchor">` (soft hyphens removed)."""
    start = html.index(f'<section id="{anchor}"')
    return " ".join("".join(Page(html[start : html.index("</section>", start)]).text).split())


def _markdown_part(text: str, heading: str, next_heading: str) -> str:
    start = text.index(f"## {heading}")
    return text[start : text.index(f"## {next_heading}", start)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_report_shows_the_agb_proof_after_the_checklist(tmp_path: Path, lang: Lang) -> None:
    ahead = _ahead(lang)
    html = cli_report(tmp_path, PROFILE, "--format", "html", "--lang", lang)
    page = Page(html)
    assert "#bij-gunning" in {a.get("href") for a in page.named("a")}
    assert html.index('id="bewijsstukken"') < html.index('id="bij-gunning"') < html.index('id="eisen"')
    section = _section(html, "bij-gunning")
    assert section.startswith(HEADINGS[lang]["report"])
    assert ahead["title"] in section
    assert ahead["due_label"] in section
    assert "37a" in section
    assert ahead["title"] not in _section(html, "bewijsstukken")  # not on today's checklist


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_report_shows_the_agb_proof_after_the_checklist(tmp_path: Path, lang: Lang) -> None:
    ahead = _ahead(lang)
    text = cli_report(tmp_path, PROFILE, "--format", "markdown", "--lang", lang)
    assert text.index(f"## {HEADINGS[lang]['missing']}") < text.index(f"## {HEADINGS[lang]['report']}")
    part = _markdown_part(text, HEADINGS[lang]["report"], CATEGORIES[lang])
    rows = markdown_rows(part)
    assert [row[0] for row in rows[2:]] == [ahead["title"]]
    assert rows[2][1] == ahead["due_label"]
    assert rows[2][2].endswith("37a")
    missing = _markdown_part(text, HEADINGS[lang]["missing"], HEADINGS[lang]["report"])
    assert ahead["title"] not in missing


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_letter_tells_the_provider_apart_from_what_is_needed_now(tmp_path: Path, lang: Lang) -> None:
    ahead = _ahead(lang)
    text = cli_report(tmp_path, PROFILE, "--format", "letter", "--lang", lang)
    heading = f"## {HEADINGS[lang]['letter']}"
    now, later = text.split(heading)
    assert ahead["title"] not in now
    item = next(line for line in later.splitlines() if ahead["title"] in line)
    assert NOT_YET[lang] in item  # due before award: nothing to send with the registration

    html = cli_report(tmp_path, PROFILE, "--format", "letter-html", "--lang", lang)
    visible = " ".join("".join(Page(html).text).split())
    assert visible.index(HEADINGS[lang]["letter"]) < visible.index(ahead["title"])
    assert visible.count(ahead["title"]) == 1
    assert NOT_YET[lang] in visible


@pytest.mark.parametrize("fmt", ["html", "markdown", "letter", "letter-html"])
def test_at_the_award_the_section_is_gone_and_the_proof_is_asked_for(tmp_path: Path, fmt: str) -> None:
    award = _report(stage=kr.Stage.AWARD)
    assert preview.documents_at_award(award) == []
    assert "agb_registration" in {d.type for d in kr.explain.missing_documents(award)}
    text = cli_report(tmp_path, PROFILE, "--format", fmt, "--stage", "award")
    for heading in HEADINGS["nl"]["report"], HEADINGS["nl"]["letter"]:
        assert heading not in text
    assert "bij-gunning" not in text
    assert "AGB" in text  # now on the checklist, or among the documents due before award


@pytest.mark.parametrize("fmt", ["html", "markdown", "letter", "letter-html"])
def test_nothing_ahead_no_section(fmt: str) -> None:
    report = _report(NOTHING_AHEAD)
    assert json.loads(report.to_json())["documents_at_award"] == []
    text = REPORTERS[fmt](report, "nl", color=False)
    for heading in HEADINGS["nl"]["report"], HEADINGS["nl"]["letter"]:
        assert heading not in text
    assert "bij-gunning" not in text


def test_several_frameworks_each_show_their_look_ahead(tmp_path: Path) -> None:
    html = cli_report(tmp_path, PROFILE, "--format", "html", "-r", "jeugdwet")
    assert 'id="twente-bij-gunning"' in html
    assert 'href="#twente-bij-gunning"' in html
    assert "Bewijs van AGB-registratie" in _section(html, "twente-bij-gunning")
    text = cli_report(tmp_path, PROFILE, "--format", "markdown", "-r", "jeugdwet")
    assert f"## {HEADINGS['nl']['report']}" in text


def test_json_html_and_letter_of_one_report_evaluate_the_award_stage_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(report: kr.Report, stage: kr.Stage) -> tuple[tuple[str | None, kr.RequirementResult], ...]:
        calls.append(report.provider)
        return gaps_at_stage(report, stage)

    monkeypatch.setattr(preview, "gaps_at_stage", counted)
    report = _report()
    for fmt in ("json", "html", "markdown", "letter", "letter-html", "text"):
        for lang in ("nl", "en"):
            REPORTERS[fmt](report, lang, color=False)
    assert len(calls) == 1
    other = _report(NOTHING_AHEAD)  # another report object: its own look-ahead, evaluated once
    assert preview.documents_at_award(other) == []
    assert preview.documents_at_award(report) != []
    assert len(calls) == 2
    assert repr(report) == repr(_report())  # the remembered look-ahead is no part of the report's face


@pytest.mark.parametrize(("lang", "sentence"), [("nl", "Stuur dit mee met uw inschrijving."), ("en", "Please send")])
def test_a_document_due_with_the_registration_but_judged_at_the_award_says_so(lang: Lang, sentence: str) -> None:
    ruleset = kr.load_ruleset("leeuwarden-dagbesteding")
    profile = kr.load_profile(ROOT / "examples" / "leeuwarden" / "volledig.yaml", rulesets=[ruleset])
    report = kr.evaluate(ruleset, profile, date(2019, 7, 1))
    plan = next(d for d in preview.documents_at_award(report) if d.type == "implementatieplan")
    assert plan.due == "with_registration"
    letter = REPORTERS["letter"](report, lang, color=False)
    later = letter.split(f"## {HEADINGS[lang]['letter']}")[1]
    item = next(line for line in later.splitlines() if plan.title.get(lang) in line)
    assert sentence in item
    assert NOT_YET[lang] not in item


_ROUNDS = [  # every example of a framework with documents due at the award, on a date its ruleset is in force
    *(
        (name, "twente", PEILDATUM)
        for name in (
            "alleen-verklaringen",
            "grote-aanbieder",
            "pas-toe-of-leg-uit",
            "verlopen-certificaat",
            "wmo-thuisondersteuning",
            "zzp-jeugdhulp",
        )
    ),
    *(
        (f"achterhoek/{name}", "achterhoek-2019", date(2019, 7, 1))
        for name in (
            "jeugd-ggz-instelling",
            "onderaannemer",
            "ontbonden-wanprestatie",
            "tarief-en-wonen",
            "zorggroep-compleet",
            "zzp-jeugdhulp-verlenging",
        )
    ),
    ("leeuwarden/volledig", "leeuwarden-dagbesteding", date(2019, 7, 1)),
]


@pytest.mark.parametrize(("example", "name", "peildatum"), _ROUNDS)
def test_the_look_ahead_evaluates_only_what_can_miss_a_document_and_finds_what_a_whole_evaluation_finds(
    example: str, name: str, peildatum: date
) -> None:
    ruleset = kr.load_ruleset(name)
    profile = kr.load_profile(ROOT / "examples" / f"{example}.yaml", rulesets=[ruleset])
    report = kr.evaluate(ruleset, profile, peildatum)
    whole = at_stage(report, kr.Stage.AWARD)  # every requirement of every ruleset, evaluated again
    expected: list[tuple[str | None, kr.RequirementResult]] = [(None, r) for r in whole.results if r.gaps]
    expected += [(base_id, r) for base_id, base in whole.base_reports().items() for r in base.results if r.gaps]
    found = gaps_at_stage(report, kr.Stage.AWARD)
    assert [(b, r.id, r.lot, r.gaps) for b, r in found] == [(b, r.id, r.lot, r.gaps) for b, r in expected]
    assert len(report.ruleset.requirements) > 0


def test_the_look_ahead_of_the_examples_finds_documents() -> None:
    """The comparison above is not between empty lists: the examples miss documents at the award."""
    counts = []
    for example, name, peildatum in _ROUNDS:
        ruleset = kr.load_ruleset(name)
        report = kr.evaluate(
            ruleset, kr.load_profile(ROOT / "examples" / f"{example}.yaml", rulesets=[ruleset]), peildatum
        )
        counts.append(len(gaps_at_stage(report, kr.Stage.AWARD)))
    assert sum(1 for n in counts if n) >= 4, counts
