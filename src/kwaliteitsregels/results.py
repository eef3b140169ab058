"""What evaluation produces: a status per requirement, and a report over all of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from kwaliteitsregels.compiling import CompiledRequirement, CompiledRuleset
from kwaliteitsregels.hashing import canonical_hash
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.profile import Assessment, Explanation, Profile
from kwaliteitsregels.models.ruleset import Due
from kwaliteitsregels.stages import Stage
from kwaliteitsregels.trace import Node


class Status(StrEnum):
    """The outcome for one requirement."""

    PASS = "pass"  # noqa: S105 - a status, not a password
    FAIL = "fail"
    EXPLAIN = "explain"
    NOT_APPLICABLE = "not_applicable"


class Basis(StrEnum):
    """The raw verdict the facts give, before any explanation: met, not met, not demonstrated."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_DEMONSTRATED = "not_demonstrated"
    NOT_APPLICABLE = "not_applicable"


class Verdict(StrEnum):
    """The verdict over a whole ruleset."""

    COMPLIANT = "voldoet"
    NOT_COMPLIANT = "voldoet_niet"
    NEEDS_ASSESSMENT = "beoordeling_nodig"


class ExplanationState(StrEnum):
    """Where an explanation stands on the reference date."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EXPIRED = "expired"


class GapReason(StrEnum):
    """Why a verification document counts as missing."""

    ABSENT = "absent"
    EXPIRED = "expired"
    TOO_OLD = "too_old"
    UNDATED = "undated"
    NOT_YET_ISSUED = "not_yet_issued"


class NotApplicableWhy(StrEnum):
    """Why a requirement does not apply."""

    STAGE = "stage"
    LAW_SCOPE = "law_scope"
    CONDITION = "when"
    VALIDITY = "validity"


@dataclass(frozen=True, slots=True)
class EvidenceGap:
    """A verification document that is missing, expired or too old on the reference date."""

    type: str
    due: Due
    reason: GapReason
    max_age: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    not_before: date | None = None


@dataclass(slots=True)
class ExplanationRecord:
    """The governed record of a pas-toe-of-leg-uit explanation, as it stands on the peildatum. Read-only."""

    kind: str
    state: ExplanationState
    given: Explanation
    covers: Basis

    @property
    def text(self) -> str:
        """The provider's explanation."""
        return self.given.text

    @property
    def given_by(self) -> str:
        """Who gave the explanation."""
        return self.given.given_by

    @property
    def given_on(self) -> date:
        """When the explanation was given."""
        return self.given.given_on

    @property
    def _decision(self) -> Assessment | None:
        return None if self.state is ExplanationState.PENDING else self.given.assessment

    @property
    def decided_by(self) -> str | None:
        """The assessor, once decided on or before the peildatum."""
        return self._decision.by if self._decision else None

    @property
    def decided_on(self) -> date | None:
        """When the assessor decided."""
        return self._decision.decided_on if self._decision else None

    @property
    def valid_until(self) -> date | None:
        """Until when an acceptance holds."""
        return self._decision.valid_until if self._decision else None

    @property
    def note(self) -> str | None:
        """The assessor's note."""
        return self._decision.note if self._decision else None


@dataclass(slots=True)
class RequirementResult:
    """The outcome for one requirement, with everything needed to explain it. Treat as read-only."""

    requirement: CompiledRequirement
    status: Status
    basis: Basis
    trace: Node | None = None
    applicability: Node | None = None
    not_applicable: NotApplicableWhy | None = None
    gaps: tuple[EvidenceGap, ...] = ()
    explanation: ExplanationRecord | None = None

    @property
    def id(self) -> str:
        """The requirement's own id."""
        return self.requirement.id

    def reason(self, lang: Lang = "nl") -> str:
        """Why this status, in plain language, naming every failing condition."""
        from kwaliteitsregels.reasons import reason  # noqa: PLC0415 - reasons build on this module

        return reason(self, lang)


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """What exactly was evaluated: enough to reproduce the report."""

    ruleset_id: str
    ruleset_version: str
    ruleset_hash: str
    profile_hash: str
    peildatum: date
    stage: Stage
    library_version: str


@dataclass(frozen=True, slots=True)
class Report:
    """All results of one profile against one ruleset on one reference date."""

    ruleset: CompiledRuleset
    profile: Profile
    peildatum: date
    stage: Stage
    results: tuple[RequirementResult, ...]
    library_version: str

    @property
    def provider(self) -> str:
        """The provider's name."""
        return self.profile.organisation.name

    @property
    def record(self) -> DecisionRecord:
        """The decision record (hashes are computed on request, not on the hot path)."""
        spec = self.ruleset.spec
        return DecisionRecord(
            ruleset_id=spec.id,
            ruleset_version=spec.version,
            ruleset_hash=self.ruleset.content_hash,
            profile_hash=canonical_hash(self.profile.model_dump(mode="json")),
            peildatum=self.peildatum,
            stage=self.stage,
            library_version=self.library_version,
        )

    @property
    def verdict(self) -> Verdict:
        """Voldoet / voldoet niet / beoordeling nodig."""
        blocking = [r for r in self.results if r.requirement.spec.severity == "knockout"]
        if any(r.status is Status.FAIL for r in blocking):
            return Verdict.NOT_COMPLIANT
        if any(r.explanation and r.explanation.state is ExplanationState.PENDING for r in self.results):
            return Verdict.NEEDS_ASSESSMENT
        return Verdict.COMPLIANT

    def counts(self) -> dict[Status, int]:
        """How many requirements got each status (every status present, zero included)."""
        counts = dict.fromkeys(Status, 0)
        for result in self.results:
            counts[result.status] += 1
        return counts

    def result(self, requirement_id: str) -> RequirementResult:
        """The result for one requirement id."""
        for result in self.results:
            if result.id == requirement_id:
                return result
        raise KeyError(requirement_id)

    def to_json(self, lang: Lang = "nl") -> str:
        """The report as JSON (documented in docs/report.md); same input, same bytes."""
        from kwaliteitsregels.reporting.document import to_json  # noqa: PLC0415 - reporting builds on this module

        return to_json(self, lang)

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """The report as plain data, the same structure as `to_json`."""
        from kwaliteitsregels.reporting.document import to_document  # noqa: PLC0415 - reporting builds on this module

        return to_document(self, lang).model_dump(mode="json", by_alias=True)

    def _repr_html_(self) -> str:
        from kwaliteitsregels.reporting.html import render_table  # noqa: PLC0415 - reporting builds on this module

        return render_table(self)

    def exit_code(
        self, fail_on: frozenset[Verdict] = frozenset({Verdict.NOT_COMPLIANT, Verdict.NEEDS_ASSESSMENT})
    ) -> int:
        """0 when the verdict is acceptable under `fail_on`, else 1 (2 is for bad input, raised earlier)."""
        return 1 if self.verdict in fail_on else 0
