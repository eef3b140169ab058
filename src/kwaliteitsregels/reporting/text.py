"""The terminal report: verdict, counts, a table per category, the missing documents."""

from __future__ import annotations

from io import StringIO

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from kwaliteitsregels import explain, messages, preview, reasons
from kwaliteitsregels.combined import CombinedReport
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting._columns import columns
from kwaliteitsregels.reporting._terminal import Escaped
from kwaliteitsregels.results import ExplanationState, Report, RequirementResult, Status, Verdict

_STYLE = {Status.PASS: "green", Status.FAIL: "bold red", Status.EXPLAIN: "yellow", Status.NOT_APPLICABLE: "dim"}
_VERDICT_STYLE = {
    Verdict.COMPLIANT: "bold green",
    Verdict.NOT_COMPLIANT: "bold red",
    Verdict.NEEDS_ASSESSMENT: "bold yellow",
}
_HEAD = {
    "nl": (
        "Eis",
        "Status",
        "Reden",
        "Aanbieder",
        "Peildatum",
        "Regelset",
        "Bewijsstuk",
        "Wanneer",
        "Nodig voor",
        "Waarom",
    ),
    "en": ("Req.", "Status", "Reason", "Provider", "Reference date", "Ruleset", "Document", "Due", "Needed for", "Why"),
}


def _header(report: Report, lang: Lang) -> Text:
    head = _HEAD[lang]
    spec = report.ruleset.spec
    verdict = report.verdict
    text = Text()
    text.append(
        f"{head[5]}: {spec.title.get(lang)} — {messages.text('report.version', lang)} {spec.version}\n", style="bold"
    )
    text.append(f"{head[3]}: {report.provider}   {head[4]}: {report.peildatum.isoformat()}\n")
    text.append(f"{messages.text('report.verdict', lang)}: ")
    text.append(messages.text(f"verdict.{verdict}", lang).upper(), style=_VERDICT_STYLE[verdict])
    counts = " · ".join(f"{messages.text(f'status.{s}', lang)} {n}" for s, n in report.counts().items())
    pending = sum(1 for r in report.results if r.explanation and r.explanation.state is ExplanationState.PENDING)
    text.append(f"\n{counts}")
    if pending:
        text.append(" " + messages.text("report.pending", lang, n=pending), style="yellow")
    text.append("\n")
    return text


def _category_table(report: Report, category: str, results: list[RequirementResult], lang: Lang) -> Table:
    titles = {c.id: c.title.get(lang) for c in report.ruleset.spec.categories}
    return _results_table(report, f"{category} {titles.get(category, '')}", results, lang)


def _results_table(report: Report, title: str, results: list[RequirementResult], lang: Lang) -> Table:
    head = _HEAD[lang]
    relations = report.all_relations()
    superseded = report.superseded()
    table = Table(title=title, title_justify="left", expand=True, show_lines=False)
    table.add_column(head[0], no_wrap=True)
    table.add_column(head[1], no_wrap=True)
    table.add_column(head[2], ratio=1)
    for result in results:
        label = Text(reasons.status_label(result, lang), style=_STYLE[result.status])
        title = result.requirement.spec.title.get(lang)
        shown = result.id if result.lot is None else f"{result.id} · {messages.text('lot', lang, lot=result.lot)}"
        why = Text(f"{title}. ", style="bold") + Text(reasons.reason(result, lang))
        for relation in relations:
            if relation.this is result or relation.other is result:
                why.append(" " + reasons.relation_phrase(relation, result, lang), style="italic")
        if id(result) in superseded:
            why.append(" " + messages.text("report.superseded", lang), style="italic")
        table.add_row(shown, label, why)
    return table


def _lot_table(report: Report, lang: Lang) -> Table | None:
    lots = report.lot_verdicts()
    if not lots:
        return None
    titles = {lot.id: lot.title.get(lang) for lot in report.ruleset.spec.lots}
    table = Table(title=messages.text("report.per_lot", lang), title_justify="left", expand=True)
    for name in messages.text("report.lot_head", lang).split("|"):
        table.add_column(name)
    for verdict in lots:
        label = Text(messages.text(f"verdict.{verdict.verdict}", lang), style=_VERDICT_STYLE[verdict.verdict])
        table.add_row(f"{verdict.lot} {titles.get(verdict.lot, '')}", label, ", ".join(verdict.failing))
    for place in report.municipality_verdicts():
        label = Text(messages.text(f"verdict.{place.verdict}", lang), style=_VERDICT_STYLE[place.verdict])
        admitted = messages.text("report.admitted", lang, lots=", ".join(place.admitted) or "—")
        table.add_row(place.municipality, label, admitted)
    return table


def _missing_table(checklist: list[explain.MissingDocument], lang: Lang, title: str = "report.missing") -> Table | None:
    if not checklist:
        return None
    head = _HEAD[lang]
    table = Table(title=messages.text(title, lang), title_justify="left", expand=True)
    for name in head[6:]:
        table.add_column(name)
    for item in checklist:
        title = item.title.get(lang)
        why = reasons.gap_phrase(item.first, title, lang).split(": ", 1)[1]
        table.add_row(title, messages.text(f"due.{item.due}", lang), ", ".join(item.requirements), why)
    return table


def _base_table(report: Report, base: Report, lang: Lang) -> Table:
    title = messages.text("report.base", lang, ruleset=base.ruleset.spec.title.get(lang))
    verdict = messages.text(f"verdict.{base.verdict}", lang)
    return _results_table(report, f"{title}: {verdict}", list(base.results), lang)


def _parts(report: Report, lang: Lang) -> list[Table | Text]:
    grouped: dict[str, list[RequirementResult]] = {}
    for result in report.results:
        grouped.setdefault(result.requirement.spec.category, []).append(result)
    parts: list[Table | Text] = [_header(report, lang)]
    per_lot = _lot_table(report, lang)
    if per_lot is not None:
        parts.append(per_lot)
    parts += [_category_table(report, cat, results, lang) for cat, results in grouped.items()]
    parts += [_base_table(report, base, lang) for base in report.base_reports().values()]
    missing = _missing_table(explain.missing_documents(report), lang)
    if missing is not None:
        parts.append(missing)
    ahead = _missing_table(preview.documents_at_award(report), lang, "report.at_award")
    if ahead is not None:
        parts.append(ahead)
    record = report.record
    footer = messages.text(
        "report.record",
        lang,
        ruleset=f"{record.ruleset_id} {record.ruleset_version} {record.ruleset_hash[:19]}…",
        profile=f"{record.profile_hash[:19]}…",
        version=record.library_version,
    )
    parts.append(Text(footer, style="dim"))
    return parts


def _render(parts: list[Table | Text | Rule], *, color: bool, width: int) -> str:
    buffer = StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False, markup=False, emoji=False
    )
    console.print(Escaped(Group(*parts)))  # text from profiles and rulesets never drives the terminal
    return buffer.getvalue()


def render_text(report: Report, lang: Lang = "nl", *, color: bool = False, width: int | None = None) -> str:
    """The report for a terminal (plain text when `color` is False), 110 columns unless `width` says otherwise."""
    return _render(list(_parts(report, lang)), color=color, width=width or columns())


def renderable(report: Report, lang: Lang = "nl") -> Escaped:
    """The report as a rich renderable, as wide as the console it is printed on (`rich.print(report)`)."""
    return Escaped(Group(*_parts(report, lang)))


def render_combined_text(
    combined: CombinedReport, lang: Lang = "nl", *, color: bool = False, width: int | None = None
) -> str:
    """Every framework's report, then the verdict per framework and one checklist of missing documents."""
    parts: list[Table | Text | Rule] = []
    for report in combined.reports:
        parts += _parts(report, lang)
        parts.append(Rule())
    summary = Text(messages.text("report.frameworks", lang) + "\n", style="bold")
    for ruleset_id, verdict in combined.verdicts().items():
        summary.append(f"  {ruleset_id}: ")
        summary.append(messages.text(f"verdict.{verdict}", lang).upper(), style=_VERDICT_STYLE[verdict])
        summary.append("\n")
    parts.append(summary)
    missing = _missing_table(now := combined.missing_documents(), lang)
    if missing is not None:
        parts.append(missing)
    ahead = _missing_table(preview.documents_at_award_of(combined.reports, now), lang, "report.at_award")
    if ahead is not None:
        parts.append(ahead)
    return _render(parts, color=color, width=width or columns())
