"""The monitoring report as text (the JSON document is `MonitoringReport.to_json`)."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable
from typing import TextIO

from kwaliteitsregels._safe_text import visible_line
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.monitoring import phrases
from kwaliteitsregels.monitoring.problems import PER_CODE
from kwaliteitsregels.monitoring.results import Finding, MonitoringReport, Outcome


def _header(report: MonitoringReport, lang: Lang) -> list[str]:
    counts = report.counts()
    tally = " · ".join(f"{phrases.text(f'outcome.{o.value}', lang)} {counts[o.value]}" for o in Outcome)
    clock = report.clock.strftime("%Y-%m-%d %H:%M")
    return [
        f"{phrases.text('report.title', lang)}: {report.rules_title} ({report.rules_id} {report.rules_version})",
        (
            f"{report.source} · {phrases.text('report.clock', lang)} {clock} · "
            f"{report.event_count} {phrases.text('report.events', lang)}"
        ),
        f"{tally} · {phrases.text('report.problems', lang).lower()} {report.problem_count}",
    ]


def _summary(report: MonitoringReport, lang: Lang) -> list[str]:
    lines = ["", phrases.text("report.summary", lang), phrases.text("report.columns", lang)]
    lines.extend(
        f"{row.provider:<10} {row.month:<8} {row.events:>8}  {row.obligations:>9}  {row.on_time:>7}  "
        f"{row.late:>7}  {row.overdue:>10}  {row.open:>4}"
        for row in report.summary()
    )
    return lines


def _finding(finding: Finding, lang: Lang) -> list[str]:
    ob = finding.obligation
    label = phrases.text(f"outcome.{finding.outcome.value}", lang).upper()
    party = phrases.text(f"party.{ob.party}", lang)
    source = f"{ob.source.section} ({ob.source.seed}:{ob.source.line})"
    lines = [
        f"[{label}] {ob.id} {ob.title.get(lang)}",
        (
            f"    {finding.provider} · {ob.key} {finding.key}{_period(finding)} · {party} · "
            f"{phrases.text(f'severity.{ob.severity}', lang)}"
        ),
        f"    {finding.reason(lang)}",
        f"    {phrases.text('report.source', lang)}: {source}",
    ]
    if ob.interpretation:
        lines.append(f"    {phrases.text('report.interpretation', lang)}: {ob.interpretation.get(lang)}")
    return lines


def _period(finding: Finding) -> str:
    if finding.period is None:
        return ""
    start, end = finding.period
    return f" · {start.isoformat()}/{end.isoformat()}"


def render_text(report: MonitoringReport, lang: Lang = "nl") -> str:
    """A plain-text report: header, summary per provider per month, findings that need attention, problems."""
    out = io.StringIO()
    write_text(report, out, lang)
    return out.getvalue()


def write_text(report: MonitoringReport, out: TextIO, lang: Lang = "nl") -> None:
    """`render_text` written line by line: one finding or problem in memory at a time."""
    none = [f"    {phrases.text('report.none', lang)}"]
    _write(out, [*_header(report, lang), *_summary(report, lang), "", phrases.text("report.findings", lang)])
    listed = (f for f in report.findings if f.outcome is not Outcome.ON_TIME)
    _write(out, itertools.chain.from_iterable(_finding(f, lang) for f in listed), none)
    _write(out, ["", phrases.text("report.problems", lang)])
    _write(out, (f"    {p}" for p in report.problems), none)
    _write(out, (_omitted(code, n, lang) for code, n in report.problems_omitted.items()))


def _omitted(code: str, count: int, lang: Lang) -> str:
    return "    " + phrases.text("report.omitted", lang, count=count, code=code, limit=PER_CODE)


def _write(out: TextIO, lines: Iterable[str], otherwise: Iterable[str] = ()) -> None:
    """Each line made visible (event fields never drive the terminal nor start a line); `otherwise` if none."""
    empty = True
    for line in lines:
        out.write(visible_line(line) + "\n")
        empty = False
    if empty:
        for line in otherwise:
            out.write(visible_line(line) + "\n")
