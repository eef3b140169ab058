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
    themes: dict[str, dict[str, int]] = {theme: dict(_NONE) for theme in THEMES}
    levels: dict[str, dict[str, int]] = {level: dict(_NONE) for level in LEVELS}
    for result in report.results:
        spec, status = result.requirement.spec, str(result.status)
        for theme in spec.themes or _UNTAGGED:
            _counted(themes, theme)[status] += 1
        _counted(levels, spec.level or UNTAGGED)[status] += 1
    return {"themes": dict(sorted(themes.items())), "levels": dict(sorted(levels.items()))}


_NONE = {str(status): 0 for status in Status}  # every status, in its order, counted zero times
_UNTAGGED = (UNTAGGED,)


def _counted(groups: dict[str, dict[str, int]], key: str) -> dict[str, int]:
    """The counts of `key` in `groups`, added (all zero) when it is new."""
    counts = groups.get(key)
    if counts is None:
        counts = groups[key] = dict(_NONE)
    return counts
