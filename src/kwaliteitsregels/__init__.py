"""kwaliteitsregels: check care providers against municipal quality frameworks (Jeugdwet, Wmo 2015).

>>> import kwaliteitsregels as kr
>>> ruleset = kr.load_ruleset("twente")
>>> profile = kr.load_profile("examples/zzp-jeugdhulp.yaml")
>>> report = kr.evaluate(ruleset, profile, date(2026, 11, 23))
>>> report.verdict, report.to_json()

`import kwaliteitsregels` is cheap: each public name is imported from its module on first use
(PEP 562), so a command line or a script pays only for what it touches. A new public name goes
into `__all__`, `_PUBLIC` (where it lives) and the `TYPE_CHECKING` block (for type checkers).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kwaliteitsregels.bundled import bundled_rulesets
    from kwaliteitsregels.combined import CombinedReport, evaluate_all
    from kwaliteitsregels.compiling import CompiledRuleset
    from kwaliteitsregels.errors import KwaliteitsregelsError
    from kwaliteitsregels.evaluation import evaluate
    from kwaliteitsregels.loading import load_assessments, load_profile, load_ruleset
    from kwaliteitsregels.models.profile import Profile
    from kwaliteitsregels.results import Report, RequirementResult, Status, Verdict
    from kwaliteitsregels.stages import Stage

    __version__: str

__all__ = [
    "CombinedReport",
    "CompiledRuleset",
    "KwaliteitsregelsError",
    "Profile",
    "Report",
    "RequirementResult",
    "Stage",
    "Status",
    "Verdict",
    "bundled_rulesets",
    "evaluate",
    "evaluate_all",
    "load_assessments",
    "load_profile",
    "load_ruleset",
]

# Public name → the module that defines it.
_PUBLIC = {
    "CombinedReport": "kwaliteitsregels.combined",
    "CompiledRuleset": "kwaliteitsregels.compiling",
    "KwaliteitsregelsError": "kwaliteitsregels.errors",
    "Profile": "kwaliteitsregels.models.profile",
    "Report": "kwaliteitsregels.results",
    "RequirementResult": "kwaliteitsregels.results",
    "Stage": "kwaliteitsregels.stages",
    "Status": "kwaliteitsregels.results",
    "Verdict": "kwaliteitsregels.results",
    "bundled_rulesets": "kwaliteitsregels.bundled",
    "evaluate": "kwaliteitsregels.evaluation",
    "evaluate_all": "kwaliteitsregels.combined",
    "load_assessments": "kwaliteitsregels.loading",
    "load_profile": "kwaliteitsregels.loading",
    "load_ruleset": "kwaliteitsregels.loading",
}


def _version() -> str:
    """The installed distribution's version; a source tree that was never installed has none."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - only when asked

    try:
        return version("kwaliteitsregels")
    except PackageNotFoundError:
        return "0+unknown"


# Hidden from type checkers: they see the imports above, so a misspelt name is an error for
# them, not `Any`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """A public name, imported on first use and kept (PEP 562)."""
        if name == "__version__":
            value: Any = _version()
        elif name in _PUBLIC:
            value = getattr(import_module(_PUBLIC[name]), name)
        else:
            raise AttributeError(f"module 'kwaliteitsregels' has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The module's names, the lazy ones included (for completion in a REPL or notebook)."""
    return sorted({*globals(), *__all__, "__version__"})
