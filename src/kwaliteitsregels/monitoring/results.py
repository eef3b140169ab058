"""What a monitoring run found: one `Finding` per obligation that arose, problems, and summaries."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kwaliteitsregels._safe_text import escape_json
from kwaliteitsregels.errors import Problem
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.monitoring import phrases
from kwaliteitsregels.monitoring.deadlines import Due
from kwaliteitsregels.monitoring.events import AMSTERDAM, EVENT_TYPES, Entry
from kwaliteitsregels.monitoring.models import Obligation

SCHEMA = "kwaliteitsregels/monitoring/v1"


class Outcome(StrEnum):
    """How an obligation stands: fulfilled on time or late; still unfulfilled at the clock, past or within the term."""

    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    OPEN = "open"


def _moment(value: dt.datetime) -> str:
    return value.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M")


def _event_label(entry: Entry, lang: Lang) -> str:
    return f"{EVENT_TYPES[entry.event.type].title.get(lang)} '{entry.event.id}'"


@dataclass(frozen=True, slots=True)
class Finding:
    """One obligation that arose from a trigger event, and how it stands."""

    obligation: Obligation
    outcome: Outcome
    trigger: Entry
    anchor: dt.datetime
    due: Due
    fulfilled_by: Entry | None
    measured: dt.datetime
    missed_by: int
    missed_unit: str

    @property
    def provider(self) -> str:
        """The provider whose stream raised the obligation."""
        return self.trigger.event.provider

    @property
    def key(self) -> str:
        """The correlation value (assignment, invoice, report …) that ties the events together."""
        return self.trigger.event.reference(self.obligation.key) or ""

    @property
    def is_violation(self) -> bool:
        """Late, or past the term at the clock."""
        return self.outcome in (Outcome.LATE, Outcome.OVERDUE)

    def reason(self, lang: Lang = "nl") -> str:
        """Why this outcome, in plain language: what was awaited, the term, and how far it was missed."""
        ob = self.obligation
        awaited_type = ob.awaited.event if ob.awaited else ob.trigger.event
        if self.fulfilled_by is not None:
            awaited = _event_label(self.fulfilled_by, lang)
        else:
            awaited = EVENT_TYPES[awaited_type].title.get(lang)
        anchor = phrases.text(
            f"anchor.{ob.trigger.time}",
            lang,
            event=_event_label(self.trigger, lang),
            moment=_moment(self.anchor) if ob.trigger.time in ("at", "latest") else self.anchor.date().isoformat(),
        )
        by_date = self.fulfilled_by is not None and ob.awaited is not None and ob.awaited.time != "at"
        return phrases.text(
            f"reason.{self.outcome.value}",
            lang,
            awaited=awaited,
            moment=self.measured.date().isoformat() if by_date else _moment(self.measured),
            missed=phrases.amount(self.missed_unit, self.missed_by, lang),
            due=self.due.label(),
            deadline=phrases.amount(ob.deadline.unit, ob.deadline.amount, lang),
            anchor=anchor,
        )

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
            "trigger": _entry_dict(self.trigger),
            "fulfilled_by": _entry_dict(self.fulfilled_by) if self.fulfilled_by else None,
            "deadline": {"unit": ob.deadline.unit, "amount": ob.deadline.amount, "from": ob.trigger.time},
            "due": self.due.last.isoformat(),
            "measured_at": self.measured.isoformat(),
            "missed_by": {"unit": self.missed_unit, "amount": self.missed_by},
            "reason": self.reason(lang),
            "source": ob.source.model_dump(mode="json"),
            "interpretation": ob.interpretation.get(lang) if ob.interpretation else None,
        }


def _entry_dict(entry: Entry) -> dict[str, Any]:
    return {"id": entry.event.id, "type": entry.event.type, "at": entry.event.at.isoformat(), "line": entry.line}


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


@dataclass(frozen=True, slots=True)
class MonitoringReport:
    """Everything a run found, for one event source, one monitoring file and one clock."""

    rules_id: str
    rules_title: str
    rules_version: str
    rules_hash: str
    source: str
    clock: dt.datetime
    events: tuple[Entry, ...]
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        """Late and overdue findings."""
        return tuple(f for f in self.findings if f.is_violation)

    def counts(self) -> dict[str, int]:
        """Number of findings per outcome (zeros included)."""
        found = Counter(f.outcome.value for f in self.findings)
        return {outcome.value: found[outcome.value] for outcome in Outcome}

    def summary(self) -> tuple[MonthSummary, ...]:
        """Per provider per month: events, obligations that arose, and their outcomes."""
        events = Counter((e.event.provider, _month(e.event.at)) for e in self.events)
        outcomes = Counter((f.provider, _month(f.trigger.event.at), f.outcome.value) for f in self.findings)
        keys = sorted(set(events) | {(p, m) for p, m, _ in outcomes})
        return tuple(
            MonthSummary(
                provider,
                month,
                events[(provider, month)],
                sum(outcomes[(provider, month, o.value)] for o in Outcome),
                *(outcomes[(provider, month, o.value)] for o in Outcome),
            )
            for provider, month in keys
        )

    def exit_code(self) -> int:
        """0: no term of severity `violation` missed and every event usable; 1 otherwise (warnings do not count)."""
        missed = any(f.obligation.severity == "violation" for f in self.violations)
        return 1 if missed or self.problems else 0

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """The documented JSON document (docs/monitoring.md); on-time findings are counted, not listed."""
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
            "events": len(self.events),
            "counts": self.counts(),
            "problem_count": len(self.problems),
            "summary": [vars_of(s) for s in self.summary()],
            "findings": [f.to_dict(lang) for f in self.findings if f.outcome is not Outcome.ON_TIME],
            "problems": [_problem_dict(p) for p in self.problems],
        }

    def to_json(self, lang: Lang = "nl") -> str:
        """`to_dict` as indented JSON; the same input gives the same bytes."""
        return escape_json(json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2)) + "\n"


def _month(moment: dt.datetime) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%Y-%m")


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
