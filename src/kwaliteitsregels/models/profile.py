"""The provider profile: the facts of the core vocabulary, plus documents and explanations.

The classes are built when this module is first imported, from the bundled core vocabulary
(`kwaliteitsregels/data/vocabularies/core.yaml`), by the builder every vocabulary goes through
(`facts.assembly`), on top of the hand-written `models.submission`. Their names are the `model:`
names of the vocabulary (`Organisation`, `Professional`, `Policy`, …). Type checkers read
`profile.pyi`, generated from the same vocabulary (`python -m kwaliteitsregels.facts.stubs`).
"""

from __future__ import annotations

from importlib import resources
from typing import Any, Literal

from pydantic import create_model

from kwaliteitsregels import _yaml
from kwaliteitsregels.facts.assembly import Assembler, Loc
from kwaliteitsregels.facts.vocabulary import VocabularyFile
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.common import Identifier, Model
from kwaliteitsregels.models.submission import (
    SUBMISSION_FIELDS,
    Assessment,
    Decision,
    Document,
    Explanation,
    LotViewBase,
    Money,
    ProfileBase,
)

CORE_SOURCE = "kwaliteitsregels/data/vocabularies/core.yaml"


def _core_file() -> VocabularyFile:
    text = resources.files("kwaliteitsregels").joinpath("data/vocabularies/core.yaml").read_text("utf-8")
    return VocabularyFile.model_validate(_yaml.parse(text, CORE_SOURCE).data)


def _refuse(loc: Loc, code: str, message: str, _suggestion: str | None) -> None:
    where = ".".join(map(str, loc))
    msg = f"{CORE_SOURCE}: {where}: {message} ({code})"
    raise ValueError(msg)


def _build() -> tuple[VocabularyFile, dict[str, Any]]:
    core = _core_file()
    assembler = Assembler(core, _refuse, core)
    profile = assembler.extend(ProfileBase, "Profile", SUBMISSION_FIELDS)
    registration = introspection.model_class(profile.model_fields["registration"].annotation)
    products = introspection.list_item(registration.model_fields["products"].annotation) if registration else None
    lot_view = create_model(
        "LotView",
        __base__=LotViewBase,
        __doc__=LotViewBase.__doc__,
        products=(list[products], ...),
        profile=(profile, ...),
    )
    return core, {**assembler.classes, "Profile": profile, "LotView": lot_view}


CORE_VOCABULARY, _CLASSES = _build()
CODE_LISTS: dict[str, Any] = {  # each code list as a type: legal_form → LegalForm = Literal["eenmanszaak", …]
    "".join(part.capitalize() for part in name.split("_")): Literal[tuple(codes.values)]
    for name, codes in CORE_VOCABULARY.codes.items()
}
globals().update(_CLASSES, **CODE_LISTS)

__all__ = [  # noqa: PLE0604 - the built classes by their names in the core vocabulary
    "CODE_LISTS",
    "CORE_SOURCE",
    "CORE_VOCABULARY",
    "Assessment",
    "Decision",
    "Document",
    "Explanation",
    "Identifier",
    "Model",
    "Money",
    *_CLASSES,
    *CODE_LISTS,
]
