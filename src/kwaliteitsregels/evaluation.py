"""Compiled ruleset × profile × reference date → report. Collects every finding; never stops early."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Literal

from kwaliteitsregels import _arguments, evidence
from kwaliteitsregels._validation import closest
from kwaliteitsregels.compiling import CompiledRequirement, CompiledRuleset
from kwaliteitsregels.errors import EvaluationError, Problem, UsageError, single
from kwaliteitsregels.facts.building import adopt, covers, union
from kwaliteitsregels.models.profile import Document, Explanation, LotView, Profile
from kwaliteitsregels.models.ruleset import EvidenceSpec
from kwaliteitsregels.recorded import AssessmentFile, FactSource, Recorded, apply
from kwaliteitsregels.results import (
    BASIS_MET,
    BASIS_NOT_APPLICABLE,
    BASIS_NOT_DEMONSTRATED,
    BASIS_NOT_MET,
    STATE_ACCEPTED,
    STATE_EXPIRED,
    STATE_PENDING,
    STATE_REJECTED,
    STATUS_EXPLAIN,
    STATUS_FAIL,
    STATUS_NOT_APPLICABLE,
    STATUS_PASS,
    WHY_CONDITION,
    WHY_LAW_SCOPE,
    WHY_NO_LOT,
    WHY_STAGE,
    WHY_VALIDITY,
    Basis,
    EvidenceGap,
    ExplanationRecord,
    ExplanationState,
    NotApplicableWhy,
    Relation,
    Report,
    RequirementResult,
    met,
)
from kwaliteitsregels.stages import STAGE_ORDER, Stage
from kwaliteitsregels.trace import Context, Outcome

_USABLE = frozenset({STATE_PENDING, STATE_ACCEPTED})


def _library_version() -> str:
    try:
        return version("kwaliteitsregels")
    except PackageNotFoundError:
        return "0+unknown"


LIBRARY_VERSION = _library_version()


class _Run:
    """Per-evaluation state: what every requirement looks up in the profile."""

    __slots__ = ("ctx", "documents", "domains", "explanations", "lots", "peildatum", "profile", "rank", "stage")

    def __init__(  # noqa: PLR0913 - one evaluation's inputs
        self,
        profile: Profile,
        peildatum: date,
        stage: Stage,
        mine: list[tuple[int, Explanation]],
        sources: dict[str, FactSource] | None = None,
        *,
        traced: bool = False,
    ) -> None:
        self.profile = profile
        self.peildatum = peildatum
        self.ctx = Context(peildatum, profile.declarations, tracing=traced, root=profile, sources=sources)
        self.domains = frozenset(profile.services.law_domains)
        self.documents: dict[str, list[Document]] = evidence.index_documents(profile.documents)
        self.stage = stage
        self.rank = STAGE_ORDER[stage]
        self.explanations: dict[str, Explanation] = {e.requirement: e for _, e in mine if e.given_on <= peildatum}
        registration = profile.registration
        products = registration.products if registration else []
        self.lots: dict[str, LotView] = {
            lot: LotView.model_construct(lot=lot, products=[p for p in products if p.lot == lot], profile=profile)
            for lot in (registration.lots if registration else [])
        }


def evaluate(  # noqa: PLR0913 - what is evaluated, then options by keyword only
    ruleset: CompiledRuleset,
    profile: Profile,
    peildatum: date,
    *,
    stage: Stage = Stage.REGISTRATION,
    assessments: AssessmentFile | None = None,
    traced: bool = False,
) -> Report:
    """Evaluate every requirement of `ruleset` (and of the rulesets it builds on) for `profile` as of `peildatum`.

    `assessments` (`load_assessments`): what the municipality established itself; an observed fact
    outweighs what the profile states, and the decision record hashes both files.

    `traced`: record why every condition came out as it did while evaluating, not on the first request
    for a reason, findings or facts (which evaluates that requirement again). The results are the same;
    it is faster when every result will be explained (a report, a batch), slower when only statuses count.
    """
    stage = _arguments.evaluation(ruleset, profile, peildatum, stage)
    profile, recorded = with_assessments(in_play(profile, [ruleset]), assessments)
    return _evaluate_with(ruleset, profile, peildatum, stage, {}, recorded, traced=traced)


def at_stage(report: Report, stage: Stage) -> Report:
    """`report` evaluated again at another moment of the procedure: same ruleset, profile, date and assessments."""
    return _evaluate_with(report.ruleset, report.profile, report.peildatum, stage, {}, report.recorded)


def gaps_at_stage(report: Report, stage: Stage) -> tuple[tuple[str | None, RequirementResult], ...]:
    """The results `report` would have at `stage` that miss a document, each with its base ruleset's id (None: own).

    Their gaps as `at_stage` gives them (own results first, then each base's, in `base_reports` order), but
    only the requirements with a document due at `stage` (for the facts or for the explanation route) are
    evaluated: no other result can miss one. Contradictions are not looked for: they change a status, never
    a gap. A look-ahead to the award costs those requirements, not a second evaluation of every ruleset.
    """
    found: list[tuple[str | None, RequirementResult]] = [(None, r) for r in _with_gaps(report.ruleset, report, stage)]
    for base_id, base in report.base_reports().items():
        found += [(base_id, r) for r in _with_gaps(base.ruleset, report, stage)]
    return tuple(found)


def _with_gaps(ruleset: CompiledRuleset, report: Report, stage: Stage) -> list[RequirementResult]:
    rank = STAGE_ORDER[stage]
    due = [req for req in ruleset.requirements if req.evidence_due[rank] or req.route_due[rank]]
    if not due:
        return []
    profile, sources = report.profile, report.recorded.sources if report.recorded else None
    mine = [(i, given) for i, given in enumerate(profile.explanations) if given.ruleset == ruleset.id]
    run = _Run(profile, report.peildatum, stage, mine, sources)
    results: list[RequirementResult] = []
    for req in due:
        results.extend(_per_lot(req, run) if req.spec.per == "lot" else [_requirement(req, run, profile)])
    return [result for result in results if result.gaps]


def with_assessments(profile: Profile, assessments: AssessmentFile | None) -> tuple[Profile, Recorded | None]:
    """The profile to evaluate and what was recorded, when an assessments file is given."""
    if assessments is None:
        return profile, None
    if not isinstance(assessments, AssessmentFile):
        raise single(UsageError, "argument-type", "assessments moet een geladen beoordeling zijn (load_assessments)")
    recorded = apply(profile, assessments)
    return recorded.profile, recorded


def in_play(profile: Profile, rulesets: Sequence[CompiledRuleset]) -> Profile:
    """`profile` with the facts of the rulesets' vocabularies, after checking what it names exists in them."""
    if (profile.declarations or profile.explanations) and not _all_known(profile, rulesets):
        lineage: dict[str, CompiledRuleset] = {}
        for ruleset in rulesets:
            lineage[ruleset.id] = ruleset
            lineage.update(ruleset.lineage())
        problems = _unknown_declarations(profile, lineage) + _unknown_rulesets(profile, lineage)
        if problems:
            raise EvaluationError(problems)
    models = rulesets[0].models if len(rulesets) == 1 else None
    if models is not None and covers(type(profile), models):
        return profile
    try:
        return adopt(profile, models or union(r.models for r in rulesets))
    except ValueError as exc:
        raise single(EvaluationError, "vocabulary-conflict", f"de woordenlijsten botsen: {exc}") from None


def _all_known(profile: Profile, rulesets: Sequence[CompiledRuleset]) -> bool:
    """Whether every declaration and explanation of `profile` names what the rulesets in play have (fast path)."""
    if len(rulesets) == 1:
        names, ids = rulesets[0].declaration_names, rulesets[0].in_play
    else:
        names = frozenset().union(*(r.declaration_names for r in rulesets))
        ids = frozenset().union(*(r.in_play for r in rulesets))
    return names.issuperset(profile.declarations) and ids.issuperset(e.ruleset for e in profile.explanations)


def _unknown_declarations(profile: Profile, lineage: dict[str, CompiledRuleset]) -> list[Problem]:
    known = sorted({name for ruleset in lineage.values() for name in ruleset.spec.declarations})
    return [
        Problem(
            "unknown-declaration",
            f"verklaring '{name}' komt in geen van de regelsets voor ({', '.join(lineage)})",
            path=f"declarations.{name}",
            suggestion=closest(name, known),
        )
        for name in profile.declarations
        if name not in known
    ]


def _unknown_rulesets(profile: Profile, lineage: dict[str, CompiledRuleset]) -> list[Problem]:
    return [
        Problem(
            "unknown-ruleset",
            f"toelichting voor regelset '{given.ruleset}', die niet wordt getoetst ({', '.join(lineage)})",
            path=f"explanations[{i}].ruleset",
            suggestion=closest(given.ruleset, list(lineage)),
        )
        for i, given in enumerate(profile.explanations)
        if given.ruleset not in lineage
    ]


def evaluate_with(  # noqa: PLR0913, PLR0917 - one evaluation's inputs, and the base reports made so far
    ruleset: CompiledRuleset,
    profile: Profile,
    peildatum: date,
    stage: Stage,
    done: dict[str, Report],
    recorded: Recorded | None = None,
    *,
    traced: bool = False,
) -> Report:
    """One ruleset; `done` holds the base reports already made, so a shared base is evaluated once."""
    stage = _arguments.evaluation(ruleset, profile, peildatum, stage)
    return _evaluate_with(ruleset, profile, peildatum, stage, done, recorded, traced=traced)


def _evaluate_with(  # noqa: PLR0913, PLR0917 - as evaluate_with, with arguments already checked
    ruleset: CompiledRuleset,
    profile: Profile,
    peildatum: date,
    stage: Stage,
    done: dict[str, Report],
    recorded: Recorded | None,
    *,
    traced: bool = False,
) -> Report:
    for base in ruleset.bases:
        if base.id not in done:
            done[base.id] = _evaluate_with(base, profile, peildatum, stage, done, recorded, traced=traced)
    bases = tuple(done[base.id] for base in ruleset.bases)
    report = _own(ruleset, profile, peildatum, stage, bases, recorded, traced=traced)
    relations = _relations(report)
    return replace(report, relations=relations) if relations else report


def _relations(report: Report) -> tuple[Relation, ...]:
    overlapping = [result for result in report.results if result.requirement.spec.overlaps]
    if not overlapping:
        return ()
    others = {
        (ruleset_id, result.id): result
        for ruleset_id, base in report.base_reports().items()
        for result in base.results
        if result.lot is None
    }
    relations = []
    for result in overlapping:
        for overlap in result.requirement.spec.overlaps:
            ruleset_id, other_id = overlap.requirement.split(":", 1)
            other = others[ruleset_id, other_id]
            this_met, other_met = _decided(result), _decided(other)
            disagree = this_met is not None and other_met is not None and this_met != other_met
            superseded: Literal["this", "other"] | None = None
            if disagree and overlap.kind == "conflict":
                superseded = "other" if overlap.prevails == "this" else "this"
            relations.append(
                Relation(
                    result,
                    other,
                    ruleset_id,
                    overlap.kind,
                    overlap.prevails,
                    disagree,
                    superseded,
                    report.ruleset.id,
                    overlap.note,
                ),
            )
    return tuple(relations)


def _decided(result: RequirementResult) -> bool | None:
    """Met or not met on the facts (or an accepted explanation); None when not applicable or not demonstrated.

    A requirement is never set aside on a fact that is missing: only decided outcomes can disagree.
    """
    accepted = result.explanation is not None and result.explanation.state is STATE_ACCEPTED
    if result.status is STATUS_EXPLAIN and accepted:
        return True
    return None if result.basis is BASIS_NOT_DEMONSTRATED else met(result)


def _own(  # noqa: PLR0913, PLR0917 - one ruleset, the profile, the moment, the bases and what was recorded
    ruleset: CompiledRuleset,
    profile: Profile,
    peildatum: date,
    stage: Stage,
    bases: tuple[Report, ...],
    recorded: Recorded | None = None,
    *,
    traced: bool = False,
) -> Report:
    spec = ruleset.spec
    first = spec.checkable_from or spec.valid_from
    if peildatum < first or (spec.valid_to is not None and peildatum > spec.valid_to):
        until = spec.valid_to.isoformat() if spec.valid_to else "onbepaald"
        message = (
            f"regelset '{spec.id}' is te toetsen van {first.isoformat()} tot {until}, "
            f"niet op peildatum {peildatum.isoformat()}"
        )
        raise single(EvaluationError, "ruleset-not-in-force", message)
    mine = [(i, given) for i, given in enumerate(profile.explanations) if given.ruleset == ruleset.id]
    _check_explanations(ruleset, mine)
    _check_registration(ruleset, profile)
    run = _Run(profile, peildatum, stage, mine, recorded.sources if recorded else None, traced=traced)
    results: list[RequirementResult] = []
    for req in ruleset.requirements:
        if req.spec.per == "lot":
            results.extend(_per_lot(req, run))
        else:
            results.append(_requirement(req, run, profile))
    _flag_contradictions(ruleset, run, results)
    return Report(ruleset, profile, peildatum, stage, tuple(results), LIBRARY_VERSION, bases, recorded=recorded)


def _flag_contradictions(ruleset: CompiledRuleset, run: _Run, results: list[RequirementResult]) -> None:
    """Requirements resting on facts that contradict each other are not demonstrated, whatever they said.

    Looked for without a trace, even in a traced evaluation: most profiles have no contradiction, and a
    contradiction's reason records its own trace (`reasons._contradicted`).
    """
    ctx = run.ctx.quick()
    found = [c for c in ruleset.contradictions if c.check(run.profile, ctx).outcome is True]
    if not found:
        return
    for i, result in enumerate(results):
        hit = tuple(c for c in found if result.id in c.affects)
        if hit and result.status is not STATUS_NOT_APPLICABLE:
            results[i] = replace(
                result, status=STATUS_FAIL, basis=BASIS_NOT_DEMONSTRATED, explanation=None, contradicted=hit
            )


def _per_lot(req: CompiledRequirement, run: _Run) -> list[RequirementResult]:
    lots = [lot for lot in run.lots if req.spec.lots is None or lot in req.spec.lots]
    if not lots:
        return [_not_applicable(req, WHY_NO_LOT)]
    results = []
    for lot in lots:
        result = _requirement(req, run, run.lots[lot])
        result.lot = lot
        results.append(result)
    return results


def _check_registration(ruleset: CompiledRuleset, profile: Profile) -> None:
    """Lots and municipalities registered for must exist in the ruleset: a typo is an error."""
    registration = profile.registration
    if registration is None or (not ruleset.spec.lots and not ruleset.spec.municipalities):
        return
    lots = [lot.id for lot in ruleset.spec.lots]
    problems = [
        Problem(
            "unknown-lot",
            f"perceel '{lot}' bestaat niet in regelset '{ruleset.id}'",
            path=f"registration.lots[{i}]",
            suggestion=closest(lot, lots),
        )
        for i, lot in enumerate(registration.lots)
        if lot not in lots
    ]
    problems += [
        Problem(
            "unknown-municipality",
            f"gemeente '{name}' koopt niet in onder regelset '{ruleset.id}'",
            path=f"registration.municipalities[{i}]",
            suggestion=closest(name, ruleset.spec.municipalities),
        )
        for i, name in enumerate(registration.municipalities)
        if name not in ruleset.spec.municipalities
    ]
    if problems:
        raise EvaluationError(problems)


def _check_explanations(ruleset: CompiledRuleset, mine: list[tuple[int, Explanation]]) -> None:
    """An explanation aimed at this ruleset must name one of its requirements: a typo is an error, not a silent fail.

    `mine`: the explanations aimed at this ruleset, with their places in the profile (another ruleset in play
    checks its own; an unknown ruleset was refused by `in_play`).
    """
    ids, rid = ruleset.requirement_ids, ruleset.id
    problems = []
    for i, given in mine:
        if given.requirement not in ids:
            message = f"toelichting voor eis '{given.requirement}', die regelset '{rid}' niet heeft"
            suggestion = closest(given.requirement, sorted(ids))
            path = f"explanations[{i}].requirement"
            problems.append(Problem("unknown-requirement", message, path=path, suggestion=suggestion))
        elif given.assessment is not None and given.assessment.score is not None:
            problems += _score_problems(ruleset, given, f"explanations[{i}].assessment.score")
    if problems:
        raise EvaluationError(problems)


def _score_problems(ruleset: CompiledRuleset, given: Explanation, path: str) -> list[Problem]:
    points = next(r.spec.points for r in ruleset.requirements if r.id == given.requirement)
    score = given.assessment.score if given.assessment else None
    if points is None:
        return [
            Problem(
                "score-without-points", f"eis '{given.requirement}' is geen gunningscriterium met punten", path=path
            )
        ]
    if score is not None and score > points:
        return [
            Problem(
                "score-too-high",
                f"score {score} is meer dan de {points} punten van eis '{given.requirement}'",
                path=path,
            )
        ]
    return []


def _outside(req: CompiledRequirement, peildatum: date) -> bool:
    spec = req.spec
    return bool((spec.valid_from and peildatum < spec.valid_from) or (spec.valid_to and peildatum > spec.valid_to))


def _not_applicable(
    req: CompiledRequirement,
    why: NotApplicableWhy,
    root: Any = None,
    ctx: Context | None = None,
) -> RequirementResult:
    return RequirementResult(req, STATUS_NOT_APPLICABLE, BASIS_NOT_APPLICABLE, root, ctx, why)


def _requirement(req: CompiledRequirement, run: _Run, root: Profile | LotView) -> RequirementResult:
    if req.windowed and _outside(req, run.peildatum):
        return _not_applicable(req, WHY_VALIDITY)
    if req.stage_rank > run.rank:
        return _not_applicable(req, WHY_STAGE)
    if req.law_domains.isdisjoint(run.domains):
        return _not_applicable(req, WHY_LAW_SCOPE)
    when = req.when(root, run.ctx) if req.when is not None else None
    if when is not None and when.outcome is False:
        result = _not_applicable(req, WHY_CONDITION, root, run.ctx)
        node = None
    else:
        node = req.condition(root, run.ctx) if req.condition is not None else None
        outcome = node.outcome if node is not None else None
        if req.assessor:
            result = _assessed(req, run, root, True if node is None else outcome)
        else:
            result = _by_facts(req, run, root, outcome)
    if run.ctx.tracing:  # what a reason would evaluate again to record: the same trees, recorded now
        result.traces = (when, node)
    return result


def _gaps(specs: tuple[EvidenceSpec, ...], run: _Run) -> tuple[EvidenceGap, ...]:
    return evidence.gaps(specs, run.documents, run.peildatum) if specs else ()


def _by_facts(req: CompiledRequirement, run: _Run, root: Any, outcome: Outcome) -> RequirementResult:
    due = req.evidence_due[run.rank]
    gaps = evidence.gaps(due, run.documents, run.peildatum) if due else ()
    if outcome is True and not gaps:
        return RequirementResult(req, STATUS_PASS, BASIS_MET, root, run.ctx, None, gaps)
    basis = BASIS_NOT_MET if outcome is False else BASIS_NOT_DEMONSTRATED
    explain = req.spec.explain
    given = run.explanations.get(req.spec.id) if explain is not None else None
    if given is None or explain is None:
        return RequirementResult(req, STATUS_FAIL, basis, root, run.ctx, None, gaps)
    record = _record(explain.kind, given, basis, run.peildatum)
    if record.state not in _USABLE:
        return RequirementResult(req, STATUS_FAIL, basis, root, run.ctx, None, gaps, record)
    route_gaps = _gaps(req.route_due[run.rank], run)
    status = STATUS_FAIL if route_gaps else STATUS_EXPLAIN
    return RequirementResult(req, status, basis, root, run.ctx, None, route_gaps, record)


def _assessed(req: CompiledRequirement, run: _Run, root: Any, precondition: Outcome) -> RequirementResult:
    explain = req.spec.explain
    assert explain is not None  # noqa: S101 - the model guarantees an explain route for assessor judgement
    gaps = _gaps(req.evidence_due[run.rank], run) + _gaps(req.route_due[run.rank], run)
    if precondition is False:
        return RequirementResult(req, STATUS_FAIL, BASIS_NOT_MET, root, run.ctx, None, gaps)
    given = run.explanations.get(req.spec.id)
    if given is None:
        return RequirementResult(req, STATUS_FAIL, BASIS_NOT_DEMONSTRATED, root, run.ctx, None, gaps)
    record = _record(explain.kind, given, BASIS_NOT_DEMONSTRATED, run.peildatum)
    if record.state in _USABLE and not gaps and precondition:
        return RequirementResult(req, STATUS_EXPLAIN, BASIS_NOT_DEMONSTRATED, root, run.ctx, None, gaps, record)
    basis = BASIS_NOT_MET if record.state is STATE_REJECTED else BASIS_NOT_DEMONSTRATED
    return RequirementResult(req, STATUS_FAIL, basis, root, run.ctx, None, gaps, record)


def _state(given: Explanation, peildatum: date) -> ExplanationState:
    assessment = given.assessment
    if assessment is None or assessment.decided_on > peildatum:
        return STATE_PENDING
    if assessment.decision == "rejected":
        return STATE_REJECTED
    if assessment.valid_until is not None and assessment.valid_until < peildatum:
        return STATE_EXPIRED
    return STATE_ACCEPTED


def _record(kind: str, given: Explanation, covers: Basis, peildatum: date) -> ExplanationRecord:
    return ExplanationRecord(kind, _state(given, peildatum), given, covers)
