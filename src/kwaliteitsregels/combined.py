"""One profile against several frameworks: a verdict per framework and one checklist of missing documents."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kwaliteitsregels import _arguments, _choices
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.evaluation import evaluate_with, in_play, with_assessments
from kwaliteitsregels.explain import MissingDocument, checklist
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.recorded import AssessmentFile
from kwaliteitsregels.results import Report, RequirementResult, Verdict, worst
from kwaliteitsregels.stages import Stage

if TYPE_CHECKING:
    import pandas as pd

    from kwaliteitsregels.messages import Lang


@dataclass(frozen=True, slots=True)
class CombinedReport:
    """The reports of one profile against several frameworks; shared bases (the law) are evaluated once."""

    reports: tuple[Report, ...]

    def verdicts(self) -> dict[str, Verdict]:
        """The verdict per framework, by ruleset id."""
        return {report.ruleset.id: report.verdict for report in self.reports}

    @property
    def verdict(self) -> Verdict:
        """The worst verdict over every framework."""
        return worst(report.verdict for report in self.reports)

    def _labelled(self) -> Iterator[tuple[str, RequirementResult]]:
        bases: dict[str, Report] = {}
        for report in self.reports:
            for result in report.results:
                yield f"{report.ruleset.id}:{result.id}", result
            bases.update(report.base_reports())
        for base_id, base in bases.items():
            for result in base.results:
                yield f"{base_id}:{result.id}", result

    def missing_documents(self) -> list[MissingDocument]:
        """One checklist over every framework and the law they build on: each document type once."""
        return checklist(self._labelled())

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """Every framework's results and the law's, once: a pandas DataFrame (`reporting.frame.combined_frame`)."""
        from kwaliteitsregels.reporting.frame import combined_frame  # noqa: PLC0415 - reporting builds on this module

        return combined_frame(self, _choices.lang(lang))

    def exit_code(
        self, fail_on: frozenset[Verdict] = frozenset({Verdict.NOT_COMPLIANT, Verdict.NEEDS_ASSESSMENT})
    ) -> int:
        """0 when every framework's verdict is acceptable under `fail_on`, else 1."""
        fail_on = _choices.members(fail_on, Verdict, "fail_on")
        return 1 if any(v in fail_on for v in self.verdicts().values()) else 0


def evaluate_all(  # noqa: PLR0913 - what is evaluated, then options by keyword only
    rulesets: Sequence[CompiledRuleset],
    profile: Profile,
    peildatum: date,
    *,
    stage: Stage = Stage.REGISTRATION,
    assessments: AssessmentFile | None = None,
    traced: bool = False,
) -> CombinedReport:
    """Evaluate one profile against several frameworks (at least one), each base ruleset only once.

    `traced`: as `evaluate`'s (record every condition's trace now, for reports that explain every result).
    """
    rulesets = _arguments.rulesets(rulesets)
    for ruleset in rulesets:
        _arguments.evaluation(ruleset, profile, peildatum, stage)
    profile, recorded = with_assessments(in_play(profile, rulesets), assessments)
    done: dict[str, Report] = {}
    return CombinedReport(
        tuple(evaluate_with(ruleset, profile, peildatum, stage, done, recorded, traced=traced) for ruleset in rulesets)
    )
