"""Fact types: what a vocabulary may declare, and the pydantic type, kind and default unit of each.

The kind is what the condition keywords check when a ruleset compiles (a date keyword needs a
date, a comparison a number or a date). Identifier types carry their real checks
(`facts.identifiers`); codes are checked against the vocabulary's code list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, PlainSerializer, PlainValidator, StrictBool, StrictInt, WithJsonSchema

from kwaliteitsregels._durations import Duration
from kwaliteitsregels.facts.identifiers import IDENTIFIER_KINDS, identifier_annotation
from kwaliteitsregels.models.common import Identifier, Number

Kind = Literal["bool", "number", "date", "duration", "text"]


def _days_only(value: Any) -> Duration:
    duration = value if isinstance(value, Duration) else Duration.parse(value)
    if duration.years or duration.months:
        msg = f"'{duration}': een duur als gegeven telt in weken en dagen (P4W, P10D), niet in maanden of jaren"
        raise ValueError(msg)
    return duration


FactDuration = Annotated[
    Duration,
    PlainValidator(_days_only),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^P(\d+W)?(\d+D)?$"}),
]


def _not_negative(value: Decimal) -> Decimal:
    if value < 0:
        msg = "mag niet negatief zijn"
        raise ValueError(msg)
    return value


def _percentage(value: Decimal) -> Decimal:
    if not Decimal(0) <= value <= Decimal(100):
        msg = "een percentage ligt tussen 0 en 100"
        raise ValueError(msg)
    return value


@dataclass(frozen=True, slots=True)
class FactType:
    """One type a vocabulary may give a fact."""

    name: str
    annotation: Any
    kind: Kind
    unit: str | None = None
    summary: str = ""


_BASIC = (
    FactType("boolean", StrictBool, "bool", summary="ja/nee (true/false); 1 of 'ja' wordt geweigerd"),
    FactType("integer", StrictInt, "number", summary="geheel getal"),
    FactType("decimal", Number, "number", summary="getal, exact gelezen (geen binaire drijvende komma)"),
    FactType(
        "money",
        Annotated[Number, AfterValidator(_not_negative)],
        "number",
        "eur",
        "bedrag in euro (niet negatief)",
    ),
    FactType(
        "percentage",
        Annotated[Number, AfterValidator(_percentage)],
        "number",
        "percent",
        "percentage van 0 tot en met 100",
    ),
    FactType("date", date, "date", summary="datum JJJJ-MM-DD"),
    FactType("duration", FactDuration, "duration", summary="duur in weken en dagen, ISO 8601 (P4W, P10D)"),
    FactType("text", str, "text", summary="tekst"),
    FactType("id", Identifier, "text", summary="kenmerk dat een item noemt; een getal wordt tekst (7 wordt '7')"),
    FactType("code", str, "text", summary="een code uit een codelijst van de woordenlijst"),
)

FACT_TYPES: dict[str, FactType] = {t.name: t for t in _BASIC} | {
    name: FactType(name, identifier_annotation(name), "text", summary=kind.label["nl"])
    for name, kind in IDENTIFIER_KINDS.items()
}
