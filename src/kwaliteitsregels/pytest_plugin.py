"""pytest items for a ruleset's own test cases (`<ruleset folder>/tests/*.yaml`).

The entry point (`kwaliteitsregels_pytest`, registered as `pytest11`) adds the option and hands case
files here once it is switched on. Each case is one item named after it; a failing case shows the same
diff as `kwaliteitsregels test`, a broken case file every problem with file:line:column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwaliteitsregels.authoring.casefiles import CaseLoader, LoadedCase, is_case_file
from kwaliteitsregels.authoring.casereport import render_case
from kwaliteitsregels.authoring.casetests import CaseOutcome, run_case
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError

_LOADER = pytest.StashKey[CaseLoader]()


def _loader(config: pytest.Config) -> CaseLoader:
    if _LOADER not in config.stash:
        config.stash[_LOADER] = CaseLoader()
    return config.stash[_LOADER]


def collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A collector for `file_path` when it is a ruleset's case file."""
    return CaseFile.from_parent(parent, path=file_path) if is_case_file(file_path) else None


class CaseFailedError(Exception):
    """A case whose outcome did not match its expectation."""

    def __init__(self, outcome: CaseOutcome) -> None:
        super().__init__(outcome.case.name)
        self.outcome = outcome


class CaseFile(pytest.File):
    """One case file: its cases are the items."""

    def collect(self) -> list[pytest.Item]:
        """One item per case; a broken file is a collection error listing every problem."""
        loaded = _loader(self.config).load(self.path)
        return [CaseItem.from_parent(self, name=c.name, case=c, ruleset=loaded.ruleset) for c in loaded.cases]

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        """Every problem with file:line:column, not a traceback."""
        if isinstance(excinfo.value, KwaliteitsregelsError):
            return "\n".join(str(p) for p in excinfo.value.problems)
        return super().repr_failure(excinfo)


class CaseItem(pytest.Item):
    """One test case: evaluate its profile and compare every expectation."""

    def __init__(self, *, case: LoadedCase, ruleset: CompiledRuleset, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.ruleset = ruleset

    def runtest(self) -> None:
        """Fail with the diff when the outcome differs from the expectation."""
        outcome = run_case(self.case, self.ruleset)
        if not outcome.passed:
            raise CaseFailedError(outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """The same diff `kwaliteitsregels test` prints."""
        if isinstance(excinfo.value, CaseFailedError):
            outcome = excinfo.value.outcome
            return "\n".join([f"{outcome.case.location}: {outcome.case.name}", *render_case(outcome)])
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int, str]:
        """Where the case stands in its file."""
        return self.path, (self.case.line or 1) - 1, f"{self.ruleset.id}: {self.name}"
