"""`validate`: check rulesets, profiles and test-case files without evaluating anything.

Which files, and as what (docs/tooling.md):

1. `--kind` forces the kind of every file named on the command line;
2. else a `# yaml-language-server: $schema=…/<kind>.schema.json` modeline in the leading lines;
3. else the location: `ruleset.yaml` is a ruleset, `<ruleset folder>/tests/*.yaml` a test-case file;
4. else, for a file named on the command line only, its shape: top-level `requirements` (ruleset),
   `cases` (test) or `organisation` (profile); failing that, an `unknown-kind` problem.

A folder stands for every file below it that steps 2 and 3 recognise; other files are left alone, as
are hidden folders. `--ignore-unknown` treats files named on the command line the same way (for
pre-commit, which passes every changed file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kwaliteitsregels import _files, _validation, _yaml
from kwaliteitsregels.authoring import lints
from kwaliteitsregels.authoring.casefiles import CaseLoader, is_case_file
from kwaliteitsregels.authoring.findings import Checked, Validation, sort_problems
from kwaliteitsregels.bundled import RULESET_FILE, bundled_rulesets
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError, Problem, ProfileError, RulesetError
from kwaliteitsregels.facts.building import CORE, ProfileModels, union
from kwaliteitsregels.loading import _read, _validate, load_profile, load_ruleset
from kwaliteitsregels.models.profile import Profile

Kind = lints.Kind
KINDS: tuple[Kind, ...] = ("ruleset", "profile", "test")
SUFFIXES = (".yaml", ".yml", ".json")
_SHAPES: tuple[tuple[str, Kind], ...] = (("requirements", "ruleset"), ("cases", "test"), ("organisation", "profile"))


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check, and as what (None: the kind could not be told)."""

    path: Path
    kind: Kind | None


_HEAD_BYTES = 64 * 1024  # the leading lines a modeline may be on, however long the file or its lines


def _head(path: Path) -> str:
    text = _files.head(path, _HEAD_BYTES).decode("utf-8", errors="replace")
    return "".join(text.splitlines(keepends=True)[: lints.MODELINE_LINES])


def recognised_kind(path: Path) -> Kind | None:
    """The kind a modeline or the file's location declares."""
    found = lints.modeline(_head(path))
    kind = lints.modeline_kind(found[0]) if found else None
    if kind is not None:
        return kind
    if path.name == RULESET_FILE:
        return "ruleset"
    return "test" if is_case_file(path) else None


def _shape_kind(path: Path) -> Kind | None:
    try:
        data = _read(path, ProfileError).data
    except KwaliteitsregelsError:
        return None
    if not isinstance(data, dict):
        return None
    return next((kind for key, kind in _SHAPES if key in data), None)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(paths: Iterable[Path], *, kind: Kind | None = None, ignore_unknown: bool = False) -> list[Target]:
    """The files `paths` stand for, each with its kind, each once, in a stable order."""
    targets: dict[Path, Target] = {}
    for path in paths:
        if path.is_dir():
            for item in sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
                found = None if _hidden(item, path) else recognised_kind(item)
                if found is not None:
                    targets.setdefault(item, Target(item, found))
            continue
        found = kind or recognised_kind(path)
        if found is None and not ignore_unknown:
            found = _shape_kind(path)
        if found is not None or not ignore_unknown:
            targets.setdefault(path, Target(path, found))
    return sorted(targets.values(), key=lambda t: KINDS.index(t.kind) if t.kind else len(KINDS))


class _Validator:
    """Checks targets in order: rulesets first, so profiles and case files can be checked against them."""

    def __init__(self) -> None:
        self.loader = CaseLoader()
        self.rulesets: dict[str, CompiledRuleset] = {}

    def check(self, target: Target) -> list[Problem]:
        text = _head(target.path)
        problems = lints.modeline_problems(target.path, text)
        if target.kind is None:
            message = "soort bestand onbekend: regelset, profiel of testgevallen?"
            return [*problems, Problem("unknown-kind", message, file=str(target.path), line=1, column=1)]
        checks: dict[Kind, Callable[[Path], list[Problem]]] = {
            "ruleset": self.ruleset,
            "profile": self.profile,
            "test": self.cases,
        }
        return problems + checks[target.kind](target.path)

    def ruleset(self, path: Path) -> list[Problem]:
        try:
            compiled = self.loader.ruleset(path)
        except KwaliteitsregelsError as error:
            return list(error.problems)
        self.rulesets.setdefault(compiled.id, compiled)
        located = _read(path, RulesetError)
        return lints.lint_ruleset(compiled.spec, located)

    def profile(self, path: Path) -> list[Problem]:
        """A profile is read with the facts of the bundled ruleset its modeline names, else of those in the run.

        A modeline `profile.<ruleset>.schema.json` names the ruleset; rulesets in the run are checked first.
        """
        named = self._named_by_modeline(path)  # the ruleset the file says it belongs to decides, when there is one
        try:
            models = union(r.models for r in (named or self.rulesets.values()))
        except ValueError:
            models = CORE  # vocabularies that clash: each ruleset's own test cases still check its facts
        try:
            profile = load_profile(path) if models is CORE else _profile_with(path, models)
        except KwaliteitsregelsError as error:
            return list(error.problems)
        return self._explanations(path, profile)

    def _named_by_modeline(self, path: Path) -> list[CompiledRuleset]:
        found = lints.modeline(_head(path))
        name = found[0].rsplit("/", 1)[-1] if found else ""
        ruleset_id = name.removeprefix("profile.").removesuffix(".schema.json") if name.startswith("profile.") else ""
        known = self._known(ruleset_id) if ruleset_id and ruleset_id != "schema.json" else None
        return [known] if known is not None else []

    def cases(self, path: Path) -> list[Problem]:
        try:
            self.loader.load(path)
        except KwaliteitsregelsError as error:
            return list(error.problems)
        return []

    def _known(self, ruleset_id: str) -> CompiledRuleset | None:
        if ruleset_id not in self.rulesets and ruleset_id in bundled_rulesets():
            try:
                self.rulesets[ruleset_id] = load_ruleset(ruleset_id)
            except KwaliteitsregelsError:
                return None
        return self.rulesets.get(ruleset_id)

    def _explanations(self, path: Path, profile: Profile) -> list[Problem]:
        """An explanation for a requirement the named ruleset does not have (when that ruleset is known)."""
        problems = []
        located: _yaml.Located | None = None
        for i, given in enumerate(profile.explanations):
            ruleset = self._known(given.ruleset)
            if ruleset is None or given.requirement in ruleset.requirement_ids:
                continue
            located = located or _read(path, ProfileError)
            loc = ("explanations", i, "requirement")
            line, column = located.where(loc)
            message = f"toelichting voor eis '{given.requirement}', die regelset '{ruleset.id}' niet heeft"
            suggestion = _validation.closest(given.requirement, sorted(ruleset.requirement_ids))
            where = _validation.dotted(loc)
            problems.append(
                Problem(
                    "unknown-requirement",
                    message,
                    file=str(path),
                    line=line,
                    column=column,
                    path=where,
                    suggestion=suggestion,
                ),
            )
        return problems


def _profile_with(path: Path, models: ProfileModels) -> Profile:
    located = _read(path, ProfileError)
    return _validate(models.profile, located, ProfileError)


def validate(paths: Iterable[Path], *, kind: Kind | None = None, ignore_unknown: bool = False) -> Validation:
    """Every problem in every file `paths` stand for (see the module docstring for which files)."""
    paths = list(paths)
    targets = discover(paths, kind=kind, ignore_unknown=ignore_unknown)
    validator = _Validator()
    problems = [p for target in targets for p in validator.check(target)]
    checked = tuple(Checked(t.path, t.kind or "?") for t in targets)
    taken = {t.path for t in targets}
    skipped = tuple(dict.fromkeys(p for p in paths if not p.is_dir() and p not in taken))  # said, not dropped
    return Validation(checked, sort_problems(list(dict.fromkeys(problems))), skipped)
