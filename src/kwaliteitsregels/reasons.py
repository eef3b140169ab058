"""Reasons in plain language: pure functions from a result to Dutch (or English) sentences."""

from __future__ import annotations

from kwaliteitsregels import messages, naming
from kwaliteitsregels._durations import Duration
from kwaliteitsregels.explain import finding_messages, findings, result_facts, result_support, support
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.recorded import FactSource
from kwaliteitsregels.results import (
    BASIS_NOT_MET,
    STATE_ACCEPTED,
    STATE_EXPIRED,
    STATE_PENDING,
    STATUS_EXPLAIN,
    STATUS_FAIL,
    STATUS_NOT_APPLICABLE,
    STATUS_PASS,
    WHY_LAW_SCOPE,
    WHY_NO_LOT,
    WHY_STAGE,
    WHY_VALIDITY,
    EvidenceGap,
    ExplanationRecord,
    Relation,
    RequirementResult,
)
from kwaliteitsregels.shared_texts import shared_text


def clause(text: str) -> str:
    """Source text used inside a sentence: without its closing full stop."""
    return text.strip().rstrip(".")


def gap_phrase(item: EvidenceGap, title: str, lang: Lang) -> str:
    """'<document>: ontbreekt', '<document>: verlopen (geldig tot …)' and the like."""
    detail = messages.text(
        f"gap.{item.reason}",
        lang,
        valid_until=item.valid_until,
        issued_on=item.issued_on,
        not_before=item.not_before,
        max_age=messages.value(Duration.parse(item.max_age), lang) if item.max_age else None,
    )
    return f"{title}: {detail}"


def status_label(result: RequirementResult, lang: Lang = "nl") -> str:
    """The status as a reader needs it: 'niet aangetoond' apart from 'niet voldaan', and the explanation's state."""
    if result.status is STATUS_FAIL:
        return messages.text(f"basis.{result.basis}", lang)
    if result.status is STATUS_EXPLAIN and result.explanation is not None:
        return messages.text(f"label.explain.{result.explanation.state}", lang)
    return messages.text(f"status.{result.status}", lang)


def _explanation(record: ExplanationRecord, lang: Lang) -> str:
    common = {"given_by": record.given_by, "given_on": record.given_on}
    decided = {"decided_by": record.decided_by, "decided_on": record.decided_on}
    if record.state is STATE_PENDING:
        return messages.text("explanation.pending", lang, **common)
    if record.state is STATE_ACCEPTED:
        until = messages.text("reason.until", lang, date=record.valid_until) if record.valid_until else ""
        return messages.text("explanation.accepted", lang, **common, **decided, until=until)
    if record.state is STATE_EXPIRED:
        return messages.text("explanation.expired", lang, **common, **decided, valid_until=record.valid_until)
    note = messages.text("explanation.note", lang, note=clause(record.note)) if record.note else ""
    return messages.text("explanation.rejected", lang, **common, **decided, note=note)


def _failure(result: RequirementResult, lang: Lang) -> str:
    spec = result.requirement.spec
    phrases = list(dict.fromkeys(finding_messages(result, lang)))
    phrases += [gap_phrase(g, result.requirement.evidence_title(g.type, lang), lang) for g in result.gaps]
    if spec.judgement == "assessor" and spec.explain is not None and result.explanation is None:
        phrases.append(
            messages.text("reason.no_explanation", lang, allowed=clause(spec.explain.allowed_when.get(lang)))
        )
    if not phrases and result.explanation is not None:
        phrases.append(messages.text(f"reason.explanation_{result.explanation.state}", lang))
    key = "reason.not_met" if result.basis is BASIS_NOT_MET else "reason.not_demonstrated"
    return messages.text(key, lang, findings="; ".join(phrases))


def _passed(result: RequirementResult, lang: Lang) -> str:
    names = naming.namer(result, lang)
    shown = list(dict.fromkeys(f.fact(lang, names=names) for f in result_support(result)))
    if not shown:
        return messages.text("reason.pass_no_facts", lang)
    return messages.text("reason.pass", lang, facts=messages.text("list.facts", lang).join(shown))


def _not_applicable(result: RequirementResult, lang: Lang) -> str:
    spec = result.requirement.spec
    why = result.not_applicable
    if why is WHY_VALIDITY:
        indefinite = messages.text("value.indefinite", lang)
        window = {"valid_from": spec.valid_from or indefinite, "valid_to": spec.valid_to or indefinite}
        return messages.text("reason.na_validity", lang, **window)
    if why is WHY_STAGE:
        return messages.text("reason.na_stage", lang, stage=messages.text(f"stage.{spec.stage}", lang))
    if why is WHY_NO_LOT:
        if not spec.lots:
            return messages.text("reason.na_no_lots", lang)
        return messages.text("reason.na_no_lot", lang, lots=messages.join(spec.lots, lang))
    if why is WHY_LAW_SCOPE:
        return messages.text("reason.na_law_scope", lang, scope=messages.text(f"scope.{spec.law_scope}", lang))
    names = naming.namer(result, lang)
    shown = "; ".join(f.message(lang, applicability=True, names=names) for f in findings(result.applicability))
    return messages.text("reason.na_when", lang, findings=shown)


def _explained(result: RequirementResult, record: ExplanationRecord, lang: Lang) -> str:
    spec = result.requirement.spec
    sentence = _explanation(record, lang)
    if result.status is STATUS_FAIL:
        return f"{sentence} {_failure(result, lang)}"
    if record.state is STATE_PENDING and spec.explain is not None:
        allowed = clause(spec.explain.allowed_when.get(lang))
        if spec.judgement == "assessor":
            return f"{sentence} {messages.text('reason.to_assess', lang, allowed=allowed)}"
        return f"{sentence} {messages.text('reason.without', lang, raw=_failure(result, lang))}"
    return sentence


def _contradicted(result: RequirementResult, lang: Lang) -> str:
    """'Niet aangetoond: de gegevens spreken elkaar tegen: <title> (<facts>).' for each contradiction found.

    The facts are those that carried the contradiction (its support), not every fact it read on the way: a
    count over the explanations names the explanations it counted, not the fields of every explanation.
    """
    ctx = result.context
    names = _profile_namer(result, lang)
    parts = []
    for contradiction in result.contradicted:
        trace = contradiction.check(ctx.root, ctx.traced()) if ctx is not None else None
        shown = "; ".join(dict.fromkeys(f.fact(lang, names=names) for f in support(trace)))
        title = clause(contradiction.spec.title.get(lang))
        parts.append(f"{title} ({shown})" if shown else title)
    return messages.text("reason.contradicted", lang, found="; ".join(parts))


def relation_phrase(relation: Relation, seen_from: RequirementResult, lang: Lang = "nl") -> str:
    """'Zelfde eis als jeugdwet 4.1.7: voldaan.' or the conflict and which prevails, seen from either side."""
    mine = seen_from is relation.this
    other = relation.other if mine else relation.this
    ruleset = relation.other_ruleset if mine else relation.this_ruleset
    status = status_label(other, lang)
    if relation.kind == "conflict" and relation.superseded is None:
        key = "relation.conflict_agree"
    elif relation.kind == "conflict":
        prevailing = (relation.prevails == "this") == mine
        key = "relation.conflict_prevails" if prevailing else "relation.conflict_yields"
    elif relation.kind == "stricter":
        key = "relation.stricter" if mine else "relation.looser"
    else:
        key = "relation.same"
    text = messages.text(key, lang, ruleset=ruleset, id=other.id, status=status)
    note = relation.note.get(lang) if relation.note is not None else None
    return f"{text} {messages.text('relation.note', lang, note=clause(note))}." if note else text


def reason(result: RequirementResult, lang: Lang = "nl") -> str:
    """Why the requirement got its status, in plain language, naming every failing condition."""
    return result.remembered(("reason", lang), shared_text, result, "reason", lang, _reason)


def _reason(result: RequirementResult, lang: Lang) -> str:
    if result.status is STATUS_NOT_APPLICABLE:
        return _not_applicable(result, lang)
    if result.contradicted:
        text = _contradicted(result, lang)
    elif result.explanation is not None:
        text = _explained(result, result.explanation, lang)
    else:
        text = _passed(result, lang) if result.status is STATUS_PASS else _failure(result, lang)
    if result.score is not None and result.requirement.spec.points is not None:
        score, points = (messages.value(n, lang) for n in (result.score, result.requirement.spec.points))
        text += " " + messages.text("reason.score", lang, score=score, points=points)
    text += _follows(result, lang)
    if result.applicability is not None and result.applicability.outcome is None:
        names = naming.namer(result, lang)
        shown = "; ".join(f.message(lang, names=names) for f in findings(result.applicability))
        text += messages.text("reason.applicability_unknown", lang, findings=shown)
    return text + recorded_phrase(result, lang)


def _follows(result: RequirementResult, lang: Lang) -> str:
    """' Gevolg: …' for a per-lot knockout the facts do not meet and no explanation can cover: the lot is set aside.

    A tariff above the maximum cannot be corrected after the bid is in; the reason says so, not only the letter.
    """
    spec = result.requirement.spec
    settled = result.status is STATUS_FAIL and result.basis is BASIS_NOT_MET and spec.explain is None
    if not settled or result.lot is None or spec.severity != "knockout" or result.contradicted:
        return ""
    return " " + messages.text("reason.follows.set_aside_lot", lang, lot=result.lot)


def recorded_phrase(result: RequirementResult, lang: Lang = "nl") -> str:
    """' Vastgesteld door …': the facts this result read that the municipality established, with what was stated."""
    sources = result.context.sources if result.context is not None else {}
    if not sources or result.status is STATUS_NOT_APPLICABLE:
        return ""
    read = [path.removeprefix("profile.") for path, _ in result_facts(result)]
    names = _profile_namer(result, lang)
    parts = [_source_phrase(sources[path], names) for path in dict.fromkeys(read) if path in sources]
    return f" {messages.text('reason.recorded', lang, facts='; '.join(parts))}" if parts else ""


def _profile_namer(result: RequirementResult, lang: Lang) -> naming.Namer:
    """The namer of the whole profile the result was evaluated on (not its lot view), in `lang`."""
    ctx = result.context
    return naming.shared(ctx, ctx.root if ctx is not None else None, result.requirement.glossary, lang)


def _source_phrase(source: FactSource, names: naming.Namer) -> str:
    lang = names.lang
    stated = names.value(source.path, source.stated) if source.stated not in (None, [], "") else "—"
    kind = messages.text(f"source.{source.kind}", lang)
    path = names.name(source.path)
    return messages.text("reason.recorded_fact", lang, path=path, kind=kind, by=source.by, on=source.on, stated=stated)
