"""Compiled ruleset × profile × reference date → report. Collects every finding; never stops early."""

from __future__ import annotations

from datetime import date
from importlib.metadata import PackageNotFoundError, version

from kwaliteitsregels import evidence
from kwaliteitsregels.compiling import CompiledRequirement, CompiledRuleset
from kwaliteitsregels.errors import EvaluationError, single
from kwaliteitsregels.models.profile import Explanation, Profile
from kwaliteitsregels.models.ruleset import Due
from kwaliteitsregels.results import (
    DUE_AT,
    STAGE_ORDER,
    Basis,
    EvidenceGap,
    ExplanationRecord,
    ExplanationState,
    NotApplicableWhy,
    Report,
    RequirementResult,
    Stage,
    Status,
)
from kwaliteitsregels.trace import Context, Node


def _library_version() -> str:
    try:
        return version("kwaliteitsregels")
    except PackageNotFoundError:
        return "0+unknown"


LIBRARY_VERSION = _library_version()


class _Run:
    """Per-evaluation state: what every requirement looks up in the profile."""

    __slots__ = ("ctx", "documents", "domains", "due", "explanations", "profile", "stage")

    def __init__(self, ruleset: CompiledRuleset, profile: Profile, peildatum: date, stage: Stage) -> None:
        self.profile = profile
        self.ctx = Context(peildatum, profile.declarations)
        self.domains = frozenset(profile.services.law_domains)
        self.documents = evidence.index_documents(profile.documents)
        self.due: frozenset[Due] = DUE_AT[stage]
        self.stage = stage
        self.explanations = {e.requirement: e for e in profile.explanations if e.ruleset == ruleset.id}


def evaluate(
    ruleset: CompiledRuleset,
    profile: Profile,
    peildatum: date,
    *,
    stage: Stage = Stage.REGISTRATION,
) -> Report:
    """Evaluate every requirement of `ruleset` for `profile` as of `peildatum`."""
    spec = ruleset.spec
    if peildatum < spec.valid_from or (spec.valid_to is not None and peildatum > spec.valid_to):
        until = spec.valid_to.isoformat() if spec.valid_to else "onbepaald"
        message = (
            f"regelset '{spec.id}' geldt van {spec.valid_from.isoformat()} tot {until}, "
            f"niet op peildatum {peildatum.isoformat()}"
        )
        raise single(EvaluationError, "ruleset-not-in-force", message)
    run = _Run(ruleset, profile, peildatum, stage)
    results = tuple(_requirement(req, run) for req in ruleset.requirements)
    return Report(ruleset, profile, peildatum, stage, results, LIBRARY_VERSION)


def _not_applicable(req: CompiledRequirement, run: _Run) -> tuple[NotApplicableWhy | None, Node | None]:
    spec = req.spec
    peildatum = run.ctx.peildatum
    if (spec.valid_from and peildatum < spec.valid_from) or (spec.valid_to and peildatum > spec.valid_to):
        return NotApplicableWhy.VALIDITY, None
    if STAGE_ORDER[spec.stage] > STAGE_ORDER[run.stage]:
        return NotApplicableWhy.STAGE, None
    if not req.law_domains & run.domains:
        return NotApplicableWhy.LAW_SCOPE, None
    if req.when is None:
        return None, None
    node = req.when(run.profile, run.ctx)
    return (NotApplicableWhy.CONDITION if node.outcome is False else None), node


def _requirement(req: CompiledRequirement, run: _Run) -> RequirementResult:
    why, applicability = _not_applicable(req, run)
    if why is not None:
        return RequirementResult(
            req, Status.NOT_APPLICABLE, Basis.NOT_APPLICABLE, applicability=applicability, not_applicable=why
        )
    trace = req.condition(run.profile, run.ctx) if req.condition is not None else None
    if req.spec.judgement == "assessor":
        return _assessed(req, run, trace, applicability)
    return _by_facts(req, run, trace, applicability)


def _basis(trace: Node | None, gaps: tuple[EvidenceGap, ...]) -> Basis:
    outcome = trace.outcome if trace is not None else None
    if outcome is False:
        return Basis.NOT_MET
    if outcome is None or gaps:
        return Basis.NOT_DEMONSTRATED
    return Basis.MET


def _by_facts(req: CompiledRequirement, run: _Run, trace: Node | None, applicability: Node | None) -> RequirementResult:
    spec = req.spec
    gaps = evidence.gaps(spec.evidence, run.documents, run.ctx.peildatum, run.due)
    basis = _basis(trace, gaps)
    given = run.explanations.get(spec.id)
    if basis is Basis.MET or spec.explain is None or given is None or given.given_on > run.ctx.peildatum:
        status = Status.PASS if basis is Basis.MET else Status.FAIL
        return RequirementResult(req, status, basis, trace, applicability, gaps=gaps)
    record = _record(spec.explain.kind, given, basis, run.ctx.peildatum)
    route_gaps = evidence.gaps(spec.explain.evidence, run.documents, run.ctx.peildatum, run.due)
    if record.state in (ExplanationState.REJECTED, ExplanationState.EXPIRED):
        return RequirementResult(req, Status.FAIL, basis, trace, applicability, gaps=gaps, explanation=record)
    status = Status.FAIL if route_gaps else Status.EXPLAIN
    return RequirementResult(req, status, basis, trace, applicability, gaps=route_gaps, explanation=record)


def _assessed(req: CompiledRequirement, run: _Run, trace: Node | None, applicability: Node | None) -> RequirementResult:
    spec = req.spec
    assert spec.explain is not None  # noqa: S101 - the model guarantees an explain route for assessor judgement
    gaps = evidence.gaps([*spec.evidence, *spec.explain.evidence], run.documents, run.ctx.peildatum, run.due)
    precondition = trace.outcome if trace is not None else True
    given = run.explanations.get(spec.id)
    if precondition is False:
        return RequirementResult(req, Status.FAIL, Basis.NOT_MET, trace, applicability, gaps=gaps)
    if given is None or given.given_on > run.ctx.peildatum:
        return RequirementResult(req, Status.FAIL, Basis.NOT_DEMONSTRATED, trace, applicability, gaps=gaps)
    record = _record(spec.explain.kind, given, Basis.NOT_DEMONSTRATED, run.ctx.peildatum)
    usable = record.state in (ExplanationState.PENDING, ExplanationState.ACCEPTED) and not gaps and precondition
    if usable:
        return RequirementResult(
            req, Status.EXPLAIN, Basis.NOT_DEMONSTRATED, trace, applicability, gaps=gaps, explanation=record
        )
    basis = Basis.NOT_MET if record.state is ExplanationState.REJECTED else Basis.NOT_DEMONSTRATED
    return RequirementResult(req, Status.FAIL, basis, trace, applicability, gaps=gaps, explanation=record)


def _state(given: Explanation, peildatum: date) -> ExplanationState:
    assessment = given.assessment
    if assessment is None or assessment.decided_on > peildatum:
        return ExplanationState.PENDING
    if assessment.decision == "rejected":
        return ExplanationState.REJECTED
    if assessment.valid_until is not None and assessment.valid_until < peildatum:
        return ExplanationState.EXPIRED
    return ExplanationState.ACCEPTED


def _record(kind: str, given: Explanation, covers: Basis, peildatum: date) -> ExplanationRecord:
    state = _state(given, peildatum)
    decided = given.assessment if state is not ExplanationState.PENDING else None
    return ExplanationRecord(
        kind=kind,
        state=state,
        text=given.text,
        given_by=given.given_by,
        given_on=given.given_on,
        decided_by=decided.by if decided else None,
        decided_on=decided.decided_on if decided else None,
        valid_until=decided.valid_until if decided else None,
        note=decided.note if decided else None,
        covers=covers,
    )
