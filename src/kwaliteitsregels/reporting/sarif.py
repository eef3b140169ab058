"""The report as SARIF 2.1.0, for code-scanning views: one result per requirement that did not pass.

One run per ruleset (the one checked, then each base ruleset it builds on). Rules are the ruleset's
requirements; every location points at the requirement in that ruleset's own file.
An `explain` item is a result with a suppression: the provider's justification, `underReview` while the
explanation is pending, `accepted` once the assessor accepted it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kwaliteitsregels import reasons
from kwaliteitsregels.compiling import CompiledRequirement
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.results import ExplanationState, Report, RequirementResult, Status

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def relative_source(source: str) -> Path:
    """A ruleset file relative to the working directory (the checkout) when it lies below it."""
    path = Path(source)
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        return path.relative_to(Path.cwd())
    return path


def artifact_location(source: str) -> dict[str, str]:
    """The ruleset file relative to the checkout root (`%SRCROOT%`), else as a file URI."""
    path = relative_source(source)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": path.as_posix(), "uriBaseId": "%SRCROOT%"}


def _rule(requirement: CompiledRequirement, lang: Lang) -> dict[str, Any]:
    spec = requirement.spec
    level = "error" if spec.severity == "knockout" else "warning"
    source = f"{spec.source.document}, {spec.source.section}"
    return {
        "id": spec.id,
        "name": spec.title.get(lang),
        "shortDescription": {"text": spec.title.get(lang)},
        "fullDescription": {"text": spec.text},
        "defaultConfiguration": {"level": level},
        "properties": {"category": spec.category, "law_scope": spec.law_scope, "source": source},
    }


def _suppression(result: RequirementResult) -> list[dict[str, str]]:
    record = result.explanation
    if result.status is not Status.EXPLAIN or record is None:
        return []
    status = "accepted" if record.state is ExplanationState.ACCEPTED else "underReview"
    return [{"kind": "external", "status": status, "justification": record.text}]


def _result(report: Report, result: RequirementResult, index: int, lang: Lang) -> dict[str, Any]:
    spec = result.requirement.spec
    region = {"startLine": result.requirement.line or 1}
    properties: dict[str, Any] = {"status": str(result.status), "basis": str(result.basis)}
    if result.lot is not None:
        properties["lot"] = result.lot
    if result.gaps:
        properties["missing_evidence"] = [g.type for g in result.gaps]
    item: dict[str, Any] = {
        "ruleId": spec.id,
        "ruleIndex": index,
        "kind": "fail",
        "level": "error" if spec.severity == "knockout" else "warning",
        "message": {"text": f"{reasons.status_label(result, lang)}: {result.reason(lang)}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(report.ruleset.source), "region": region}}
        ],
        "properties": properties,
    }
    suppressions = _suppression(result)
    if suppressions:
        item["suppressions"] = suppressions
    return item


def _run(report: Report, verdict: str, superseded: frozenset[int], lang: Lang) -> dict[str, Any]:
    rules = [_rule(r, lang) for r in report.ruleset.requirements]
    index = {r.id: i for i, r in enumerate(report.ruleset.requirements)}
    results = [
        _result(report, r, index[r.id], lang)
        for r in report.results
        if r.status in {Status.FAIL, Status.EXPLAIN} and id(r) not in superseded
    ]
    driver = {"name": "kwaliteitsregels", "version": report.library_version, "rules": rules}
    record = report.record
    properties = {
        "provider": report.provider,
        "ruleset": record.ruleset_id,
        "ruleset_version": record.ruleset_version,
        "peildatum": record.peildatum.isoformat(),
        "stage": str(record.stage),
        "verdict": verdict,
    }
    return {"tool": {"driver": driver}, "results": results, "properties": properties}


def to_sarif(report: Report, lang: Lang = "nl") -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (plain data): one run per ruleset, the one checked and then its bases.

    Results set aside because a conflicting requirement prevails are left out.
    """
    superseded = report.superseded()
    verdict = str(report.verdict)
    runs = [_run(r, verdict, superseded, lang) for r in (report, *report.base_reports().values())]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": runs}


def render_sarif(report: Report, lang: Lang = "nl") -> str:
    """The SARIF log as indented JSON text."""
    return json.dumps(to_sarif(report, lang), indent=2, ensure_ascii=False) + "\n"
