"""Shared building blocks for the models."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, PlainValidator, WithJsonSchema

from kwaliteitsregels._durations import Duration

Lang = Literal["nl", "en"]
LawDomain = Literal["jeugdwet", "wmo"]


class Model(BaseModel):
    """Base: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
