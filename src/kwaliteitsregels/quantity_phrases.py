"""How a reason says a quantity: its label stays the fact's path for machines, a reader gets a phrase.

A quantity's label is made from its arguments when the ruleset compiles ("aantal urgent_orders",
"werkdagen van requested_on tot started_on") and is the path of the fact in the JSON report. A
reason says it in the reader's language with each field by its own label: "aantal spoedopdrachten",
"working days from date of the request to date the support started". The quantities register each
label with what it counts here; naming (`naming.Namer`) looks a label up when a path does not lead
to a field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kwaliteitsregels.models.common import Text

LABEL = "label"  # beside its form, a quantity may carry the ruleset's own words for it (a phrase of that form)
_MOST = 65_536  # labels come from rulesets' quantities: a bound, not a cache that could grow without end


@dataclass(frozen=True, slots=True)
class Phrase:
    """A quantity in words: the catalog phrase `quantity.<form>` with its fields by path, or operands joined."""

    form: str  # count, share, sum, average, min, max, days, working_days; or the symbol joining `operands`
    paths: dict[str, str] = field(default_factory=dict)  # placeholder → path, from the object the quantity reads
    operands: tuple[str, ...] = ()  # add, subtract, multiply, divide, label: the operands' labels (or paths, numbers)
    unit: str | None = None  # the unit its values are shown in: 'percent', 'eur', 'day', 'working_day' …
    text: Text | None = None  # the ruleset's own words for it (`label:`): said instead of the phrase
    filtered: bool = False  # over the items a `where` lets through: which of them count, naming cannot tell


PHRASES: dict[str, Phrase] = {}


def registered(label: str, phrase: Phrase) -> str:
    """`label`, remembered with its phrase (the first phrase a label gets is the one it keeps).

    Every label holds a space ("aantal x", "a / b") and a path to a field never does: naming looks a path
    up here only when it holds one.
    """
    if len(PHRASES) < _MOST:
        PHRASES.setdefault(label, phrase)
    return label


def divisors(label: str) -> Iterator[str]:
    """The labels (or paths, numbers) the quantity `label` and its operands divide by, in order."""
    phrase = PHRASES.get(label)
    if phrase is None:
        return
    for position, operand in enumerate(phrase.operands):
        if phrase.form == "/" and position > 0:
            yield operand
        yield from divisors(operand)


def over_items(label: str) -> Iterator[Phrase]:
    """The phrases that count or aggregate over items, of the quantity `label` and of its operands, in order."""
    phrase = PHRASES.get(label)
    if phrase is None:
        return
    if "items" in phrase.paths:
        yield phrase
    for operand in phrase.operands:
        yield from over_items(operand)


_ARITHMETIC = frozenset({"+", "−", "×", "/"})


def selected_counts(label: str) -> list[tuple[str, bool]] | None:
    """The counts of the items a `where` selects among the operands of `label`, each with whether it divides.

    None unless the quantity is arithmetic over fields, numbers and counts alone: only then do the counts
    account for a value naming finds no other cause for (a selected count that is 0 divides by 0; one with an
    item it cannot judge has no single value).
    """
    phrase = PHRASES.get(label)
    if phrase is not None and phrase.form == LABEL and len(phrase.operands) == 1:  # the ruleset's words for it
        return selected_counts(phrase.operands[0])
    if phrase is None or phrase.form not in _ARITHMETIC:
        return None
    found: list[tuple[str, bool]] = []
    for position, operand in enumerate(phrase.operands):
        inner = PHRASES.get(operand)
        if inner is None:  # a field or a number
            continue
        if inner.form == "count":
            if inner.filtered:
                found.append((operand, phrase.form == "/" and position > 0))
            continue
        deeper = selected_counts(operand)
        if deeper is None:
            return None
        found += [(name, divides or (phrase.form == "/" and position > 0)) for name, divides in deeper]
    return found


def operand_fields(label: str) -> Iterator[tuple[str, bool]]:
    """The fields a quantity is worked out from by arithmetic, each with whether it is a divisor, in order.

    Only fields that are operands themselves (`{field: …}`), not those counted or summed over items.
    """
    phrase = PHRASES.get(label)
    if phrase is None:
        return
    for position, operand in enumerate(phrase.operands):
        if operand in PHRASES:
            yield from operand_fields(operand)
        elif " " not in operand and not _NUMBER.match(operand):
            yield operand, phrase.form == "/" and position > 0


_NUMBER = re.compile(r"[-+]?\d")  # a constant's label (100, 0.5, 1E+2): a field's path starts with a letter
