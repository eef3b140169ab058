"""What a batch reads: profile files (a folder, a glob, a list) or a spreadsheet, as one submission per provider.

`read_intake` yields submissions in a fixed order (files sorted by name, a folder's or glob's
matches sorted; spreadsheet rows in the order of the provider sheet) and never stops at a bad one:
a submission carries its problems and is not evaluated. `load` turns a submission into a profile
(in the worker) and places every problem on the file, or on the sheet, row and column it came from.
"""

from __future__ import annotations

import glob
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from kwaliteitsregels import _files
from kwaliteitsregels.batch.columns import layout
from kwaliteitsregels.batch.sheets import PROVIDER_SHEETS, Cell, Path_, read_workbook
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError, Problem, ProfileError
from kwaliteitsregels.limits import DEFAULT_LIMITS
from kwaliteitsregels.loading import _models_in_play, load_profile
from kwaliteitsregels.models.profile import Profile

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True, slots=True)
class Submission:
    """One provider as handed in: a profile file, or the plain data read from a spreadsheet."""

    name: str  # the provider's key: the file's name without suffix, or the key in the provider sheet
    source: str  # where it came from: the file, or `workbook[sheet]:row`
    path: str | None = None
    data: dict[str, Any] | None = None
    cells: dict[Path_, Cell] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    slug: str = ""  # the provider's folder in the output: unique within the batch
    assessments: str | None = None  # the municipality's assessments file for this provider (batch/assessments.py)


@dataclass(slots=True)
class Intake:
    """The submissions (lazily, in order) and the problems that belong to no provider."""

    submissions: Iterator[Submission]
    problems: list[Problem]


def read_intake(sources: Sequence[str | Path], rulesets: Sequence[CompiledRuleset] = ()) -> Intake:
    """Profile files, folders, globs, workbooks (`.xlsx`) and CSV folders → submissions with unique slugs.

    `rulesets` tell a spreadsheet which facts it may hold (the core and the rulesets' vocabularies).
    """
    problems: list[Problem] = []
    return Intake(_slugged(_submissions(sources, rulesets, problems)), problems)


def _submissions(
    sources: Sequence[str | Path], rulesets: Sequence[CompiledRuleset], problems: list[Problem]
) -> Iterator[Submission]:
    for source in sources:
        path = Path(source)
        if path.suffix.lower() in SPREADSHEET_SUFFIXES or _is_csv_set(path):
            yield from _spreadsheet(path, rulesets, problems)
        elif path.is_dir():
            yield from (_file(p) for p in sorted(path.iterdir()) if p.suffix.lower() in PROFILE_SUFFIXES)
        elif path.exists():
            yield _file(path)
        elif matches := sorted(glob.glob(str(source), recursive=True)):  # noqa: PTH207 - a user's pattern
            yield from (_file(Path(m)) for m in matches if Path(m).suffix.lower() in PROFILE_SUFFIXES)
        else:
            problems.append(Problem("file-not-found", "bestand, map of patroon niet gevonden", str(source)))


def _is_csv_set(path: Path) -> bool:
    return path.is_dir() and any((path / f"{name}.csv").exists() for name in PROVIDER_SHEETS)


def _file(path: Path) -> Submission:
    return Submission(name=path.stem, source=str(path), path=str(path))


def _spreadsheet(path: Path, rulesets: Sequence[CompiledRuleset], problems: list[Problem]) -> Iterator[Submission]:
    try:
        book = read_workbook(path, layout(_models_in_play(rulesets).profile))
    except KwaliteitsregelsError as error:  # not a regular file, or a CSV file past the size limit
        problems.extend(error.problems)
        return
    except (OSError, ValueError, KeyError) as exc:  # not a workbook openpyxl can read, or unreadable
        problems.append(Problem("unreadable-workbook", f"niet te lezen: {exc}", str(path)))
        return
    problems.extend(book.problems)
    for provider in book.providers:
        yield Submission(
            name=provider.key,
            source=f"{provider.row.file}[{provider.row.sheet}]:{provider.row.row}",
            data=provider.data,
            cells=provider.cells,
            problems=tuple(provider.problems),
        )


def _slugged(submissions: Iterator[Submission]) -> Iterator[Submission]:
    seen: set[str] = set()
    for submission in submissions:
        base = slug(submission.name)
        name, n = base, 1
        while name in seen:
            n += 1
            name = f"{base}-{n}"
        seen.add(name)
        yield replace(submission, slug=name)


def slug(name: str) -> str:
    """A file-system-safe folder name for a provider: ASCII letters, digits and `-`."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "aanbieder"


def load(submission: Submission, rulesets: Sequence[CompiledRuleset]) -> Profile:
    """The submission's profile, validated for `rulesets`; a ProfileError names the file or the cell."""
    if submission.problems:
        raise ProfileError(list(submission.problems))
    if submission.data is None:
        return _load_file(Path(submission.path or ""), rulesets)
    try:
        return load_profile(submission.data, rulesets=rulesets)
    except KwaliteitsregelsError as error:
        raise ProfileError([_placed(p, submission) for p in error.problems]) from None


def _load_file(path: Path, rulesets: Sequence[CompiledRuleset]) -> Profile:
    """A JSON profile read by the standard library first; any problem is read again with positions."""
    if path.suffix.lower() == ".json":
        try:
            raw = _files.read_bytes(path, ProfileError, DEFAULT_LIMITS)  # a regular file, never past the limit
            data = json.loads(raw, object_pairs_hook=_unique, parse_constant=_refuse, parse_float=_decimal)
            if isinstance(data, dict):
                return load_profile(data, rulesets=rulesets)
        except (ValueError, OSError, KwaliteitsregelsError):
            pass  # the strict reader below says what and where
    return load_profile(path, rulesets=rulesets)


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")
    return dict(pairs)


def _decimal(text: str) -> Decimal:
    """A JSON number as the strict reader gives it; an exponent is left to that reader."""
    if "e" in text or "E" in text:
        raise ValueError(text)
    return Decimal(text)


def _refuse(constant: str) -> Any:
    raise ValueError(constant)


def _placed(problem: Problem, submission: Submission) -> Problem:
    """A profile problem on the cell its path came from (the nearest one above it), or the provider's row."""
    parts: Path_ = ()
    if problem.path:
        parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", problem.path) if p)
    for end in range(len(parts), -1, -1):
        cell = submission.cells.get(parts[:end])
        if cell is not None:
            return cell.problem(problem.code, problem.message, path=problem.path, suggestion=problem.suggestion)
    where = f"{submission.source}"
    return replace(problem, file=where)
