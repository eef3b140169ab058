"""kwaliteitsregels: check care providers against municipal quality frameworks (Jeugdwet, Wmo 2015).

>>> import kwaliteitsregels as kr
>>> ruleset = kr.load_ruleset("twente")
>>> profile = kr.load_profile("examples/zzp-jeugdhulp.yaml")
>>> report = kr.evaluate(ruleset, profile, date(2026, 11, 23))
>>> report.verdict, report.to_json()
"""

from kwaliteitsregels.bundled import bundled_rulesets
from kwaliteitsregels.combined import CombinedReport, evaluate_all
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import KwaliteitsregelsError
from kwaliteitsregels.evaluation import evaluate
from kwaliteitsregels.loading import load_profile, load_ruleset
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.results import Report, RequirementResult, Status, Verdict
from kwaliteitsregels.stages import Stage

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
    "load_profile",
    "load_ruleset",
]
