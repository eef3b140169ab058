"""The decision record of a report, with the profile hashed once however many documents are made of it.

`Report.record` hashes the profile on every call (it is not on the evaluation's hot path). A batch
writes the JSON, the HTML and the letter of every framework of one profile: six records, one
profile. Profiles are frozen, so the hash of the same object is reused; the few most recent
profiles are held, so an `id` is never reused while it is remembered.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from kwaliteitsregels.results import DecisionRecord, Report

_KEEP = 8
_RECENT: OrderedDict[int, tuple[object, DecisionRecord]] = OrderedDict()  # id → (the profile, held; its record)


def decision_record(report: Report) -> DecisionRecord:
    """`report.record`; the profile's hash taken from an earlier record of the same profile object."""
    if report.recorded is not None:  # the submitted hash is already known: nothing to save
        return report.record
    seen = _RECENT.get(id(report.profile))
    if seen is None or seen[0] is not report.profile:
        record = report.record
        _RECENT[id(report.profile)] = (report.profile, record)
        while len(_RECENT) > _KEEP:
            _RECENT.popitem(last=False)
        return record
    spec = report.ruleset.spec
    return replace(
        seen[1],
        ruleset_id=spec.id,
        ruleset_version=spec.version,
        ruleset_hash=report.ruleset.content_hash,
        peildatum=report.peildatum,
        stage=report.stage,
        library_version=report.library_version,
    )
