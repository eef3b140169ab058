"""Two versions of a ruleset: what was added, removed and changed, and whose outcome would change.

`load_version(spec)` reads a version from a folder or file, or from git as `REV:PATH` (the folder
as it was at that revision, through `git show`, so vocabulary and table files beside the ruleset
come along). `diff(old, new)` lists the requirements added, removed and changed, with each changed
field and the parameter changes (`alignment.differences`, new against old). `impact(old, new,
profiles, peildatum)` evaluates each profile against both and says whose verdict or requirement
statuses change.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kwaliteitsregels.analytics.alignment import Difference, Relation, compare_pair
from kwaliteitsregels.analytics.features import features
from kwaliteitsregels.analytics.parameters import canonical
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import Problem, RulesetError
from kwaliteitsregels.evaluation import evaluate
from kwaliteitsregels.loading import load_profile, load_ruleset
from kwaliteitsregels.models.ruleset import Requirement

# The fields of a requirement whose change a council should see (the condition: as parameters).
FIELDS = (
    "title",
    "text",
    "legal",
    "law_scope",
    "themes",
    "level",
    "overlaps",
    "points",
    "valid_from",
    "valid_to",
    "per",
    "lots",
    "stage",
    "when",
    "condition",
    "judgement",
    "evidence",
    "explain",
    "severity",
)


@dataclass(frozen=True, slots=True)
class Change:
    """A requirement in both versions that differs: which fields, and how its parameters moved."""

    requirement: str
    title: str
    fields: tuple[str, ...]
    relation: Relation  # the new version against the old: stricter, looser, different, equivalent, related
    parameters: tuple[Difference, ...]  # `mine`: new, `theirs`: old


@dataclass(frozen=True, slots=True)
class VersionDiff:
    """What changed between two versions of a ruleset."""

    old: CompiledRuleset
    new: CompiledRuleset
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A requirement whose status changes for a profile (None: not in that version)."""

    requirement: str
    lot: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class ProfileImpact:
    """One provider under both versions."""

    profile: str
    provider: str
    old: str
    new: str
    changes: tuple[StatusChange, ...]

    @property
    def changed(self) -> bool:
        """Whether the verdict or any requirement's status changes."""
        return self.old != self.new or bool(self.changes)


def load_version(spec: str | Path, cwd: Path | None = None) -> CompiledRuleset:
    """A ruleset version: a bundled name, a folder or file, or `REV:PATH` read from git."""
    text = str(spec)
    if isinstance(spec, Path) or Path(text).exists() or ":" not in text:
        return load_ruleset(spec)
    revision, _, path = text.partition(":")
    with tempfile.TemporaryDirectory(prefix="kwaliteitsregels-version-") as folder:
        target = _checkout(revision, path, Path(folder), cwd)
        return load_ruleset(target)


def _git(args: Sequence[str], cwd: Path | None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)  # noqa: S603, S607
    except OSError as error:
        raise RulesetError([Problem("git", f"git niet gevonden: {error}")]) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RulesetError([Problem("git", f"git {' '.join(args)}: {message}")])
    return done.stdout


def _checkout(revision: str, path: str, folder: Path, cwd: Path | None) -> Path:
    """The files of `path` at `revision` under `folder`; the ruleset file (or folder) written there."""
    if revision.startswith("-"):
        raise RulesetError([Problem("git", f"onbekende revisie '{revision}'")])
    prefix = _git(["rev-parse", "--show-prefix"], cwd).decode().strip()
    wanted = str(Path(prefix) / path).rstrip("/") if prefix else path.rstrip("/")
    names = _git(["ls-tree", "-r", "--name-only", "-z", revision, "--", wanted], cwd).decode().split("\0")
    names = [n for n in names if n]
    if not names:
        raise RulesetError([Problem("git", f"'{path}' bestaat niet in {revision}")])
    base = wanted if len(names) > 1 or names[0] != wanted else str(Path(wanted).parent)
    for name in names:
        relative = Path(name).relative_to(base) if base not in {"", "."} else Path(name)
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(["show", f"{revision}:{name}"], cwd))
    return folder / Path(wanted).relative_to(base) if names == [wanted] else folder


def _fields(old: Requirement, new: Requirement) -> tuple[str, ...]:
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    return tuple(name for name in FIELDS if canonical(before.get(name)) != canonical(after.get(name)))


def diff(old: CompiledRuleset, new: CompiledRuleset) -> VersionDiff:
    """Requirements added, removed and changed from `old` to `new` (by id)."""
    before = {r.id: r for r in old.requirements}
    after = {r.id: r for r in new.requirements}
    changed = []
    for rid, requirement in after.items():
        if rid not in before:
            continue
        fields = _fields(before[rid].spec, requirement.spec)
        if not fields:
            continue
        comparison = compare_pair(features(requirement, new), features(before[rid], old))
        changed.append(
            Change(rid, requirement.spec.title.get("nl"), fields, comparison.relation, comparison.differences)
        )
    added = tuple(rid for rid in after if rid not in before)
    removed = tuple(rid for rid in before if rid not in after)
    return VersionDiff(old, new, added, removed, tuple(changed))


def _statuses(
    ruleset: CompiledRuleset, profile: Path, peildatum: date
) -> tuple[str, str, dict[tuple[str, str | None], str]]:
    loaded = load_profile(profile, rulesets=[ruleset])
    report = evaluate(ruleset, loaded, peildatum)
    found = {(r.id, r.lot): str(r.status) for r in report.results}
    return report.provider, str(report.verdict), found


def impact(
    old: CompiledRuleset, new: CompiledRuleset, profiles: Sequence[Path], peildatum: date
) -> tuple[ProfileImpact, ...]:
    """Each profile evaluated against both versions at `peildatum`: the verdicts and the statuses that change."""
    found = []
    for profile in profiles:
        provider, verdict_old, before = _statuses(old, profile, peildatum)
        _, verdict_new, after = _statuses(new, profile, peildatum)
        changes = tuple(
            StatusChange(rid, lot, before.get((rid, lot)), after.get((rid, lot)))
            for rid, lot in dict.fromkeys([*before, *after])
            if before.get((rid, lot)) != after.get((rid, lot))
        )
        found.append(ProfileImpact(str(profile), provider, verdict_old, verdict_new, changes))
    return tuple(found)
