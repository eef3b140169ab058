"""Reports as pandas DataFrames, for notebooks and spreadsheets (optional extra: `kwaliteitsregels[notebook]`).

`to_frame(report)`: one row per requirement. `summary_frame(reports)`: one row per provider.
Column names and status values are stable English codes; `label` and `reason` follow `lang`.

Every text cell and index value passes `spreadsheet_cell`: a provider named
`=HYPERLINK(…)` stays text in `to_excel`/`to_csv` (a `'` in front), numbers stay numbers.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kwaliteitsregels import explain, messages, reasons
from kwaliteitsregels._safe_text import spreadsheet_cell
from kwaliteitsregels.errors import MissingExtraError, Problem
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.results import Report, Status

if TYPE_CHECKING:
    import pandas as pd

EXTRA = "kwaliteitsregels[notebook]"
STATUSES = [str(s) for s in Status]
COLUMNS = ["title", "status", "label", "category", "theme", "lot", "source", "reason"]


def require(package: str, feature: str, lang: Lang = "nl") -> None:
    """Check that an optional package imports, or raise MissingExtraError saying how to install it."""
    try:
        importlib.import_module(package)
    except ImportError:
        message = messages.text("nb.missing_extra", lang, package=package, feature=feature, extra=EXTRA)
        raise MissingExtraError([Problem("missing-extra", message)]) from None


def to_frame(report: Report, lang: Lang = "nl") -> pd.DataFrame:
    """One row per requirement (index `id`, ruleset order; a per-lot requirement has a row per lot).

    Columns: `title`; `status` (pass, fail, explain, not_applicable; an ordered categorical);
    `label` (the status as a reader needs it); `category`; `theme` (the requirement's themes, comma-
    separated; empty when it has none); `lot` (empty unless the requirement is checked per lot);
    `source` (section:line of the source document); `reason`.
    """
    require("pandas", "to_frame", lang)
    import pandas as pd  # noqa: PLC0415 - optional extra

    rows = _cells(
        {
            "id": r.id,
            "title": r.requirement.spec.title.get(lang),
            "status": str(r.status),
            "label": reasons.status_label(r, lang),
            "category": r.requirement.spec.category,
            "theme": ", ".join(r.requirement.spec.themes) or None,
            "lot": r.lot,
            "source": _source(r.requirement.spec.source.section, r.requirement.spec.source.line),
            "reason": reasons.reason(r, lang),
        }
        for r in report.results
    )
    frame = pd.DataFrame(rows, columns=["id", *COLUMNS]).set_index("id")
    frame["status"] = pd.Categorical(frame["status"], categories=STATUSES, ordered=True)
    for column in ("title", "label", "category", "theme", "lot", "source", "reason"):
        frame[column] = frame[column].astype("string")
    return frame


def _cells(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every value safe for a spreadsheet: what `to_excel` or `to_csv` writes is never a formula."""
    return [{key: spreadsheet_cell(value) for key, value in row.items()} for row in rows]


def _source(section: str, line: int | None) -> str:
    return f"{section}:{line}" if line is not None else section


def summary_frame(reports: Iterable[Report], lang: Lang = "nl") -> pd.DataFrame:
    """One row per report (index `provider`): `verdict`, `verdict_label`, a count per status, `missing_documents`."""
    require("pandas", "summary_frame", lang)
    import pandas as pd  # noqa: PLC0415 - optional extra

    rows = []
    for report in reports:
        counts = {str(s): n for s, n in report.counts().items()}
        rows.append(
            {
                "provider": report.provider,
                "verdict": str(report.verdict),
                "verdict_label": messages.text(f"verdict.{report.verdict}", lang),
                **counts,
                "missing_documents": len(explain.missing_documents(report)),
            },
        )
    columns = ["provider", "verdict", "verdict_label", *STATUSES, "missing_documents"]
    return pd.DataFrame(_cells(rows), columns=columns).set_index("provider")
