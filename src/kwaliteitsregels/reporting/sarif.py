"""The report as SARIF 2.1.0, for code-scanning views: one result per requirement that did not pass.

One run per ruleset (each one checked, then each base ruleset they build on, once). Rules are the
ruleset's requirements. Locations point at the user's own files, relative to the working directory
(`uriBaseId` `%SRCROOT%`): the requirement's line when the ruleset lives in the working tree, else the
profile that was checked (a bundled ruleset is not the user's file); see `locations`.
An `explain` item is a result with a suppression: the provider's justification, `underReview` while the
explanation is pending, `accepted` once the assessor accepted it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kwaliteitsregels import reasons
from kwaliteitsregels._safe_text import escape_json
from kwaliteitsregels.compiling import CompiledRequirement
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting.locations import Location, Locator
from kwaliteitsregels.results import ExplanationState, Report, RequirementResult, Status

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_location(path: Path) -> dict[str, str]:
    """A file relative to the checkout root (`%SRCROOT%`), else as a file URI."""
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": path.as_posix(), "uriBaseId": "%SRCROOT%"}


def physical_location(location: Location) -> dict[str, Any]:
    """A SARIF physicalLocation: the file and the line."""
    return {"artifactLocation": artifact_location(location.path), "region": {"startLine": location.line}}


def with_bases(reports: Report | Sequence[Report]) -> Iterator[tuple[Report, str, frozenset[int]]]:
    """Each report, then each base report not seen before; with the framework's verdict and what is superseded."""
    checked = (reports,) if isinstance(reports, Report) else tuple(reports)
    superseded = frozenset().union(*(r.superseded() for r in checked))
    seen: set[str] = set()
    for report in checked:
        for part in (report, *report.base_reports().values()):
            if part.ruleset.id not in seen:
                seen.add(part.ruleset.id)
                yield part, str(report.verdict), superseded


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


def _result(report: Report, result: RequirementResult, index: int, lang: Lang, where: Locator) -> dict[str, Any]:
    spec = result.requirement.spec
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
        "locations": [{"physicalLocation": physical_location(where.locate(report, result))}],
        "properties": properties,
    }
    suppressions = _suppression(result)
    if suppressions:
        item["suppressions"] = suppressions
    return item


def _run(report: Report, verdict: str, superseded: frozenset[int], lang: Lang, where: Locator) -> dict[str, Any]:
    rules = [_rule(r, lang) for r in report.ruleset.requirements]
    index = {r.id: i for i, r in enumerate(report.ruleset.requirements)}
    results = [
        _result(report, r, index[r.id], lang, where)
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


def to_sarif(reports: Report | Sequence[Report], lang: Lang = "nl", *, profile: str | None = None) -> dict[str, Any]:
    """The reports as a SARIF 2.1.0 log (plain data): one run per ruleset checked, then one per base, once.

    Results set aside because a conflicting requirement prevails are left out. With `profile` (the file
    checked), results of a bundled ruleset point at that profile.
    """
    where = Locator(profile)
    runs = [_run(r, verdict, superseded, lang, where) for r, verdict, superseded in with_bases(reports)]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": runs}


def render_sarif(reports: Report | Sequence[Report], lang: Lang = "nl", *, profile: str | None = None) -> str:
    """The SARIF log as indented JSON text."""
    return escape_json(json.dumps(to_sarif(reports, lang, profile=profile), indent=2, ensure_ascii=False)) + "\n"
