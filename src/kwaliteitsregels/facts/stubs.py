"""Typed access to the core facts: `models/profile.pyi`, written from the models built from core.yaml.

The profile classes are built at run time, so a type checker cannot see their fields; this stub
declares them, class by class, in the order a reader needs them. It is generated, never edited:

    python -m kwaliteitsregels.facts.stubs          # rewrite src/kwaliteitsregels/models/profile.pyi
    python -m kwaliteitsregels.facts.stubs --check  # exit 1 when the stub is stale

A unit test fails when the committed stub differs from what this module writes.
"""

from __future__ import annotations

import argparse
import inspect
import sys
import types
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from kwaliteitsregels._durations import Duration
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models import profile as core
from kwaliteitsregels.models.submission import LotViewBase

STUB = Path(core.__file__).with_suffix(".pyi")
REFRESH = "python -m kwaliteitsregels.facts.stubs"

_PLAIN = {bool: "bool", int: "int", str: "str", Decimal: "Decimal", date: "date", Duration: "Duration"}
_WIDTH = 120
_HEADER = f"""# Types of `kwaliteitsregels.models.profile`, whose classes are built from data/vocabularies/core.yaml.
# Generated; do not edit. Refresh with `{REFRESH}`.

{{imports}}
from kwaliteitsregels.facts.vocabulary import VocabularyFile
from kwaliteitsregels.models.common import Identifier as Identifier
from kwaliteitsregels.models.common import Model as Model
from kwaliteitsregels.models.submission import Assessment as Assessment
from kwaliteitsregels.models.submission import Decision as Decision
from kwaliteitsregels.models.submission import Document as Document
from kwaliteitsregels.models.submission import Explanation as Explanation
from kwaliteitsregels.models.submission import LotViewBase, ProfileBase
from kwaliteitsregels.models.submission import Money as Money

{{all}}
CODE_LISTS: dict[str, object]
CORE_SOURCE: str
CORE_VOCABULARY: VocabularyFile
"""


class _Writer:
    """Python source for the annotations of the core models, naming code lists by their aliases."""

    def __init__(self) -> None:
        self.aliases = {typing.get_args(tp): name for name, tp in core.CODE_LISTS.items()}
        self.used: set[str] = set()

    def type_text(self, tp: Any) -> str:
        """`tp` as Python source: `list[TargetGroup]`, `Organisation | None`, `Decimal`."""
        while typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            members = [self.type_text(arg) for arg in typing.get_args(tp) if arg is not type(None)]
            nullable = type(None) in typing.get_args(tp)
            return " | ".join([*members, "None"] if nullable else members)
        if origin is typing.Literal:
            return self.aliases.get(typing.get_args(tp)) or self.literal(typing.get_args(tp))
        if origin in (list, dict):
            return f"{origin.__name__}[{', '.join(self.type_text(arg) for arg in typing.get_args(tp))}]"
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp.__name__
        if tp in _PLAIN:
            self.used.add(_PLAIN[tp])
            return _PLAIN[tp]
        msg = f"no stub text for the type {tp!r}"
        raise TypeError(msg)

    def literal(self, values: tuple[Any, ...]) -> str:
        self.used.add("Literal")
        return "Literal[" + ", ".join(f'"{value}"' for value in values) + "]"

    def imports(self) -> str:
        lines = ["from datetime import date"] if "date" in self.used else []
        lines += ["from decimal import Decimal"] if "Decimal" in self.used else []
        lines += ["from typing import Literal, TypeAlias", ""]
        lines += ["from pydantic import Field", ""]
        lines += ["from kwaliteitsregels._durations import Duration"] if "Duration" in self.used else []
        return "\n".join(lines)


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    if info.default_factory is not None:  # the pydantic mypy plugin reads this default (`...` would mean required)
        return f" = Field(default_factory={getattr(info.default_factory, '__name__', '')})  # noqa: PYI015"
    return f" = {info.default!r}"


def _wrapped(line: str) -> list[str]:
    """`name = Literal[...]` over several lines when it is too long."""
    if len(line) <= _WIDTH:
        return [line]
    head, _, rest = line.partition("Literal[")
    head += "Literal"
    values = rest.removesuffix("]").split(", ")
    return [f"{head}[", *(f"    {value}," for value in values), "]"]


def _class(model: type[BaseModel], base: str, writer: _Writer) -> list[str]:
    own = {name: info for name, info in model.model_fields.items() if name not in _inherited(model)}
    lines = ["", f"class {model.__name__}({base}):"]  # a stub keeps one blank line between classes
    if model.__doc__:
        lines += [f"    # {line}".rstrip() for line in inspect.cleandoc(model.__doc__).splitlines()]
    lines += [f"    {name}: {writer.type_text(info.annotation)}{_default(info)}" for name, info in own.items()]
    return lines


def _inherited(model: type[BaseModel]) -> set[str]:
    return set(LotViewBase.model_fields) if issubclass(model, LotViewBase) else set()


def _order(model: type[BaseModel], seen: dict[type[BaseModel], None]) -> None:
    """The classes below `model`, each before the classes that use it."""
    for info in model.model_fields.values():
        item = introspection.list_item(info.annotation)
        nested = introspection.model_class(item if item is not None else info.annotation)
        if nested is not None and nested not in seen and nested.__module__ != "kwaliteitsregels.models.submission":
            _order(nested, seen)
    seen.setdefault(model, None)


def render() -> str:
    """The text of `profile.pyi` for the core models as built now."""
    ordered: dict[type[BaseModel], None] = {}
    _order(core.LotView, ordered)
    writer = _Writer()
    aliases = [""]
    for name, tp in core.CODE_LISTS.items():
        aliases += _wrapped(f"{name}: TypeAlias = {writer.literal(typing.get_args(tp))}")
    classes: list[str] = []
    for model in ordered:
        base = "ProfileBase" if model is core.Profile else "LotViewBase" if model is core.LotView else "Model"
        classes += _class(model, base, writer)
    ordered_names = sorted(core.__all__, key=lambda name: (not name.isupper(), not name[0].isupper(), name))
    names = "\n".join(f'    "{name}",' for name in ordered_names)
    header = _HEADER.replace("{imports}", writer.imports()).replace("{all}", f"__all__ = [\n{names}\n]")
    return "\n".join([header.rstrip("\n"), *aliases, *classes]) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the stub, or with `--check` say whether it is current (exit 1 when stale)."""
    parser = argparse.ArgumentParser(prog="python -m kwaliteitsregels.facts.stubs", description=__doc__)
    parser.add_argument("--check", action="store_true", help="niet schrijven; exit 1 als de stub verouderd is")
    args = parser.parse_args(argv)
    text = render()
    current = STUB.read_text("utf-8") if STUB.exists() else ""
    if args.check:
        if current != text:
            sys.stderr.write(f"{STUB} is verouderd / is stale: run `{REFRESH}`\n")
            return 1
        return 0
    if current != text:
        STUB.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
