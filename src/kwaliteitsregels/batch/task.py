"""One provider, one pure task: submission → profile → evaluation → documents on disk → a row for the overview.

The task reads nothing but its submission, the rulesets and the settings, and writes only the
provider's own folder (`OUTDIR/aanbieders/<slug>/`): `rapport.json`, `rapport.html`, `brief.md` and
`rij.json`, the row, written last. It returns the row. A provider whose `rij.json` holds the same
decision record hashes (profile, the municipality's assessments file if any, every ruleset,
peildatum, stage, language, library version) and whose documents are all there is not evaluated
again (`resume`).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from kwaliteitsregels.batch.intake import Submission, load
from kwaliteitsregels.combined import CombinedReport, evaluate_all
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError
from kwaliteitsregels.evaluation import LIBRARY_VERSION
from kwaliteitsregels.hashing import profile_hash
from kwaliteitsregels.loading import load_assessments
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting import templating
from kwaliteitsregels.reporting.registry import REPORTERS
from kwaliteitsregels.results import Report, RequirementResult, Status
from kwaliteitsregels.stages import Stage

PROVIDERS = "aanbieders"
FILES = {"json": "rapport.json", "html": "rapport.html", "letter": "brief.md"}
ROW_FILE = "rij.json"
# The templates FILES are rendered from (reporting/assessor.py, reporting/letter.py): see `prepare`.
TEMPLATES = ("report.html", "_page.html", "report.css", "letter.md")


@dataclass(frozen=True, slots=True)
class Settings:
    """What every task of a batch shares; plain data, so that worker processes receive it."""

    rulesets: tuple[str, ...]  # bundled names or paths, as given
    peildatum: date
    stage: str = Stage.REGISTRATION.value
    lang: Lang = "nl"
    outdir: str | None = None  # None: evaluate only, write nothing
    resume: bool = True
    assessments: str | None = None  # a folder with one assessments file per provider (batch/assessments.py)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One requirement's outcome for the overview: `framework` is the ruleset id (the law's too)."""

    framework: str
    requirement: str
    lot: str | None
    status: str
    basis: str
    severity: str
    explanation: str | None  # the explanation's state: pending, accepted, rejected, expired
    missing: tuple[str, ...]  # the document types missing for it

    def __reduce__(self) -> tuple[type[Outcome], tuple[Any, ...]]:
        """Pickled as its values in order: a row's outcomes travel from the worker to the overview.

        A frozen dataclass's own state (a dict per outcome, set again field by field) took a third of a
        millisecond per Achterhoek row to write and as much to read.
        """
        return Outcome, (
            self.framework,
            self.requirement,
            self.lot,
            self.status,
            self.basis,
            self.severity,
            self.explanation,
            self.missing,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON), as `dataclasses.asdict` gives it."""
        return {
            "framework": self.framework,
            "requirement": self.requirement,
            "lot": self.lot,
            "status": self.status,
            "basis": self.basis,
            "severity": self.severity,
            "explanation": self.explanation,
            "missing": tuple(self.missing),
        }


@dataclass(slots=True)
class Row:
    """One provider in the overview: verdicts, every outcome, what is pending, what is missing, or why not."""

    name: str
    slug: str
    source: str
    evaluated: bool
    problems: list[str] = field(default_factory=list)
    provider: str | None = None
    verdict: str | None = None
    verdicts: dict[str, str] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    missing_documents: list[dict[str, str]] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    reused: bool = False
    assessments: str | None = None  # the municipality's assessments file it was evaluated with

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON), as `dataclasses.asdict` gives it (written out: asdict copies every value deeply)."""
        return {
            "name": self.name,
            "slug": self.slug,
            "source": self.source,
            "evaluated": self.evaluated,
            "problems": list(self.problems),
            "provider": self.provider,
            "verdict": self.verdict,
            "verdicts": dict(self.verdicts),
            "outcomes": [o.to_dict() for o in self.outcomes],
            "missing_documents": [dict(d) for d in self.missing_documents],
            "record": copy.deepcopy(self.record),
            "files": dict(self.files),
            "reused": self.reused,
            "assessments": self.assessments,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Row:
        """A row read back from `rij.json`."""
        outcomes = [Outcome(**{**o, "missing": tuple(o["missing"])}) for o in data.get("outcomes", [])]
        return cls(**{**data, "outcomes": outcomes})

    def counts(self) -> dict[str, int]:
        """How many outcomes have each status (the law's included)."""
        found = {str(s): 0 for s in Status}
        for outcome in self.outcomes:
            found[outcome.status] += 1
        return found

    def pending(self) -> list[Outcome]:
        """Outcomes with an explanation that still waits for the assessor."""
        return [o for o in self.outcomes if o.explanation == "pending"]


@cache
def rulesets_for(names: tuple[str, ...]) -> tuple[CompiledRuleset, ...]:
    """The compiled rulesets, loaded once per process."""
    from kwaliteitsregels.loading import load_ruleset  # noqa: PLC0415 - loading builds on more than a task needs

    return tuple(load_ruleset(name) for name in names)


def prepare(settings: Settings) -> None:
    """Make in this process what every task needs: the rulesets, and their templates when documents are written.

    A worker forked afterwards inherits them; one started afresh makes them before its first task.
    """
    rulesets_for(settings.rulesets)
    if settings.outdir is not None:
        templating.prepare(TEMPLATES, settings.lang)


def assess(submission: Submission, settings: Settings) -> Row:
    """The task: evaluate one submission and write its documents; never raises for a bad provider."""
    rulesets = rulesets_for(settings.rulesets)
    row = Row(submission.name, submission.slug, submission.source, evaluated=False)
    row.assessments = submission.assessments
    try:
        profile = load(submission, rulesets)
        recorded = load_assessments(submission.assessments) if submission.assessments is not None else None
        assessments_hash = recorded.content_hash if recorded is not None else None
        record = _record(profile_hash(profile), assessments_hash, rulesets, settings)
        if (previous := _previous(submission, record, settings)) is not None:
            return previous
        stage = Stage(settings.stage)
        # traced: every result's reason goes into the documents (without a folder only the row is made)
        traced = settings.outdir is not None
        combined = evaluate_all(rulesets, profile, settings.peildatum, stage=stage, assessments=recorded, traced=traced)
    except KwaliteitsregelsError as error:
        row.problems = [p.render(settings.lang) for p in error.problems]
        return _saved(row, settings)
    _fill(row, combined, record, settings.lang)
    _write_documents(row, combined, settings)
    return _saved(row, settings)


def _record(
    profile_hash: str, assessments_hash: str | None, rulesets: Sequence[CompiledRuleset], settings: Settings
) -> dict[str, Any]:
    return {
        "profile_hash": profile_hash,
        "assessments_hash": assessments_hash,
        "rulesets": {r.id: r.content_hash for r in rulesets},
        "peildatum": settings.peildatum.isoformat(),
        "stage": settings.stage,
        "lang": settings.lang,
        "library_version": LIBRARY_VERSION,
    }


def _folder(slug: str, settings: Settings) -> Path | None:
    return Path(settings.outdir, PROVIDERS, slug) if settings.outdir is not None else None


def _previous(submission: Submission, record: dict[str, Any], settings: Settings) -> Row | None:
    folder = _folder(submission.slug, settings)
    if not settings.resume or folder is None or not (folder / ROW_FILE).exists():
        return None
    try:
        row = Row.from_dict(json.loads((folder / ROW_FILE).read_text(encoding="utf-8")))
    except (ValueError, TypeError, KeyError):
        return None  # unreadable or from another version: evaluate again
    complete = all((folder / name).exists() for name in FILES.values())
    if not (row.evaluated and row.record == record and row.name == submission.name and complete):
        return None
    row.reused, row.source, row.assessments = True, submission.source, submission.assessments
    return row


def _labelled(combined: CombinedReport) -> list[tuple[str, RequirementResult]]:
    """Every result: each framework's, then each base's (the law) once."""
    found = [(report.ruleset.id, r) for report in combined.reports for r in report.results]
    bases: dict[str, Report] = {}
    for report in combined.reports:
        bases.update(report.base_reports())
    return found + [(base_id, r) for base_id, base in bases.items() for r in base.results]


def _fill(row: Row, combined: CombinedReport, record: dict[str, Any], lang: Lang) -> None:
    row.evaluated = True
    row.provider = combined.reports[0].provider
    row.verdict = str(combined.verdict)
    row.verdicts = {k: str(v) for k, v in combined.verdicts().items()}
    row.outcomes = [
        Outcome(
            framework,
            r.id,
            r.lot,
            str(r.status),
            str(r.basis),
            r.requirement.spec.severity,
            str(r.explanation.state) if r.explanation is not None else None,
            tuple(g.type for g in r.gaps),
        )
        for framework, r in _labelled(combined)
    ]
    row.missing_documents = [
        {"type": d.type, "title": d.title.get(lang), "due": d.due, "reasons": ", ".join(d.reasons)}
        for d in combined.missing_documents()
    ]
    # The decision record's hashes: the same as the ones hashed before evaluating.
    made = combined.reports[0].record
    row.record = record | {"profile_hash": made.profile_hash, "assessments_hash": made.assessments_hash}


def _write_documents(row: Row, combined: CombinedReport, settings: Settings) -> None:
    folder = _folder(row.slug, settings)
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for fmt, name in FILES.items():
        _atomic(folder / name, REPORTERS[fmt](combined, settings.lang, color=False))
        row.files[fmt] = f"{PROVIDERS}/{row.slug}/{name}"


def _saved(row: Row, settings: Settings) -> Row:
    folder = _folder(row.slug, settings)
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        # one line, by the C encoder (an indent makes `json` use its pure-Python encoder: ~5 ms a row)
        text = json.dumps(row.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        _atomic(folder / ROW_FILE, text + "\n")
    return row


def _atomic(path: Path, text: str) -> None:
    """Write `text` so that an interrupted run leaves the old file or the new one, never half of one."""
    part = path.with_name(path.name + ".part")
    part.write_text(text, encoding="utf-8")
    part.replace(path)
