"""The overview of a batch: providers × frameworks, providers × requirements, counts, what is pending and missing.

Built from the rows the tasks return (never from reports: those stay in the workers) and written
as JSON (`overzicht.json`), a workbook (`overzicht.xlsx`, every text cell safe against formula
injection) and one HTML page (`overzicht.html`: a heat map of status by requirement, sortable by
any column; without script it is a plain table).
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from kwaliteitsregels import messages
from kwaliteitsregels._safe_text import spreadsheet_cell
from kwaliteitsregels.batch.task import Row, Settings
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import Problem
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.frame import require
from kwaliteitsregels.reporting.templating import environment

SCHEMA_ID = "kwaliteitsregels/batch-overview/v1"
STATUSES = ("pass", "fail", "explain", "not_applicable")
VERDICTS = ("voldoet", "voldoet_niet", "beoordeling_nodig")
# The overview's own words; statuses and verdicts come from the phrase catalog.
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Overzicht van de toetsing", "Overview of the assessment"),
    "provider": ("Aanbieder", "Provider"),
    "source": ("Bron", "Source"),
    "verdict": ("Oordeel", "Verdict"),
    "evaluated": ("getoetst", "evaluated"),
    "not_evaluated": ("niet getoetst", "not evaluated"),
    "reused": ("ongewijzigd, niet opnieuw getoetst", "unchanged, not evaluated again"),
    "assessments": ("Beoordeling gemeente", "Municipality's assessments"),
    "with_assessments": ("met een beoordeling van de gemeente", "with the municipality's assessments"),
    "why": ("Waarom niet", "Why not"),
    "matrix": ("Status per eis", "Status by requirement"),
    "pending": ("Toelichtingen die op de beoordelaar wachten", "Explanations waiting for the assessor"),
    "missing": ("Ontbrekende bewijsstukken per aanbieder", "Missing documents by provider"),
    "intake": ("Problemen met de invoer", "Problems with the input"),
    "requirement": ("Eis", "Requirement"),
    "lot": ("Perceel", "Lot"),
    "document": ("Bewijsstuk", "Document"),
    "due": ("Nodig", "Due"),
    "reasons": ("Reden", "Reason"),
    "framework": ("Kader", "Framework"),
    "providers": ("aanbieders", "providers"),
    "documents": ("Documenten", "Documents"),
    "sort": ("Klik op een kolomkop om te sorteren.", "Click a column heading to sort."),
    "peildatum": ("Peildatum", "Reference date"),
}


def word(key: str, lang: Lang) -> str:
    """One of the overview's own words in `lang`."""
    return WORDS[key][0 if lang == "nl" else 1]


@dataclass(frozen=True, slots=True)
class Requirement:
    """A column of the status matrix."""

    key: str  # `twente:8`, `achterhoek-2019:E1[3a]`
    framework: str
    requirement: str
    lot: str | None
    title: str


def key_of(framework: str, requirement: str, lot: str | None) -> str:
    """The matrix key of one outcome: unique per framework, requirement and lot."""
    return f"{framework}:{requirement}" + (f"[{lot}]" if lot else "")


def columns(rows: Sequence[Row], rulesets: Sequence[CompiledRuleset], lang: Lang) -> list[Requirement]:
    """The matrix columns: frameworks in the order given, then the law; each in its ruleset's order."""
    order: dict[str, tuple[int, dict[str, int], dict[str, str]]] = {}
    for ruleset in [*rulesets, *(b for r in rulesets for b in r.lineage().values())]:
        if ruleset.id not in order:
            ids = {req.id: i for i, req in enumerate(ruleset.requirements)}
            titles = {req.id: req.spec.title.get(lang) for req in ruleset.requirements}
            order[ruleset.id] = (len(order), ids, titles)
    found: dict[str, Requirement] = {}
    for row in rows:
        for o in row.outcomes:
            key = key_of(o.framework, o.requirement, o.lot)
            if key not in found:
                title = order.get(o.framework, (0, {}, {}))[2].get(o.requirement, o.requirement)
                found[key] = Requirement(key, o.framework, o.requirement, o.lot, title)

    def rank(r: Requirement) -> tuple[int, int, str]:
        place, ids, _ = order.get(r.framework, (len(order), {}, {}))
        return place, ids.get(r.requirement, len(ids)), r.lot or ""

    return sorted(found.values(), key=rank)


def document(
    rows: Sequence[Row], rulesets: Sequence[CompiledRuleset], settings: Settings, problems: Sequence[Problem] = ()
) -> dict[str, Any]:
    """The overview as plain data (the JSON file; the HTML and the workbook are made from it)."""
    lang = settings.lang
    matrix = columns(rows, rulesets, lang)
    evaluated = [r for r in rows if r.evaluated]
    per_framework = {
        r.id: {v: sum(1 for row in evaluated if row.verdicts.get(r.id) == v) for v in VERDICTS} for r in rulesets
    }
    return {
        "schema": SCHEMA_ID,
        "lang": lang,
        "peildatum": settings.peildatum.isoformat(),
        "stage": settings.stage,
        "frameworks": [{"id": r.id, "title": r.spec.title.get(lang)} for r in rulesets],
        "counts": {
            "providers": len(rows),
            "evaluated": len(evaluated),
            "not_evaluated": len(rows) - len(evaluated),
            "reused": sum(1 for r in rows if r.reused),
            "with_assessments": sum(1 for r in evaluated if r.assessments is not None),
            "verdicts": {v: sum(1 for row in evaluated if row.verdict == v) for v in VERDICTS},
            "by_framework": per_framework,
        },
        "requirements": [
            {"key": c.key, "framework": c.framework, "requirement": c.requirement, "lot": c.lot, "title": c.title}
            for c in matrix
        ],
        "providers": [_provider(row) for row in rows],
        "problems": [p.render(lang) for p in problems],
    }


def _provider(row: Row) -> dict[str, Any]:
    return {
        "name": row.name,
        "slug": row.slug,
        "source": row.source,
        "provider": row.provider,
        "evaluated": row.evaluated,
        "reused": row.reused,
        "assessments": row.assessments,
        "problems": row.problems,
        "verdict": row.verdict,
        "verdicts": row.verdicts,
        "counts": row.counts() if row.evaluated else {},
        "statuses": {key_of(o.framework, o.requirement, o.lot): o.status for o in row.outcomes},
        "pending": [{"framework": o.framework, "requirement": o.requirement, "lot": o.lot} for o in row.pending()],
        "missing_documents": row.missing_documents,
        "files": row.files,
    }


def write_json(overview: dict[str, Any], path: Path) -> None:
    """`overzicht.json`: one provider per line, the rest indented; the same input gives the same bytes.

    A provider on one line is written by the C encoder (an indent makes `json` use its pure-Python
    encoder: a sixth of a second for a round of 1,000), and a round's file still reads and diffs by line.
    """
    parts = []
    for key, value in overview.items():
        if key == "providers" and value:
            shown = "[\n" + ",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in value) + "\n ]"
        else:
            shown = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n ")
        parts.append(f" {json.dumps(key, ensure_ascii=False)}: {shown}")
    path.write_text("{\n" + ",\n".join(parts) + "\n}\n", encoding="utf-8")


def write_html(overview: dict[str, Any], path: Path) -> None:
    """`overzicht.html`: one page, no network; a small inline script sorts the tables."""
    lang: Lang = overview["lang"]
    page = (
        environment()
        .get_template("overview.html")
        .render(
            o=overview,
            lang=lang,
            w=lambda key: word(key, lang),
            t=lambda key, **kw: messages.text(key, lang, **kw),
            heat_row=_heat_rows(overview, lang),
        )
    )
    path.write_text(page, encoding="utf-8")


ICONS = {"pass": "✓", "fail": "✗", "explain": "?", "not_applicable": "–"}  # as the page's own legend


def _heat_rows(overview: dict[str, Any], lang: Lang) -> Callable[[dict[str, Any]], Markup]:
    """A provider's cells of the status matrix (escaped HTML), each cell made once per requirement and status.

    The matrix has a cell per provider and requirement (1,000 × 158 in a round of Achterhoek): writing them
    in the template took seconds; the cells differ only by requirement and status.
    """
    keys = [r["key"] for r in overview["requirements"]]
    cells: dict[tuple[str, str | None], str] = {}
    for key in keys:
        cells[key, None] = f'<td class="s" title="{escape(key)}: "></td>'
        for status, icon in ICONS.items():
            label = escape(messages.text(f"status.{status}", lang))
            cells[key, status] = f'<td class="s s-{escape(status)}" title="{escape(key)}: {label}">{escape(icon)}</td>'

    def row(provider: dict[str, Any]) -> Markup:
        statuses = provider["statuses"]
        return Markup("".join([cells[key, statuses.get(key)] for key in keys]))  # noqa: S704 - escaped above

    return row


XLSX_WRITER = "xlsxwriter"  # writes a workbook row by row in a fraction of openpyxl's time, the same bytes every run
XLSX_OPTIONS = {  # text stays text: never a formula, a link or a number
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def write_all(overview: dict[str, Any], folder: Path, name: str) -> None:
    """`name`.json, .html and .xlsx in `folder`: the workbook, the slowest, in a forked process beside the others.

    The workers have stopped by now and the overview is the last thing a round waits for: the workbook takes
    longer than the JSON and the page together (0.8 s against 0.4 s for 1,000 Achterhoek providers). Where
    there is no fork, or the forked process did not finish its workbook, it is written here, where what goes
    wrong is raised as anywhere else. Either way the same bytes.
    """
    workbook = folder / f"{name}.xlsx"
    beside = _forked(write_xlsx, overview, workbook)
    try:
        write_json(overview, folder / f"{name}.json")
        write_html(overview, folder / f"{name}.html")
    finally:  # never left running behind a round that stops
        finished = beside is not None and _finished(beside)
    if not finished:
        write_xlsx(overview, workbook)


def _forked(write: Callable[[dict[str, Any], Path], None], overview: dict[str, Any], path: Path) -> Any:
    """A forked process running `write(overview, path)` on the overview it shares, or None where there is no fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    process = multiprocessing.get_context("fork").Process(target=_quietly, args=(write, overview, path), daemon=True)
    process.start()
    return process


def _quietly(write: Callable[[dict[str, Any], Path], None], overview: dict[str, Any], path: Path) -> None:
    """In the forked process: write, or leave with exit code 1 and no traceback (the parent writes it again)."""
    try:
        write(overview, path)
    except BaseException:  # noqa: BLE001 - whatever it was, the parent meets it again and reports it
        os._exit(1)


def _finished(process: Any) -> bool:
    process.join()
    return bool(process.exitcode == 0)


def require_writer(lang: Lang) -> None:
    """Raise MissingExtraError (how to install it) when the workbook writer is not installed."""
    require(XLSX_WRITER, "overzicht.xlsx", lang, extra="kwaliteitsregels[batch]")


def write_xlsx(overview: dict[str, Any], path: Path) -> None:
    """`overzicht.xlsx`: verdicts, the status matrix, pending explanations, missing documents, not evaluated.

    Dated the reference date (its properties; the writer dates the zip's members 1980-01-01): a round run
    again gives the same bytes.
    """
    from xlsxwriter import Workbook  # type: ignore[import-untyped]  # noqa: PLC0415 - optional extra (require_writer)

    lang: Lang = overview["lang"]
    book = Workbook(str(path), XLSX_OPTIONS)
    book.set_properties({"created": datetime.combine(date.fromisoformat(overview["peildatum"]), time())})
    for title, header, body in _sheets(overview, lang):
        sheet = book.add_worksheet(title[:31])
        sheet.write_row(0, 0, [spreadsheet_cell(h) for h in header])
        for number, values in enumerate(body, 1):
            sheet.write_row(number, 0, [spreadsheet_cell(v) for v in values])
    book.close()


def _sheets(overview: dict[str, Any], lang: Lang) -> list[tuple[str, list[str], list[list[Any]]]]:
    frameworks = [f["id"] for f in overview["frameworks"]]
    keys = [r["key"] for r in overview["requirements"]]
    providers = overview["providers"]
    verdicts = [
        [p["name"], p["provider"], p["verdict"] or word("not_evaluated", lang), p["assessments"]]
        + [p["verdicts"].get(f) for f in frameworks]
        + [p["counts"].get(s) for s in STATUSES]
        + [len(p["missing_documents"]), len(p["pending"])]
        for p in providers
    ]
    return [
        (
            word("verdict", lang),
            [
                word("provider", lang),
                "organisation.name",
                word("verdict", lang),
                word("assessments", lang),
                *frameworks,
                *STATUSES,
                "missing_documents",
                "pending_explanations",
            ],
            verdicts,
        ),
        (
            word("matrix", lang),
            [word("provider", lang), *keys],
            [[p["name"], *(p["statuses"].get(k) for k in keys)] for p in providers],
        ),
        (
            word("pending", lang),
            [word("provider", lang), word("framework", lang), word("requirement", lang), word("lot", lang)],
            [[p["name"], e["framework"], e["requirement"], e["lot"]] for p in providers for e in p["pending"]],
        ),
        (
            word("missing", lang),
            [word("provider", lang), "type", word("document", lang), word("due", lang), word("reasons", lang)],
            [
                [p["name"], d["type"], d["title"], d["due"], d["reasons"]]
                for p in providers
                for d in p["missing_documents"]
            ],
        ),
        (
            word("not_evaluated", lang),
            [word("provider", lang), word("source", lang), word("why", lang)],
            [[p["name"], p["source"], "\n".join(p["problems"])] for p in providers if not p["evaluated"]]
            + [["", "", problem] for problem in overview["problems"]],
        ),
    ]
