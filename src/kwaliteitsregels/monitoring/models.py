"""A monitoring file as data: obligations with a trigger, an awaited event, a key and a deadline."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from kwaliteitsregels.models.common import Identifier, LocalizedText, Model
from kwaliteitsregels.models.ruleset import Decision, SourceDocument, SourceRef

LawDomain = Literal["jeugdwet", "wmo"]
Party = Literal["provider", "municipality"]
Severity = Literal["violation", "warning"]
TimeField = Literal["at", "effective_date", "period_end", "latest"]
KeyField = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Extension = Literal[False, "atw", "ruleset"]
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
    extend_to_working_day: Extension = Field(
        default=False,
        description="whether a term in days, weeks or months that ends on a weekend or holiday runs on to the next "
        "working day, and why: `atw` (the term is set by law, so Atw art. 1 applies), `ruleset` (the ruleset says "
        "so; record the decision), or false (the default: a contractual term is not extended)",
    )

    @field_validator("extend_to_working_day", mode="before")
    @classmethod
    def _say_why(cls, value: Any) -> Any:
        if value is True:
            raise ValueError(
                "zeg waarom de termijn verlengd wordt: 'atw' (een wettelijke termijn, Atw art. 1) of 'ruleset' "
                "(de regelset kiest het)",
            )
        return value

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


class Period(Model):
    """Calendar periods in which an awaited event must occur at least once (absence is an event too)."""

    months: int = Field(ge=1, le=12, description="period length in calendar months: 1 (month), 3 (quarter), 12")


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
    every: Period | None = Field(
        default=None,
        description="a recurring duty: from the trigger (the start of a case) until `until` or the clock, every "
        "period needs an awaited event whose `time` falls in it, within the deadline after the period's end",
    )
    until: Pattern | None = Field(default=None, description="with `every`: the event that ends the case (a 307)")
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
        if self.every is not None and self.awaited is None:
            raise ValueError("een terugkerende verplichting ('every') heeft 'awaited' nodig: wat elke periode komt")
        if self.until is not None and self.every is None:
            raise ValueError("'until' hoort bij een terugkerende verplichting ('every')")
        if self.every is not None and self.deadline.hours is not None:
            raise ValueError("een terugkerende verplichting telt vanaf het einde van de periode: geen uren")
        return self


class Calendar(Model):
    """Working-day calendar settings."""

    extra_holidays: list[dt.date] = Field(
        default_factory=list, description="days equated with holidays by decree (Atw art. 3 lid 3)"
    )


class EventType(Model):
    """A kind of event: in the shared vocabulary (data/event_types.yaml) or declared by a region's file."""

    title: LocalizedText
    requires: list[KeyField] = Field(default_factory=list, description="references every event of this type carries")
    not_before: str | None = Field(
        default=None, description="an event of this type may not precede the event of that type with the same key"
    )
    key: KeyField | None = Field(default=None, description="the key for `not_before`")
    closes: KeyField | None = Field(
        default=None,
        description="this event closes the case of that key (a 307 ends an assignment): what was kept to recognise "
        "a repeated trigger for that key is let go",
    )


class Reference(Model):
    """A correlation key a region adds to the shared ones (client, assignment, request, invoice, report, incident)."""

    title: LocalizedText


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
    references: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Reference] = Field(
        default_factory=dict, description="the region's own correlation keys (e.g. complaint)"
    )
    event_types: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")], EventType] = Field(
        default_factory=dict, description="the region's own event types, beside the shared vocabulary"
    )
    obligations: list[Obligation] = Field(min_length=1)
