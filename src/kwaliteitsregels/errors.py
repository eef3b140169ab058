"""The exception family: every error the library raises on purpose derives from one root."""

from __future__ import annotations

from dataclasses import dataclass

from kwaliteitsregels import messages
from kwaliteitsregels._safe_text import visible_line
from kwaliteitsregels.messages import Lang


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: what, where, and how to fix it."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    suggestion: str | None = None

    def location(self, lang: Lang = "nl") -> str:
        """`file:line:column`, as far as it is known."""
        parts = [self.file or messages.text("error.input", lang)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        """`file:line:column: [path] message (code) Bedoelde u …?`, on one line, control characters shown."""
        return self.render()

    def render(self, lang: Lang = "nl") -> str:
        """The problem on one line in `lang`: the message and the suggestion from the phrase catalog.

        A problem that is about no input at all (an unknown ruleset name, a wrong argument) has no place
        to point at: it starts with its message, not with `<invoer>:`.
        """
        placed = self.file is not None or self.line is not None or self.path is not None
        where = f"{self.location(lang)}:" if placed else ""
        field = f" [{self.path}]" if self.path else ""
        hint = " " + messages.text("suggestion", lang, suggestion=self.suggestion) if self.suggestion else ""
        message = messages.problem_text(self.code, self.message, lang)
        return visible_line(f"{where}{field} {message} ({self.code}){hint}".lstrip())


class KwaliteitsregelsError(Exception):
    """Root of the family. Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        """The first problem, for callers that show one line."""
        return self.problems[0]


class InputError(KwaliteitsregelsError):
    """A file could not be read or parsed (missing file, bad YAML/JSON, unsafe YAML)."""


class RulesetError(KwaliteitsregelsError):
    """A ruleset is invalid: schema, unknown keyword, unknown profile field, bad reference."""


class ProfileError(KwaliteitsregelsError):
    """A provider profile is invalid."""


class EvaluationError(KwaliteitsregelsError):
    """A valid ruleset and profile were combined in a way that cannot be evaluated."""


class UsageError(KwaliteitsregelsError, TypeError):
    """A function of the library was called with an argument of the wrong type or out of range."""

    def __str__(self) -> str:
        """The message alone: there is no input file to point at."""
        return "\n".join(visible_line(p.message) for p in self.problems)


class MissingExtraError(KwaliteitsregelsError, ImportError):
    """An optional dependency (pandas, matplotlib) is not installed; the message says how to install it."""

    def __str__(self) -> str:
        """The message alone: there is no input file to point at."""
        return "\n".join(visible_line(p.message) for p in self.problems)


def single(  # noqa: PLR0913 - mirrors the fields of Problem
    cls: type[KwaliteitsregelsError],
    code: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    path: str | None = None,
    suggestion: str | None = None,
) -> KwaliteitsregelsError:
    """Build an error of `cls` holding one problem."""
    problem = Problem(code, message, file=file, line=line, path=path, suggestion=suggestion)
    return cls([problem])
