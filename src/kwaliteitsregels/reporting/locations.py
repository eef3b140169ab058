"""Where a CI annotation lands: in the user's own files, relative to the working directory.

A requirement's result points at the requirement's line in the ruleset when the ruleset is one of the
user's files (below the working directory, not inside an installed package). A bundled ruleset is not
the user's file: the result then points at the profile that was checked, at the key of the first fact
the requirement found wanting (or of the nearest enclosing key present; else line 1). Without a profile
(the library called directly) the ruleset is named as it is, relative where it can be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kwaliteitsregels import _files, _yaml, explain
from kwaliteitsregels.errors import KwaliteitsregelsError
from kwaliteitsregels.limits import DEFAULT_LIMITS
from kwaliteitsregels.loading import parse_bytes
from kwaliteitsregels.results import Report, RequirementResult

_PACKAGE = Path(__file__).resolve().parents[1]
_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


@dataclass(frozen=True, slots=True)
class Location:
    """A file (relative to the working directory when it lies below it) and a 1-based line."""

    path: Path
    line: int


def relative_source(source: str | Path, cwd: Path | None = None) -> Path:
    """A file relative to the working directory when it lies below it; else as given."""
    path = Path(source)
    root = (cwd or Path.cwd()).resolve()
    resolved = path.resolve()
    return resolved.relative_to(root) if resolved.is_relative_to(root) else path


def is_users_file(source: str | Path, cwd: Path | None = None) -> bool:
    """True for a file below the working directory that is not part of an installed package."""
    resolved = Path(source).resolve()
    root = (cwd or Path.cwd()).resolve()
    inside_package = resolved.is_relative_to(_PACKAGE) or "site-packages" in resolved.parts
    return resolved.is_relative_to(root) and not inside_package


def field_path(text: str) -> tuple[str | int, ...]:
    """`registration.lots[0].code` as `("registration", "lots", 0, "code")`."""
    return tuple(int(index) if index else name for index, name in _PATH_PART.findall(text))


@dataclass(slots=True)
class Locator:
    """Locations for the results of one run: the profile checked and the working directory."""

    profile: str | Path | None = None
    cwd: Path = field(default_factory=Path.cwd)
    _located: _yaml.Located | None = None
    _read: bool = False

    def locate(self, report: Report, result: RequirementResult) -> Location:
        """The user's ruleset at the requirement's line, else the profile at the fact's line."""
        source = report.ruleset.source
        if self.profile is None or is_users_file(source, self.cwd):
            return Location(relative_source(source, self.cwd), result.requirement.line or 1)
        return Location(relative_source(self.profile, self.cwd), self._profile_line(result))

    def _profile_line(self, result: RequirementResult) -> int:
        located = self._profile()
        if located is None:
            return 1
        for finding in explain.findings(result.trace):
            path = field_path(finding.path)
            for end in range(len(path), 0, -1):  # the key of the fact, else of the nearest part that is there
                if path[:end] in located.keys:
                    return located.keys[path[:end]][0]
        return 1

    def _profile(self) -> _yaml.Located | None:
        if not self._read and self.profile is not None:
            self._read = True
            try:
                raw = _files.read_bytes(Path(self.profile), KwaliteitsregelsError, DEFAULT_LIMITS)
                self._located = parse_bytes(raw, str(self.profile))
            except KwaliteitsregelsError:
                self._located = None
        return self._located
