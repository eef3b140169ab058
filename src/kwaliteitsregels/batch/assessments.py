"""The municipality's assessments in a batch: a folder with one file per provider, named by its key.

`--assessments DIR` (`Settings.assessments`) holds `<key>.yaml`, `.yml` or `.json` per provider, where
the key is the submission's `name` (the profile file's name without suffix, or the provider key of a
spreadsheet). `paired` hands each submission its file as it passes; nothing is guessed or dropped:

- a provider without a file is evaluated without assessments;
- two files for one provider (`x.yaml` and `x.json`), or one file for two providers of the same name,
  stop that provider: it is not evaluated, with why;
- a file that matches no provider, or an entry that is not an assessments file, is a problem of the
  intake (listed in the overview, exit code 2), with the nearest provider key as a suggestion.

The file itself is read in the task (`load_assessments`): a file that does not load stops only its
provider, with the file's line and column, like a bad profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from kwaliteitsregels._validation import closest
from kwaliteitsregels.batch.intake import PROFILE_SUFFIXES, Submission
from kwaliteitsregels.errors import Problem


def scan(folder: str | Path, problems: list[Problem]) -> dict[str, list[Path]]:
    """The assessments files in `folder` by provider key (sorted); anything else there is a problem."""
    path = Path(folder)
    if not path.is_dir():
        problems.append(Problem("file-not-found", "map met beoordelingen niet gevonden", str(folder)))
        return {}
    found: dict[str, list[Path]] = {}
    for entry in sorted(path.iterdir()):
        if entry.name.startswith("."):
            continue  # hidden files (.DS_Store, .gitkeep) are nobody's assessments
        if entry.is_file() and entry.suffix.lower() in PROFILE_SUFFIXES:
            found.setdefault(entry.stem, []).append(entry)
        else:
            problems.append(
                Problem(
                    "not-an-assessments-file",
                    "geen beoordelingsbestand (verwacht <aanbieder>.yaml, .yml of .json)",
                    str(entry),
                )
            )
    return found


def paired(submissions: Iterator[Submission], folder: str | Path, problems: list[Problem]) -> Iterator[Submission]:
    """Each submission with its assessments file; once all have passed, the files nobody claimed are problems."""
    files = scan(folder, problems)
    names: set[str] = set()
    for submission in submissions:
        yield _with_file(submission, files.get(submission.name, []), submission.name in names)
        names.add(submission.name)
    known = sorted(names)
    problems.extend(
        Problem(
            "unknown-provider",
            f"beoordeling voor aanbieder '{key}', die niet in de invoer staat",
            str(path),
            suggestion=closest(key, known),
        )
        for key, paths in files.items()
        if key not in names
        for path in paths
    )


def _with_file(submission: Submission, paths: list[Path], seen_before: bool) -> Submission:
    if not paths:
        return submission
    if len(paths) > 1:
        listed = ", ".join(p.name for p in paths)
        problem = Problem(
            "duplicate-assessments",
            f"meer dan één beoordeling voor deze aanbieder: {listed}; laat er één staan",
            str(paths[0].parent),
        )
        return replace(submission, problems=(*submission.problems, problem))
    if seen_before:
        problem = Problem(
            "ambiguous-assessments",
            f"de beoordeling {paths[0].name} past bij meer dan één aanbieder met de naam '{submission.name}'",
            str(paths[0]),
        )
        return replace(submission, problems=(*submission.problems, problem))
    return replace(submission, assessments=str(paths[0]))
