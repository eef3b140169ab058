"""Running a ruleset's own test cases, the mismatches they show, and rule coverage.

Rule coverage counts only outcomes a case asserts (a requirement listed under `expect.results`):
an outcome nobody checks proves nothing. Per requirement:

- exercised: asserted at least once with a status other than `not_applicable`;
- accepted: asserted at least once as `pass`, or as `explain` with an accepted explanation;
- rejected: asserted at least once as `fail`;
- covered: both accepted and rejected.

Coverage = covered requirements / all requirements of the ruleset. A pending explanation exercises a
requirement but says nothing yet about what it accepts or rejects, so it counts for neither side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kwaliteitsregels.authoring.casefiles import TESTS_FOLDER, CaseLoader, LoadedCase, LoadedCaseFile, case_files
from kwaliteitsregels.bundled import RULESET_FILE
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError, Problem
from kwaliteitsregels.evaluation import evaluate
from kwaliteitsregels.explain import missing_documents
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.testcase import ExpectedResult
from kwaliteitsregels.results import ExplanationState, Report, RequirementResult, Status


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One expectation the outcome did not meet."""

    kind: str  # "result", "reason", "verdict", "missing", "lot", "lot_failing" or "municipality"
    key: str  # the requirement key ('37a', '37a@lot', 'jeugdwet:4.1.6'), the lot or municipality, or
    expected: str
    actual: str
    reason: str | None = None
    line: int | None = None
    only_expected: tuple[str, ...] = ()
    only_actual: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Observation:
    """An asserted requirement's actual outcome, for coverage."""

    requirement: str
    status: Status
    accepted: bool


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    """What running one case showed."""

    case: LoadedCase
    mismatches: tuple[Mismatch, ...]
    observations: tuple[Observation, ...]
    error: str | None = None

    @property
    def passed(self) -> bool:
        """No mismatch and no error."""
        return not self.mismatches and self.error is None


def result_key(result: RequirementResult) -> str:
    """`37a`, or `37a@lot` for a per-lot result."""
    return result.id if result.lot is None else f"{result.id}@{result.lot}"


def describe(result: RequirementResult) -> str:
    """`fail basis=not_met state=rejected`: the actual outcome in the words of a case file."""
    parts = [str(result.status), f"basis={result.basis}"]
    if result.explanation is not None:
        parts.append(f"state={result.explanation.state}")
    if result.not_applicable is not None:
        parts.append(f"not_applicable={result.not_applicable}")
    return " ".join(parts)


def _wanted(want: ExpectedResult) -> str:
    parts: list[str] = [want.status]
    parts += [f"{name}={value}" for name, value in (("basis", want.basis), ("state", want.state)) if value]
    if want.not_applicable:
        parts.append(f"not_applicable={want.not_applicable}")
    return " ".join(parts)


def _matches(want: ExpectedResult, result: RequirementResult) -> bool:
    state = str(result.explanation.state) if result.explanation is not None else None
    why = str(result.not_applicable) if result.not_applicable is not None else None
    pairs = ((want.status, str(result.status)), (want.basis, str(result.basis)), (want.state, state))
    return all(w is None or w == a for w, a in (*pairs, (want.not_applicable, why)))


def _compare(  # noqa: PLR0913, PLR0917 - the expectation, the result and what it is judged against
    case: LoadedCase,
    key: str,
    want: ExpectedResult,
    result: RequirementResult | None,
    lang: Lang,
    superseded: frozenset[int] = frozenset(),
) -> list[Mismatch]:
    line = case.expectation_lines.get(key)
    if result is None:
        return [Mismatch("result", key, _wanted(want), "", line=line)]
    shown = result.reason(lang)
    found = []
    if not _matches(want, result):
        found.append(Mismatch("result", key, _wanted(want), describe(result), shown, line))
    if want.reason_contains is not None and want.reason_contains not in result.reason("nl"):
        found.append(Mismatch("reason", key, want.reason_contains, describe(result), shown, line))
    if want.superseded is not None and want.superseded != (id(result) in superseded):
        wanted, actual = (f"superseded={flag}".lower() for flag in (want.superseded, id(result) in superseded))
        found.append(Mismatch("result", key, wanted, actual, shown, line))
    return found


def _observation(result: RequirementResult) -> Observation:
    accepted = result.status is Status.PASS or (
        result.status is Status.EXPLAIN
        and result.explanation is not None
        and result.explanation.state is ExplanationState.ACCEPTED
    )
    return Observation(result.id, result.status, accepted)


def run_case(case: LoadedCase, ruleset: CompiledRuleset, lang: Lang = "nl") -> CaseOutcome:
    """Evaluate the case's profile and compare every expectation; reasons are shown in `lang`."""
    try:
        report = evaluate(ruleset, case.profile, case.peildatum, stage=case.stage)
    except KwaliteitsregelsError as error:
        return CaseOutcome(case, (), (), "; ".join(f"{p.message} ({p.code})" for p in error.problems))
    by_key = {result_key(r): r for r in report.results}
    by_key |= {f"{base_id}:{result_key(r)}": r for base_id, base in report.base_reports().items() for r in base.results}
    expect = case.spec.expect
    mismatches: list[Mismatch] = []
    observations = []
    for key, want in expect.results.items():
        result = by_key.get(key)
        mismatches += _compare(case, key, want, result, lang, report.superseded())
        if result is not None and ":" not in key:  # coverage counts this ruleset's own requirements
            observations.append(_observation(result))
    if expect.verdict is not None and expect.verdict != str(report.verdict):
        mismatches.append(Mismatch("verdict", "", expect.verdict, str(report.verdict)))
    mismatches += _lots(case, report)
    mismatches += [
        Mismatch("municipality", name, want, got)
        for name, want in expect.municipalities.items()
        if want != (got := _municipality(report, name))
    ]
    if expect.missing_documents is not None:
        actual = sorted(item.type for item in missing_documents(report))
        wanted = sorted(expect.missing_documents)
        if actual != wanted:
            extra = tuple(t for t in actual if t not in wanted)
            lacking = tuple(t for t in wanted if t not in actual)
            mismatches.append(Mismatch("missing", "", ", ".join(wanted), ", ".join(actual), None, None, lacking, extra))
    return CaseOutcome(case, tuple(mismatches), tuple(observations))


def _lots(case: LoadedCase, report: Report) -> list[Mismatch]:
    """The verdict of each lot the case names, and (when it says) the exact set of requirements sinking it."""
    verdicts = {v.lot: v for v in report.lot_verdicts()}
    found = []
    for lot, want in case.spec.expect.lots.items():
        line = case.expectation_lines.get(f"lot:{lot}")
        verdict = verdicts.get(lot)
        if verdict is None:
            found.append(Mismatch("lot", lot, want.verdict, "", line=line))
            continue
        if want.verdict != str(verdict.verdict):
            found.append(Mismatch("lot", lot, want.verdict, str(verdict.verdict), line=line))
        if want.failing is not None and set(want.failing) != set(verdict.failing):
            wanted, actual = sorted(want.failing), sorted(set(verdict.failing))
            only_expected = tuple(r for r in wanted if r not in actual)
            only_actual = tuple(r for r in actual if r not in wanted)
            shown = ", ".join(wanted), ", ".join(actual)
            found.append(Mismatch("lot_failing", lot, *shown, None, line, only_expected, only_actual))
    return found


def _municipality(report: Report, name: str) -> str:
    """The verdict for registering in municipality `name`; '' when the profile does not register there."""
    return next((str(v.verdict) for v in report.municipality_verdicts() if v.municipality == name), "")


@dataclass(frozen=True, slots=True)
class RequirementCoverage:
    """How one requirement was seen across the asserted outcomes."""

    id: str
    exercised: bool
    accepted: bool
    rejected: bool

    @property
    def covered(self) -> bool:
        """Seen both accepting and rejecting."""
        return self.accepted and self.rejected


@dataclass(frozen=True, slots=True)
class Coverage:
    """Rule coverage of one ruleset (definition in the module docstring and docs/tooling.md)."""

    requirements: tuple[RequirementCoverage, ...]

    @property
    def covered(self) -> int:
        """How many requirements are covered."""
        return sum(r.covered for r in self.requirements)

    @property
    def percent(self) -> float:
        """Covered requirements as a percentage of all."""
        return 100.0 * self.covered / len(self.requirements) if self.requirements else 100.0

    def never(self, aspect: str) -> list[str]:
        """Requirement ids never `exercised`, `accepted` or `rejected`."""
        return [r.id for r in self.requirements if not getattr(r, aspect)]


def coverage(ruleset: CompiledRuleset, outcomes: Iterable[CaseOutcome]) -> Coverage:
    """Which requirements the asserted outcomes exercised, saw accepting and saw rejecting."""
    seen = [o for outcome in outcomes for o in outcome.observations]
    rows = []
    for requirement in dict.fromkeys(r.id for r in ruleset.requirements):
        mine = [o for o in seen if o.requirement == requirement]
        rows.append(
            RequirementCoverage(
                requirement,
                exercised=any(o.status is not Status.NOT_APPLICABLE for o in mine),
                accepted=any(o.accepted for o in mine),
                rejected=any(o.status is Status.FAIL for o in mine),
            ),
        )
    return Coverage(tuple(rows))


@dataclass(frozen=True, slots=True)
class RulesetRun:
    """One ruleset's cases, their outcomes and its coverage."""

    ruleset: CompiledRuleset
    files: tuple[Path, ...]
    outcomes: tuple[CaseOutcome, ...]
    coverage: Coverage


@dataclass(frozen=True, slots=True)
class TestRun:
    """Every ruleset tested in one run."""

    rulesets: tuple[RulesetRun, ...]

    @property
    def outcomes(self) -> list[CaseOutcome]:
        """Every case outcome, ruleset by ruleset."""
        return [o for run in self.rulesets for o in run.outcomes]

    def below(self, min_coverage: float | None) -> list[RulesetRun]:
        """The rulesets whose coverage is under `min_coverage` percent."""
        if min_coverage is None:
            return []
        return [run for run in self.rulesets if run.coverage.percent < min_coverage]

    def exit_code(self, min_coverage: float | None = None) -> int:
        """0 when every case passed and coverage is high enough, else 1."""
        failed = any(not o.passed for o in self.outcomes)
        return 1 if failed or self.below(min_coverage) else 0


def _walk(path: Path) -> tuple[list[Path], list[Path]]:
    """Ruleset files and case files at or below `path`."""
    if path.is_file():
        return ([path], case_files(path)) if path.name == RULESET_FILE else ([], [path])
    if path.name == TESTS_FOLDER and (path.parent / RULESET_FILE).is_file():
        return [path.parent / RULESET_FILE], case_files(path.parent / RULESET_FILE)
    found = path.rglob(RULESET_FILE)
    rulesets = sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(path).parts))
    return rulesets, [case for ruleset in rulesets for case in case_files(ruleset)]


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """The ruleset files and the case files that `paths` name, each once, in order."""
    rulesets: dict[Path, None] = {}
    cases: dict[Path, None] = {}
    for path in paths:
        found_rulesets, found_cases = _walk(path)
        rulesets.update(dict.fromkeys(found_rulesets))
        cases.update(dict.fromkeys(found_cases))
    return list(rulesets), list(cases)


def run_paths(paths: Iterable[Path], loader: CaseLoader | None = None, lang: Lang = "nl") -> TestRun:
    """Load every case file (raising with every problem of every file), run every case, measure coverage."""
    loader = loader or CaseLoader()
    ruleset_files, files = discover(paths)
    loaded: list[LoadedCaseFile] = []
    problems: list[Problem] = []
    for path in files:
        try:
            loaded.append(loader.load(path))
        except KwaliteitsregelsError as error:
            problems += error.problems
    rulesets = {}
    for path in ruleset_files:
        try:
            rulesets[path.resolve()] = loader.ruleset(path)
        except KwaliteitsregelsError as error:
            problems += error.problems
    if problems:
        raise KwaliteitsregelsError(list(dict.fromkeys(problems)))
    for item in loaded:
        rulesets.setdefault(Path(item.ruleset.source).resolve(), item.ruleset)
    runs = []
    for key, ruleset in rulesets.items():
        mine = [item for item in loaded if Path(item.ruleset.source).resolve() == key]
        outcomes = tuple(run_case(case, item.ruleset, lang) for item in mine for case in item.cases)
        runs.append(RulesetRun(ruleset, tuple(item.path for item in mine), outcomes, coverage(ruleset, outcomes)))
    return TestRun(tuple(runs))
