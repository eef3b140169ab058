"""What evaluation produces: a status per requirement, and a report over all of them."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

from kwaliteitsregels import _choices
from kwaliteitsregels.compiling import CompiledContradiction, CompiledRequirement, CompiledRuleset
from kwaliteitsregels.hashing import profile_hash
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.common import Text
from kwaliteitsregels.models.profile import Assessment, Explanation, Profile
from kwaliteitsregels.models.ruleset import Due, Lot
from kwaliteitsregels.recorded import Recorded
from kwaliteitsregels.stages import Stage
from kwaliteitsregels.trace import Context, Node

if TYPE_CHECKING:
    import pandas as pd


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


# Named exit policies for `Report.exit_code` (`check --fail-on`): which verdicts give exit code 1.
FAIL_ON: dict[str, frozenset[Verdict]] = {
    "fail": frozenset({Verdict.NOT_COMPLIANT}),
    "explain": frozenset({Verdict.NOT_COMPLIANT, Verdict.NEEDS_ASSESSMENT}),
}


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
    NO_LOT = "no_lot"


# The members as module names, for the paths every result goes through (evaluating, explaining, writing a
# report). Python 3.11's EnumType answers `Status.FAIL` through its own `__getattr__` hook, some 1,100
# instructions a lookup (3.12 dropped the hook); a module name is a dict lookup. Evaluating Twente with the
# law read ~300 members, writing its JSON ~1,100 (benchmarks/instructions.py: 2.98 -> 2.70 M an evaluation).
STATUS_PASS, STATUS_FAIL, STATUS_EXPLAIN = Status.PASS, Status.FAIL, Status.EXPLAIN
STATUS_NOT_APPLICABLE = Status.NOT_APPLICABLE
BASIS_MET, BASIS_NOT_MET, BASIS_NOT_DEMONSTRATED = Basis.MET, Basis.NOT_MET, Basis.NOT_DEMONSTRATED
BASIS_NOT_APPLICABLE = Basis.NOT_APPLICABLE
STATE_PENDING, STATE_ACCEPTED = ExplanationState.PENDING, ExplanationState.ACCEPTED
STATE_REJECTED, STATE_EXPIRED = ExplanationState.REJECTED, ExplanationState.EXPIRED
WHY_STAGE, WHY_LAW_SCOPE, WHY_CONDITION = NotApplicableWhy.STAGE, NotApplicableWhy.LAW_SCOPE, NotApplicableWhy.CONDITION
WHY_VALIDITY, WHY_NO_LOT = NotApplicableWhy.VALIDITY, NotApplicableWhy.NO_LOT


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
        return None if self.state is STATE_PENDING else self.given.assessment

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


_T = TypeVar("_T")
_P = ParamSpec("_P")


@dataclass(slots=True)
class RequirementResult:
    """The outcome for one requirement, with everything needed to explain it. Treat as read-only."""

    requirement: CompiledRequirement
    status: Status
    basis: Basis
    root: Any = None  # what the conditions read: the profile, or a lot view for a per-lot requirement
    context: Context | None = None
    not_applicable: NotApplicableWhy | None = None
    gaps: tuple[EvidenceGap, ...] = ()
    explanation: ExplanationRecord | None = None
    lot: str | None = None
    traces: tuple[Node | None, Node | None] | None = None  # (applicability, condition), recorded on first use
    contradicted: tuple[CompiledContradiction, ...] = ()  # facts that contradict each other: not demonstrable
    _memo: dict[tuple[str, str], Any] | None = field(default=None, init=False, repr=False, compare=False)

    def remembered(self, key: tuple[str, str], make: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """What `make(*args)` gives, made once per result: every report format names and explains the same result.

        The arguments are passed, not closed over: hundreds of results a report ask for their texts, and a
        closure a call is an allocation each.
        """
        memo = self._memo
        if memo is None:
            memo = self._memo = {}
        elif key in memo:
            found: _T = memo[key]
            return found
        made = memo[key] = make(*args, **kwargs)
        return made

    @property
    def trace(self) -> Node | None:
        """The condition's evaluation tree (recorded on first use, by evaluating again with tracing)."""
        return self._traced()[1]

    @property
    def applicability(self) -> Node | None:
        """The `when` condition's evaluation tree, if it was evaluated."""
        return self._traced()[0]

    def _traced(self) -> tuple[Node | None, Node | None]:
        if self.traces is None:
            self.traces = (None, None)
            req, ctx = self.requirement, self.context
            if ctx is not None and self.not_applicable in (None, WHY_CONDITION):
                traced = ctx.traced()
                when = req.when(self.root, traced) if req.when is not None else None
                condition = req.condition if self.not_applicable is None else None
                self.traces = (when, condition(self.root, traced) if condition is not None else None)
        return self.traces

    @property
    def id(self) -> str:
        """The requirement's own id."""
        return self.requirement.id

    @property
    def score(self) -> Decimal | None:
        """For an award criterion: the points of an accepted assessment (None until then)."""
        record = self.explanation
        if self.requirement.spec.points is None or record is None or record.state is not STATE_ACCEPTED:
            return None
        return record.given.assessment.score if record.given.assessment else None

    def reason(self, lang: Lang = "nl") -> str:
        """Why this status, in plain language, naming every failing condition."""
        return _reason()(self, _choices.lang(lang))


@functools.cache
def _reason() -> Callable[[RequirementResult, Lang], str]:
    """`reasons.reason`: it builds on this module, so it is imported on first use (once, not on every call)."""
    from kwaliteitsregels.reasons import reason  # noqa: PLC0415 - reasons build on this module

    return reason


_RANK: dict[Verdict, int] = {Verdict.COMPLIANT: 0, Verdict.NEEDS_ASSESSMENT: 1, Verdict.NOT_COMPLIANT: 2}


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """The worst of some verdicts (compliant when there are none)."""
    return max(verdicts, key=_RANK.__getitem__, default=Verdict.COMPLIANT)


def verdict_of(results: list[RequirementResult]) -> Verdict:
    """The verdict over some results: a knock-out fail, else a pending explanation, else compliant."""
    if any(r.status is STATUS_FAIL and r.requirement.spec.severity == "knockout" for r in results):
        return Verdict.NOT_COMPLIANT
    if any(r.explanation and r.explanation.state is STATE_PENDING for r in results):
        return Verdict.NEEDS_ASSESSMENT
    return Verdict.COMPLIANT


def _bought_in(lot: Lot | None, municipality: str) -> bool:
    return lot is not None and (lot.municipalities is None or municipality in lot.municipalities)


@dataclass(frozen=True, slots=True)
class Relation:
    """A declared overlap between a requirement and a base (legal) requirement, as it came out."""

    this: RequirementResult
    other: RequirementResult
    other_ruleset: str
    kind: str
    prevails: str | None
    disagree: bool
    superseded: Literal["this", "other"] | None
    this_ruleset: str = ""
    note: Text | None = None  # why, as the ruleset's author wrote it


def met(result: RequirementResult) -> bool | None:
    """True when met (a pass or an accepted explanation), False when not, None when it does not apply."""
    if result.status is STATUS_NOT_APPLICABLE:
        return None
    if result.status is STATUS_EXPLAIN:
        return result.explanation is not None and result.explanation.state is STATE_ACCEPTED
    return result.status is STATUS_PASS


def _knocks_out(result: RequirementResult) -> bool:
    return result.status is STATUS_FAIL and result.requirement.spec.severity == "knockout"


def _label(result: RequirementResult, law: dict[int, str]) -> str:
    """The requirement's id; 'ruleset:id' for one of the law a framework builds on."""
    return f"{law[id(result)]}:{result.id}" if id(result) in law else result.id


@dataclass(frozen=True, slots=True)
class LotVerdict:
    """The verdict for one lot: provider-wide requirements plus the lot's own."""

    lot: str
    verdict: Verdict
    failing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MunicipalityVerdict:
    """For one municipality: which registered lots it buys, which are admitted, and the verdict."""

    municipality: str
    verdict: Verdict
    lots: tuple[str, ...]
    admitted: tuple[str, ...]


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
    assessments_hash: str | None = None  # the municipality's assessments file, hashed apart from the submission


@dataclass(frozen=True, slots=True)
class Report:
    """All results of one profile against one ruleset on one reference date."""

    ruleset: CompiledRuleset
    profile: Profile
    peildatum: date
    stage: Stage
    results: tuple[RequirementResult, ...]
    library_version: str
    bases: tuple[Report, ...] = ()
    relations: tuple[Relation, ...] = ()
    recorded: Recorded | None = None  # the municipality's assessments file, when one was given
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)  # see `remembered`

    def remembered(self, key: str, make: Callable[[], _T]) -> _T:
        """What `make` gives, made once per report: every report format asks for it (it goes with the report)."""
        if key not in self._memo:
            self._memo[key] = make()
        found: _T = self._memo[key]
        return found

    def base_reports(self) -> dict[str, Report]:
        """The reports of every base ruleset (the law), transitively, by ruleset id."""
        found: dict[str, Report] = {}
        for base in self.bases:
            found[base.ruleset.id] = base
            found.update(base.base_reports())
        return found

    def all_relations(self) -> list[Relation]:
        """Every declared overlap, in this report and its bases."""
        return [*self.relations, *(r for base in self.base_reports().values() for r in base.relations)]

    def superseded(self) -> frozenset[int]:
        """Results set aside because a conflicting requirement prevails (by object identity)."""
        return self.remembered("superseded", self._superseded)

    def _superseded(self) -> frozenset[int]:
        out = set()
        for relation in self.all_relations():
            if relation.superseded == "this":
                out.add(id(relation.this))
            elif relation.superseded == "other":
                out.add(id(relation.other))
        return frozenset(out)

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
            profile_hash=self.recorded.submitted_hash if self.recorded else profile_hash(self.profile),
            assessments_hash=self.recorded.assessments_hash if self.recorded else None,
            peildatum=self.peildatum,
            stage=self.stage,
            library_version=self.library_version,
        )

    @property
    def verdict(self) -> Verdict:
        """Voldoet / voldoet niet / beoordeling nodig.

        Without lots: over every result. With lots: the provider-wide requirements decide first; after
        them the best lot decides, since a lot that fails is set aside on its own (Achterhoek 5.3).
        """
        return self.remembered("verdict", self._verdict)

    def _verdict(self) -> Verdict:
        general = verdict_of(self._provider_wide())
        lots = self._lot_verdicts()
        if general is Verdict.NOT_COMPLIANT or not lots:
            return general
        best = min((v.verdict for v in lots), key=_RANK.__getitem__)
        return max(general, best, key=_RANK.__getitem__)

    def _provider_wide(self) -> list[RequirementResult]:
        """Results that hold for the whole provider: own ones without a lot and the law's, minus superseded ones."""
        return self.remembered("provider_wide", self._made_provider_wide)

    def _made_provider_wide(self) -> list[RequirementResult]:
        skip = self.superseded()
        base_results = [r for base in self.base_reports().values() for r in base.results]
        return [r for r in (*self.results, *base_results) if r.lot is None and id(r) not in skip]

    def award(self) -> tuple[Decimal, Decimal] | None:
        """The weighted total of accepted scores and the maximum, over the award criteria that apply now."""
        scored = [
            r for r in self.results if r.requirement.spec.points is not None and r.status is not STATUS_NOT_APPLICABLE
        ]
        if not scored:
            return None
        total = sum((r.score or Decimal(0) for r in scored), Decimal(0))
        most = sum((r.requirement.spec.points or Decimal(0) for r in scored), Decimal(0))
        return total, most

    def lot_verdicts(self) -> list[LotVerdict]:
        """A verdict for every lot registered for: provider-wide results (the law included) plus the lot's own."""
        return list(self._lot_verdicts())

    def _lot_verdicts(self) -> tuple[LotVerdict, ...]:
        return self.remembered("lot_verdicts", self._made_lot_verdicts)

    def _made_lot_verdicts(self) -> tuple[LotVerdict, ...]:
        general = self._provider_wide()
        registered = self.profile.registration.lots if self.profile.registration else []
        law = {id(r): ruleset for ruleset, base in self.base_reports().items() for r in base.results}
        sinking = [_label(r, law) for r in general if _knocks_out(r)]  # a provider-wide knock-out sinks every lot
        verdicts = []
        for lot in registered:
            own = [r for r in self.results if r.lot == lot]
            failing = (*sinking, *(r.id for r in own if _knocks_out(r)))
            verdicts.append(LotVerdict(lot, verdict_of(general + own), failing))
        return tuple(verdicts)

    def municipality_verdicts(self) -> list[MunicipalityVerdict]:
        """For every municipality registered for: the lots bought there and admitted, and the verdict."""
        if self.profile.registration is None:
            return []
        lots = {lot.id: lot for lot in self.ruleset.spec.lots}
        by_lot = {v.lot: v for v in self._lot_verdicts()}
        verdicts = []
        for municipality in self.profile.registration.municipalities:
            here = [v for v in by_lot.values() if _bought_in(lots.get(v.lot), municipality)]
            admitted = tuple(v.lot for v in here if v.verdict is not Verdict.NOT_COMPLIANT)
            best = min((v.verdict for v in here), key=_RANK.__getitem__, default=Verdict.NOT_COMPLIANT)
            verdicts.append(MunicipalityVerdict(municipality, best, tuple(v.lot for v in here), admitted))
        return verdicts

    def counts(self) -> dict[Status, int]:
        """How many requirements got each status (every status present, zero included)."""
        counts = dict.fromkeys(Status, 0)
        for result in self.results:
            counts[result.status] += 1
        return counts

    def result(self, requirement_id: str, lot: str | None = None) -> RequirementResult:
        """The result for one requirement id (and, for a per-lot requirement, one lot)."""
        for result in self.results:
            if result.id == requirement_id and (lot is None or result.lot == lot):
                return result
        known = {r.id for r in self.results}
        raise _choices.unknown("eis", requirement_id if lot is None else f"{requirement_id} (perceel {lot})", known)

    def to_json(self, lang: Lang = "nl") -> str:
        """The report as JSON (documented in docs/report.md); same input, same bytes."""
        from kwaliteitsregels.reporting.document import to_json  # noqa: PLC0415 - reporting builds on this module

        return to_json(self, _choices.lang(lang))

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """The report as plain data, the same structure as `to_json`."""
        from kwaliteitsregels.reporting.document import to_document  # noqa: PLC0415 - reporting builds on this module

        return to_document(self, _choices.lang(lang)).model_dump(mode="json", by_alias=True)

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """One row per requirement as a pandas DataFrame (needs the `notebook` extra; see docs/reports.md)."""
        from kwaliteitsregels.reporting.frame import to_frame  # noqa: PLC0415 - reporting builds on this module

        return to_frame(self, _choices.lang(lang))

    def _repr_html_(self) -> str:
        from kwaliteitsregels.reporting.html import render_table  # noqa: PLC0415 - reporting builds on this module

        return render_table(self)

    def __repr__(self) -> str:
        """One line: `<Report twente 2026-11-23: voldoet_niet, 40 eisen>` (the full report: `print(report)`)."""
        return f"<Report {self.ruleset.id} {self.peildatum.isoformat()}: {self.verdict}, {len(self.results)} eisen>"

    def __str__(self) -> str:
        """The terminal report, plain text, 110 columns (`print(report)`)."""
        from kwaliteitsregels.reporting.text import render_text  # noqa: PLC0415 - reporting builds on this module

        return render_text(self)

    def __rich__(self) -> Any:
        """The terminal report as rich renders it, as wide as the console (`rich.print(report)`)."""
        from kwaliteitsregels.reporting.text import renderable  # noqa: PLC0415 - reporting builds on this module

        return renderable(self)

    def exit_code(
        self, fail_on: frozenset[Verdict] = frozenset({Verdict.NOT_COMPLIANT, Verdict.NEEDS_ASSESSMENT})
    ) -> int:
        """0 when the verdict is acceptable under `fail_on`, else 1 (2 is for bad input, raised earlier)."""
        return 1 if self.verdict in _choices.members(fail_on, Verdict, "fail_on") else 0
