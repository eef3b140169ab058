"""The comparison as pandas DataFrames (optional extra: `kwaliteitsregels[notebook]`).

`compare_frames(rulesets)` gives, by name: `pairs` (a row per requirement and other ruleset),
`law` (a row per regional requirement: what it does with the law), `burden` (a row per ruleset and
stage), `levels` and `themes` (the same, per level and per theme), `subjects` (a row per subject,
a column per ruleset). `impact_frame(document)` gives a row per provider and changed requirement.
Text cells pass `spreadsheet_cell`, as in `reporting.frame`: a formula stays text in a spreadsheet.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kwaliteitsregels import messages
from kwaliteitsregels._safe_text import spreadsheet_cell
from kwaliteitsregels.analytics.document import ComparisonDocument, ImpactDocument, comparison_document
from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import MissingExtraError, Problem
from kwaliteitsregels.messages import Lang

if TYPE_CHECKING:
    import pandas as pd

EXTRA = "kwaliteitsregels[notebook]"


def _pandas(lang: Lang) -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        message = messages.text("nb.missing_extra", lang, package="pandas", feature="compare_frames", extra=EXTRA)
        raise MissingExtraError([Problem("missing-extra", message)]) from None


def _cells(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: spreadsheet_cell(value) for key, value in row.items()} for row in rows]


def _frame(pandas: Any, rows: list[dict[str, Any]], index: list[str]) -> pd.DataFrame:
    frame: pd.DataFrame = pandas.DataFrame(_cells(rows))
    indexed: pd.DataFrame = frame.set_index(index) if rows else frame
    return indexed


def _differences(found: Sequence[Any]) -> str:
    return "; ".join(f"{d.fact} {d.keyword}: {d.this or '—'} ↔ {d.other or '—'}" for d in found)


def frames(document: ComparisonDocument, lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """The DataFrames of a comparison document (see the module)."""
    pandas = _pandas(lang)
    pairs = [
        {
            "ruleset": p.ruleset,
            "requirement": p.requirement,
            "other": p.other,
            "title": p.title,
            "counterpart": p.counterpart,
            "relation": p.relation,
            "score": p.score,
            "differences": _differences(p.differences),
            "evidence": "; ".join(p.evidence),
        }
        for p in document.pairs
    ]
    law = [
        {
            "ruleset": e.ruleset,
            "requirement": e.requirement,
            "title": e.title,
            "verdict": e.verdict,
            "declared": ", ".join(f"{o.requirement} ({o.kind})" for o in e.declared),
            "counterpart": e.counterpart,
            "relation": e.relation,
            "mismatch": e.mismatch,
            "differences": _differences(e.differences),
        }
        for e in document.law
    ]
    burden = [{"ruleset": b.ruleset, "stage": b.stage, "law": b.law, **b.total} for b in document.burden]
    levels = [
        {"ruleset": b.ruleset, "stage": b.stage, "level": level, **counts}
        for b in document.burden
        for level, counts in b.by_level.items()
    ]
    themes = [
        {"ruleset": b.ruleset, "stage": b.stage, "theme": theme, **counts}
        for b in document.burden
        for theme, counts in b.by_theme.items()
    ]
    names = [r.id for r in document.rulesets]
    subjects = [
        {"title": s.title, "share": s.share, "core": s.core, **{n: ", ".join(s.members.get(n, [])) for n in names}}
        for s in document.subjects
    ]
    return {
        "pairs": _frame(pandas, pairs, ["ruleset", "requirement", "other"]),
        "law": _frame(pandas, law, ["ruleset", "requirement"]),
        "burden": _frame(pandas, burden, ["ruleset", "stage"]),
        "levels": _frame(pandas, levels, ["ruleset", "stage", "level"]),
        "themes": _frame(pandas, themes, ["ruleset", "stage", "theme"]),
        "subjects": pandas.DataFrame(_cells(subjects)),
    }


def compare_frames(rulesets: Sequence[CompiledRuleset], lang: Lang = "nl") -> dict[str, pd.DataFrame]:
    """Compare `rulesets` and return the DataFrames (see the module)."""
    _pandas(lang)
    return frames(comparison_document(rulesets, lang), lang)


def impact_frame(document: ImpactDocument, lang: Lang = "nl") -> pd.DataFrame:
    """A row per provider and requirement whose status changes (a provider without changes: one row, no requirement)."""
    pandas = _pandas(lang)
    rows: list[dict[str, Any]] = []
    for profile in document.profiles:
        base = {
            "provider": profile.provider,
            "profile": profile.profile,
            "old_verdict": profile.old,
            "new_verdict": profile.new,
        }
        empty: dict[str, str | None] = {"requirement": None, "lot": None, "old_status": None, "new_status": None}
        changes = [
            {"requirement": c.requirement, "lot": c.lot, "old_status": c.old, "new_status": c.new}
            for c in profile.changes
        ]
        rows.extend(base | change for change in changes or [empty])
    frame: pd.DataFrame = pandas.DataFrame(_cells(rows))
    return frame
