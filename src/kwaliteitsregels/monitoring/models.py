"""A monitoring file as data: obligations with a trigger, an awaited event, a key and a deadline."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from kwaliteitsregels.models.common import Identifier, LocalizedText, Model
from kwaliteitsregels.models.ruleset import Decision, SourceDocument, SourceRef

LawDomain = Literal["jeugdwet", "wmo"]
Party = Literal["provider", "municipality"]
Severity = Literal["violation", "warning"]
TimeField = Literal["at", "effective_date", "period_end", "latest"]
KeyField = Literal["client", "assignment", "request", "invoice", "report", "incident", "event"]
DEADLINE_UNITS = ("working_days", "days", "weeks", "months", "hours")


class Where(Model):
    """Filters on an event's attributes; every filter given must hold."""

    crisis: bool | None = Field(default=None, description="only crisis (true) or non-crisis (false) events")
    law: LawDomain | None = Field(default=None, description="only events under this law")
    municipality: list[str] | None = Field(
        default=None, min_length=1, description="only events of these municipalities"
    )


class Pattern(Model):
    """An event the obligation reacts to or waits for."""

    event: str = Field(description="event type from the vocabulary (data/event_types.yaml)")
    where: Where = Field(default_factory=Where)
    time: TimeField = Field(
        default="at",
        description=(
            "which moment of the event counts: `at` (the message), `effective_date` (the date it reports, "
            "e.g. the real start in a 305), `period_end` (end of the declaration period), `latest` (the later "
            "of `at` and `effective_date`)"
        ),
    )


class Deadline(Model):
    """How long after the trigger the awaited event may come: exactly one unit."""

    working_days: int | None = Field(default=None, ge=0, description="Dutch working days (Algemene termijnenwet)")
    days: int | None = Field(default=None, ge=0, description="calendar days; 0 = the same day")
    weeks: int | None = Field(default=None, ge=1)
    months: int | None = Field(default=None, ge=1, description="calendar months")
    hours: int | None = Field(default=None, ge=1, description="hours from the exact moment")
    extend_to_working_day: bool = Field(
        default=True,
        description="a term in days, weeks or months that ends on a weekend or holiday runs to the next working day "
        "(Atw art. 1)",
    )

    @model_validator(mode="after")
    def _one_unit(self) -> Deadline:
        given = [unit for unit in DEADLINE_UNITS if getattr(self, unit) is not None]
        if len(given) != 1:
            raise ValueError(f"geef precies één eenheid: {', '.join(DEADLINE_UNITS)} (gegeven: {len(given)})")
        return self

    @property
    def unit(self) -> str:
        """The unit given: `working_days`, `days`, `weeks`, `months` or `hours`."""
        return next(unit for unit in DEADLINE_UNITS if getattr(self, unit) is not None)

    @property
    def amount(self) -> int:
        """The number of units."""
        value: int = getattr(self, self.unit)
        return value


class Obligation(Model):
    """One timed duty from a framework: after the trigger, the awaited event within the deadline."""

    id: Identifier
    title: LocalizedText
    text: str = Field(description="the source text as printed")
    source: SourceRef
    party: Party = Field(description="who must act: provider (opdrachtnemer) or municipality (opdrachtgever)")
    trigger: Pattern
    awaited: Pattern | None = Field(
        default=None,
        description="the event that fulfils the duty; omitted: the trigger itself must come within the deadline "
        "after its own `time` (e.g. an invoice after the end of its period)",
    )
    key: KeyField = Field(default="event", description="the reference that ties trigger and awaited event together")
    deadline: Deadline
    severity: Severity = "violation"
    interpretation: LocalizedText | None = Field(default=None, description="where the figure had to be interpreted")

    @model_validator(mode="after")
    def _consistent(self) -> Obligation:
        if self.awaited is None and self.trigger.time == "at":
            raise ValueError("zonder 'awaited' moet trigger.time een datum van het bericht zijn (bijv. period_end)")
        if self.awaited is not None and self.awaited.event == self.trigger.event:
            raise ValueError("trigger en awaited moeten verschillende soorten gebeurtenissen zijn")
        if self.awaited is not None and self.key == "event":
            raise ValueError("een verplichting met 'awaited' heeft een sleutel nodig (bijv. key: assignment)")
        return self


class Calendar(Model):
    """Working-day calendar settings."""

    extra_holidays: list[dt.date] = Field(
        default_factory=list, description="days equated with holidays by decree (Atw art. 3 lid 3)"
    )


class MonitoringFile(Model):
    """A monitoring file: the timed obligations of one framework."""

    schema_version: Literal[1] = 1
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: LocalizedText
    issuer: str
    version: str
    source: SourceDocument
    calendar: Calendar = Field(default_factory=Calendar)
    decisions: list[Decision] = Field(default_factory=list)
    obligations: list[Obligation] = Field(min_length=1)


class EventType(Model):
    """A kind of event in the shared vocabulary."""

    title: LocalizedText
    requires: list[KeyField] = Field(default_factory=list, description="references every event of this type carries")
    not_before: str | None = Field(
        default=None, description="an event of this type may not precede the event of that type with the same key"
    )
    key: KeyField | None = Field(default=None, description="the key for `not_before`")
