"""What a monitoring run found: one `Finding` per obligation that arose, problems, and summaries.

A finding keeps an `Occurrence` of its events (line, id, type, time, provider), not the events
themselves, so a run over a region's year holds the findings that need attention and the counts,
never the stream.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, TextIO

from kwaliteitsregels._safe_text import escape_json
from kwaliteitsregels.errors import Problem, UsageError, single
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.common import LocalizedText
from kwaliteitsregels.monitoring import phrases
from kwaliteitsregels.monitoring.deadlines import Due
from kwaliteitsregels.monitoring.events import AMSTERDAM, Entry
from kwaliteitsregels.monitoring.models import EventType, Obligation

SCHEMA = "kwaliteitsregels/monitoring/v1"
FailOn = Literal["violation", "warning", "never"]
FAIL_ON: tuple[FailOn, ...] = ("violation", "warning", "never")


class Outcome(StrEnum):
    """How an obligation stands: fulfilled on time or late; still unfulfilled at the clock, past or within the term."""

    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    OPEN = "open"


def _moment(value: dt.datetime) -> str:
    return value.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An event as a finding remembers it: where it stood, what it was, when, and whose."""

    line: int
    id: str
    type: str
    at: dt.datetime
    provider: str
    title: LocalizedText

    @classmethod
    def of(cls, entry: Entry, kind: EventType) -> Occurrence:
        """The occurrence of an accepted event of type `kind`."""
        event = entry.event
        return cls(entry.line, event.id, event.type, event.at, event.provider, kind.title)

    def label(self, lang: Lang) -> str:
        """`Start zorg (305) 'e4'`."""
        return f"{self.title.get(lang)} '{self.id}'"

    def to_dict(self) -> dict[str, Any]:
        """`id`, `type`, `at`, `line`."""
        return {"id": self.id, "type": self.type, "at": self.at.isoformat(), "line": self.line}


@dataclass(frozen=True, slots=True)
class Finding:
    """One obligation that arose from a trigger event (for a recurring one: one period), and how it stands."""

    obligation: Obligation
    outcome: Outcome
    trigger: Occurrence
    key: str
    anchor: dt.datetime
    due: Due
    fulfilled_by: Occurrence | None
    measured: dt.datetime
    missed_by: int
    missed_unit: str
    awaited_title: LocalizedText
    period: tuple[dt.date, dt.date] | None = None

    @property
    def provider(self) -> str:
        """The provider whose stream raised the obligation."""
        return self.trigger.provider

    @property
    def month(self) -> str:
        """The month the obligation arose in (`JJJJ-MM`, Dutch time): the trigger's, or the period's first."""
        return month_of(self.period[0]) if self.period else _month(self.trigger.at)

    @property
    def is_violation(self) -> bool:
        """Late, or past the term at the clock."""
        return self.outcome in (Outcome.LATE, Outcome.OVERDUE)

    def reason(self, lang: Lang = "nl") -> str:
        """Why this outcome, in plain language: what was awaited, the term, and how far it was missed."""
        ob = self.obligation
        awaited = self.fulfilled_by.label(lang) if self.fulfilled_by else self.awaited_title.get(lang)
        by_date = self.fulfilled_by is not None and ob.awaited is not None and ob.awaited.time != "at"
        by_date = by_date and self.period is None
        return phrases.text(
            f"reason.{self.outcome.value}",
            lang,
            awaited=awaited,
            moment=self.measured.date().isoformat() if by_date else _moment(self.measured),
            missed=phrases.amount(self.missed_unit, self.missed_by, lang),
            due=self._due(lang),
            deadline=phrases.amount(ob.deadline.unit, ob.deadline.amount, lang),
            anchor=self._anchor(lang),
        )

    def _anchor(self, lang: Lang) -> str:
        ob = self.obligation
        if self.period is not None:
            start, end = self.period
            return phrases.text("anchor.period", lang, start=start, end=end, event=self.trigger.label(lang))
        moment = _moment(self.anchor) if ob.trigger.time in ("at", "latest") else self.anchor.date().isoformat()
        return phrases.text(f"anchor.{ob.trigger.time}", lang, event=self.trigger.label(lang), moment=moment)

    def _due(self, lang: Lang) -> str:
        if self.due.extended_from is None:
            return self.due.label()
        extended = phrases.text(f"extended.{self.due.basis}", lang, day=self.due.extended_from.isoformat())
        return f"{self.due.label()} ({extended})"

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """The documented JSON item (docs/monitoring.md)."""
        ob = self.obligation
        return {
            "obligation": ob.id,
            "title": ob.title.get(lang),
            "party": ob.party,
            "severity": ob.severity,
            "outcome": self.outcome.value,
            "outcome_label": phrases.text(f"outcome.{self.outcome.value}", lang),
            "provider": self.provider,
            "key": {"field": ob.key, "value": self.key},
            "trigger": self.trigger.to_dict(),
            "fulfilled_by": self.fulfilled_by.to_dict() if self.fulfilled_by else None,
            "period": [self.period[0].isoformat(), self.period[1].isoformat()] if self.period else None,
            "deadline": {
                "unit": ob.deadline.unit,
                "amount": ob.deadline.amount,
                "from": "period_end" if self.period else ob.trigger.time,
                "extension": ob.deadline.extend_to_working_day or None,
            },
            "due": self.due.last.isoformat(),
            "extended_from": self.due.extended_from.isoformat() if self.due.extended_from else None,
            "measured_at": self.measured.isoformat(),
            "missed_by": {"unit": self.missed_unit, "amount": self.missed_by},
            "reason": self.reason(lang),
            "source": ob.source.model_dump(mode="json"),
            "interpretation": ob.interpretation.get(lang) if ob.interpretation else None,
        }


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """Counts for one provider in one month (the month an obligation arose, Dutch time)."""

    provider: str
    month: str
    events: int
    obligations: int
    on_time: int
    late: int
    overdue: int
    open: int


# The columns of a month's counts in `Tally.months`: its events, then each outcome in `Outcome`'s order.
_COLUMN = {"events": 0, **{outcome.value: i for i, outcome in enumerate(Outcome, start=1)}}


@dataclass
class Tally:
    """Counts kept while the stream passes: events per provider and month, findings per outcome.

    `months` holds one row of counts per provider and month (events, then each outcome): what the
    report's summary shows, no more (one key and one small list per row, not one key per count).
    """

    events: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    months: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def event(self, entry: Entry) -> None:
        """Count a used event in its provider's month."""
        self.events += 1
        self._row(entry.event.provider, _month(entry.event.at))[0] += 1

    def finding(self, finding: Finding) -> None:
        """Count a finding under its outcome, in the month its obligation arose."""
        self.count(finding.provider, finding.month, finding.outcome.value)

    def count(self, provider: str, month: str, outcome: str) -> None:
        """Count an outcome without a finding (an on-time one that is not kept)."""
        self.outcomes[outcome] += 1
        self._row(provider, month)[_COLUMN[outcome]] += 1

    def _row(self, provider: str, month: str) -> list[int]:
        row = self.months.get((provider, month))
        if row is None:
            row = self.months[(provider, month)] = [0] * len(_COLUMN)
        return row

    def merge(self, other: Tally) -> None:
        """Add the counts of another part of the stream."""
        self.events += other.events
        self.outcomes.update(other.outcomes)
        for key, counts in other.months.items():
            row = self._row(*key)
            row[:] = [a + b for a, b in zip(row, counts, strict=True)]

    def summary(self) -> tuple[MonthSummary, ...]:
        """Per provider per month: events, obligations that arose, and their outcomes."""
        return tuple(
            MonthSummary(provider, month, row[0], sum(row[1:]), *row[1:])
            for (provider, month), row in sorted(self.months.items())
        )


@dataclass(frozen=True, slots=True)
class MonitoringReport:
    """Everything a run found, for one event source, one monitoring file and one clock.

    `findings` holds every finding that needs attention (late, overdue, open) and, unless the run
    was asked not to keep them, the on-time ones; `counts()` and `summary()` always count them all.
    A large run keeps its findings and problems in sorted runs on disk (`spool.py`): they are a
    sequence read in order, and `write_json`/`write_text` stream them out with bounded memory.
    """

    rules_id: str
    rules_title: str
    rules_version: str
    rules_hash: str
    source: str
    clock: dt.datetime
    event_count: int
    findings: Sequence[Finding]
    problems: Sequence[Problem]
    tally: dict[str, int]
    months: tuple[MonthSummary, ...]
    missed: dict[str, int] | None = None  # violations per severity, counted as they passed (None: from findings)
    problems_omitted: dict[str, int] = field(default_factory=dict)  # per code: problems counted, not kept

    @property
    def problem_count(self) -> int:
        """How many problems the run found: those in `problems` and those only counted (`problems_omitted`)."""
        return len(self.problems) + sum(self.problems_omitted.values())

    @property
    def violations(self) -> tuple[Finding, ...]:
        """Late and overdue findings."""
        return tuple(f for f in self.findings if f.is_violation)

    def counts(self) -> dict[str, int]:
        """Number of findings per outcome (zeros included)."""
        return {outcome.value: self.tally.get(outcome.value, 0) for outcome in Outcome}

    def summary(self) -> tuple[MonthSummary, ...]:
        """Per provider per month: events, obligations that arose, and their outcomes."""
        return self.months

    def exit_code(self, fail_on: FailOn = "violation") -> int:
        """The exit policy: 1 when something the policy names was found, else 0.

        `violation` (the default): a missed term of severity `violation`, or an unusable event;
        `warning`: also a missed term of severity `warning`; `never`: always 0 (the report says it all).
        """
        if fail_on not in FAIL_ON:
            raise single(UsageError, "fail-on", f"fail_on moet een van {', '.join(FAIL_ON)} zijn, niet {fail_on!r}")
        if fail_on == "never":
            return 0
        counted = ("violation", "warning") if fail_on == "warning" else ("violation",)
        if self.missed is None:
            missed = any(f.obligation.severity in counted for f in self.violations)
        else:
            missed = any(self.missed.get(severity) for severity in counted)
        return 1 if missed or len(self.problems) else 0

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """The documented JSON document (docs/monitoring.md); on-time findings are counted, not listed."""
        return self._head(lang) | {
            "findings": [f.to_dict(lang) for f in self.findings if f.outcome is not Outcome.ON_TIME],
            "problems": [_problem_dict(p) for p in self.problems],
        }

    def _head(self, lang: Lang) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "lang": lang,
            "rules": {
                "id": self.rules_id,
                "title": self.rules_title,
                "version": self.rules_version,
                "hash": self.rules_hash,
            },
            "source": self.source,
            "clock": self.clock.isoformat(),
            "events": self.event_count,
            "counts": self.counts(),
            "problem_count": self.problem_count,
            **({"problems_omitted": self.problems_omitted} if self.problems_omitted else {}),
            "summary": [vars_of(s) for s in self.summary()],
            "findings": None,
            "problems": None,
        }

    def to_json(self, lang: Lang = "nl") -> str:
        """`to_dict` as indented JSON; the same input gives the same bytes."""
        out = io.StringIO()
        self.write_json(out, lang)
        return out.getvalue()

    def write_json(self, out: TextIO, lang: Lang = "nl") -> None:
        """`to_json` written piece by piece: one finding or problem in memory at a time."""
        head = json.dumps(self._head(lang), ensure_ascii=False, indent=2)
        before, rest = head.split('\n  "findings": null,', 1)  # a raw newline is never inside a JSON string
        between, after = rest.split('\n  "problems": null', 1)
        findings = (f.to_dict(lang) for f in self.findings if f.outcome is not Outcome.ON_TIME)
        out.write(escape_json(before) + '\n  "findings": ')
        _write_list(out, findings)
        out.write(escape_json(between) + ',\n  "problems": ')
        _write_list(out, (_problem_dict(p) for p in self.problems))
        out.write(escape_json(after) + "\n")


def _write_list(out: TextIO, items: Iterable[dict[str, Any]]) -> None:
    """A list at depth 1 exactly as `json.dumps(..., indent=2)` writes it inside the document."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        out.write(("[\n    " if first else ",\n    ") + escape_json(text))
        first = False
    out.write("[]" if first else "\n  ]")


def _month(moment: dt.datetime) -> str:
    return month_of(moment.astimezone(AMSTERDAM))


def month_of(day: dt.date) -> str:
    """`JJJJ-MM` of a date (or of a date-time as it stands)."""
    return _MONTHS[day.year * 12 + day.month - 1]


class _MonthNames(dict[int, str]):
    def __missing__(self, index: int) -> str:
        year, month = divmod(index, 12)
        self[index] = name = f"{year:04d}-{month + 1:02d}"
        return name


_MONTHS = _MonthNames()


def vars_of(summary: MonthSummary) -> dict[str, Any]:
    """A month summary as a JSON object."""
    return {name: getattr(summary, name) for name in MonthSummary.__slots__}


def _problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "message": problem.message,
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "field": problem.path,
        "suggestion": problem.suggestion,
        "text": str(problem),
    }
