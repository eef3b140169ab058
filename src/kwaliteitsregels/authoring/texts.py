"""Fix hints for the authoring tools, by problem code, Dutch first (their phrases are in `messages`)."""

from __future__ import annotations

from kwaliteitsregels.messages import Lang

# Fix hints by problem code: exact code first, then the part before the first dot (a family), then generic.
HINTS: dict[str, tuple[str, str]] = {
    "yaml-syntax": (
        "controleer inspringing, dubbele punten en aanhalingstekens",
        "check indentation, colons and quotes",
    ),
    "yaml-tag": (
        "verwijder de tag: alleen gewone YAML-waarden zijn toegestaan",
        "remove the tag: only plain YAML values",
    ),
    "yaml-merge": ("schrijf de waarden uit in plaats van '<<'", "write the values out instead of '<<'"),
    "yaml-value": ("schrijf de waarde anders of zet hem tussen aanhalingstekens", "rewrite the value or quote it"),
    "duplicate-key": ("verwijder of hernoem een van beide sleutels", "remove or rename one of the two keys"),
    "key-type": ('zet de sleutel tussen aanhalingstekens, bijvoorbeeld "1"', 'quote the key, for example "1"'),
    "file-not-found": ("controleer het pad", "check the path"),
    "file-unreadable": ("controleer de rechten op het bestand", "check the file's permissions"),
    "encoding": ("sla het bestand op als UTF-8", "save the file as UTF-8"),
    "not-a-mapping": ("begin het bestand met 'sleutel: waarde'-regels", "start the file with 'key: value' lines"),
    "too-large": ("splits het bestand", "split the file"),
    "too-many-nodes": ("verwijder ankers en aliassen (&, *)", "remove anchors and aliases (&, *)"),
    "too-deep": ("maak de structuur minder diep", "flatten the structure"),
    "schema.missing": ("voeg het veld toe", "add the field"),
    "schema.extra_forbidden": ("verwijder het veld of corrigeer de naam", "remove the field or fix its name"),
    "schema.literal_error": ("kies een van de toegestane waarden", "pick one of the allowed values"),
    "schema.value_error": ("pas de waarde aan zoals de melding zegt", "change the value as the message says"),
    "schema": ("pas de waarde aan aan het schema (kwaliteitsregels schema …)", "make the value fit the schema"),
    "condition-shape": (
        "schrijf de voorwaarde als één sleutelwoord: {equals: {…}}",
        "write one keyword: {equals: {…}}",
    ),
    "unknown-keyword": ("gebruik een sleutelwoord uit docs/ruleset-language.md", "use a keyword from the docs"),
    "unknown-field": ("gebruik een veld uit docs/profile.md", "use a field from docs/profile.md"),
    "path-into-list": ("gebruik every of count om in een lijst te kijken", "use every or count to look into a list"),
    "field-kind": ("kies een sleutelwoord dat bij dit soort veld past", "pick a keyword that fits this kind of field"),
    "not-a-list": ("geef een lijst van objecten (bijvoorbeeld professionals)", "give a list of objects"),
    "value-type": ("geef een waarde van het type van het veld", "give a value of the field's type"),
    "unknown-table": ("definieer de tabel onder 'tables' of corrigeer de naam", "define the table under 'tables'"),
    "table-column": ("geef een kolom die elke rij heeft", "name a column every row has"),
    "unknown-declaration": ("definieer de verklaring onder 'declarations'", "define it under 'declarations'"),
    "unknown-evidence-type": (
        "gebruik een soort uit de gedeelde woordenlijst of definieer hem onder 'evidence_types'",
        "use a shared evidence type or define it under 'evidence_types'",
    ),
    "evidence-redefined": ("verwijder de eigen definitie", "remove the ruleset's own definition"),
    "unknown-category": ("definieer de categorie onder 'categories'", "define the category under 'categories'"),
    "duplicate-id": ("geef elke eis een eigen id", "give every requirement its own id"),
    "duplicate-case": ("geef elk testgeval een eigen naam", "give every case its own name"),
    "unknown-requirement": ("gebruik een id uit de regelset", "use an id from the ruleset"),
    "unknown-ruleset": ("gebruik de naam van een meegeleverde regelset of een pad", "use a bundled name or a path"),
    "count-bounds": ("geef min en/of max", "give min and/or max"),
    "at-least-too-many": ("verlaag n of voeg voorwaarden toe", "lower n or add conditions"),
    "validity-window": ("zet valid_to op of na valid_from", "put valid_to on or after valid_from"),
    "requirement-window-empty": ("zet valid_to op of na valid_from", "put valid_to on or after valid_from"),
    "requirement-window-outside": (
        "laat het venster van de eis overlappen met dat van de regelset, of verwijder de eis",
        "make the window overlap the ruleset's, or remove the requirement",
    ),
    "when-never-applies": (
        "maak de 'when'-voorwaarde vervulbaar, of verwijder de eis",
        "make the 'when' condition satisfiable, or remove the requirement",
    ),
    "explain-unreachable": (
        "verwijder de explain-route, of maak de voorwaarde echt toetsbaar",
        "remove the explain route, or make the condition a real test",
    ),
    "schema-modeline": (
        "laat $schema wijzen naar schemas/<soort>.schema.json (relatief aan dit bestand)",
        "point $schema at schemas/<kind>.schema.json (relative to this file)",
    ),
    "unknown-kind": (
        "zet bovenaan '# yaml-language-server: $schema=…/profile.schema.json' (of ruleset/test), of geef --kind",
        "add a '# yaml-language-server: $schema=…' modeline, or pass --kind",
    ),
    "case-peildatum": (
        "geef een peildatum in het geval of bovenaan het bestand",
        "give a peildatum in the case or file",
    ),
    "case-ruleset": (
        "zet het bestand in <regelset>/tests/ of geef 'ruleset:'",
        "put the file in <ruleset>/tests/ or give 'ruleset:'",
    ),
    "ruleset-not-in-force": (
        "kies een peildatum binnen de geldigheid van de regelset",
        "pick a date the ruleset is in force",
    ),
}
_GENERIC = ("zie docs/ruleset-language.md en docs/tooling.md", "see docs/ruleset-language.md and docs/tooling.md")


def hint(code: str, lang: Lang = "nl") -> str:
    """A short fix hint for a problem code (a keyword's argument errors, `equals.schema.missing`, included)."""
    parts = code.split(".")
    candidates = [code, *(".".join(parts[i:]) for i in range(1, len(parts))), parts[0]]
    candidates += [c.split(".")[0] for c in candidates]
    nl, en = next((HINTS[c] for c in candidates if c in HINTS), _GENERIC)
    return en if lang == "en" else nl
