"""Pure functions over results and their traces: reasons, findings, facts, missing documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kwaliteitsregels import messages
from kwaliteitsregels.checks import REGISTRY
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models.ruleset import Due
from kwaliteitsregels.results import (
    Basis,
    EvidenceGap,
    ExplanationState,
    NotApplicableWhy,
    Report,
    RequirementResult,
    Status,
)
from kwaliteitsregels.trace import Blame, Node, blame, leaves


@dataclass(frozen=True, slots=True)
class Finding:
    """One condition that decided a non-pass outcome: what was expected, what was found."""

    path: str
    keyword: str
    outcome: bool | None
    expected: Any
    actual: Any
    negated: bool

    def message(self, lang: Lang = "nl") -> str:
        """The finding as one readable phrase."""
        if self.keyword == "every" and self.actual == 0:
            return messages.text("finding.empty", lang, path=self.path)
        if self.keyword == "count":
            return messages.text(
                "finding.count", lang, path=self.path, actual=self.actual, bounds=_bounds(self.expected, lang)
            )
        if self.outcome is None:
            return messages.text("finding.missing", lang, path=self.path)
        key = "finding.negated" if self.negated else "finding.value"
        return messages.text(
            key,
            lang,
            path=self.path,
            expect=_expect(self.keyword, self.expected, lang),
            actual=messages.value(self.actual, lang),
        )


def _bounds(expected: tuple[int | None, int | None], lang: Lang) -> str:
    low, high = expected
    parts = [messages.text("bounds.min", lang, n=low)] if low is not None else []
    if high is not None:
        parts.append(messages.text("bounds.max", lang, n=high))
    return messages.text("bounds.and", lang).join(parts)


class _Formatted(list[str]):
    def __str__(self) -> str:
        return ", ".join(self)

    __format__ = lambda self, spec: format(str(self), spec)  # noqa: E731


def _expect(keyword: str, expected: Any, lang: Lang) -> str:
    entry = REGISTRY[keyword]
    template = entry.expect_en if lang == "en" else entry.expect_nl
    if isinstance(expected, tuple):
        shown: Any = _Formatted(messages.value(e, lang) for e in expected)
    else:
        shown = messages.value(expected, lang)
    return template.format(expected=shown)


def _finding(item: Blame) -> Finding:
    node = item.node
    return Finding(item.path, node.keyword, node.outcome, node.expected, node.actual, item.negated)


def findings(node: Node | None) -> list[Finding]:
    """Every condition responsible for a non-pass outcome of `node` (all of them, not the first)."""
    if node is None or node.outcome is True:
        return []
    return [_finding(item) for item in blame(node)]


def facts(node: Node | None) -> list[tuple[str, Any]]:
    """The facts a trace read, by full path, in the order they were read."""
    if node is None:
        return []
    seen: dict[str, Any] = {}
    for path, leaf in leaves(node):
        seen.setdefault(path, leaf.actual)
    return list(seen.items())


def gap_phrase(item: EvidenceGap, title: str, lang: Lang) -> str:
    """'<document> ontbreekt' and the like."""
    detail = messages.text(
        f"gap.{item.reason}",
        lang,
        valid_until=item.valid_until,
        issued_on=item.issued_on,
        not_before=item.not_before,
        max_age=item.max_age,
    )
    return f"{title} {detail}"


def _facts_reason(result: RequirementResult, lang: Lang) -> str:
    phrases = [f.message(lang) for f in findings(result.trace)]
    phrases += [gap_phrase(g, result.requirement.evidence_title(g.type, lang), lang) for g in result.gaps]
    key = "reason.not_met" if result.basis is Basis.NOT_MET else "reason.not_demonstrated"
    return messages.text(key, lang, findings="; ".join(phrases))


def _raw_reason(result: RequirementResult, lang: Lang) -> str:
    spec = result.requirement.spec
    if spec.judgement == "assessor" and (result.trace is None or result.trace.outcome is not False) and not result.gaps:
        assert spec.explain is not None  # noqa: S101 - guaranteed by the model
        return messages.text("reason.no_explanation", lang, allowed=spec.explain.allowed_when.get(lang))
    if result.basis is Basis.MET:
        shown = [f"{path} = {messages.value(v, lang)}" for path, v in facts(result.trace)]
        return (
            messages.text("reason.pass", lang, facts=messages.join(shown, lang))
            if shown
            else messages.text("reason.pass_no_facts", lang)
        )
    return _facts_reason(result, lang)


def _na_reason(result: RequirementResult, lang: Lang) -> str:
    spec = result.requirement.spec
    if result.not_applicable is NotApplicableWhy.VALIDITY:
        indefinite = messages.text("value.indefinite", lang)
        return messages.text(
            "reason.na_validity", lang, valid_from=spec.valid_from or indefinite, valid_to=spec.valid_to or indefinite
        )
    if result.not_applicable is NotApplicableWhy.STAGE:
        return messages.text("reason.na_stage", lang, stage=messages.text(f"stage.{spec.stage}", lang))
    if result.not_applicable is NotApplicableWhy.LAW_SCOPE:
        return messages.text("reason.na_law_scope", lang, scope=messages.text(f"scope.{spec.law_scope}", lang))
    shown = "; ".join(f.message(lang) for f in findings(result.applicability))
    return messages.text("reason.na_when", lang, findings=shown)


def _explain_reason(result: RequirementResult, lang: Lang) -> str:
    record = result.explanation
    assert record is not None  # noqa: S101 - called only with an explanation
    state = messages.text(f"state.{record.state}", lang)
    if record.state is ExplanationState.ACCEPTED:
        until = messages.text("reason.until", lang, date=record.valid_until) if record.valid_until else ""
        return messages.text(
            "reason.explain_accepted",
            lang,
            given_by=record.given_by,
            given_on=record.given_on,
            decided_by=record.decided_by,
            decided_on=record.decided_on,
            until=until,
        )
    spec = result.requirement.spec
    if record.state is ExplanationState.PENDING and spec.judgement == "assessor" and spec.explain is not None:
        allowed = spec.explain.allowed_when.get(lang)
        return messages.text(
            "reason.explain_assess", lang, given_by=record.given_by, given_on=record.given_on, allowed=allowed
        )
    raw = _raw_reason(result, lang)
    if record.state is ExplanationState.PENDING:
        return messages.text(
            "reason.explain", lang, given_by=record.given_by, given_on=record.given_on, state=state, raw=raw
        )
    by = messages.text("reason.by", lang, who=record.decided_by, on=record.decided_on)
    return messages.text(
        "reason.explain_fallback", lang, given_by=record.given_by, given_on=record.given_on, state=state, by=by, raw=raw
    )


def reason(result: RequirementResult, lang: Lang = "nl") -> str:
    """Why the requirement got its status, in plain language, naming every failing condition."""
    if result.status is Status.NOT_APPLICABLE:
        return _na_reason(result, lang)
    text = _explain_reason(result, lang) if result.explanation is not None else _raw_reason(result, lang)
    if result.applicability is not None and result.applicability.outcome is None:
        shown = "; ".join(f.message(lang) for f in findings(result.applicability))
        text += messages.text("reason.applicability_unknown", lang, findings=shown)
    return text


@dataclass(frozen=True, slots=True)
class MissingDocument:
    """One document type still to be supplied, with every requirement that needs it."""

    type: str
    due: Due
    reasons: tuple[str, ...]
    requirements: tuple[str, ...]
    max_age: str | None
    issued_on: date | None
    valid_until: date | None


_DUE_ORDER: dict[str, int] = {"with_registration": 0, "before_award": 1, "on_request": 2}


def missing_documents(report: Report) -> list[MissingDocument]:
    """The deduplicated checklist: one entry per document type, the earliest due moment."""
    grouped: dict[str, list[tuple[str, EvidenceGap]]] = {}
    for result in report.results:
        for item in result.gaps:
            grouped.setdefault(item.type, []).append((result.id, item))
    checklist = []
    for kind, entries in sorted(grouped.items()):
        gaps = [g for _, g in entries]
        earliest = min(gaps, key=lambda g: _DUE_ORDER[g.due])
        ages = [g for g in gaps if g.not_before is not None]
        strictest = max(ages, key=lambda g: g.not_before or date.min) if ages else None
        checklist.append(
            MissingDocument(
                type=kind,
                due=earliest.due,
                reasons=tuple(sorted({str(g.reason) for g in gaps})),
                requirements=tuple(dict.fromkeys(rid for rid, _ in entries)),
                max_age=strictest.max_age if strictest else None,
                issued_on=gaps[0].issued_on,
                valid_until=gaps[0].valid_until,
            ),
        )
    return checklist
