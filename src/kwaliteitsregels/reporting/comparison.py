"""The comparison of frameworks and the version impact in text, JSON, Markdown and HTML.

Every format renders the same document (`analytics.document`). HTML and Markdown come from the
shared jinja2 environment (`comparison.html`, `comparison.md`, `impact.html`, `impact.md`); the HTML
page is self-contained, with inline SVG charts (`svgcharts.py`) and a table beside each.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from markupsafe import Markup

from kwaliteitsregels import messages
from kwaliteitsregels._safe_text import escape_json
from kwaliteitsregels.analytics.alignment import RELATIONS
from kwaliteitsregels.analytics.burden import DUES, METRICS, NO_LEVEL
from kwaliteitsregels.analytics.compare import LAW_VERDICTS
from kwaliteitsregels.analytics.document import ComparisonDocument, ImpactDocument
from kwaliteitsregels.analytics.harmonise import SHARES
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.reporting import svgcharts
from kwaliteitsregels.reporting.differences import difference_phrase, fact_label, keyword_phrase, value_phrase
from kwaliteitsregels.reporting.templating import render
from kwaliteitsregels.vocabulary import LEVELS, THEMES

FORMATS = ("text", "json", "markdown", "html")
CHART_STAGE = "award"  # the charts show every requirement checked up to award

PHRASES: dict[str, tuple[str, str]] = {
    "title": ("Vergelijking van kwaliteitskaders", "Comparison of quality frameworks"),
    "impact.title": ("Gevolgen van een nieuwe versie", "Impact of a new version"),
    "rulesets": ("Kaders", "Frameworks"),
    "law": ("de wet", "the law"),
    "relation.equivalent": ("gelijkwaardig", "equivalent"),
    "relation.stricter": ("strenger", "stricter"),
    "relation.looser": ("soepeler", "looser"),
    "relation.different": ("zelfde onderwerp, andere parameter", "same subject, other terms"),
    "relation.related": ("verwant, niets meetbaars", "related, nothing measurable"),
    "relation.only": ("alleen hier", "only here"),
    "verdict.restates": ("herhaalt de wet", "restates the law"),
    "verdict.stricter": ("vraagt meer dan de wet", "asks more than the law"),
    "verdict.conflict": ("strijdig met de wet", "conflicts with the law"),
    "verdict.related": ("onderwerp van de wet, anders geregeld", "a subject of the law, set otherwise"),
    "verdict.adds": ("eigen eis", "a requirement of its own"),
    "share.all": ("alle kaders", "all frameworks"),
    "share.most": ("de meeste kaders", "most frameworks"),
    "share.some": ("enkele kaders", "some frameworks"),
    "share.one": ("één kader", "one framework"),
    "metric.requirements": ("eisen", "requirements"),
    "metric.with_registration": ("stukken bij inschrijving", "documents with registration"),
    "metric.before_award": ("stukken vóór gunning", "documents before award"),
    "metric.on_request": ("stukken op verzoek", "documents on request"),
    "metric.declarations": ("verklaringen", "declarations"),
    "metric.assessor": ("oordeel beoordelaar", "assessor judgements"),
    "metric.facts": ("gegevens", "facts"),
    "metric.knockouts": ("knock-outeisen", "knock-outs"),
    "level.none": ("geen niveau", "no level"),
    "stage.registration": ("bij inschrijving", "at registration"),
    "stage.award": ("bij gunning", "at award"),
    "stage.contract": ("tijdens het contract", "during the contract"),
    "sec.summary": ("Verhouding tot de wet", "Relation to the law"),
    "sec.burden": ("Lasten voor de aanbieder", "Burden on the provider"),
    "sec.levels": ("Eisen per niveau", "Requirements by level"),
    "sec.themes": ("Thema's: welke eisen dekken ze", "Themes: which requirements cover them"),
    "sec.uncovered": ("Niet gedekt", "Not covered"),
    "sec.matrix": ("Afstemming tussen de kaders", "Alignment between the frameworks"),
    "sec.core": ("Voorstel gemeenschappelijke kern", "Proposed common core"),
    "sec.lawlist": ("Eisen die de wet raken", "Requirements that touch the law"),
    "sec.pairs": ("Eis naast eis", "Requirement beside requirement"),
    "sec.only": ("Alleen in één kader", "Only in one framework"),
    "col.ruleset": ("kader", "framework"),
    "col.other": ("tegenover", "against"),
    "col.requirement": ("eis", "requirement"),
    "col.counterpart": ("tegenhanger", "counterpart"),
    "col.relation": ("relatie", "relation"),
    "col.differences": ("verschillen", "differences"),
    "col.evidence": ("bewijsstukken", "documents"),
    "col.verdict": ("verhouding", "relation"),
    "col.declared": ("vastgelegd", "declared"),
    "col.computed": ("berekend", "computed"),
    "col.check": ("nakijken", "check"),
    "col.subject": ("onderwerp", "subject"),
    "col.members": ("eisen", "requirements"),
    "col.share": ("gedeeld door", "shared by"),
    "col.term": ("parameter", "term"),
    "col.strictest": ("strengst", "strictest"),
    "col.loosest": ("soepelst", "loosest"),
    "col.values": ("waarden (niet te ordenen)", "values (not ordered)"),
    "col.theme": ("thema", "theme"),
    "col.stage": ("moment", "stage"),
    "col.version": ("versie", "version"),
    "col.issuer": ("uitgever", "issuer"),
    "mismatch": (
        "de parameters zeggen iets anders dan de vastgelegde overlap",
        "the terms say otherwise than the declared overlap",
    ),
    "none": ("geen", "none"),
    "method": (
        (
            "Eisen worden uitgelijnd op de wettelijke eisen waarmee ze een overlap vastleggen, de gegevens en "
            "verklaringen die ze lezen, hun wettelijke grondslag en hun bewijsstukken; de relatie volgt uit de "
            "parameters van de voorwaarden (docs/vergelijken.md)."
        ),
        (
            "Requirements are aligned by the law requirements they declare an overlap with, the facts and "
            "declarations they read, their legal basis and their documents; the relation follows from the "
            "terms of their conditions (docs/vergelijken.md)."
        ),
    ),
    "impact.added": ("Nieuwe eisen", "Added requirements"),
    "impact.removed": ("Vervallen eisen", "Removed requirements"),
    "impact.changed": ("Gewijzigde eisen", "Changed requirements"),
    "impact.fields": ("gewijzigd", "changed"),
    # The fields of a requirement a new version can change (analytics.versions.FIELDS), as a reader names them.
    "field.title": ("titel", "title"),
    "field.text": ("tekst", "text"),
    "field.legal": ("wettelijke grondslag", "legal basis"),
    "field.law_scope": ("wet", "act"),
    "field.themes": ("thema's", "themes"),
    "field.level": ("niveau", "level"),
    "field.overlaps": ("overlap met de wet", "overlap with the law"),
    "field.points": ("punten", "points"),
    "field.valid_from": ("geldig vanaf", "valid from"),
    "field.valid_to": ("geldig tot", "valid until"),
    "field.per": ("per", "per"),
    "field.lots": ("percelen", "lots"),
    "field.stage": ("moment", "stage"),
    "field.when": ("wanneer van toepassing", "applies when"),
    "field.condition": ("voorwaarde", "condition"),
    "field.judgement": ("wie oordeelt", "who judges"),
    "field.evidence": ("bewijsstukken", "documents"),
    "field.explain": ("pas toe of leg uit", "apply or explain"),
    "field.severity": ("zwaarte", "severity"),
    "impact.profiles": ("Gevolgen voor aanbieders", "Impact on providers"),
    "impact.provider": ("aanbieder", "provider"),
    "impact.old": ("oud", "old"),
    "impact.new": ("nieuw", "new"),
    "impact.changes": ("eisen met een andere uitkomst", "requirements with another outcome"),
    "impact.unchanged": ("geen verandering", "no change"),
    "impact.same_verdict": ("oordeel blijft gelijk", "same verdict"),
    "impact.no_profiles": (
        "Geen profielen opgegeven (--profiles): alleen de wijzigingen in de regels.",
        "No profiles given (--profiles): only the changes to the rules.",
    ),
    "impact.peildatum": ("peildatum", "reference date"),
}


def phrase(key: str, lang: Lang) -> str:
    """The phrase `key` in `lang`."""
    nl, en = PHRASES[key]
    return en if lang == "en" else nl


def _labels(lang: Lang) -> dict[str, str]:
    labels = {key: phrase(key, lang) for key in PHRASES}
    labels |= {f"level.{k}": v.get(lang) for k, v in LEVELS.items()}
    labels |= {f"theme.{k}": v.get(lang) for k, v in THEMES.items()}
    return labels


def _stage(document: ComparisonDocument) -> str:
    stages = [b.stage for b in document.burden]
    return CHART_STAGE if CHART_STAGE in stages else (stages[-1] if stages else CHART_STAGE)


def _charts(document: ComparisonDocument, lang: Lang) -> dict[str, Markup]:
    stage = _stage(document)
    rows = [b for b in document.burden if b.stage == stage]
    names = [b.ruleset for b in rows]
    levels = [*LEVELS, NO_LEVEL]
    series = [
        svgcharts.Series(
            phrase(f"level.{NO_LEVEL}", lang) if k == NO_LEVEL else LEVELS[k].get(lang).split(" (")[0],
            tuple(b.by_level[k]["requirements"] for b in rows),
        )
        for k in levels
    ]
    burden = svgcharts.stacked_bars(names, series, phrase("sec.levels", lang), phrase("sec.levels", lang))
    themes = [THEMES[k].get(lang) for k in THEMES]
    values = [[b.by_theme[k]["requirements"] for b in rows] for k in THEMES]
    coverage = svgcharts.heatmap(themes, names, values, phrase("sec.themes", lang), phrase("sec.themes", lang))
    compared = [r.id for r in document.rulesets if not r.law]
    cells = {(c.ruleset, c.other): c.counts for c in document.matrix}
    matrix_rows = [f"{a} → {b}" for a in compared for b in compared if a != b]
    matrix_series = [
        svgcharts.Series(
            phrase(f"relation.{r}", lang), tuple(cells[(a, b)][r] for a in compared for b in compared if a != b)
        )
        for r in RELATIONS
    ]
    matrix = svgcharts.stacked_bars(matrix_rows, matrix_series, phrase("sec.matrix", lang), phrase("sec.matrix", lang))
    return {"burden": burden, "coverage": coverage, "matrix": matrix}


def _context(document: ComparisonDocument, lang: Lang) -> dict[str, Any]:
    return {
        "d": document,
        "p": _labels(lang),
        "stage": _stage(document),
        "metrics": METRICS,
        "dues": DUES,
        "relations": RELATIONS,
        "verdicts": LAW_VERDICTS,
        "shares": SHARES,
        "levels": [*LEVELS, NO_LEVEL],
        "themes": list(THEMES),
        "compared": [r for r in document.rulesets if not r.law],
    }


def comparison_text(document: ComparisonDocument, lang: Lang = "nl") -> str:
    """A plain-text summary: relation to the law, burden, alignment, the common core and the pairs."""
    p = _labels(lang)
    lines = [p["title"], "=" * len(p["title"]), ""]
    lines += [f"{r.id:<26} {r.version:<22} {r.requirements:>4}  {r.title}" for r in document.rulesets]
    lines += ["", p["sec.summary"]]
    for name, counts in document.law_summary.items():
        lines.append(f"  {name:<26} " + ", ".join(f"{p['verdict.' + v]} {counts[v]}" for v in LAW_VERDICTS))
    lines += _burden_lines(document, p, lang)
    lines += ["", p["sec.matrix"]]
    for cell in document.matrix:
        found = ", ".join(f"{p['relation.' + r]} {cell.counts[r]}" for r in RELATIONS if cell.counts[r])
        lines.append(f"  {cell.ruleset} → {cell.other}: {found}")
    lines += _core_lines(document, p, lang)
    lines += _pair_lines(document, p, lang)
    return "\n".join(lines) + "\n"


def _burden_lines(document: ComparisonDocument, p: dict[str, str], lang: Lang) -> list[str]:
    stage = _stage(document)
    lines = ["", f"{p['sec.burden']} ({p.get('stage.' + stage, stage)})"]
    header = "".join(f"{p['metric.' + m][:12]:>13}" for m in METRICS)
    lines.append(f"  {'':<26}{header}")
    lines += [
        f"  {b.ruleset:<26}" + "".join(f"{b.total[m]:>13}" for m in METRICS)
        for b in document.burden
        if b.stage == stage
    ]
    for name, themes in document.uncovered.items():
        shown = ", ".join(THEMES[t].get(lang) for t in themes) or p["none"]
        lines.append(f"  {p['sec.uncovered']} ({name}): {shown}")
    return lines


def _core_lines(document: ComparisonDocument, p: dict[str, str], lang: Lang) -> list[str]:
    lines = ["", p["sec.core"]]
    for s in (s for s in document.subjects if s.core):
        members = "; ".join(f"{k} {', '.join(v)}" for k, v in s.members.items())
        lines.append(f"  [{p['share.' + s.share]}] {s.title} — {members}")
        lines += ["      " + _term_line(t, p, lang) for t in s.terms if len({v.value for v in t.values}) > 1]
    return lines


def _pair_lines(document: ComparisonDocument, p: dict[str, str], lang: Lang) -> list[str]:
    first = next(r.id for r in document.rulesets if not r.law)
    lines = ["", p["sec.pairs"]]
    for pair in document.pairs:
        if pair.counterpart is not None and pair.ruleset == first:
            relation = p["relation." + pair.relation]
            lines.append(f"  {pair.ruleset} {pair.requirement} ↔ {pair.other} {pair.counterpart}: {relation}")
            lines.extend(f"      {_difference(lang)(d)}" for d in pair.differences)
    return lines


def _term_line(term: Any, p: dict[str, str], lang: Lang = "nl") -> str:
    """A parameter of the common core: the strictest and the loosest value found, or every value (not ordered)."""
    head = f"{fact_label(term.fact, lang)}, {keyword_phrase(term.keyword, lang)}"
    if term.ordered:
        strictest, loosest = term.strictest, term.loosest
        return (
            f"{head}: {p['col.strictest']} {value_phrase(strictest.value, lang)} ({strictest.requirement}), "
            f"{p['col.loosest']} {value_phrase(loosest.value, lang)} ({loosest.requirement})"
        )
    return f"{head}: " + "; ".join(f"{value_phrase(v.value, lang)} ({v.requirement})" for v in term.values)


def _difference(lang: Lang) -> Callable[[Any], str]:
    """A parameter difference as a reader says it, in `lang` (`differences.py`)."""
    return partial(difference_phrase, lang=lang)


def comparison_markdown(document: ComparisonDocument, lang: Lang = "nl") -> str:
    """The comparison as Markdown (GitHub tables)."""
    return render(
        "comparison.md",
        lang,
        **_context(document, lang),
        term_line=partial(_term_line, lang=lang),
        difference=_difference(lang),
    )


def comparison_html(document: ComparisonDocument, lang: Lang = "nl") -> str:
    """The comparison as one self-contained HTML page with inline SVG charts."""
    context = _context(document, lang)
    return render(
        "comparison.html",
        lang,
        **context,
        charts=_charts(document, lang),
        term_line=partial(_term_line, lang=lang),
        difference=_difference(lang),
    )


def comparison_json(document: ComparisonDocument, lang: Lang = "nl") -> str:  # noqa: ARG001 - one signature for all
    """The document as indented JSON (schema: `kwaliteitsregels schema comparison`)."""
    return escape_json(document.model_dump_json(indent=2)) + "\n"


def verdict_label(code: str, lang: Lang = "nl") -> str:
    """A verdict as a reader says it ('voldoet niet'); the code stays in JSON."""
    return messages.text(f"verdict.{code}", lang)


def status_label(code: str | None, lang: Lang = "nl") -> str:
    """A requirement's status as a reader says it ('niet voldaan'); '—' where the version lacks it."""
    return messages.text(f"status.{code}", lang) if code else "—"


def _labels_of(lang: Lang) -> dict[str, Callable[..., str]]:
    return {"verdict_label": partial(verdict_label, lang=lang), "status_label": partial(status_label, lang=lang)}


def impact_text(document: ImpactDocument, lang: Lang = "nl") -> str:
    """Added, removed and changed requirements, then whose outcome changes."""
    p = _labels(lang)
    lines = [p["impact.title"], "=" * len(p["impact.title"]), ""]
    old, new = document.old, document.new
    lines.append(f"{old.id} {old.version} ({document.old_source}) → {new.version} ({document.new_source})")
    lines += ["", f"{p['impact.added']}: {len(document.added)}"]
    lines += [f"  + {r.id}  {r.title}" for r in document.added]
    lines += ["", f"{p['impact.removed']}: {len(document.removed)}"]
    lines += [f"  - {r.id}  {r.title}" for r in document.removed]
    lines += ["", f"{p['impact.changed']}: {len(document.changed)}"]
    for change in document.changed:
        lines.append(
            f"  ~ {change.requirement}  {change.title} "
            f"[{p['relation.' + change.relation]}; {', '.join(p['field.' + f] for f in change.fields)}]"
        )
        lines.extend(f"      {_difference(lang)(d)}" for d in change.parameters)
    lines += ["", p["impact.profiles"]]
    if not document.profiles:
        lines.append(f"  {p['impact.no_profiles']}")
    for profile in document.profiles:
        before, after = verdict_label(profile.old, lang), verdict_label(profile.new, lang)
        same = p["impact.same_verdict"] if profile.changes else p["impact.unchanged"]
        verdict = f"{before} → {after}" if profile.old != profile.new else f"{before} ({same})"
        lines.append(f"  {profile.provider} ({profile.profile}): {verdict}")
        lines.extend(
            f"      {s.requirement}{' / ' + s.lot if s.lot else ''}: "
            f"{status_label(s.old, lang)} → {status_label(s.new, lang)}"
            for s in profile.changes
        )
    return "\n".join(lines) + "\n"


def impact_markdown(document: ImpactDocument, lang: Lang = "nl") -> str:
    """The impact as Markdown."""
    return render("impact.md", lang, d=document, p=_labels(lang), difference=_difference(lang), **_labels_of(lang))


def impact_html(document: ImpactDocument, lang: Lang = "nl") -> str:
    """The impact as one self-contained HTML page."""
    return render("impact.html", lang, d=document, p=_labels(lang), difference=_difference(lang), **_labels_of(lang))


def impact_json(document: ImpactDocument, lang: Lang = "nl") -> str:  # noqa: ARG001 - one signature for all
    """The document as indented JSON (schema: `kwaliteitsregels schema impact`)."""
    return escape_json(document.model_dump_json(indent=2)) + "\n"


COMPARISON: dict[str, Callable[[ComparisonDocument, Lang], str]] = {
    "text": comparison_text,
    "json": comparison_json,
    "markdown": comparison_markdown,
    "html": comparison_html,
}
IMPACT: dict[str, Callable[[ImpactDocument, Lang], str]] = {
    "text": impact_text,
    "json": impact_json,
    "markdown": impact_markdown,
    "html": impact_html,
}
