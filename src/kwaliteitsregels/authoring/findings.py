"""Problems as an author sees them: `file:line:column`, code, message, "did you mean", fix hint.

Three renderings: `text` (one line per problem, for terminals and editors), `json`, and `github`
(workflow commands that GitHub Actions shows as annotations on the pull request's files).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kwaliteitsregels import messages
from kwaliteitsregels._safe_text import escape_json, visible_line
from kwaliteitsregels.authoring import texts
from kwaliteitsregels.errors import Problem
from kwaliteitsregels.messages import Lang


@dataclass(frozen=True, slots=True)
class Checked:
    """One file that was checked, and as what."""

    path: Path
    kind: str


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of `validate`: the files checked and every problem found in them."""

    checked: tuple[Checked, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[Path, ...] = ()  # files named but not recognised, passed over (--ignore-unknown)

    def exit_code(self) -> int:
        """0 when clean, 1 when there are problems (2, bad usage, is raised before)."""
        return 1 if self.problems else 0


def located(problem: Problem) -> Problem:
    """The problem with a line and column: a problem about a whole file points at its start."""
    if problem.line is None:
        return replace(problem, line=1, column=1)
    return problem if problem.column is not None else replace(problem, column=1)


def _detail(problem: Problem, lang: Lang) -> str:
    parts = [problem.message]
    if problem.suggestion:
        parts.append(messages.text("suggestion", lang, suggestion=problem.suggestion))
    return " ".join(parts)


def render_line(problem: Problem, lang: Lang = "nl") -> str:
    """`file:line:column: [path] message (code) Bedoelde u …? — oplossing: …`."""
    item = located(problem)
    field = f" [{item.path}]" if item.path else ""
    fix = f"{messages.text('hint.label', lang)}: {texts.hint(item.code, lang)}"
    return f"{item.location()}:{field} {_detail(item, lang)} ({item.code}) — {fix}"


def render_text(validation: Validation, lang: Lang = "nl") -> str:
    """One line per problem, then a summary."""
    lines = [render_line(p, lang) for p in validation.problems]
    checked = len(validation.checked)
    if validation.problems:
        files = len({p.file for p in validation.problems})
        count = len(validation.problems)
        noun = messages.text("validate.problem" if count == 1 else "validate.problems", lang)
        lines.append(messages.text("validate.summary", lang, problems=count, noun=noun, files=files, checked=checked))
    else:
        lines.append(messages.text("validate.clean", lang, checked=checked))
    if validation.skipped:
        names = ", ".join(str(path) for path in validation.skipped)
        lines.append(messages.text("validate.skipped", lang, count=len(validation.skipped), files=names))
    return "\n".join(map(visible_line, lines)) + "\n"  # keys and file names never drive the terminal


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(validation: Validation, lang: Lang = "nl") -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::…`, one per problem."""
    lines = []
    for problem in map(located, validation.problems):
        properties = ",".join(
            f"{name}={_escape_property(str(value))}"
            for name, value in (
                ("file", problem.file or "<invoer>"),
                ("line", problem.line),
                ("col", problem.column),
                ("title", problem.code),
            )
        )
        message = f"{_detail(problem, lang)} — {messages.text('hint.label', lang)}: {texts.hint(problem.code, lang)}"
        if problem.path:
            message = f"[{problem.path}] {message}"
        lines.append(f"::error {properties}::{_escape_data(message)}")
    return "".join(f"{line}\n" for line in lines)


def render_json(validation: Validation, lang: Lang = "nl") -> str:
    """Every checked file and every problem as JSON."""
    problems = [
        {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "code": p.code,
            "message": p.message,
            "path": p.path,
            "suggestion": p.suggestion,
            "hint": texts.hint(p.code, lang),
        }
        for p in map(located, validation.problems)
    ]
    document = {
        "files": [{"path": str(c.path), "kind": c.kind} for c in validation.checked],
        "problems": problems,
        "skipped": [str(path) for path in validation.skipped],
        "summary": {"files": len(validation.checked), "problems": len(problems), "skipped": len(validation.skipped)},
    }
    return escape_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


RENDERERS: dict[str, Callable[[Validation, Lang], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}


def sort_problems(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """By file, then line and column; problems keep their order otherwise."""
    return tuple(sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.column or 0)))
