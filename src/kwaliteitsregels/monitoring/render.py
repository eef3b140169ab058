"""The monitoring report as text (the JSON document is `MonitoringReport.to_json`)."""

from __future__ import annotations

from kwaliteitsregels._safe_text import visible_line
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.monitoring import phrases
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
        f"{tally} · {phrases.text('report.problems', lang).lower()} {len(report.problems)}",
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
    lines = _header(report, lang) + _summary(report, lang)
    listed = [f for f in report.findings if f.outcome is not Outcome.ON_TIME]
    lines += ["", phrases.text("report.findings", lang)]
    lines += [line for f in listed for line in _finding(f, lang)] or [f"    {phrases.text('report.none', lang)}"]
    lines += ["", phrases.text("report.problems", lang)]
    lines += [f"    {p}" for p in report.problems] or [f"    {phrases.text('report.none', lang)}"]
    return "\n".join(map(visible_line, lines)) + "\n"  # event fields never drive the terminal nor start a line
