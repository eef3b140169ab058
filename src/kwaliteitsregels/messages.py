"""Every user-facing phrase, Dutch first, English available. One catalog, looked up by key."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Literal, NamedTuple

from kwaliteitsregels._durations import Duration

Lang = Literal["nl", "en"]

CATALOG: dict[str, tuple[str, str]] = {
    # statuses, verdicts, bases
    "status.pass": ("voldaan", "pass"),
    "status.fail": ("niet voldaan", "fail"),
    "status.explain": ("toelichting", "explain"),
    "status.not_applicable": ("niet van toepassing", "not applicable"),
    "verdict.voldoet": ("voldoet", "compliant"),
    "verdict.voldoet_niet": ("voldoet niet", "not compliant"),
    "verdict.beoordeling_nodig": ("beoordeling nodig", "needs assessment"),
    "basis.met": ("voldaan", "met"),
    "basis.not_met": ("niet voldaan", "not met"),
    "basis.not_demonstrated": ("niet aangetoond", "not demonstrated"),
    "basis.not_applicable": ("niet van toepassing", "not applicable"),
    "state.pending": ("nog niet beoordeeld", "not yet assessed"),
    "state.accepted": ("geaccepteerd", "accepted"),
    "state.rejected": ("afgewezen", "rejected"),
    "state.expired": ("acceptatie verlopen", "acceptance expired"),
    "due.with_registration": ("bij inschrijving", "with registration"),
    "due.before_award": ("vóór gunning", "before award"),
    "due.on_request": ("op verzoek", "on request"),
    "gap.absent": ("ontbreekt", "missing"),
    "gap.expired": ("verlopen (geldig tot {valid_until})", "expired (valid until {valid_until})"),
    "gap.too_old": (
        "te oud (afgegeven {issued_on}; moet op of na {not_before} zijn afgegeven)",
        "too old (issued {issued_on}; must be issued on or after {not_before})",
    ),
    "gap.undated": (
        "zonder afgiftedatum (mag hoogstens {max_age} oud zijn)",
        "without issue date (at most {max_age} old)",
    ),
    "gap.not_yet_issued": ("afgegeven na de peildatum ({issued_on})", "issued after the reference date ({issued_on})"),
    "label.explain.pending": ("toelichting: te beoordelen", "explanation: to be assessed"),
    "label.explain.accepted": ("toelichting: geaccepteerd", "explanation: accepted"),
    # reasons
    "reason.pass": ("Voldaan op grond van: {facts}.", "Met, based on: {facts}."),
    "reason.pass_no_facts": ("Voldaan.", "Met."),
    "reason.not_met": ("Niet voldaan: {findings}.", "Not met: {findings}."),
    "reason.not_demonstrated": ("Niet aangetoond: {findings}.", "Not demonstrated: {findings}."),
    "reason.no_explanation": (
        "er is geen toelichting gegeven (aan te tonen: {allowed})",
        "no explanation was given (to be shown: {allowed})",
    ),
    "reason.explanation_rejected": ("de toelichting is afgewezen", "the explanation was rejected"),
    "reason.explanation_expired": (
        "de acceptatie van de toelichting is verlopen",
        "the acceptance of the explanation has expired",
    ),
    "reason.explanation_pending": (
        "de toelichting is nog niet beoordeeld",
        "the explanation has not been assessed yet",
    ),
    "reason.explanation_accepted": ("de toelichting is geaccepteerd", "the explanation was accepted"),
    "explanation.pending": (
        "Toelichting van {given_by} ({given_on}), nog niet beoordeeld.",
        "Explanation by {given_by} ({given_on}), not yet assessed.",
    ),
    "explanation.accepted": (
        "Toelichting van {given_by} ({given_on}) geaccepteerd door {decided_by} op {decided_on}{until}.",
        "Explanation by {given_by} ({given_on}) accepted by {decided_by} on {decided_on}{until}.",
    ),
    "explanation.expired": (
        (
            "Toelichting van {given_by} ({given_on}) geaccepteerd door {decided_by} op {decided_on}; "
            "die acceptatie is verlopen op {valid_until}."
        ),
        (
            "Explanation by {given_by} ({given_on}) accepted by {decided_by} on {decided_on}; "
            "that acceptance expired on {valid_until}."
        ),
    ),
    "explanation.rejected": (
        "Toelichting van {given_by} ({given_on}) afgewezen door {decided_by} op {decided_on}{note}.",
        "Explanation by {given_by} ({given_on}) rejected by {decided_by} on {decided_on}{note}.",
    ),
    "explanation.note": (": {note}", ": {note}"),
    "reason.until": (", geldig tot {date}", ", valid until {date}"),
    "reason.to_assess": ("Te beoordelen: {allowed}.", "To be assessed: {allowed}."),
    "reason.without": ("Zonder toelichting: {raw}", "Without it: {raw}"),
    "reason.na_law_scope": (
        "Niet van toepassing: de eis geldt alleen voor {scope} en de aanbieder werkt daar niet onder.",
        "Not applicable: the requirement covers only {scope}, under which the provider does not work.",
    ),
    "reason.na_stage": (
        "Nog niet van toepassing: deze eis wordt pas getoetst {stage}.",
        "Not applicable yet: this requirement is checked only {stage}.",
    ),
    "stage.registration": ("bij inschrijving", "at registration"),
    "stage.award": ("bij gunning", "at award"),
    "stage.contract": ("tijdens het contract", "during the contract"),
    "reason.na_no_lot": (
        "Niet van toepassing: de aanbieder schrijft niet in voor perceel {lots}.",
        "Not applicable: the provider does not register for lot {lots}.",
    ),
    "reason.na_no_lots": (
        "Niet van toepassing: de aanbieder schrijft voor geen enkel perceel in.",
        "Not applicable: the provider registers for no lot.",
    ),
    "lot": ("perceel {lot}", "lot {lot}"),
    "reason.score": ("Score: {score} van {points} punten.", "Score: {score} of {points} points."),
    "reason.na_when": ("Niet van toepassing: {findings}.", "Not applicable: {findings}."),
    "reason.na_validity": (
        "Niet van toepassing op de peildatum: de eis geldt van {valid_from} tot {valid_to}.",
        "Not applicable on the reference date: the requirement applies from {valid_from} to {valid_to}.",
    ),
    "reason.applicability_unknown": (
        " (Of de eis van toepassing is, kon niet worden vastgesteld: {findings}; daarom is hij getoetst.)",
        " (Whether the requirement applies could not be established: {findings}; so it was checked.)",
    ),
    "scope.jeugdwet": ("de Jeugdwet", "the Youth Act (Jeugdwet)"),
    "scope.wmo": ("de Wmo 2015", "the Social Support Act (Wmo 2015)"),
    "scope.both": ("de Jeugdwet en de Wmo 2015", "the Youth Act and the Wmo 2015"),
    # findings
    "finding.missing": ("{path}: gegeven ontbreekt", "{path}: fact missing"),
    "finding.missing_parts": ("{path}: niet te berekenen zonder {what}", "{path}: cannot be worked out without {what}"),
    "finding.missing_empty": (
        "{path}: niet te berekenen, want er zijn geen {what}",
        "{path}: cannot be worked out, as there are no {what}",
    ),
    "finding.missing_selected": (
        (
            "{path}: niet te berekenen: geen item telt mee, bij een item dat meetelt ontbreekt {what}, of het is"
            " niet te zeggen of een item meetelt"
        ),
        (
            "{path}: cannot be worked out: no item counts, {what} is missing for an item that counts, or whether"
            " an item counts cannot be told"
        ),
    ),
    "finding.missing_zero_selected": (
        "{path}: niet te berekenen: {what} is 0, of van een item is niet te zeggen of het meetelt",
        "{path}: cannot be worked out: {what} is 0, or whether an item counts cannot be told",
    ),
    "finding.missing_undecided": (
        "{path}: niet te berekenen: van een item is niet te zeggen of het meetelt voor {what}",
        "{path}: cannot be worked out: whether an item counts towards {what} cannot be told",
    ),
    "finding.missing_zero": (
        "{path}: niet te berekenen, want {what} is 0",
        "{path}: cannot be worked out, as {what} is 0",
    ),
    "finding.no_row": (
        "{path}: tabel '{table}' heeft geen rij voor {row} (onbekende code of verkeerd perceel?)",
        "{path}: table '{table}' has no row for {row} (unknown code or wrong lot?)",
    ),
    "finding.bounds": (
        "{path}: tussen {low} en {high}, want niet elk item is te beoordelen; verwacht {expect}",
        "{path}: between {low} and {high}, as not every item can be judged; expected {expect}",
    ),
    "finding.empty": ("{path}: geen items opgegeven", "{path}: no items given"),
    "finding.value": ("{path}: verwacht {expect}, gevonden {actual}", "{path}: expected {expect}, found {actual}"),
    "finding.negated": (
        "{path}: verwacht niet {expect}, gevonden {actual}",
        "{path}: expected not {expect}, found {actual}",
    ),
    "finding.count": ("{path}: {actual} voldoen, verwacht {bounds}", "{path}: {actual} comply, expected {bounds}"),
    "na.value": (
        "{path} is {actual} (de eis geldt bij {expect})",
        "{path} is {actual} (the requirement applies if {expect})",
    ),
    "na.negated": (
        "{path} is {actual} (de eis geldt bij niet {expect})",
        "{path} is {actual} (the requirement applies if not {expect})",
    ),
    "na.count": (
        "{path}: {actual} (de eis geldt bij {bounds})",
        "{path}: {actual} (the requirement applies if {bounds})",
    ),
    "duration.years": ("{n} jaar", "{n} years"),
    "duration.year": ("{n} jaar", "{n} year"),
    "duration.months": ("{n} maanden", "{n} months"),
    "duration.month": ("{n} maand", "{n} month"),
    "duration.days": ("{n} dagen", "{n} days"),
    "duration.day": ("{n} dag", "{n} day"),
    "bounds.min": ("minstens {n}", "at least {n}"),
    "bounds.max": ("hoogstens {n}", "at most {n}"),
    "bounds.and": (" en ", " and "),
    "value.true": ("ja", "yes"),
    "value.false": ("nee", "no"),
    "value.none": ("(leeg)", "(empty)"),
    "value.indefinite": ("onbepaald", "indefinite"),
    "list.and": (", ", ", "),
    "list.facts": ("; ", "; "),
    "list.last": (" en ", " and "),  # before the last of a few quoted names ('a', 'b' en 'c')
    "list.more": ("{listed} en nog {n} andere", "{listed} and {n} more"),  # the first few of many names
    # names of things in a text for people (naming.py)
    "name.number": ("nr. {n}", "no. {n}"),
    "name.declaration": ("verklaring '{text}'", "declaration '{text}'"),
    "name.item.professionals": ("professional {id}", "professional {id}"),
    "name.item.volunteers": ("vrijwilliger {id}", "volunteer {id}"),
    "name.item.certificates": ("certificaat {id}", "certificate {id}"),
    "name.item.insurances": ("verzekering {id}", "insurance {id}"),
    "name.item.products": ("product {id}", "product {id}"),
    "name.item.registrations": ("registratie {id}", "registration {id}"),
    "name.item.parties": ("onderneming {id}", "undertaking {id}"),
    "name.item.other": ("{label} {id}", "{label} {id}"),
    "name.fact": ("{name}: {value}", "{name}: {value}"),
    "quantity.count": ("aantal {items}", "number of {items}"),
    "quantity.count_selected": ("aantal geselecteerde {items}", "number of selected {items}"),  # with a `where`
    "quantity.share": ("aandeel {items}", "share of {items}"),  # its values show the %
    "quantity.sum": ("som van {field} over {items}", "sum of {field} over {items}"),
    "quantity.average": ("gemiddelde {field} over {items}", "average {field} over {items}"),
    "quantity.min": ("kleinste {field} van {items}", "lowest {field} of {items}"),
    "quantity.max": ("grootste {field} van {items}", "highest {field} of {items}"),
    "quantity.days": ("dagen van {start} tot {end}", "days from {start} to {end}"),
    "quantity.working_days": ("werkdagen van {start} tot {end}", "working days from {start} to {end}"),
    # a passing `every` over many items, summarised in a pass reason (explain.Summary)
    "summary.every": ("{path}: alle {n} voldoen ({facts})", "{path}: all {n} comply ({facts})"),
    "summary.every_bare": ("{path}: alle {n} voldoen", "{path}: all {n} comply"),
    "summary.times": ("{n}× {value}", "{n}× {value}"),
    "summary.range": ("{n}× tussen {low} en {high}", "{n}× between {low} and {high}"),
    "summary.range_all": ("tussen {low} en {high}", "between {low} and {high}"),
    "summary.distinct": ("{n} verschillende waarden", "{n} different values"),
    # report
    "report.verdict": ("Oordeel", "Verdict"),
    "report.missing": ("Ontbrekende bewijsstukken", "Missing documents"),
    "report.at_award": (
        "Vooruitblik: bij gunning ook nodig (eisen die dan getoetst worden)",
        "Looking ahead: also needed at award (requirements checked then)",
    ),
    "report.version": ("versie", "version"),
    "report.base": ("Wettelijke basis: {ruleset}", "Legal basis: {ruleset}"),
    "report.frameworks": ("Oordeel per kader", "Verdict per framework"),
    "report.superseded": (
        "(Telt niet mee: een strijdige eis gaat voor.)",
        "(Does not count: a conflicting requirement prevails.)",
    ),
    "relation.same": ("Zelfde eis als {ruleset} {id}: {status}.", "Same requirement as {ruleset} {id}: {status}."),
    "relation.stricter": (
        "Strenger dan {ruleset} {id} ({status}): beide gelden.",
        "Stricter than {ruleset} {id} ({status}): both apply.",
    ),
    "relation.looser": (
        "{ruleset} {id} stelt hier meer ({status}): beide gelden.",
        "{ruleset} {id} asks more here ({status}): both apply.",
    ),
    "relation.conflict_agree": (
        "Strijdig met {ruleset} {id} ({status}), maar hier komen ze overeen.",
        "Conflicts with {ruleset} {id} ({status}), but here they agree.",
    ),
    "relation.note": ("Waarom: {note}", "Why: {note}"),
    "finding.not_yet": (
        (
            "{path}: {actual} ligt na de peildatum ({peildatum}); op de peildatum was dat nog niet zo, "
            "de gegevens spreken elkaar tegen"
        ),
        (
            "{path}: {actual} lies after the reference date ({peildatum}); it had not happened yet then, "
            "the facts contradict each other"
        ),
    ),
    "finding.refuted": (
        (
            "{path}: verklaard, maar een vastgelegd gegeven spreekt de verklaring tegen ({facts}); "
            "het gegeven weegt zwaarder"
        ),
        "{path}: declared, but a recorded fact contradicts the declaration ({facts}); the fact outweighs it",
    ),
    "reason.follows.set_aside_lot": (
        (
            "Gevolg: dit is een knock-outeis zonder afwijkingsroute, dus de inschrijving voor perceel {lot} "
            "wordt terzijde gelegd; dat is achteraf niet te herstellen."
        ),
        (
            "What follows: this is a knockout requirement without a route to deviate, so the bid for lot {lot} "
            "is set aside; that cannot be put right afterwards."
        ),
    ),
    "reason.contradicted": (
        (
            "Niet aangetoond: de gegevens spreken elkaar tegen: {found}. Herstel de gegevens; tot dan telt de "
            "eis als niet aangetoond."
        ),
        (
            "Not demonstrated: the facts contradict each other: {found}. Correct them; until then the "
            "requirement counts as not demonstrated."
        ),
    ),
    "reason.recorded": (
        "Vastgesteld door de gemeente, en dat weegt zwaarder dan de opgave van de aanbieder: {facts}.",
        "Established by the municipality, which outweighs what the provider stated: {facts}.",
    ),
    "reason.recorded_fact": (
        "{path} ({kind} door {by} op {on}; de aanbieder gaf: {stated})",
        "{path} ({kind} by {by} on {on}; the provider stated: {stated})",
    ),
    "source.observation": ("waargenomen", "observed"),
    "source.document": ("uit een document", "from a document"),
    "source.assessor": ("besloten", "decided"),
    "relation.conflict_prevails": (
        "Strijdig met {ruleset} {id} ({status}); deze eis gaat voor.",
        "Conflicts with {ruleset} {id} ({status}); this requirement prevails.",
    ),
    "relation.conflict_yields": (
        "Strijdig met {ruleset} {id} ({status}); die eis gaat voor.",
        "Conflicts with {ruleset} {id} ({status}); that requirement prevails.",
    ),
    "report.per_lot": ("Oordeel per perceel en per gemeente", "Verdict per lot and per municipality"),
    "report.lot_head": (
        "Perceel / gemeente|Oordeel|Niet voldaan / toegelaten",
        "Lot / municipality|Verdict|Failing / admitted",
    ),
    "report.admitted": ("toegelaten percelen: {lots}", "admitted lots: {lots}"),
    "report.pending": ("— {n} toelichtingen nog te beoordelen", "— {n} explanations still to be assessed"),
    "report.record": (
        "Regelset {ruleset} · profiel {profile} · kwaliteitsregels {version}",
        "Ruleset {ruleset} · profile {profile} · kwaliteitsregels {version}",
    ),
    # the assessor's report (Markdown, HTML)
    "doc.title": ("Toetsingsrapport", "Assessment report"),
    "doc.contents": ("Inhoud", "Contents"),
    "doc.ruleset": ("Regelset", "Ruleset"),
    "doc.issuer": ("Uitgever", "Issuer"),
    "doc.provider": ("Aanbieder", "Provider"),
    "doc.peildatum": ("Peildatum", "Reference date"),
    "doc.stage": ("Moment", "Stage"),
    "doc.sources": ("Bron", "Source"),
    "doc.scope.overall": ("Totaal", "Overall"),
    "doc.why.voldoet": (
        "Alle knock-outeisen zijn voldaan, niet van toepassing of gedekt door een geaccepteerde toelichting.",
        "Every knockout requirement is met, not applicable, or covered by an accepted explanation.",
    ),
    "doc.why.voldoet_niet": ("Knock-outeisen niet voldaan:", "Knockout requirements not met:"),
    "doc.why.beoordeling_nodig": ("Toelichtingen nog te beoordelen:", "Explanations still to be assessed:"),
    "doc.why.voldoet_niet.none": (
        "Geen enkel ingeschreven perceel voldoet.",
        "No lot registered for is compliant.",
    ),
    "doc.why.beoordeling_nodig.none": (
        "Een perceel of de wettelijke basis wacht nog op een beoordeling.",
        "A lot or the legal basis still awaits an assessment.",
    ),
    "doc.count.pass": ("voldaan", "pass"),
    "doc.count.explain-accepted": ("toelichting geaccepteerd", "explanation accepted"),
    "doc.count.explain-pending": ("toelichting nog te beoordelen", "explanation to be assessed"),
    "doc.count.fail": ("niet voldaan", "fail"),
    "doc.count.not_applicable": ("niet van toepassing", "not applicable"),
    "doc.matrix": ("Oordeel per perceel en gemeente", "Verdict per lot and municipality"),
    "doc.matrix.lot": ("Perceel", "Lot"),
    "doc.matrix.verdict": ("Oordeel", "Verdict"),
    "doc.matrix.failing": ("Knock-outeisen niet voldaan", "Knockout requirements not met"),
    "doc.matrix.total": ("Per gemeente", "Per municipality"),
    "doc.matrix.caption": (
        "Een rij per ingeschreven perceel, een kolom per gemeente; — : deze gemeente koopt het perceel niet in.",
        "A row per lot registered for, a column per municipality; — : this municipality does not buy the lot.",
    ),
    "doc.not_bought": ("niet ingekocht", "not bought"),
    "doc.counts": ("Eisen per status", "Requirements per status"),
    "doc.count": ("Aantal", "Count"),
    "doc.total": ("Totaal", "Total"),
    "doc.categories": ("Eisen per categorie", "Requirements by category"),
    "doc.requirement": ("Eis", "Req."),
    "doc.requirement_title": ("Titel", "Title"),
    "doc.status": ("Status", "Status"),
    "doc.reason": ("Reden", "Reason"),
    "doc.source": ("Bron", "Source"),
    "doc.legal": ("Wettelijke grondslag", "Legal basis"),
    "doc.section": ("par. {section}", "section {section}"),
    "doc.line": ("regel {line}", "line {line}"),
    "doc.none": ("—", "—"),
    "doc.explanations": ("Toelichtingen (pas toe of leg uit)", "Explanations (comply or explain)"),
    "doc.no_explanations": ("Er zijn geen toelichtingen gegeven.", "No explanations were given."),
    "doc.kind": ("Soort", "Kind"),
    "doc.kind.deviation": ("afwijking", "deviation"),
    "doc.kind.demonstration": ("aantonen", "demonstration"),
    "doc.state": ("Stand", "State"),
    "doc.given": ("Gegeven door", "Given by"),
    "doc.decided": ("Beoordeeld door", "Assessed by"),
    "doc.on": ("{who}, {date}", "{who}, {date}"),
    "doc.valid_until": ("Geldig tot", "Valid until"),
    "doc.note": ("Notitie van de beoordelaar", "Assessor's note"),
    "doc.justification": ("Toelichting van de aanbieder", "The provider's explanation"),
    "doc.allowed": ("Aan te tonen", "To be shown"),
    "doc.must_contain": ("Moet ingaan op", "Must cover"),
    "doc.no_missing": ("Er ontbreken geen bewijsstukken.", "No documents are missing."),
    "doc.at_award": ("Bij de gunning ook getoetst", "Also checked at the award"),
    "doc.at_award.intro": (
        (
            "Bij de gunning worden ook eisen getoetst die bij de inschrijving nog niet meetellen. Daarvoor zijn "
            "deze bewijsstukken nodig; ze staan niet in de lijst hierboven. ‘Wanneer’ zegt wanneer ze binnen "
            "moeten zijn."
        ),
        (
            "At the award, requirements that do not count at registration are checked as well. They need these "
            "documents, which are not on the list above. ‘Due’ says when each one is due."
        ),
    ),
    "doc.document": ("Bewijsstuk", "Document"),
    "doc.due": ("Wanneer", "Due"),
    "doc.needed_for": ("Nodig voor", "Needed for"),
    "doc.why": ("Waarom", "Why"),
    "doc.record": ("Verantwoording", "Decision record"),
    "doc.record.ruleset": ("Regelset en versie", "Ruleset and version"),
    "doc.record.ruleset_hash": ("Hash van de regelset", "Ruleset hash"),
    "doc.record.profile_hash": ("Hash van het profiel", "Profile hash"),
    "doc.record.library": ("Gemaakt met", "Made with"),
    # notebooks (Jupyter tables)
    "nb.requirements": ("{n} eisen", "{n} requirements"),
    "nb.valid": ("geldig vanaf {date}", "valid from {date}"),
    "nb.category": ("Categorie", "Category"),
    "nb.scope": ("Wet", "Law"),
    "nb.judgement": ("Oordeel door", "Judged by"),
    "nb.judgement.facts": ("feiten", "facts"),
    "nb.judgement.assessor": ("beoordelaar", "assessor"),
    "nb.evidence": ("Bewijsstukken", "Documents"),
    "nb.law.jeugdwet": ("Jeugdwet", "Youth Act"),
    "nb.law.wmo": ("Wmo 2015", "Wmo 2015"),
    "nb.law.both": ("Jeugdwet en Wmo 2015", "Youth Act and Wmo 2015"),
    "nb.missing_extra": (
        "{package} is niet geïnstalleerd; dat is nodig voor {feature}. Installeer het met: pip install '{extra}'",
        "{package} is not installed; {feature} needs it. Install it with: pip install '{extra}'",
    ),
    "chart.by_category": ("{provider}: eisen per categorie", "{provider}: requirements by category"),
    "chart.by_provider": ("Eisen per status, per aanbieder", "Requirements per status, by provider"),
    "chart.requirements": ("Aantal eisen", "Number of requirements"),
    "chart.explanations": ("Toelichtingen per stand, per aanbieder", "Explanations by state, by provider"),
    "chart.count": ("Aantal", "Count"),
    "chart.expiring": (
        "{provider}: documenten die binnen {months} maanden verlopen",
        "{provider}: documents expiring within {months} months",
    ),
    "chart.days_left": ("Dagen tot verlopen (negatief: al verlopen)", "Days until expiry (negative: expired)"),
    "chart.none": ("geen", "none"),
    "chart.lots": ("{provider}: oordeel per perceel en gemeente", "{provider}: verdict per lot and municipality"),
    "chart.frameworks": (
        "{provider}: eisen per status, per kader",
        "{provider}: requirements per status, by framework",
    ),
    # the provider letter
    "letter.title": ("Wat we nog van u nodig hebben", "What we still need from you"),
    "letter.to": ("Aan", "To"),
    "letter.date": ("Datum", "Date"),
    "letter.subject": ("Onderwerp", "Subject"),
    "letter.subject_text": ("uw inschrijving — {ruleset}", "your registration — {ruleset}"),
    "letter.greeting": ("Geachte heer of mevrouw,", "Dear Sir or Madam,"),
    "letter.intro": (
        "Wij hebben uw gegevens op {date} vergeleken met de eisen van: {ruleset}.",
        "On {date} we compared your details with the requirements of: {ruleset}.",
    ),
    "letter.needed": (
        "Wij hebben nog een paar dingen van u nodig. Hieronder leest u wat, en wanneer.",
        "We still need a few things from you. Below you can read what, and when.",
    ),
    "letter.nothing": (
        "Wij hebben op dit moment niets meer van u nodig.",
        "We do not need anything else from you now.",
    ),
    "letter.pending": (
        "Wij beoordelen nog {n} van uw toelichtingen. U hoort van ons als dat klaar is.",
        "We are still assessing {n} of your explanations. We will let you know when we are done.",
    ),
    "letter.due.with_registration": ("Nodig bij uw inschrijving", "Needed with your registration"),
    "letter.due.before_award": ("Nodig voordat wij de opdracht gunnen", "Needed before we award the contract"),
    "letter.due.on_request": ("Nodig als wij erom vragen", "Needed when we ask for it"),
    "letter.due_note.on_request": (
        "U hoeft dit nu nog niet te sturen. Houd het wel klaar.",
        "You do not need to send this yet, but please keep it ready.",
    ),
    "letter.at_award": ("Later, bij de gunning", "Later, at the award"),
    "letter.at_award.intro": (
        (
            "Bij de gunning kijken wij ook naar eisen die nu nog niet meetellen. Daarvoor hebben wij ook deze "
            "documenten van u nodig. Bij elk document staat wanneer."
        ),
        (
            "At the award we also look at requirements that do not count yet. For those we also need these "
            "documents from you. Each one says when."
        ),
    ),
    "letter.at_award.with_registration": (
        "Stuur dit mee met uw inschrijving. Wij beoordelen het bij de gunning.",
        "Please send this with your registration. We assess it at the award.",
    ),
    "letter.at_award.before_award": (
        "U hoeft dit nu nog niet te sturen. Wij hebben het nodig voordat wij de opdracht gunnen.",
        "You do not need to send this yet. We need it before we award the contract.",
    ),
    "letter.at_award.on_request": (
        "U hoeft dit nu nog niet te sturen. Houd het wel klaar: wij vragen erom als wij het nodig hebben.",
        "You do not need to send this yet, but please keep it ready: we will ask for it when we need it.",
    ),
    "letter.documents": ("Documenten", "Documents"),
    "letter.explanations": ("Uitleg", "Explanations"),
    "letter.doc.absent": (
        "Dit document hebben wij nog niet van u gekregen.",
        "We have not received this document yet.",
    ),
    "letter.doc.expired": (
        "Het document dat wij hebben, is verlopen op {date}. Stuur ons een geldig document.",
        "The document we have expired on {date}. Please send us a valid one.",
    ),
    "letter.doc.too_old": (
        "Het document dat wij hebben, is te oud. Stuur ons een document van {date} of later.",
        "The document we have is too old. Please send us one dated {date} or later.",
    ),
    "letter.doc.undated": (
        "Op het document dat wij hebben, staat geen datum. Stuur ons een document met een datum.",
        "The document we have shows no date. Please send us a dated one.",
    ),
    "letter.doc.not_yet_issued": (
        "Het document dat wij hebben, heeft een datum na {date}. Kijk of dat klopt.",
        "The document we have is dated after {date}. Please check that date.",
    ),
    "letter.requirement": ("eis {id}", "requirement {id}"),
    "letter.explain.missing": (
        "U heeft hierover nog geen uitleg gegeven. Stuur ons uw uitleg.",
        "You have not explained this yet. Please send us your explanation.",
    ),
    "letter.explain.rejected": (
        "Uw uitleg van {date} was niet voldoende. Stuur ons een nieuwe uitleg.",
        "Your explanation of {date} was not enough. Please send us a new one.",
    ),
    "letter.explain.expired": (
        "Wij hadden uw uitleg goedgekeurd tot {date}. Die tijd is voorbij. Stuur ons een nieuwe uitleg.",
        "We had accepted your explanation until {date}. That time has passed. Please send us a new one.",
    ),
    "letter.explain.note": ("De beoordelaar schreef: “{note}”", "The assessor wrote: “{note}”"),
    "letter.explain.cover": ("Vertel daarin in elk geval:", "Please tell us at least:"),
    "letter.explain.what": ("Wat wij willen weten: {allowed}.", "What we need to know: {allowed}."),
    "letter.other": ("Wat nog niet in orde is", "What is not in order yet"),
    "letter.follows.set_aside_lot": (
        (
            "Dit is een knock-outeis. Uw inschrijving voor perceel {lot} wordt daarom terzijde gelegd; dat kunt "
            "u achteraf niet meer herstellen. Uw inschrijving voor andere percelen blijft staan."
        ),
        (
            "This is a knockout requirement, so your registration for lot {lot} is set aside; this cannot be "
            "put right afterwards. Your registration for other lots stands."
        ),
    ),
    "letter.follows.not_admitted": (
        "Dit is een knock-outeis: zolang u hieraan niet voldoet, kunnen wij u niet toelaten.",
        "This is a knockout requirement: as long as you do not meet it, we cannot admit you.",
    ),
    "letter.found": ("Wij vonden: {found}.", "What we found: {found}."),
    "letter.follows.demonstrate": (
        "Uit uw gegevens blijkt nog niet dat u hieraan voldoet. Stuur ons de gegevens die dat laten zien.",
        "Your details do not show yet that you meet this. Please send us the details that show it.",
    ),
    "letter.follows.improve": (
        "Dit staat uw toelating niet in de weg, maar wij vragen u dit te verbeteren.",
        "This does not stand in the way of your admission, but we ask you to improve it.",
    ),
    "letter.reference": ("Kenmerk", "Reference"),
    "letter.contact": ("Contactpersoon", "Contact"),
    "letter.by": ("uiterlijk {date}", "by {date}"),
    "letter.deadline": ("Uiterlijk {date}.", "By {date}."),
    "letter.lots": ("Wat dit betekent per perceel", "What this means per lot"),
    "letter.lot": ("Perceel", "Lot"),
    "letter.lot_follows": ("Wat volgt", "What follows"),
    "letter.lot_where": ("Gemeenten", "Municipalities"),
    "letter.lot.admitted": ("U voldoet voor dit perceel.", "You meet the requirements for this lot."),
    "letter.lot.set_aside": (
        "Terzijde gelegd (eis {ids}).",
        "Set aside (requirement {ids}).",
    ),
    "letter.lot.blocked": (
        "Nog niet toe te laten: eerst moet u voldoen aan eis {ids}, die voor uw hele inschrijving geldt.",
        "Cannot be admitted yet: first you must meet requirement {ids}, which applies to your whole registration.",
    ),
    "letter.lot.open": (
        "Nog niet beslist: wij wachten op wat hierboven staat, of beoordelen uw uitleg nog.",
        "Not decided yet: we are waiting for what is listed above, or still assessing your explanation.",
    ),
    "letter.questions_contact": (
        "Heeft u vragen? Neem dan contact op met {name}.",
        "Do you have any questions? Please contact {name}.",
    ),
    "letter.phone": ("Telefoon: {phone}.", "Telephone: {phone}."),
    "letter.email": ("E-mail: {email}.", "E-mail: {email}."),
    "letter.quote_reference": ("Vermeld daarbij ons kenmerk {reference}.", "Please quote our reference {reference}."),
    "letter.questions": (
        "Heeft u vragen? Neem dan contact met ons op.",
        "Do you have any questions? Please contact us.",
    ),
    "letter.closing": ("Met vriendelijke groet,", "Kind regards,"),
    "date.long": ("{day} {month} {year}", "{day} {month} {year}"),
    "date.months": (
        "januari februari maart april mei juni juli augustus september oktober november december",
        "January February March April May June July August September October November December",
    ),
    # authoring tools: validate and test
    # validate
    "validate.summary": (
        "{problems} {noun} in {files} van {checked} gecontroleerde bestanden",
        "{problems} {noun} in {files} of {checked} checked files",
    ),
    "validate.problem": ("probleem", "problem"),
    "validate.problems": ("problemen", "problems"),
    "validate.clean": ("{checked} bestand(en) gecontroleerd: geen problemen", "{checked} file(s) checked: no problems"),
    "validate.skipped": (
        "{count} bestand(en) overgeslagen, soort onbekend (--ignore-unknown): {files}",
        "{count} file(s) skipped, kind unknown (--ignore-unknown): {files}",
    ),
    "validate.nothing": (
        "geen regelsets, profielen of testbestanden gevonden in {paths}",
        "no rulesets, profiles or test files found in {paths}",
    ),
    "suggestion": ("Bedoelde u '{suggestion}'?", "Did you mean '{suggestion}'?"),
    "hint.label": ("oplossing", "fix"),
    # test
    "test.ok": ("ok", "ok"),
    "test.failed": ("FOUT", "FAIL"),
    "test.mismatch.result": (
        "eis {requirement}: verwacht {expected}, gekregen {actual}",
        "{requirement}: expected {expected}, got {actual}",
    ),
    "test.mismatch.verdict": (
        "oordeel: verwacht {expected}, gekregen {actual}",
        "verdict: expected {expected}, got {actual}",
    ),
    "test.mismatch.missing": (
        "ontbrekende bewijsstukken: verwacht {expected}, gekregen {actual}",
        "missing documents: expected {expected}, got {actual}",
    ),
    "test.mismatch.reason": (
        "eis {requirement}: reden bevat niet '{expected}'",
        "{requirement}: reason does not contain '{expected}'",
    ),
    "test.mismatch.lot": (
        "perceel {name}: verwacht {expected}, gekregen {actual}",
        "lot {name}: expected {expected}, got {actual}",
    ),
    "test.mismatch.lot_failing": (
        "perceel {name}, eisen die het perceel doen vallen: verwacht {expected}, gekregen {actual}",
        "lot {name}, requirements that sink it: expected {expected}, got {actual}",
    ),
    "test.mismatch.municipality": (
        "gemeente {name}: verwacht {expected}, gekregen {actual}",
        "municipality {name}: expected {expected}, got {actual}",
    ),
    "test.not_registered": ("(niet ingeschreven)", "(not registered)"),
    "test.reason": ("reden: {reason}", "reason: {reason}"),
    "test.only_expected": ("alleen verwacht: {items}", "only expected: {items}"),
    "test.only_actual": ("alleen gekregen: {items}", "only got: {items}"),
    "test.error": ("kon niet evalueren: {error}", "could not evaluate: {error}"),
    "test.none": ("(geen)", "(none)"),
    "test.no_result": ("geen resultaat", "no result"),
    "test.coverage": (
        "Regeldekking {ruleset}: {covered}/{total} eisen ({percent} %)",
        "Rule coverage {ruleset}: {covered}/{total} requirements ({percent} %)",
    ),
    "test.never_exercised": ("nooit van toepassing in een getoetst geval", "never applicable in a checked case"),
    "test.never_accepted": (
        "nooit voldaan (pass of geaccepteerde toelichting)",
        "never passed (pass or accepted explanation)",
    ),
    "test.never_rejected": ("nooit niet voldaan (fail)", "never failed"),
    "test.no_cases": ("geen testgevallen (verwacht in {folder})", "no test cases (expected in {folder})"),
    "test.summary": (
        "{cases} {noun}: {passed} geslaagd, {failed} mislukt",
        "{cases} {noun}: {passed} passed, {failed} failed",
    ),
    "test.case": ("geval", "case"),
    "test.cases": ("gevallen", "cases"),
    "test.below": (
        "regeldekking van {ruleset} is {percent} %, minder dan --min-coverage {minimum}",
        "rule coverage of {ruleset} is {percent} %, below --min-coverage {minimum}",
    ),
    "test.nothing": (
        "geen regelsets of testbestanden gevonden in {paths}",
        "no rulesets or test files found in {paths}",
    ),
}

# Problems in the input. Raised with the Dutch phrase (`problem.<code>`, or `problem.<code>~<n>` for a
# second wording); `problem_text` reads the parameters back from it and fills in the English phrase.
CATALOG |= {
    "problem.file-not-found": ("bestand niet gevonden", "file not found"),
    "problem.file-unreadable": ("bestand niet leesbaar: {reason}", "file not readable: {reason}"),
    "problem.file-unreadable~2": ("ongeldige bestandsnaam", "invalid file name"),
    "problem.encoding": (
        "geen geldige UTF-8 (byte {start}: {byte}); sla het bestand op als UTF-8",
        "not valid UTF-8 (byte {start}: {byte}); save the file as UTF-8",
    ),
    "problem.not-a-mapping": (
        "het bestand moet een mapping (sleutel: waarde) bevatten",
        "the file must hold a mapping (key: value)",
    ),
    "problem.unknown-ruleset": ("onbekende regelset '{name}'", "unknown ruleset '{name}'"),
    "problem.builds-on-cycle": (
        "regelsets bouwen in een kring op elkaar: {chain}",
        "rulesets build on each other in a cycle: {chain}",
    ),
    "problem.ruleset-not-in-force": (
        "regelset '{id}' is te toetsen van {start} tot {end}, niet op peildatum {peildatum}",
        "ruleset '{id}' can be checked from {start} to {end}, not on the reference date {peildatum}",
    ),
    "problem.yaml-syntax": ("ongeldige YAML: {detail}", "invalid YAML: {detail}"),
    "problem.yaml-tag": ("YAML-tag '{tag}' is hier niet toegestaan", "YAML tag '{tag}' is not allowed here"),
    "problem.yaml-merge": ("merge-sleutels (<<) zijn niet toegestaan", "merge keys (<<) are not allowed"),
    "problem.duplicate-key": ("sleutel '{key}' komt twee keer voor", "key '{key}' occurs twice"),
    "problem.key-type": (
        "sleutel {key} moet tekst zijn: zet hem tussen aanhalingstekens",
        "key {key} must be text: put it in quotes",
    ),
    "problem.too-large": (
        "bestand is groter dan {n} bytes; zie Limits.max_bytes",
        "file is larger than {n} bytes; see Limits.max_bytes",
    ),
    "problem.too-deep": (
        "nesting dieper dan {n} niveaus; zie Limits.max_depth",
        "nesting deeper than {n} levels; see Limits.max_depth",
    ),
    "problem.too-many-nodes": (
        "meer dan {n} waarden (alias-bom?); zie Limits.max_nodes",
        "more than {n} values (alias bomb?); see Limits.max_nodes",
    ),
    "problem.condition-shape": (
        "een voorwaarde is een mapping met precies één sleutelwoord",
        "a condition is a mapping with exactly one keyword",
    ),
    "problem.unknown-keyword": ("onbekend sleutelwoord '{name}'", "unknown keyword '{name}'"),
    "problem.unknown-field": ("onbekend profielveld '{path}'", "unknown profile field '{path}'"),
    "problem.path-into-list": (
        "'{path}' is een lijst: gebruik every of count",
        "'{path}' is a list: use every or count",
    ),
    "problem.field-kind": (
        "veld '{path}' is van soort '{kind}', verwacht: {kinds}",
        "field '{path}' is of kind '{kind}', expected: {kinds}",
    ),
    "problem.not-a-list": ("veld '{path}' is geen lijst van objecten", "field '{path}' is not a list of objects"),
    "problem.unknown-table": ("onbekende tabel '{name}'", "unknown table '{name}'"),
    "problem.unknown-lot": ("onbekend perceel '{name}'", "unknown lot '{name}'"),
    "problem.unknown-municipality": ("onbekende gemeente '{name}'", "unknown municipality '{name}'"),
    "problem.unknown-theme": ("onbekend thema '{name}'", "unknown theme '{name}'"),
    "problem.unknown-code-list": ("onbekende codelijst '{name}'", "unknown code list '{name}'"),
    "problem.unknown-condition": (
        "onbekende voorwaarde '{name}' (conditions)",
        "unknown condition '{name}' (conditions)",
    ),
    "problem.condition-cycle": (
        "voorwaarde '{name}' gebruikt zichzelf ({chain})",
        "condition '{name}' uses itself ({chain})",
    ),
    "problem.unused-condition": (
        "voorwaarde '{name}' wordt nergens gebruikt (use: {used})",
        "condition '{name}' is used nowhere (use: {used})",
    ),
    "problem.use-shape": (
        "use: de naam van een voorwaarde uit 'conditions'",
        "use: the name of a condition from 'conditions'",
    ),
    "problem.allowed-codes-not-text": (
        "'{key}' is geen tekstgegeven van het kernprofiel (een eigen gegeven krijgt type: code)",
        "'{key}' is not a text fact of the core profile (a fact of your own gets type: code)",
    ),
    "problem.duplicate-id": ("eis-id '{id}' komt twee keer voor", "requirement id '{id}' occurs twice"),
    # schema errors (pydantic's error type after `schema.`)
    "problem.schema.missing": ("verplicht veld ontbreekt", "required field missing"),
    "problem.schema.extra_forbidden": ("onbekend veld", "unknown field"),
    "problem.schema.unknown_code": (
        "onbekende code '{value}': niet in codelijst {lists}",
        "unknown code '{value}': not in code list {lists}",
    ),
    "problem.schema.string_type": ("moet tekst zijn", "must be text"),
    "problem.schema.int_type": ("moet een geheel getal zijn", "must be a whole number"),
    "problem.schema.int_parsing": ("moet een geheel getal zijn", "must be a whole number"),
    "problem.schema.int_from_float": ("moet een geheel getal zijn", "must be a whole number"),
    "problem.schema.bool_type": ("moet true of false zijn", "must be true or false"),
    "problem.schema.bool_parsing": ("moet true of false zijn", "must be true or false"),
    "problem.schema.date_type": ("moet een datum zijn (JJJJ-MM-DD)", "must be a date (YYYY-MM-DD)"),
    "problem.schema.date_parsing": ("moet een datum zijn (JJJJ-MM-DD)", "must be a date (YYYY-MM-DD)"),
    "problem.schema.date_from_datetime_parsing": ("moet een datum zijn (JJJJ-MM-DD)", "must be a date (YYYY-MM-DD)"),
    "problem.schema.date_from_datetime_inexact": (
        "moet een datum zijn zonder tijdstip (JJJJ-MM-DD)",
        "must be a date without a time (YYYY-MM-DD)",
    ),
    "problem.schema.decimal_parsing": ("moet een getal zijn", "must be a number"),
    "problem.schema.decimal_type": ("moet een getal zijn", "must be a number"),
    "problem.schema.list_type": ("moet een lijst zijn", "must be a list"),
    "problem.schema.dict_type": ("moet een mapping (sleutel: waarde) zijn", "must be a mapping (key: value)"),
    "problem.schema.finite_number": (
        "moet een eindig getal zijn (geen NaN of oneindig)",
        "must be a finite number (not NaN or infinity)",
    ),
    "problem.schema.string_unicode": ("moet geldige Unicode-tekst zijn", "must be valid Unicode text"),
    "problem.schema.invalid_key": ("sleutel moet tekst zijn", "key must be text"),
    "problem.schema.int_parsing_size": ("getal is te groot", "number is too large"),
    "problem.schema.model_type": ("moet een mapping (sleutel: waarde) zijn", "must be a mapping (key: value)"),
    "problem.schema.model_attributes_type": (
        "moet een mapping (sleutel: waarde) zijn",
        "must be a mapping (key: value)",
    ),
    "problem.schema.literal_error": ("moet een van {expected} zijn", "must be one of {expected}"),
    "problem.schema.string_pattern_mismatch": ("heeft niet de vorm {pattern}", "does not have the form {pattern}"),
    "problem.schema.too_short": ("mag niet leeg zijn", "must not be empty"),
    "problem.schema.string_too_short": ("mag niet leeg zijn", "must not be empty"),
    "problem.schema.greater_than_equal": ("moet minstens {n} zijn", "must be at least {n}"),
    "problem.schema.greater_than": ("moet minstens {n} zijn", "must be at least {n}"),
    "error.prefix": ("fout", "error"),
    "error.input": ("<invoer>", "<input>"),
}

# The command line's help in English, by command (`check`) and by option (`check.fail_on`, or just the
# option's name for an option several commands share). The Dutch help is written at the command itself.
HELP_EN: dict[str, str] = {
    "main": "Check care providers against municipal quality frameworks (Youth Act, Wmo 2015).",
    "lang": "Language of the output and the messages: nl or en (or KWALITEITSREGELS_LANG).",
    "peildatum": "Reference date YYYY-MM-DD (default: today in the Netherlands).",
    "stage": "Moment of the procedure: which documents are already due.",
    "output": "Write to this file instead of standard output.",
    "fmt": "Output format.",
    "color": "Colour on or off (default: only on a terminal, and not with NO_COLOR).",
    "quiet": "Nothing on standard output; the exit code tells (and -o writes the file).",
    "check": (
        "Check PROFILE against one or more rulesets.\n\n"
        "Exit 0: compliant; 1: not compliant or needs assessment; 2: bad input."
    ),
    "check.ruleset_names": "A bundled ruleset's name or a path; repeat for several frameworks at once.",
    "check.fail_on": (
        "Exit 1 on 'fail': only when the profile is not compliant; on 'explain': also when an assessment is needed."
    ),
    "report": (
        "Write a report or a letter for PROFILE.\n\nExit 0: written; 2: bad input (for the verdict use `check`)."
    ),
    "report.ruleset_names": "A bundled ruleset's name or a path; repeat for several frameworks in one document.",
    "report.fmt": (
        "html, markdown or pdf: the assessor's report; letter (Markdown), letter-html or letter-pdf: the letter "
        "to the provider. PDF needs headless Chromium."
    ),
    "report.templates": "A folder of jinja2 templates that replace the bundled ones by name (letter.md, …).",
    "report.letter_settings": "YAML file with the letter's sender, reference, date, deadlines and contact.",
    "rulesets": "List the bundled rulesets.",
    "schema": "Print the JSON Schema of a ruleset, a profile, a report, a combined report or a test case file.",
    "schema.ruleset_names": "With profile: the facts of these rulesets' vocabularies too.",
    "validate": (
        "Check rulesets, profiles and test-case files (PATHS: files and folders).\n\n"
        "Exit 0: no problems; 1: problems found; 2: wrong usage."
    ),
    "validate.kind": "The kind of the files named (otherwise read from their modeline or place).",
    "validate.ignore_unknown": "Skip named files without a modeline or known place (pre-commit).",
    "test": (
        "Run the test cases of rulesets (PATHS: rulesets, folders or test files).\n\n"
        "Exit 0: all passed; 1: a case failed or coverage too low; 2: bad input."
    ),
    "test.min_coverage": "Exit 1 when a ruleset's rule coverage is lower (percent).",
    "monitor": (
        "Check EVENTS (.jsonl or .csv) against the deadlines of a framework.\n\n"
        "Exit 0: every deadline met; 1: findings or unusable rules; 2: bad input."
    ),
    "monitor.rules": "Bundled monitoring rules (twente, achterhoek-2019) or a path.",
    "monitor.clock": "Moment of the replay YYYY-MM-DD[THH:MM] (default: now, Dutch time).",
    "compare": (
        "Compare frameworks: requirements beside each other and beside the law, burden, a common core.\n\n"
        "RULESETS: bundled ruleset names or paths (at least two). Exit 0: written; 2: bad input."
    ),
    "impact": (
        "What changes with a new version of a ruleset, and for which providers.\n\n"
        "OLD and NEW: a folder or file, or REV:PATH from git (HEAD~1:rulesets/twente). Exit 0: written; 2: bad input."
    ),
    "impact.profiles": "Profiles (files or folders) to check against both versions.",
    "batch": (
        "Check every provider in INTAKE (profiles, a folder, a pattern, .xlsx, a CSV folder); reports, letters, "
        "overview.\n\n"
        "Exit 0: every provider complies; 1: one does not (or needs assessment); 2: a provider or the input is "
        "unreadable."
    ),
    "batch.ruleset_names": "A bundled ruleset's name or a path; repeat for several frameworks.",
    "batch.outdir": "Folder for the reports, letters and the overview.",
    "batch.jobs": "Worker processes (default: the cores).",
    "batch.resume": "Skip providers whose input did not change.",
    "batch.assessments": (
        "Folder with the municipality's assessments per provider: <provider>.yaml, .yml or .json, named after the "
        "profile file's name or the provider in the workbook."
    ),
    "batch.fail_on": (
        "Exit 1 when a provider does not comply ('fail'), or also when an assessment is needed ('explain')."
    ),
    "check.assessments": "The municipality's assessments beside the profile: observed facts and decisions.",
    "report.assessments": "The municipality's assessments beside the profile: observed facts and decisions.",
}


def text(key: str, lang: Lang = "nl", **params: Any) -> str:
    """The phrase `key` in `lang`, filled in with `params`."""
    nl, en = CATALOG[key]
    template = en if lang == "en" else nl
    return template.format_map(params) if params else template  # the dict as it is: `format(**params)` copies it


def value(item: Any, lang: Lang = "nl", *, unit: str | None = None, own: OwnUnit | None = None) -> str:
    """A fact value as a reader expects to see it: numbers in the reader's notation, in `unit` (€ 72,80).

    `own` is a unit a vocabulary declares, in `lang` (its name after a number, and after exactly one).
    """
    if item is None or isinstance(item, bool):
        return text("value.none" if item is None else "value.true" if item else "value.false", lang)
    if isinstance(item, Duration):
        return duration(item, lang)
    if isinstance(item, int | Decimal):
        return amount(item, lang, unit, own)
    if isinstance(item, date):
        return str(item)
    if isinstance(item, list | tuple | set | frozenset):
        return join((value(i, lang, unit=unit, own=own) for i in item), lang) if item else text("value.none", lang)
    localized = hasattr(item, "nl") and callable(getattr(item, "get", None))  # a label (models.common.Text)
    return str(item.get(lang)) if localized else str(item)


_UNIT_FORMS: dict[str, tuple[str, str]] = {
    "eur": ("€ {n}", "€{n}"),
    "percent": ("{n}%", "{n}%"),
    "hour": ("{n} uur", "{n} hours"),
    "day": ("{n} dagen", "{n} days"),
    "working_day": ("{n} werkdagen", "{n} working days"),  # a quantity's days_between with count: working
    "week": ("{n} weken", "{n} weeks"),
    "fte": ("{n} fte", "{n} FTE"),
}
_ONE_FORMS: dict[str, tuple[str, str]] = {  # exactly one: '1 dag', not '1 dagen'
    "hour": ("{n} uur", "{n} hour"),
    "day": ("{n} dag", "{n} day"),
    "working_day": ("{n} werkdag", "{n} working day"),
    "week": ("{n} week", "{n} week"),
}


class OwnUnit(NamedTuple):
    """A unit a vocabulary declares, in one language: its name after a number ('sessies') and after one ('sessie')."""

    many: str
    one: str


def amount(item: int | Decimal, lang: Lang = "nl", unit: str | None = None, own: OwnUnit | None = None) -> str:
    """A number as written in `lang`: 1.000.000 and 72,80 in Dutch; euros with cents; a plain 2019 stays 2019.

    A vocabulary's own unit follows the number by its name: '45 minuten', '1 minuut'.
    """
    number = Decimal(item)
    if unit == "eur" and number.is_finite():
        with localcontext() as exact:  # room for every whole digit and the cents: 1E+40 euros has no cents
            exact.prec = max(exact.prec, number.adjusted() + 3)
            if number % 1 or abs(number) < _WHOLE_EUROS:
                number = number.quantize(Decimal("0.01")) if number == number.quantize(Decimal("0.01")) else number
    digits = format(number.copy_abs(), "f")  # abs() would round to the context's 28 digits
    whole, _, fraction = digits.partition(".")
    grouped = whole if unit is None and len(whole) <= _PLAIN_DIGITS else _grouped(whole)
    thousands, point = (".", ",") if lang == "nl" else (",", ".")
    shown = ("-" if number < 0 else "") + grouped.replace(",", thousands) + (point + fraction if fraction else "")
    if own is not None:
        return f"{shown} {own.one if number == 1 else own.many}"
    forms = (_ONE_FORMS if unit in _ONE_FORMS and number == 1 else _UNIT_FORMS).get(unit or "")
    return forms[1 if lang == "en" else 0].format(n=shown) if forms else shown


SHOWN_PLACES = 2  # a computed number (a share, an average, a ratio) is shown to two decimals


def rounded(number: Decimal, near: Iterable[Decimal] = ()) -> Decimal:
    """A computed number as a reader sees it: two decimals at most (half up), no trailing zeros.

    66.666…67 is 66.67 and 2.400 is 2.4. Rounding never moves it onto or across a number it is compared
    with (`near`): 69.996 against a minimum of 70 is 69.996, not 70.00. The exact number stays in the facts.
    """
    if not number.is_finite():
        return number
    with localcontext() as exact:
        exact.prec = max(exact.prec, len(number.as_tuple().digits) + 1)  # rounding needs no more than its digits
        for places in range(SHOWN_PLACES, -number.as_tuple().exponent):  # type: ignore[operator]
            candidate = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            if all(_side(candidate, other) == _side(number, other) for other in near):
                return _trimmed(candidate)
    return _trimmed(number)


def _side(number: Decimal, other: Decimal) -> int:
    return (number > other) - (number < other)


def _trimmed(number: Decimal) -> Decimal:
    """`number` without trailing zeros after its point (2.400 → 2.4, 60.0 → 60), exactly."""
    digits = format(number, "f")
    return Decimal(digits.rstrip("0").rstrip(".")) if "." in digits else number


def _grouped(digits: str) -> str:
    """'1000000' → '1,000,000', on the text (an int of more than 4,300 digits cannot be printed)."""
    head = len(digits) % 3 or 3
    return ",".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


_WHOLE_EUROS = 1000  # from here a whole amount is shown without cents: € 1.000.000
_PLAIN_DIGITS = 4  # a plain number of up to four digits is not grouped: the year 2019


def quoted(parts: Iterable[str], lang: Lang = "nl") -> str:
    """Names that may hold commas themselves, each quoted, as a sentence lists them: 'a', 'b' en 'c'."""
    shown = [f"'{part}'" for part in parts]
    if len(shown) < 2:  # one name needs no 'and'
        return "".join(shown)
    return text("list.last", lang).join([text("list.and", lang).join(shown[:-1]), shown[-1]])


def join(parts: Iterable[str], lang: Lang = "nl") -> str:
    """Join phrases with the list separator."""
    return text("list.and", lang).join(parts)


def duration(item: Duration, lang: Lang = "nl") -> str:
    """P5Y as '5 jaar', P1Y6M as '1 jaar en 6 maanden'."""
    parts = [
        text(f"duration.{unit if n == 1 else unit + 's'}", lang, n=n)
        for n, unit in ((item.years, "year"), (item.months, "month"), (item.days, "day"))
        if n
    ]
    return text("bounds.and", lang).join(parts) or text("duration.days", lang, n=0)


@functools.cache
def _problem_phrases(code: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The (Dutch pattern, English template) pairs for a problem code, its own and its wider codes."""
    parts = code.split(".")
    found = []
    for start in range(len(parts)):  # `every.schema.missing`, then `schema.missing`, then `missing`
        key = "problem." + ".".join(parts[start:])
        for variant in (key, *(k for k in CATALOG if k.startswith(key + "~"))):
            if variant in CATALOG:
                nl, en = CATALOG[variant]
                found.append((_pattern(nl), en))
    return tuple(found)


def _pattern(template: str) -> re.Pattern[str]:
    """A phrase template as a pattern that reads its parameters back."""
    regex = ""
    for literal, name, _, _ in string.Formatter().parse(template):
        regex += re.escape(literal)
        if name is not None:
            regex += f"(?P<{name}>.+?)"
    return re.compile(regex, re.DOTALL)


def problem_text(code: str, message: str, lang: Lang = "nl") -> str:
    """A problem's message (worded in Dutch where it was raised) in `lang`; as raised when no phrase fits."""
    if lang == "nl":
        return message
    for pattern, english in _problem_phrases(code):
        match = pattern.fullmatch(message)
        if match:
            # a list of options reads "'a' of 'b'" in Dutch
            params = {k: v.replace("' of '", "' or '") for k, v in match.groupdict().items()}
            return english.format(**params)
    return message
