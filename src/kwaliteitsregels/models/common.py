"""Shared building blocks for the models."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import core_schema

from kwaliteitsregels._durations import Duration
from kwaliteitsregels.limits import NUMBER_DIGITS_MESSAGE, too_many_digits
from kwaliteitsregels.models import introspection

Lang = Literal["nl", "en"]
LawDomain = Literal["jeugdwet", "wmo"]


# Around a model's fields: its model validators, shared definitions, the model itself.
_AROUND_FIELDS = frozenset({"definitions", "function-after", "function-before", "function-wrap", "model"})


def _own_fields(schema: core_schema.CoreSchema, cls: type[BaseModel]) -> dict[str, Any]:
    """The fields of `cls` in its own schema (none when `schema` only refers to a schema made before)."""
    node: Any = schema
    while node["type"] in _AROUND_FIELDS and (node["type"] != "model" or node["cls"] is cls):
        node = node["schema"]
    return node["fields"] if node["type"] == "model-fields" else {}


# A field's schema passes these on to the value's own schema (a default, None allowed, a validator of the field).
_PASSING_ON = frozenset({"default", "nullable", "function-before", "function-after", "function-wrap"})
# Schemas whose value can be text: text itself, a choice, anything, what a function or a pair of schemas makes.
_TEXT = frozenset({"str", "union", "tagged-union", "any", "function-plain", "chain", "lax-or-strict", "json-or-python"})


def _not_blank_where_text(schema: core_schema.CoreSchema) -> core_schema.CoreSchema:
    """`schema` with the blank-text check after the part that makes the value, if that part can make text."""
    parent: Any = None
    inner: Any = schema
    while inner["type"] in _PASSING_ON:
        if inner["type"] == "function-after" and inner["function"].get("function") is _not_blank:
            return schema  # checked already: a model's schema is met again where another model holds it
        parent, inner = inner, inner["schema"]
    if inner["type"] not in _TEXT:
        return schema
    checked = core_schema.no_info_after_validator_function(_not_blank, inner)
    if parent is None:
        return checked
    parent["schema"] = checked
    return schema


def _not_blank(value: Any) -> Any:
    if isinstance(value, str) and value.isspace():  # non-empty and only white space (what strip() removes)
        msg = "mag niet uit alleen witruimte bestaan / must not be only white space"
        raise ValueError(msg)
    return value


class Model(BaseModel):
    """Base: unknown fields are errors, instances are immutable, a date field holds a date and nothing else.

    The date fields of each model say so with `_plain_dates = plain_dates(...)` (a test holds every model,
    those built from vocabularies too, to that).

    Text of only white space (a name `"   "`, an id `" "`) is refused in every text field: it reads as given
    and says nothing. Empty text is left to each field's own `min_length`. The check sits on the fields that
    can hold text (their schema is text, a union or anything), put there when pydantic builds the class's
    schema: a validator on every field would be called for each of the hundreds of fields of a profile.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        """The class's schema with the blank-text check on each field that can hold text."""
        schema = handler(source)
        for spec in _own_fields(schema, cls).values():
            spec["schema"] = _not_blank_where_text(spec["schema"])
        return schema


def plain_dates(*fields: str) -> Any:
    """The validator that reads `fields` as plain dates (`strict_date`): a model with date fields names them all.

    Set as `_plain_dates` on the class (a subclass that adds a date field names its parent's too: the name
    replaces the parent's validator). On the date fields alone: pydantic calls a validator on each field it
    covers, and a profile has hundreds of fields and a few dozen dates.
    """
    return field_validator(*fields, mode="before")(_plain_date)


def _plain_date(cls: type[BaseModel], value: Any) -> Any:  # noqa: ARG001 - pydantic passes the class
    return value if value is None or type(value) is date else strict_date(value)


def date_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of `model` that hold one date (optional or not)."""
    return frozenset(name for name, f in model.model_fields.items() if introspection.unwrap(f.annotation) is date)


_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")


def strict_date(value: Any) -> Any:
    """`JJJJ-MM-DD` as a date; a date-time (with or without time zone) or a number is refused, never truncated."""
    if isinstance(value, datetime) or (isinstance(value, str) and _DATE_TEXT.match(value) and len(value) > 10):
        msg = f"moet een datum zijn zonder tijdstip (JJJJ-MM-DD), geen datum-tijd '{value}'"
        raise ValueError(msg)
    if isinstance(value, str):
        if not _DATE_TEXT.fullmatch(value):
            msg = f"moet een datum zijn (JJJJ-MM-DD), niet '{value}'"
            raise ValueError(msg)
        try:
            return date.fromisoformat(value)
        except ValueError:
            msg = f"'{value}' is geen bestaande datum"
            raise ValueError(msg) from None
    if isinstance(value, int | float):
        msg = "moet een datum zijn (JJJJ-MM-DD), geen getal"
        raise ValueError(msg)  # noqa: TRY004 - pydantic reports ValueError, not TypeError, as a field error
    return value


def _text_from_str(value: Any) -> Any:
    return {"nl": value} if isinstance(value, str) else value


class Text(Model):
    """Dutch text with an optional English rendering; a plain string means Dutch."""

    nl: str
    en: str | None = None

    def get(self, lang: Lang = "nl") -> str:
        """The text in `lang`, falling back to Dutch."""
        return self.en if lang == "en" and self.en else self.nl


LocalizedText = Annotated[Text, BeforeValidator(_text_from_str)]


def _parse_duration(value: Any) -> Any:
    return value if isinstance(value, Duration) else Duration.parse(value)


IsoDuration = Annotated[
    Duration,
    PlainValidator(_parse_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$"}),
]


def _id_from_int(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Identifier = Annotated[str, BeforeValidator(_id_from_int)]


def _sized(value: Decimal) -> Decimal:
    """A number of printable size, however it was read (YAML, JSON, a spreadsheet's text, a dict)."""
    if too_many_digits(value):
        raise ValueError(NUMBER_DIGITS_MESSAGE)
    return value


Number = Annotated[Decimal, AfterValidator(_sized)]  # every number read from input (1e-999999999 hung a report)
Points = Annotated[Decimal, Field(ge=0), AfterValidator(_sized)]  # an assessment's score (the bound in its schema)
