"""Which verification documents are missing, expired or too old on the reference date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from kwaliteitsregels.models.profile import Document
from kwaliteitsregels.models.ruleset import EvidenceSpec
from kwaliteitsregels.results import EvidenceGap, GapReason


def index_documents(documents: Iterable[Document]) -> dict[str, list[Document]]:
    """Documents by type."""
    index: dict[str, list[Document]] = {}
    for document in documents:
        index.setdefault(document.type, []).append(document)
    return index


def _problem(spec: EvidenceSpec, document: Document, peildatum: date) -> GapReason | None:
    if document.issued_on is not None and document.issued_on > peildatum:
        return GapReason.NOT_YET_ISSUED
    if spec.must_be_valid and document.valid_until is not None and document.valid_until < peildatum:
        return GapReason.EXPIRED
    if spec.max_age is not None:
        if document.issued_on is None:
            return GapReason.UNDATED
        if document.issued_on < spec.max_age.before(peildatum):
            return GapReason.TOO_OLD
    return None


def gap(spec: EvidenceSpec, documents: Sequence[Document], peildatum: date) -> EvidenceGap | None:
    """The gap for one spec, or None when some document of its type satisfies it."""
    problems = []
    for document in documents:
        problem = _problem(spec, document, peildatum)
        if problem is None:
            return None  # one good document is enough
        problems.append((problem, document))
    not_before = spec.max_age.before(peildatum) if spec.max_age else None
    max_age = str(spec.max_age) if spec.max_age else None
    if not problems:
        return EvidenceGap(spec.type, spec.due, GapReason.ABSENT, max_age, not_before=not_before)
    reason, document = max(problems, key=lambda p: (p[1].issued_on or date.min, p[1].valid_until or date.min))
    return EvidenceGap(spec.type, spec.due, reason, max_age, document.issued_on, document.valid_until, not_before)


def gaps(specs: Iterable[EvidenceSpec], index: dict[str, list[Document]], peildatum: date) -> tuple[EvidenceGap, ...]:
    """Every gap among `specs` (already filtered to the documents due at this stage)."""
    found = []
    for spec in specs:
        missing = gap(spec, index.get(spec.type, ()), peildatum)
        if missing is not None:
            found.append(missing)
    return tuple(found)
