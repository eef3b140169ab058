"""A test run as text (a readable diff per mismatch, then coverage) or as JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from kwaliteitsregels import messages
from kwaliteitsregels._safe_text import escape_json, visible_line
from kwaliteitsregels.authoring.casetests import CaseOutcome, Coverage, Mismatch, RulesetRun, TestRun
from kwaliteitsregels.messages import Lang

_INDENT = "      "


def percent(coverage: Coverage, lang: Lang = "nl") -> str:
    """The percentage rounded down to one decimal (99.96 never shows as 100), with a decimal comma in Dutch."""
    value = math.floor(coverage.percent * 10) / 10
    shown = f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    return shown.replace(".", ",") if lang == "nl" else shown


def _headline(item: Mismatch, lang: Lang) -> str:
    """The mismatch in one line: what was expected and what came out."""
    none = messages.text("test.none", lang)
    if item.kind in {"verdict", "missing", "lot_failing"}:
        values = {"name": item.key, "expected": item.expected or none, "actual": item.actual or none}
        return messages.text(f"test.mismatch.{item.kind}", lang, **values)
    if item.kind in {"lot", "municipality"}:
        actual = item.actual or messages.text("test.not_registered", lang)
        return messages.text(f"test.mismatch.{item.kind}", lang, name=item.key, expected=item.expected, actual=actual)
    if item.kind == "reason":
        return messages.text("test.mismatch.reason", lang, requirement=item.key, expected=item.expected)
    actual = item.actual or messages.text("test.no_result", lang)
    return messages.text("test.mismatch.result", lang, requirement=item.key, expected=item.expected, actual=actual)


def _mismatch(item: Mismatch, file: str, lang: Lang) -> list[str]:
    where = f"{file}:{item.line}: " if item.line is not None else ""
    lines = [where + _headline(item, lang)]
    if item.only_expected:
        lines.append("  - " + messages.text("test.only_expected", lang, items=", ".join(item.only_expected)))
    if item.only_actual:
        lines.append("  + " + messages.text("test.only_actual", lang, items=", ".join(item.only_actual)))
    if item.reason:
        lines.append("  " + messages.text("test.reason", lang, reason=item.reason))
    return lines


def render_case(outcome: CaseOutcome, lang: Lang = "nl") -> list[str]:
    """The diff of one case: every mismatch with expected, actual and the reason; empty when it passed."""
    if outcome.error is not None:
        return [messages.text("test.error", lang, error=outcome.error)]
    return [line for item in outcome.mismatches for line in _mismatch(item, str(outcome.case.file), lang)]


def _coverage_lines(run: RulesetRun, lang: Lang) -> list[str]:
    cov = run.coverage
    head = messages.text(
        "test.coverage",
        lang,
        ruleset=run.ruleset.id,
        covered=cov.covered,
        total=len(cov.requirements),
        percent=percent(cov, lang),
    )
    lines = [head]
    for aspect in ("exercised", "accepted", "rejected"):
        ids = cov.never(aspect)
        if ids:
            lines.append(f"  {messages.text(f'test.never_{aspect}', lang)}: {', '.join(ids)}")
    return lines


def render_text(run: TestRun, lang: Lang = "nl", min_coverage: float | None = None) -> str:
    """Every case (ok or FOUT with its diff), coverage per ruleset, a summary."""
    lines: list[str] = []
    for ruleset_run in run.rulesets:
        if not ruleset_run.files:
            folder = f"{run_folder(ruleset_run)}"
            lines.append(f"{ruleset_run.ruleset.id}: {messages.text('test.no_cases', lang, folder=folder)}")
        current = None
        for outcome in ruleset_run.outcomes:
            if outcome.case.file != current:
                current = outcome.case.file
                lines.append(str(current))
            mark = messages.text("test.ok" if outcome.passed else "test.failed", lang)
            suffix = "" if outcome.passed else f"  ({outcome.case.location})"
            lines.append(f"  {mark:<4} {outcome.case.name}{suffix}")
            lines += [_INDENT + line for line in render_case(outcome, lang)]
        lines += _coverage_lines(ruleset_run, lang)
    for below in run.below(min_coverage):
        shown = {"ruleset": below.ruleset.id, "percent": percent(below.coverage, lang), "minimum": f"{min_coverage:g}"}
        lines.append(messages.text("test.below", lang, **shown))
    outcomes = run.outcomes
    passed = sum(o.passed for o in outcomes)
    noun = messages.text("test.case" if len(outcomes) == 1 else "test.cases", lang)
    tally = {"cases": len(outcomes), "noun": noun, "passed": passed, "failed": len(outcomes) - passed}
    lines.append(messages.text("test.summary", lang, **tally))
    return "\n".join(map(visible_line, lines)) + "\n"  # case names and files never drive the terminal


def run_folder(run: RulesetRun) -> str:
    """Where the ruleset's cases belong: `tests/` beside the ruleset file."""
    return str(Path(run.ruleset.source).parent / "tests")


def _case_document(outcome: CaseOutcome) -> dict[str, Any]:
    return {
        "file": str(outcome.case.file),
        "line": outcome.case.line,
        "name": outcome.case.name,
        "passed": outcome.passed,
        "error": outcome.error,
        "mismatches": [
            {
                "kind": m.kind,
                "requirement": m.key if m.kind in {"result", "reason"} else None,
                "lot": m.key if m.kind in {"lot", "lot_failing"} else None,
                "municipality": m.key if m.kind == "municipality" else None,
                "line": m.line,
                "expected": m.expected,
                "actual": m.actual,
                "reason": m.reason,
                "only_expected": list(m.only_expected),
                "only_actual": list(m.only_actual),
            }
            for m in outcome.mismatches
        ],
    }


def _ruleset_document(run: RulesetRun) -> dict[str, Any]:
    cov = run.coverage
    return {
        "id": run.ruleset.id,
        "source": run.ruleset.source,
        "files": [str(p) for p in run.files],
        "cases": [_case_document(o) for o in run.outcomes],
        "coverage": {
            "covered": cov.covered,
            "total": len(cov.requirements),
            "percent": round(cov.percent, 2),
            "never_exercised": cov.never("exercised"),
            "never_accepted": cov.never("accepted"),
            "never_rejected": cov.never("rejected"),
            "requirements": [
                {"id": r.id, "exercised": r.exercised, "accepted": r.accepted, "rejected": r.rejected}
                for r in cov.requirements
            ],
        },
    }


def render_json(run: TestRun, lang: Lang = "nl", min_coverage: float | None = None) -> str:  # noqa: ARG001 - codes, not prose
    """The run as JSON: cases with their mismatches, coverage per ruleset, a summary."""
    outcomes = run.outcomes
    passed = sum(o.passed for o in outcomes)
    document = {
        "rulesets": [_ruleset_document(r) for r in run.rulesets],
        "summary": {
            "cases": len(outcomes),
            "passed": passed,
            "failed": len(outcomes) - passed,
            "min_coverage": min_coverage,
            "below_min_coverage": [r.ruleset.id for r in run.below(min_coverage)],
        },
    }
    return escape_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
