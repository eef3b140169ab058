"""What a spreadsheet's columns and sheets may be called: the profile model's facts by key or Dutch label.

The profile model for the rulesets in play (the core vocabulary and each ruleset's own) is walked
once: every fact that holds a value is a **column** (`organisation.name`, or its label
`Organisatie: naam`, or the label alone where it is unique), every list of items is a **sheet**
(`professionals`, `registration.products`, or its label `Professionals`). A nested list of items
(`professionals.registrations`) is a sheet of its own whose rows name their parent's `id`. Names
are compared without case, accents kept, with `.`, `:`, `/`, `-`, `>` and `›` read as spaces.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from kwaliteitsregels.models import introspection

_SEPARATORS = re.compile(r"[.:/>›\-–—\s]+")
KEY_COLUMNS = ("aanbieder", "provider")
# Dutch names for what the profile holds beside facts (models/submission.py has no labels).
_LABELS = {
    "declarations": "verklaringen",
    "documents": "bewijsstukken",
    "explanations": "toelichtingen",
    "type": "soort",
    "title": "titel",
    "issued_on": "afgegeven op",
    "valid_until": "geldig tot",
    "reference": "kenmerk",
    "ruleset": "regelset",
    "requirement": "eis",
    "text": "toelichting",
    "given_by": "gegeven door",
    "given_on": "gegeven op",
    "assessment": "beoordeling",
    "decision": "besluit",
    "by": "door",
    "decided_on": "besloten op",
    "note": "notitie",
    "score": "punten",
}


def normal(name: object) -> str:
    """A column or sheet name as compared: lower case, separators as one space."""
    return _SEPARATORS.sub(" ", str(name).casefold()).strip()


@dataclass(frozen=True, slots=True)
class Column:
    """A fact a column may hold: its path within the row's item, its type, its names."""

    path: tuple[str, ...]
    kind: Any  # the value's type: bool, date, int, Decimal, str, a Literal, or list[...] of those
    names: tuple[str, ...]  # normalised: the key, the qualified label, the bare label

    @property
    def key(self) -> str:
        """The dotted key (`organisation.name`)."""
        return ".".join(self.path)


@dataclass(slots=True)
class Sheet:
    """A list of items (or the provider itself, `path` empty): its columns and its nested sheets."""

    path: tuple[str, ...]
    label: str | None
    columns: list[Column] = field(default_factory=list)
    mapping: dict[str, type[BaseModel]] | None = None  # for `dict[str, X]` facts (declarations): prefix → type
    free: dict[tuple[str, ...], Any] = field(default_factory=dict)  # dict-valued facts: path → value type
    has_id: bool = False

    @property
    def key(self) -> str:
        """The dotted key of the list (`registration.products`); empty for the provider sheet."""
        return ".".join(self.path)

    def names(self) -> tuple[str, ...]:
        """What the sheet may be called (normalised)."""
        found = [normal(self.key)]
        if self.label:
            found.append(normal(self.label))
        return tuple(found)

    def column(self, header: str) -> tuple[Column | None, list[str]]:
        """The column `header` names; else None and the names it might have meant."""
        wanted = normal(header)
        hits = [c for c in self.columns if wanted in c.names[:2]]
        if not hits:
            hits = [c for c in self.columns if wanted in c.names[2:]]
        if len(hits) == 1:
            return hits[0], []
        if hits:  # a bare label shared by several facts
            return None, [c.key for c in hits]
        for prefix, kind in self.free.items():
            dotted = normal(".".join(prefix))
            if wanted.startswith(dotted + " ") and len(wanted) > len(dotted) + 1:
                name = header.strip()[len(".".join(prefix)) + 1 :].strip()
                return Column((*prefix, name), kind, (wanted,)), []
        return None, []

    def all_names(self) -> list[str]:
        """Every key, for a suggestion."""
        return [c.key for c in self.columns] + [f"{'.'.join(p)}.<naam>" for p in self.free]


@dataclass(slots=True)
class Layout:
    """The provider sheet and every collection sheet, found from the profile model."""

    provider: Sheet
    sheets: list[Sheet]

    def sheet(self, name: str) -> Sheet | None:
        """The collection sheet `name` names (key or label), if any."""
        wanted = normal(name)
        return next((s for s in self.sheets if wanted in s.names()), None)


def layout(model: type[BaseModel]) -> Layout:
    """The sheets and columns of a profile model."""
    provider = Sheet((), None)
    sheets: list[Sheet] = []
    _walk(model, (), (), provider, sheets, ())
    return Layout(provider, sheets)


def _walk(  # noqa: PLR0913, PLR0917 - the walk's state
    model: type[BaseModel],
    path: tuple[str, ...],
    labels: tuple[str, ...],
    sheet: Sheet,
    sheets: list[Sheet],
    base: tuple[str, ...],
) -> None:
    for name, info in model.model_fields.items():
        here, label = (*path, name), info.title or _LABELS.get(name)
        nested = introspection.model_class(info.annotation)
        item = introspection.list_item(info.annotation)
        if nested is not None:
            _walk(nested, here, (*labels, label or name), sheet, sheets, base)
        elif item is not None and introspection.model_class(item) is not None:
            child = Sheet((*base, *here), label, has_id="id" in introspection.model_class(item).model_fields)  # type: ignore[union-attr]
            sheets.append(child)
            _walk(introspection.model_class(item), (), (), child, sheets, (*base, *here))  # type: ignore[arg-type]
        elif typing.get_origin(introspection.unwrap(info.annotation)) is dict:
            sheet.free[here] = typing.get_args(introspection.unwrap(info.annotation))[1]
        else:
            sheet.columns.append(Column(here, introspection.unwrap(info.annotation), _names(here, labels, label)))


def _names(path: tuple[str, ...], labels: tuple[str, ...], label: str | None) -> tuple[str, ...]:
    names = [normal(".".join(path))]
    if label:
        names += [normal(" ".join((*labels, label))), normal(label)]
    return tuple(names)


def scalar(kind: Any) -> Any:
    """The value type of one item: `list[date]` → date, `Literal[...]` → str."""
    kind = introspection.unwrap(kind)
    if typing.get_origin(kind) is typing.Literal:
        return str
    return kind if kind in {bool, date, int, Decimal, str, float} else str


def is_list(kind: Any) -> bool:
    """Whether the fact holds a list of values (`services.law_domains`)."""
    return typing.get_origin(introspection.unwrap(kind)) is list


def item_kind(kind: Any) -> Any:
    """The type of each value of a list fact."""
    return typing.get_args(introspection.unwrap(kind))[0]
