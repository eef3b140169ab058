"""Reports as pandas DataFrames, for notebooks and spreadsheets (optional extra: `kwaliteitsregels[notebook]`).

`to_frame(report)`: one row per requirement (per lot). `combined_frame(combined)`: the same over
several frameworks and the law. `long_frame(reports)`: tidy, one row per provider, framework,
requirement and lot, for many providers at once. `summary_frame(reports)`: one row per provider.
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
from kwaliteitsregels.combined import CombinedReport
from kwaliteitsregels.errors import MissingExtraError, Problem
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.results import Report, RequirementResult, Status

if TYPE_CHECKING:
    import pandas as pd

EXTRA = "kwaliteitsregels[notebook]"
STATUSES = [str(s) for s in Status]
COLUMNS = [
    "requirement",
    "title",
    "status",
    "label",
    "category",
    "theme",
    "lot",
    "source",
    "reason",
    "severity",
    "explanation",
    "missing_evidence",
    "legal",
    "law_requirements",
]
LONG_COLUMNS = [
    "provider",
    "framework",
    "requirement",
    "lot",
    "status",
    "basis",
    "severity",
    "explanation",
    "missing_evidence",
]


def require(package: str, feature: str, lang: Lang = "nl", *, extra: str = EXTRA) -> None:
    """Check that an optional package imports, or raise MissingExtraError saying how to install it (`extra`)."""
    try:
        importlib.import_module(package)
    except ImportError:
        message = messages.text("nb.missing_extra", lang, package=package, feature=feature, extra=extra)
        raise MissingExtraError([Problem("missing-extra", message)]) from None


def key(result: RequirementResult) -> str:
    """A result's unique name in its report: the requirement's id, with the lot for a per-lot one (`E1[3a]`)."""
    return f"{result.id}[{result.lot}]" if result.lot is not None else result.id


def to_frame(report: Report, lang: Lang = "nl") -> pd.DataFrame:
    """One row per requirement (index `id`, unique, ruleset order; a per-lot requirement has a row per lot, `E1[3a]`).

    Columns: `requirement` (the requirement's own id); `title`; `status` (pass, fail, explain,
    not_applicable; an ordered categorical);
    `label` (the status as a reader needs it); `category`; `theme` (the requirement's themes, comma-
    separated; empty when it has none); `lot` (empty unless the requirement is checked per lot);
    `source` (section:line of the source document); `reason`; `severity` (knockout, warning);
    `explanation` (the explanation's state: pending, accepted, rejected, expired; empty without one);
    `missing_evidence` (titles of the documents missing, expired or too old, `; `-separated);
    `legal` (the articles of law, `; `-separated); `law_requirements` (the law's requirements this one
    overlaps, `jeugdwet:4.1.1-2 (same)`, `; `-separated).
    """
    require("pandas", "to_frame", lang)
    return _frame(((key(r), r) for r in report.results), "id", lang, _law_links(report))


def combined_frame(combined: CombinedReport, lang: Lang = "nl") -> pd.DataFrame:
    """`to_frame` over every framework and, once, the law they build on: index `framework:id` (unique).

    The extra column `framework` is the ruleset id; `requirement` the requirement's own id.
    """
    require("pandas", "combined_frame", lang)
    labelled = [(f"{framework}:{key(r)}", r, framework) for framework, r in _labelled(combined)]
    links: dict[int, list[str]] = {}
    for report in combined.reports:
        links.update(_law_links(report))
    frame = _frame(((k, r) for k, r, _ in labelled), "key", lang, links)
    frame.insert(0, "framework", pd_string([spreadsheet_cell(f) for _, _, f in labelled]))
    return frame


def _labelled(combined: CombinedReport) -> list[tuple[str, RequirementResult]]:
    found = [(report.ruleset.id, r) for report in combined.reports for r in report.results]
    bases: dict[str, Report] = {}
    for report in combined.reports:
        bases.update(report.base_reports())
    return found + [(base_id, r) for base_id, base in bases.items() for r in base.results]


def pd_string(values: list[Any]) -> Any:
    """A pandas string column."""
    import pandas as pd  # noqa: PLC0415 - optional extra

    return pd.array(values, dtype="string")


def _law_links(report: Report) -> dict[int, list[str]]:
    """Per result (by identity): the law's requirements it overlaps, as `ruleset:id (kind)`."""
    links: dict[int, list[str]] = {}
    for relation in report.all_relations():
        links.setdefault(id(relation.this), []).append(
            f"{relation.other_ruleset}:{relation.other.id} ({relation.kind})"
        )
    return links


def _frame(
    results: Iterable[tuple[str, RequirementResult]],
    index: str,
    lang: Lang,
    links: dict[int, list[str]] | None = None,
) -> pd.DataFrame:
    import pandas as pd  # noqa: PLC0415 - optional extra

    links = links or {}

    rows = _cells(
        {
            index: name,
            "requirement": r.id,
            "title": r.requirement.spec.title.get(lang),
            "status": str(r.status),
            "label": reasons.status_label(r, lang),
            "category": r.requirement.spec.category,
            "theme": ", ".join(r.requirement.spec.themes) or None,
            "lot": r.lot,
            "source": _source(r.requirement.spec.source.section, r.requirement.spec.source.line),
            "reason": reasons.reason(r, lang),
            "severity": r.requirement.spec.severity,
            "explanation": str(r.explanation.state) if r.explanation is not None else None,
            "missing_evidence": "; ".join(r.requirement.evidence_title(g.type, lang) for g in r.gaps) or None,
            "legal": "; ".join(f"{ref.law} art. {ref.article}" for ref in r.requirement.spec.legal) or None,
            "law_requirements": "; ".join(dict.fromkeys(links.get(id(r), []))) or None,
        }
        for name, r in results
    )
    frame = pd.DataFrame(rows, columns=[index, *COLUMNS]).set_index(index)
    frame["status"] = pd.Categorical(frame["status"], categories=STATUSES, ordered=True)
    for column in COLUMNS:
        if column != "status":
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


def long_frame(reports: Iterable[Report | CombinedReport], lang: Lang = "nl") -> pd.DataFrame:
    """Tidy, across providers: one row per provider, framework (the law once), requirement and lot.

    Columns: `provider`, `framework`, `requirement`, `lot`, `status` (ordered categorical), `basis`,
    `severity`, `explanation` (the explanation's state, or empty), `missing_evidence` (document types,
    comma-separated). Reports are read one at a time (`evaluate_many` yields them lazily).
    """
    require("pandas", "long_frame", lang)
    import pandas as pd  # noqa: PLC0415 - optional extra

    rows = []
    for item in reports:
        combined = item if isinstance(item, CombinedReport) else CombinedReport((item,))
        provider = combined.reports[0].provider
        rows += [
            {
                "provider": provider,
                "framework": framework,
                "requirement": r.id,
                "lot": r.lot,
                "status": str(r.status),
                "basis": str(r.basis),
                "severity": r.requirement.spec.severity,
                "explanation": str(r.explanation.state) if r.explanation is not None else None,
                "missing_evidence": ", ".join(g.type for g in r.gaps) or None,
            }
            for framework, r in _labelled(combined)
        ]
    frame = pd.DataFrame(_cells(rows), columns=LONG_COLUMNS)
    frame["status"] = pd.Categorical(frame["status"], categories=STATUSES, ordered=True)
    for column in LONG_COLUMNS:
        if column != "status":
            frame[column] = frame[column].astype("string")
    return frame
