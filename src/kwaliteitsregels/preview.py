"""A look ahead at registration: the documents the award will check that today's checklist does not list.

The checklist of a report holds what is due at its own stage for the requirements checked then. A
provider registering also wants to know what the award will ask: the report is evaluated again, as
of the same date with the same profile and assessments, at the award stage, and every document type
on that checklist that is not on today's is listed, each with when it is due. That is a document due
before award (Twente 37a's AGB proof), and also a document to be submitted with the registration for a
requirement judged only at the award (Leeuwarden's implementation plan for award criterion 4). At the
award and later there is nothing ahead.
"""

from __future__ import annotations

from collections.abc import Iterable

from kwaliteitsregels.evaluation import at_stage
from kwaliteitsregels.explain import MissingDocument, checklist, labelled_results, missing_documents
from kwaliteitsregels.results import Report
from kwaliteitsregels.stages import Stage


def documents_at_award(report: Report) -> list[MissingDocument]:
    """The documents the award will check that are not on the registration's checklist (none at award and later)."""
    if report.stage is not Stage.REGISTRATION:
        return []
    now = {item.type for item in missing_documents(report)}
    return [item for item in missing_documents(at_stage(report, Stage.AWARD)) if item.type not in now]


def documents_at_award_of(reports: Iterable[Report], now: Iterable[MissingDocument]) -> list[MissingDocument]:
    """As `documents_at_award`, over several frameworks (the law once) against their joint checklist `now`."""
    later = [at_stage(report, Stage.AWARD) for report in reports if report.stage is Stage.REGISTRATION]
    current = {item.type for item in now}
    entries = []
    seen: set[str] = set()
    for report in later:
        for label, result in labelled_results(report, qualify=True):
            base = label.split(":", 1)[0]
            if base != report.ruleset.id and base in seen:
                continue  # a base (the law) shared by several frameworks counts once
            entries.append((label, result))
        seen |= set(report.base_reports())
    return [item for item in checklist(entries) if item.type not in current]
