"""A ruleset's own test cases (`rulesets/<name>/tests/*.yaml`): a profile, a reference date, the expected outcome.

Schema: `kwaliteitsregels schema test`; the format is documented in docs/tooling.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic.json_schema import models_json_schema

from kwaliteitsregels.models.common import Model, plain_dates
from kwaliteitsregels.models.profile import Profile

StatusName = Literal["pass", "fail", "explain", "not_applicable"]
BasisName = Literal["met", "not_met", "not_demonstrated", "not_applicable"]
StateName = Literal["pending", "accepted", "rejected", "expired"]
WhyName = Literal["stage", "law_scope", "when", "validity"]
VerdictName = Literal["voldoet", "voldoet_niet", "beoordeling_nodig"]
StageName = Literal["registration", "award", "contract"]


def _status_only(value: Any) -> Any:
    return {"status": value} if isinstance(value, str) else value


class ExpectedResult(Model):
    """What one requirement must come out as; a plain string is the status alone."""

    status: StatusName
    basis: BasisName | None = None
    state: StateName | None = Field(default=None, description="the explanation's state on the reference date")
    not_applicable: WhyName | None = Field(default=None, description="why the requirement does not apply")
    reason_contains: str | None = Field(default=None, description="a phrase the Dutch reason must contain")
    superseded: bool | None = Field(
        default=None, description="whether a conflicting requirement that prevails sets this one aside"
    )


Expected = Annotated[
    ExpectedResult,
    BeforeValidator(_status_only),
    WithJsonSchema({"anyOf": [{"enum": list(StatusName.__args__)}, {"$ref": "#/$defs/ExpectedResult"}]}),
]


def _verdict_only(value: Any) -> Any:
    return {"verdict": value} if isinstance(value, str) else value


class ExpectedLot(Model):
    """The verdict of one registered lot; a plain string is the verdict alone."""

    verdict: VerdictName
    failing: list[str] | None = Field(
        default=None,
        description="every requirement that sinks the lot, in any order: own ids, 'ruleset:id' for the law's",
    )


ExpectedLotVerdict = Annotated[
    ExpectedLot,
    BeforeValidator(_verdict_only),
    WithJsonSchema({"anyOf": [{"enum": list(VerdictName.__args__)}, {"$ref": "#/$defs/ExpectedLot"}]}),
]


class Expectation(Model):
    """The expected outcome of one case; state at least one thing."""

    verdict: VerdictName | None = None
    results: dict[str, Expected] = Field(
        default_factory=dict,
        description="requirement id (or 'id@lot' for a per-lot result; 'ruleset:id' for a requirement of the law "
        "the ruleset builds on) → expected outcome",
    )
    missing_documents: list[str] | None = Field(
        default=None, description="every document type on the missing-documents checklist, in any order"
    )
    lots: dict[str, ExpectedLotVerdict] = Field(
        default_factory=dict, description="lot id → its verdict (and the requirements that sink it)"
    )
    municipalities: dict[str, VerdictName] = Field(
        default_factory=dict, description="municipality → the verdict for registering there"
    )

    @model_validator(mode="after")
    def _asserts_something(self) -> Expectation:
        said = (self.verdict, self.results, self.missing_documents, self.lots, self.municipalities)
        if all(item is None or item == {} for item in said):
            msg = "een testgeval moet iets verwachten: results, verdict, missing_documents, lots of municipalities"
            raise ValueError(msg)
        return self


_PROFILE_SCHEMA = WithJsonSchema(
    {
        "anyOf": [
            {"type": "string", "description": "path to a profile file, relative to this test file"},
            {"$ref": "#/$defs/Profile"},
        ],
    },
)


class Case(Model):
    """One test case: a profile checked on a reference date, and what must come out."""

    _plain_dates = plain_dates("peildatum")

    name: str = Field(min_length=1)
    profile: Annotated[str | dict[str, Any], _PROFILE_SCHEMA]
    peildatum: dt.date | None = Field(default=None, description="reference date; default: the file's peildatum")
    stage: StageName | None = Field(default=None, description="moment of the procedure; default: the file's stage")
    expect: Expectation


class CaseFile(Model):
    """A file of test cases for one ruleset."""

    _plain_dates = plain_dates("peildatum")

    ruleset: str | None = Field(
        default=None,
        description="the ruleset: a path relative to this file or a bundled name; default: ../ruleset.yaml",
    )
    peildatum: dt.date | None = Field(default=None, description="default reference date for every case")
    stage: StageName | None = Field(default=None, description="default moment of the procedure (registration)")
    cases: list[Case] = Field(min_length=1)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a test-case file, with the profile schema inlined under `$defs`."""
    models = [
        (Profile, "validation"),
        (ExpectedResult, "validation"),
        (ExpectedLot, "validation"),
        (CaseFile, "validation"),
    ]
    _, top = models_json_schema(models, by_alias=True)  # type: ignore[arg-type]
    definitions = dict(top["$defs"])
    root: dict[str, Any] = definitions.pop("CaseFile")
    return root | {"$defs": definitions}
