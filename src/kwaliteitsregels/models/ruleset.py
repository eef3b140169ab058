"""A ruleset file as data: framework metadata, lookup tables and requirements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from kwaliteitsregels.facts.vocabulary import VocabularyBody
from kwaliteitsregels.models.common import Identifier, IsoDuration, LocalizedText, Model, plain_dates

LawScope = Literal["jeugdwet", "wmo", "both"]
Due = Literal["with_registration", "before_award", "on_request"]
Severity = Literal["knockout", "warning"]
Judgement = Literal["facts", "assessor"]
ExplainKind = Literal["deviation", "demonstration"]
Condition = dict[str, Any]


class SourceRef(Model):
    """Where a requirement is written: document title, section, and the seed file."""

    document: str
    section: str
    seed: str = Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")
    line: int | None = Field(default=None, ge=1, description="line in the seed file")


class LegalRef(Model):
    """An article of law, with the law's BWB identifier where it has one."""

    law: str
    article: str
    bwb: str | None = Field(default=None, pattern=r"^BWBR\d{7}$")


class SourceDocument(Model):
    """The document a whole ruleset encodes."""

    _plain_dates = plain_dates("date")

    title: str
    date: dt.date | None = None
    seed: str = Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")


class EvidenceSpec(Model):
    """A verification document a requirement needs, and when it is due."""

    type: str
    due: Due
    max_age: IsoDuration | None = Field(default=None, description="issued at most this long before the reference date")
    must_be_valid: bool = Field(
        default=True, description="valid_until, if given, must not lie before the reference date"
    )
    note: LocalizedText | None = None


class ExplainRoute(Model):
    """Pas toe of leg uit: when an explanation is acceptable and what it must contain."""

    kind: ExplainKind
    allowed_when: LocalizedText
    must_contain: list[LocalizedText] = Field(default_factory=list)
    evidence: list[EvidenceSpec] = Field(default_factory=list)


class DeclarationSpec(Model):
    """A statement the provider can declare, and the recorded facts that would contradict it."""

    text: LocalizedText
    refuted_by: Condition | None = Field(
        default=None,
        description="a condition on recorded facts: when it holds, the declaration counts as not given "
        "(a self-declaration never outweighs a recorded fact)",
    )


def _declaration_from_text(value: Any) -> Any:
    """A plain text, or `{nl, en}`, is a declaration without refutation."""
    if isinstance(value, str) or (isinstance(value, dict) and "text" not in value):
        return {"text": value}
    return value


Declaration = Annotated[DeclarationSpec, BeforeValidator(_declaration_from_text)]


class Category(Model):
    """A group of requirements as the source document groups them."""

    id: Identifier
    title: LocalizedText


class Decision(Model):
    """A recorded interpretation: where the source is ambiguous or conflicts with another."""

    id: Identifier
    about: list[Identifier] = Field(description="requirement ids this decision concerns")
    issue: LocalizedText
    choice: LocalizedText
    sources: list[str] = Field(default_factory=list)


class EvidenceType(Model):
    """A kind of verification document, with its names."""

    title: LocalizedText


class Lot(Model):
    """A lot (perceel): a part of the procurement a provider registers for separately."""

    id: Identifier
    title: LocalizedText
    municipalities: list[str] | None = Field(
        default=None, description="only these municipalities; null: all of the ruleset's"
    )
    section: str | None = None


class Overlap(Model):
    """A declared relation with a requirement of a base ruleset (the law), by `ruleset:id`."""

    requirement: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*:.+$", description="'jeugdwet:4.1.7'")
    kind: Literal["same", "stricter", "conflict"] = Field(
        description="same: the same duty; stricter: this one asks more than the law (both apply, never set aside); "
        "conflict: the two truly contradict each other, and `prevails` says which one decides"
    )
    prevails: Literal["this", "other"] | None = Field(default=None, description="for a conflict: which one decides")
    note: LocalizedText | None = Field(default=None, description="why: shown with the relation in every report")

    @model_validator(mode="after")
    def _conflict_says_who_prevails(self) -> Overlap:
        if self.kind == "conflict" and (self.prevails is None or self.note is None):
            msg = "een conflict moet zeggen welke eis voorgaat (prevails: this of other) en waarom (note)"
            raise ValueError(msg)
        if self.kind != "conflict" and self.prevails is not None:
            msg = "'prevails' hoort alleen bij een conflict; same en stricter gelden allebei"
            raise ValueError(msg)
        return self


class Contradiction(Model):
    """Facts that contradict each other: while they hold, the requirements they affect cannot be passed."""

    id: Identifier
    title: LocalizedText
    condition: Condition = Field(description="when this holds, the profile contradicts itself")
    affects: list[Identifier] = Field(min_length=1, description="requirement ids that cannot stand on these facts")
    note: LocalizedText | None = None


class NamedCondition(Model):
    """A condition written once and used by several requirements (`use: <name>`)."""

    description: LocalizedText = Field(description="what the condition says, for the reader of the ruleset")
    condition: Condition
    sources: list[str] = Field(
        default_factory=list, description="seed lines the condition follows ('003_….txt:970-984')"
    )


Level = Literal["input", "throughput", "output", "outcome"]


class Requirement(Model):
    """One requirement of a framework, in the source's own numbering."""

    _plain_dates = plain_dates("valid_from", "valid_to")

    id: Identifier
    title: LocalizedText
    text: str = Field(description="the Dutch source text, as printed")
    source: SourceRef
    legal: list[LegalRef] = Field(default_factory=list)
    category: Identifier
    law_scope: LawScope
    law_scope_printed: str | None = Field(default=None, description="the scope exactly as the source prints it")
    verification_flag: bool | None = Field(default=None, description="the source's own 'verificatie aanleveren' mark")
    tags: list[str] = Field(default_factory=list)
    themes: list[str] = Field(
        default_factory=list, description="Movisie's client-perspective themes (shared vocabulary)"
    )
    level: Level | None = Field(default=None, description="input, throughput, output or outcome (Handreiking 6.b)")
    overlaps: list[Overlap] = Field(default_factory=list)
    points: Decimal | None = Field(
        default=None, gt=0, description="an award criterion: the most points an assessor can give"
    )
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    per: Literal["provider", "lot"] = Field(
        default="provider",
        description="'lot': checked once for every lot the provider registers for",
    )
    lots: list[Identifier] | None = Field(default=None, description="with per: lot, only these lots (null: every lot)")
    stage: Literal["registration", "award", "contract"] = Field(
        default="registration",
        description="the first moment at which this requirement is checked: registration, award, or the running "
        "contract (periodic duties, checked on what happened)",
    )
    when: Condition | None = None
    condition: Condition | None = None
    judgement: Judgement = "facts"
    evidence: list[EvidenceSpec] = Field(default_factory=list)
    explain: ExplainRoute | None = None
    severity: Severity = "knockout"
    notes: LocalizedText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Requirement:
        if self.judgement == "facts" and self.condition is None:
            msg = "een eis met judgement 'facts' heeft een 'condition' nodig (of gebruik judgement: assessor)"
            raise ValueError(msg)
        if self.lots is not None and self.per != "lot":
            msg = "'lots' hoort bij een eis met per: lot"
            raise ValueError(msg)
        if self.points is not None and self.judgement != "assessor":
            msg = "een gunningscriterium met punten wordt door een beoordelaar gescoord: judgement: assessor"
            raise ValueError(msg)
        if self.judgement == "assessor" and self.explain is None:
            msg = "een eis met judgement 'assessor' heeft een 'explain'-route nodig: wat de aanbieder moet aantonen"
            raise ValueError(msg)
        return self


class Ruleset(Model):
    """A whole framework: metadata, vocabulary, tables, decisions and requirements."""

    _plain_dates = plain_dates("valid_from", "valid_to", "checkable_from")

    schema_version: Literal[1] = 1
    id: Identifier = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    builds_on: list[str] = Field(
        default_factory=list,
        description="base rulesets (the law) this one adds to: bundled names or paths",
    )
    title: LocalizedText
    issuer: str
    version: str
    valid_from: dt.date = Field(description="the first day of the contract period the framework governs")
    valid_to: dt.date | None = None
    checkable_from: dt.date | None = Field(
        default=None,
        description="the first reference date on which a registration can be checked, when that lies before "
        "valid_from (the registration term for agreements that start on valid_from); default: valid_from",
    )
    source: SourceDocument
    categories: list[Category]
    municipalities: list[str] = Field(
        default_factory=list, description="the municipalities that buy under this framework"
    )
    lots: list[Lot] = Field(default_factory=list)
    imports: list[str] = Field(
        default_factory=list, description="vocabulary files beside the ruleset whose facts it reads"
    )
    vocabulary: VocabularyBody | None = Field(default=None, description="facts of this ruleset's own")
    declarations: dict[str, Declaration] = Field(default_factory=dict)
    evidence_types: dict[str, EvidenceType] = Field(default_factory=dict)
    tables: dict[str, list[Any]] = Field(default_factory=dict)
    decisions: list[Decision] = Field(default_factory=list)
    conditions: dict[Identifier, NamedCondition] = Field(
        default_factory=dict,
        description="named conditions: written once, used in any condition as {use: <name>}",
    )
    contradictions: list[Contradiction] = Field(
        default_factory=list, description="facts that contradict each other: flagged, never passed"
    )
    requirements: list[Requirement] = Field(min_length=1)
