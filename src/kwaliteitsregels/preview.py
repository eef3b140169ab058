"""A look ahead at registration: the documents the award will check that today's checklist does not list.

The checklist of a report holds what is due at its own stage for the requirements checked then. A
provider registering also wants to know what the award will ask: the requirements with a document due
at the award are evaluated again, as of the same date with the same profile and assessments, at the
award stage, and every document type on that checklist that is not on today's is listed, each with
when it is due. That is a document due before award (Twente 37a's AGB proof), and also a document to
be submitted with the registration for a requirement judged only at the award (Leeuwarden's
implementation plan for award criterion 4). At the award and later there is nothing ahead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kwaliteitsregels.evaluation import gaps_at_stage
from kwaliteitsregels.explain import MissingDocument, checklist, missing_documents
from kwaliteitsregels.results import Report, RequirementResult
from kwaliteitsregels.stages import Stage


@dataclass(frozen=True, slots=True)
class _AtAward:
    """What the award stage of one report asks for: its results with a gap, and the bases (the law) it holds.

    `entries` pairs each result with the id of the base ruleset it belongs to (None: the report's own), in
    the order of `explain.labelled_results`. Only results with a gap are made (`gaps_at_stage` evaluates
    only the requirements with a document due at the award): the checklist reads no other.
    """

    entries: tuple[tuple[str | None, RequirementResult], ...]
    bases: tuple[str, ...]


def _at_award(report: Report) -> _AtAward:
    """The award stage of `report`, evaluated once per report object (JSON, HTML and letter all ask for it)."""

    def make() -> _AtAward:
        return _AtAward(gaps_at_stage(report, Stage.AWARD), tuple(report.base_reports()))

    return report.remembered("preview.at_award", make)


def documents_at_award(report: Report) -> list[MissingDocument]:
    """The documents the award will check that are not on the registration's checklist (none at award and later)."""
    if report.stage is not Stage.REGISTRATION:
        return []
    now = {item.type for item in missing_documents(report)}
    entries = ((r.id if base is None else f"{base}:{r.id}", r) for base, r in _at_award(report).entries)
    return [item for item in checklist(entries) if item.type not in now]


def documents_at_award_of(reports: Iterable[Report], now: Iterable[MissingDocument]) -> list[MissingDocument]:
    """As `documents_at_award`, over several frameworks (the law once) against their joint checklist `now`."""
    current = {item.type for item in now}
    entries = []
    seen: set[str] = set()
    for report in reports:
        if report.stage is not Stage.REGISTRATION:
            continue
        later = _at_award(report)
        for base, result in later.entries:
            if base is not None and base in seen:
                continue  # a base (the law) shared by several frameworks counts once
            entries.append((f"{base or report.ruleset.id}:{result.id}", result))
        seen |= set(later.bases)
    return [item for item in checklist(entries) if item.type not in current]
