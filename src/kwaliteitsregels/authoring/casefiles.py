"""Reading a ruleset's test-case files: the file, its ruleset, every profile, every requirement id checked.

A case file lives in `rulesets/<name>/tests/` and tests `../ruleset.yaml`, unless it names a ruleset
(`ruleset:`, a path relative to the file or a bundled name). A profile is inline or a path relative to
the file. Every problem is collected, with file, line and column, before any case runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kwaliteitsregels import _validation
from kwaliteitsregels._yaml import Located
from kwaliteitsregels._yaml import Path as DataPath
from kwaliteitsregels.bundled import RULESET_FILE
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError, Problem, ProfileError
from kwaliteitsregels.loading import _read, _validate, load_profile, load_ruleset
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.models.testcase import Case, CaseFile
from kwaliteitsregels.stages import Stage

TESTS_FOLDER = "tests"
CASE_SUFFIXES = (".yaml", ".yml")


class CaseFileError(KwaliteitsregelsError):
    """A ruleset's test-case file is invalid: schema, unknown requirement, missing profile or date."""


@dataclass(frozen=True, slots=True)
class LoadedCase:
    """A case ready to run: its spec, where it stands, and its profile, date and stage resolved."""

    spec: Case
    file: Path
    line: int | None
    profile: Profile
    peildatum: date
    stage: Stage
    expectation_lines: dict[str, int | None] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The case's name."""
        return self.spec.name

    @property
    def location(self) -> str:
        """`file:line` of the case."""
        return f"{self.file}:{self.line}" if self.line is not None else str(self.file)


@dataclass(frozen=True, slots=True)
class LoadedCaseFile:
    """A case file with its compiled ruleset and its cases."""

    path: Path
    ruleset: CompiledRuleset
    cases: tuple[LoadedCase, ...]


def is_case_file(path: Path) -> bool:
    """`<ruleset folder>/tests/<name>.yaml`: a case file by location."""
    parent = path.parent
    return (
        path.suffix in CASE_SUFFIXES
        and parent.name == TESTS_FOLDER
        and (parent.parent / RULESET_FILE).is_file()
        and path.is_file()
    )


def case_files(ruleset_file: Path) -> list[Path]:
    """The case files of a ruleset: `tests/*.yaml` beside it, sorted."""
    folder = ruleset_file.parent / TESTS_FOLDER
    return sorted(p for p in folder.glob("*") if p.suffix in CASE_SUFFIXES and p.is_file())


def _sub(located: Located, prefix: DataPath) -> Located:
    """The positions below `prefix`, as if that value were a file of its own."""
    n = len(prefix)
    values = {k[n:]: v for k, v in located.values.items() if k[:n] == prefix}
    keys = {k[n:]: v for k, v in located.keys.items() if k[:n] == prefix}
    data = located.data
    for part in prefix:
        data = data[part]
    return Located(data=data, source=located.source, values=values, keys=keys)


class CaseLoader:
    """Loads case files; rulesets and profile files are read once, however many cases use them."""

    def __init__(self) -> None:
        self._rulesets: dict[str, CompiledRuleset] = {}
        self._profiles: dict[tuple[Path, str], Profile] = {}

    def load(self, path: Path) -> LoadedCaseFile:
        """A case file with everything resolved; raises with every problem found."""
        located = _read(path, CaseFileError)
        spec = _validate(CaseFile, located, CaseFileError)
        ruleset = self._ruleset(path, spec, located)
        problems: list[Problem] = []
        cases = [self._case(path, spec, i, located, ruleset, problems) for i in range(len(spec.cases))]
        problems += _duplicate_names(spec, located)
        if problems:
            raise CaseFileError(problems)
        return LoadedCaseFile(path, ruleset, tuple(c for c in cases if c is not None))

    def ruleset(self, source: Path | str) -> CompiledRuleset:
        """A ruleset by path or bundled name, compiled once."""
        key = str(Path(source).resolve()) if isinstance(source, Path) else source
        if key not in self._rulesets:
            self._rulesets[key] = load_ruleset(source)
        return self._rulesets[key]

    def _ruleset(self, path: Path, spec: CaseFile, located: Located) -> CompiledRuleset:
        if spec.ruleset is None:
            default = path.parent.parent / RULESET_FILE
            if path.parent.name != TESTS_FOLDER or not default.is_file():
                message = "geen regelset: het bestand staat niet in <regelset>/tests/ en noemt geen 'ruleset'"
                raise CaseFileError([Problem("case-ruleset", message, file=str(path), line=1, column=1)])
            return self.ruleset(default)
        relative = Path(os.path.normpath(path.parent / spec.ruleset))
        try:
            return self.ruleset(relative if relative.exists() else spec.ruleset)
        except KwaliteitsregelsError as error:
            line, column = located.where(("ruleset",))
            moved = [
                replace(p, file=p.file or str(path), line=p.line or line, column=p.column or column)
                for p in error.problems
            ]
            raise CaseFileError(moved) from None

    def _profile_file(self, path: Path, ruleset: CompiledRuleset) -> Profile:
        key = (path.resolve(), ruleset.models.key)
        if key not in self._profiles:
            self._profiles[key] = load_profile(path, rulesets=[ruleset])
        return self._profiles[key]

    def _profile(self, path: Path, case: Case, loc: DataPath, located: Located, ruleset: CompiledRuleset) -> Profile:
        if isinstance(case.profile, str):
            target = Path(os.path.normpath(path.parent / case.profile))
            if not target.is_file():
                line, column = located.where((*loc, "profile"))
                message = f"profiel '{case.profile}' niet gevonden (relatief aan {path.parent})"
                raise CaseFileError([Problem("file-not-found", message, file=str(path), line=line, column=column)])
            return self._profile_file(target, ruleset)
        prefix = f"{_validation.dotted((*loc, 'profile'))}."
        try:
            return _validate(ruleset.models.profile, _sub(located, (*loc, "profile")), ProfileError)
        except ProfileError as error:
            raise CaseFileError([replace(p, path=prefix + (p.path or "")) for p in error.problems]) from None

    def _case(  # noqa: PLR0913, PLR0917 - the case and everything it is resolved against
        self,
        path: Path,
        spec: CaseFile,
        index: int,
        located: Located,
        ruleset: CompiledRuleset,
        problems: list[Problem],
    ) -> LoadedCase | None:
        case = spec.cases[index]
        loc: DataPath = ("cases", index)
        line, column = located.where(loc)
        found = _unknown_requirements(case, loc, located, ruleset)
        peildatum = case.peildatum or spec.peildatum
        if peildatum is None:
            message = f"testgeval '{case.name}' heeft geen peildatum"
            found.append(Problem("case-peildatum", message, file=str(path), line=line, column=column))
        try:
            profile = self._profile(path, case, loc, located, ruleset)
        except KwaliteitsregelsError as error:
            found += error.problems
        problems += found
        if found or peildatum is None:
            return None
        stage = Stage(case.stage or spec.stage or Stage.REGISTRATION.value)
        results, lots = (*loc, "expect", "results"), (*loc, "expect", "lots")
        lines = {key: located.where((*results, key), key=True)[0] for key in case.expect.results}
        lines |= {f"lot:{key}": located.where((*lots, key), key=True)[0] for key in case.expect.lots}
        return LoadedCase(case, path, line, profile, peildatum, stage, lines)


def _unknown_requirements(case: Case, loc: DataPath, located: Located, ruleset: CompiledRuleset) -> list[Problem]:
    """Result keys that name no requirement: of this ruleset, or ('ruleset:id') of a ruleset it builds on."""
    lineage = ruleset.lineage()
    problems = []
    for key in case.expect.results:
        requirement = key.split("@", 1)[0]
        owner_id, _, own_id = requirement.rpartition(":") if ":" in requirement else (ruleset.id, "", requirement)
        owner = ruleset if owner_id == ruleset.id else lineage.get(owner_id)
        if owner is not None and own_id in owner.requirement_ids:
            continue
        line, column = located.where((*loc, "expect", "results", key), key=True)
        if owner is None:
            message = f"regelset '{owner_id}' is geen basis van '{ruleset.id}'"
            suggestion = _validation.closest(owner_id, sorted(lineage))
        else:
            message = f"eis '{own_id}' bestaat niet in regelset '{owner.id}'"
            suggestion = _validation.closest(own_id, sorted(owner.requirement_ids))
            suggestion = f"{owner.id}:{suggestion}" if suggestion and owner is not ruleset else suggestion
        where = _validation.dotted((*loc, "expect", "results", key))
        problems.append(
            Problem(
                "unknown-requirement",
                message,
                file=located.source,
                line=line,
                column=column,
                path=where,
                suggestion=suggestion,
            ),
        )
    return problems


def _duplicate_names(spec: CaseFile, located: Located) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, case in enumerate(spec.cases):
        if case.name in seen:
            line, column = located.where(("cases", i, "name"))
            message = f"testgeval '{case.name}' komt twee keer voor"
            problems.append(Problem("duplicate-case", message, file=located.source, line=line, column=column))
        seen.add(case.name)
    return problems
