"""Summaries that make rulesets comparable: per Movisie theme and per input/throughput/output/outcome level."""

from __future__ import annotations

from collections import Counter

from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.results import Report, Status
from kwaliteitsregels.vocabulary import LEVELS, THEMES

UNTAGGED = "-"


def ruleset_profile(ruleset: CompiledRuleset) -> dict[str, dict[str, int]]:
    """How many requirements a ruleset has per theme and per level ('-' for none)."""
    themes: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    for req in ruleset.requirements:
        themes.update(req.spec.themes or [UNTAGGED])
        levels[req.spec.level or UNTAGGED] += 1
    return {"themes": dict(sorted(themes.items())), "levels": dict(sorted(levels.items()))}


def report_summary(report: Report) -> dict[str, dict[str, dict[str, int]]]:
    """Per theme and per level: how many results got each status.

    Every Movisie theme and every level is listed, also with no requirement at all (all zero): the
    theme a framework leaves out is what a policy advisor looks for. `-` is added for untagged results.
    """
    themes: dict[str, Counter[str]] = {theme: Counter() for theme in THEMES}
    levels: dict[str, Counter[str]] = {level: Counter() for level in LEVELS}
    for result in report.results:
        spec = result.requirement.spec
        for theme in spec.themes or [UNTAGGED]:
            themes.setdefault(theme, Counter())[result.status] += 1
        levels.setdefault(spec.level or UNTAGGED, Counter())[result.status] += 1
    return {"themes": _counts(themes), "levels": _counts(levels)}


def _counts(groups: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    return {key: {str(s): groups[key][s] for s in Status} for key in sorted(groups)}
