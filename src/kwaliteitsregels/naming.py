"""Things by their names: a field path read against the object it was read from, as a reader says it.

`professionals[3].vog_issued_on` becomes "professional p4 (jeugdzorgwerker), VOG afgegeven op";
`products[4].tariff_eur` in a per-lot view "product 41A24 (Begeleiding groep, perceel 3a), tarief".
Labels and units come from the vocabulary (`x-label`, `x-unit` of each field), product titles and
declaration texts from the ruleset (its `Glossary`). Paths stay raw in JSON for machines; every
text meant for people names things through here. Names are made only when a text is asked for.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from kwaliteitsregels import messages
from kwaliteitsregels._durations import Duration
from kwaliteitsregels._keys import NOT_EXACT, exact, keep
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.introspection import fact_meta
from kwaliteitsregels.models.profile import CORE_VOCABULARY
from kwaliteitsregels.quantity_phrases import PHRASES, Phrase, divisors, operand_fields, over_items, selected_counts

if TYPE_CHECKING:
    from kwaliteitsregels.results import RequirementResult
    from kwaliteitsregels.trace import Context

_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
_INDEXES = re.compile(r"\[\d+\]")
_IDENTITY = ("id", "code", "name", "scheme", "registry", "kind")  # the fields that say which item it is
# steps a reader does not need: the lot view's profile; a declaration names itself
_UNNAMED = frozenset({"profile", "declarations"})
_LACKING_SHOWN = 5  # the items named that lack what an aggregate reads; the rest are counted
_NONE_WHEN_EMPTY = frozenset({"average", "min", "max", "share"})  # the quantities over items that none leave unknown
# the collections with a word of their own for one item (catalog `name.item.<collection>`)
_ITEMS = frozenset(
    {"professionals", "volunteers", "certificates", "insurances", "products", "registrations", "parties"}
)


# What a walk along a path found: the names of the items passed, the nearest group passed ("" for none), the
# last step's name, its unit, whether it holds codes of a code list (named by their labels), and whether it is
# a computed quantity. All but the items' names are the same for every path through items of the same types.
Walked = tuple[tuple[str, ...], str, str, str | None, bool, bool]
# Per item passed: its collection, the collection's name and the field a region's vocabulary names its items by.
Slot = tuple[str, str, str | None]
# What a walk along a path found before its items are named: the same for every profile whose objects along the
# path have the same types (the slots of the items passed, the group shown or "", then as `Walked`).
Plan = tuple[tuple[Slot, ...], str, str, str | None, bool, bool]
# A sentence cut around two parts that vary: (before, between, after, whether the first part is the subject).
Frame = tuple[str, str, str, bool]


@dataclass(frozen=True, slots=True)
class Glossary:
    """What a ruleset calls things: product titles by (lot, code) and by code, declaration texts."""

    products: Mapping[tuple[str | None, str], str] = field(default_factory=dict)
    declarations: Mapping[str, Any] = field(default_factory=dict)  # name → Text
    codes: Mapping[str, Any] = field(default_factory=dict)  # a code of the ruleset's own code lists → its label (Text)
    keys: Mapping[str, str] = field(
        default_factory=dict
    )  # a region's collection (dotted path) → the field naming an item
    units: Mapping[str, Any] = field(default_factory=dict)  # a unit the vocabularies declare → its UnitSpec
    walks: dict[tuple[Any, ...], Plan] = field(
        default_factory=dict, repr=False, compare=False
    )  # a path (its items' indexes aside), walked once for every profile read with this glossary (`Namer._walk`)
    phrases: dict[tuple[Any, ...], str] = field(
        default_factory=dict, repr=False, compare=False
    )  # a value (or an expectation) as shown, by how it is shown: the same for every provider (`Namer.value`)
    frames: dict[tuple[Any, ...], Frame] = field(
        default_factory=dict, repr=False, compare=False
    )  # a comparison's sentence around the names of its items and the value found (`explain._compared`)

    def product(self, code: str, lot: str | None) -> str | None:
        """The title of product `code` in `lot` (or in any lot)."""
        return self.products.get((lot, code)) or self.products.get((None, code))


EMPTY = Glossary()


def glossary(
    tables: Mapping[str, list[Any]],
    declarations: Mapping[str, Any],
    vocabularies: Iterable[Any] = (),
    units: Mapping[str, Any] | None = None,
) -> Glossary:
    """A ruleset's glossary: its products' titles, declarations' texts, codes' labels, collections' keys and units.

    The titles come from its `products` table (`name` or `title`); a key is the field that names an item of a
    collection its vocabularies add (`key:`). `units` are the units of every vocabulary in play, its bases'
    too (else those of `vocabularies`).
    """
    products: dict[tuple[str | None, str], str] = {}
    for row in tables.get("products", []):
        title = row.get("title") or row.get("name") if isinstance(row, dict) else None
        if isinstance(title, str) and row.get("code") is not None:
            code = str(row["code"])
            products.setdefault((str(row.get("lot")) if row.get("lot") is not None else None, code), title)
            products.setdefault((None, code), title)
    bodies = list(vocabularies)
    codes = {code: label for body in bodies for codes in body.codes.values() for code, label in codes.values.items()}
    keys = {path: spec.key for body in bodies for path, spec in body.collections.items() if spec.key is not None}
    if units is None:
        units = {name: spec for body in bodies for name, spec in body.units.items()}
    return Glossary(products, {name: spec.text for name, spec in declarations.items()}, codes, keys, units)


@dataclass(frozen=True, slots=True)
class Namer:
    """Names the paths read from `root` (a profile or a per-lot view) in a language."""

    root: Any
    glossary: Glossary = EMPTY
    lang: Lang = "nl"
    _walked: dict[str, Walked] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )  # path → what `_walk` found: a result's texts name the same facts several times
    _items: dict[tuple[str, str, int, int], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )  # (collection, label, id of the item, index) → its name: the facts of one item name it each time

    def name(self, path: str, label: str | None = None) -> str:
        """The path as a reader says it; `label` replaces the name of the last step (a count's own label)."""
        return self.within(path, 0, label)

    def within(self, path: str, items: int, label: str | None = None) -> str:
        """The path as a reader says it inside its first `items` items: 'VOG afgegeven op' of every professional."""
        names, group, leaf, _, _, _ = self._walk(path)
        context = (*names, group) if group else names
        if label is not None:
            leaf = label
        return ", ".join([*context[items:], leaf] if leaf else context[items:]) or path

    def walked(self, path: str) -> Walked:
        """What naming `path` found: its items' names, then what the rest of its name and its values depend on."""
        return self._walk(path)

    def label(self, path: str) -> str:
        """The name of the last step of `path` alone: 'in dienst sinds'."""
        return self._walk(path)[2] or path

    def sibling(self, path: str, field: str) -> str:
        """The name of `field` beside the fact at `path` (in the same item): the other date of a comparison."""
        parent = path.rpartition(".")[0] if "." in path.rpartition("]")[2] else ""
        return self.label(f"{parent}.{field}" if parent else field)

    def unit(self, path: str) -> str | None:
        """The unit of the fact at `path`, if it declares one."""
        return self._walk(path)[3]

    def value(self, path: str, item: Any, against: Any = None) -> str:
        """A value read at `path`, in the fact's unit (€ 72,80 for a tariff), a code by its label.

        A quantity's number is rounded for the reader (`messages.rounded`), never onto or across the
        number (or the tuple of numbers) it was compared `against`.
        """
        _, _, _, unit, coded, computed = self._walk(path)
        key = ("value", self.lang, unit, coded, computed, exact(item), exact(against) if computed else None)
        phrases = self.glossary.phrases
        found = phrases.get(key)
        if found is None:
            found = self._value(item, against, unit, coded=coded, computed=computed)
            if NOT_EXACT not in key[5:]:
                keep(phrases, key, found, SHARED_PHRASES)
        return found

    def shown_as(self, path: str) -> tuple[str | None, bool, bool]:
        """How a value at `path` is shown: its unit, whether it is a code of a code list, whether it is worked out."""
        _, _, _, unit, coded, computed = self._walk(path)
        return unit, coded, computed

    def _value(self, item: Any, against: Any, unit: str | None, *, coded: bool, computed: bool) -> str:
        shown = _code_label(item, self.lang, self.glossary.codes) if coded else item
        if computed and isinstance(shown, Decimal):
            shown = messages.rounded(shown, _numbers(against))
        own = self.glossary.units.get(unit) if unit is not None else None
        if own is None:
            return messages.value(shown, self.lang, unit=unit)
        many = own.label.get(self.lang)
        return messages.value(shown, self.lang, own=messages.OwnUnit(many, own.one.get(self.lang) if own.one else many))

    def fact(self, path: str, item: Any, against: Any = None) -> str:
        """'<name>: <value>': a fact read, by name and in its unit."""
        return messages.text("name.fact", self.lang, name=self.name(path), value=self.value(path, item, against))

    def unknown(self, path: str) -> tuple[str, str] | None:
        """Why the quantity at `path` has no value: the facts it lacks, a divisor that is 0, no items, or a selection.

        ('parts', the facts it lacks), ('zero', a divisor that is 0), ('empty', the items it averages or shares over
        when there are none), ('selected', the field an aggregate over the items a `where` selects reads: none is
        selected, one lacks the field, or one cannot be judged), ('zero_selected', a count of selected items that
        divides: it is 0, or an item cannot be judged) or ('undecided', a count of selected items with an item
        that cannot be judged). None when `path` is no quantity worked out from facts of the root, or none of these
        is found (or no root is known).
        """
        if " " not in path or self.root is None:
            return None
        fields = list(operand_fields(path))
        lacking = [name for name, _ in fields if _read(self.root, name) is None]
        if lacking:
            return "parts", messages.quoted((self.name(name) for name in dict.fromkeys(lacking)), self.lang)
        zero = next((name for name, divides in fields if divides and _read(self.root, name) == 0), None)
        zero = zero or next(filter(self._counts_nothing, divisors(path)), None)
        if zero is not None:
            return "zero", messages.quoted([self.name(zero)], self.lang)
        return next(filter(None, map(self._over_items, over_items(path))), None) or self._selected(path)

    def _selected(self, path: str) -> tuple[str, str] | None:
        """Why arithmetic over counts of the items a `where` selects has no value: naming cannot count them.

        As a divisor such a count may be 0; anywhere, an item it cannot judge leaves it without one value
        (`selected_counts`: only for arithmetic over fields, numbers and counts).
        """
        counts = selected_counts(path)
        if not counts:
            return None
        dividing = [name for name, divides in counts if divides]
        named = [self.name(name) for name in dict.fromkeys(dividing or [name for name, _ in counts])]
        return ("zero_selected" if dividing else "undecided"), messages.quoted(named, self.lang)

    def _counts_nothing(self, label: str) -> bool:
        """Whether `label` counts the items of a collection that has none (0, whatever its `where`)."""
        phrase = PHRASES.get(label)
        return phrase is not None and phrase.form == "count" and not _read(self.root, phrase.paths["items"])

    def _over_items(self, phrase: Phrase) -> tuple[str, str] | None:
        """Why an aggregate or share over items has no value: there are none, or items lack the field it reads.

        Which items a `where` lets through naming cannot tell: such an aggregate names the field, not the items.
        """
        collection = phrase.paths["items"]
        items = _read(self.root, collection)
        if not items:  # a sum or count of nothing is 0: with no items only these have no value
            return ("empty", self.name(collection)) if phrase.form in _NONE_WHEN_EMPTY else None
        field = phrase.paths.get("field", "").partition("].")[2]
        if not field:
            return None
        if phrase.filtered:
            return "selected", messages.quoted([self.label(phrase.paths["field"])], self.lang)
        lacking = [f"{collection}[{i}].{field}" for i, item in enumerate(items) if _read(item, field) is None]
        if not lacking:
            return None
        shown = [self.name(path) for path in lacking[:_LACKING_SHOWN]]
        if len(lacking) <= _LACKING_SHOWN:
            return "parts", messages.quoted(shown, self.lang)
        listed = messages.join((f"'{name}'" for name in shown), self.lang)
        return "parts", messages.text("list.more", self.lang, listed=listed, n=len(lacking) - _LACKING_SHOWN)

    def _walk(self, path: str) -> Walked:
        """(the items and nearest group passed, the name of the last step, its unit, codes?, a quantity?)."""
        found = self._walked.get(path)
        if found is None:
            found = self._walked[path] = self._walk_shared(path)
        return found

    def _walk_shared(self, path: str) -> Walked:
        """A walk's plan reads nothing of the profile but the types it passes: made once per glossary.

        Remembered by the path with its items' indexes left out and the types of the objects along it (a
        region's facts make models of their own), the root's and the language; only the items passed are
        named for this root. A quantity computed inside an item names its parts from the item: not shared.
        """
        types, passed = _along(self.root, path)
        key = (indexless(path), self.lang, type(self.root), *types)
        walks = self.glossary.walks
        plan = walks.get(key)
        if plan is None:
            plan = self._plan(path)
            shared = not (plan[0] and plan[5])
            if shared and len(walks) < _SHARED_WALKS:
                walks[key] = plan
        slots, group, leaf, unit, coded, computed = plan
        if not slots:
            return (), group, leaf, unit, coded, computed
        names = tuple(  # the plan has a slot for each item passed until its walk ended: `passed` may go on
            [
                self._item(collection, label, item, index, declared)
                for (collection, label, declared), (item, index) in zip(slots, passed, strict=False)
            ]
        )
        return names, group, leaf, unit, coded, computed

    def _plan(self, path: str) -> Plan:
        steps = list(_steps(path))
        root = type(self.root)
        if steps and _via_profile(root, steps[0][1]):
            steps.insert(0, (None, "profile"))
        walk = _Walk(self.root, type(self.root))
        below = "profile." if _has(root, "profile") else ""  # a lot view: its profile's collections start below it
        labels = " " in path  # a quantity's label has a space, a path to a field never
        for position, (index, key) in enumerate(steps):
            starts = position == 0 or steps[position - 1][0] is not None or steps[position - 1][1] == "profile"
            phrase = PHRASES.get(_rest(steps, position)) if labels and starts and index is None else None
            if phrase is not None:  # a quantity's label, read here (at the root or in an item): its phrase
                walk.group, walk.leaf, walk.unit, walk.tp = "", self._quantity(phrase, walk.obj), phrase.unit, None
                walk.computed = True
                break
            if index is not None:
                items = walk.obj if isinstance(walk.obj, list) else []
                walk.obj = items[index] if index < len(items) else None
                walk.tp = introspection.list_item(walk.tp)
                keys = self.glossary.keys
                declared = keys.get(".".join(walk.fields).removeprefix(below)) if keys else None
                walk.items.append((walk.collection, walk.leaf, declared))
                walk.group = walk.leaf = ""
                walk.unit = None
            elif walk.collection == "declarations":
                walk.group, walk.leaf = "", self._entry(walk.collection, key)
                walk.obj, walk.tp, walk.collection = None, None, key
            elif _has(type(walk.obj) if isinstance(walk.obj, BaseModel) else walk.tp, key):
                walk.step(key, self.lang)
            else:
                walk.group, walk.leaf, walk.unit, walk.tp = "", _rest(steps, position), None, None
                break
        shown_group = walk.group and walk.group.casefold() not in walk.leaf.casefold()
        group = walk.group if shown_group else ""
        return tuple(walk.items), group, walk.leaf, walk.unit, _is_code(walk.tp), walk.computed

    def _quantity(self, phrase: Phrase, obj: Any) -> str:
        """A quantity in words: 'aantal spoedopdrachten'.

        Its fields are named from `obj`, the object the quantity read (the item of an `every`, or the root).
        A quantity the ruleset labelled is said in its label.
        """
        if phrase.text is not None:
            return phrase.text.get(self.lang)
        names = self if obj is self.root else Namer(obj, self.glossary, self.lang)
        if phrase.operands:
            shown = [names.name(operand) for operand in phrase.operands]
            return f" {phrase.form} ".join(f"({part})" if " " in part else part for part in shown)
        said = {slot: (names.label if slot == "field" else names.name)(path) for slot, path in phrase.paths.items()}
        form = "count_selected" if phrase.form == "count" and phrase.filtered else phrase.form
        return messages.text(f"quantity.{form}", self.lang, **said)

    def _entry(self, collection: str, key: str) -> str:
        if collection == "declarations":
            text = self.glossary.declarations.get(key)
            shown = text.get(self.lang).strip().rstrip(".") if text is not None else key
            return messages.text("name.declaration", self.lang, text=shown)
        return key

    def _item(self, collection: str, label: str, item: Any, index: int, declared: str | None = None) -> str:
        """'professional p4 (jeugdzorgwerker)', 'product 41A24 (Begeleiding groep, perceel 3a)', 'nr. 2'.

        `declared`: the field a region's vocabulary names the collection's items by (`key:`), if it does.
        Remembered while the namer lives, as long as the root it names holds the item (its `id` stays its own).
        """
        key = (collection, label, id(item), index)
        found = self._items.get(key)
        if found is None:
            found = self._items[key] = self._item_named(collection, label, item, index, declared)
        return found

    def _item_named(self, collection: str, label: str, item: Any, index: int, declared: str | None) -> str:
        lang, values = self.lang, _values(item)
        key = declared if declared is not None and values.get(declared) is not None else _identity(values)
        kind = collection if collection in _ITEMS else "other"
        shown = ""
        if key is not None:
            found = values[key]
            shown = str(_code_label(found, lang, self.glossary.codes) if _codes_at(type(item), key) else found)
            if kind == "other":
                shown = f"'{shown}'"
        if not shown:
            shown = messages.text("name.number", lang, n=index + 1)
        text = messages.text(f"name.item.{kind}", lang, id=shown, label=label or collection)
        details = self._details(collection, item)
        return f"{text} ({', '.join(details)})" if details else text

    def _details(self, collection: str, item: Any) -> list[str]:
        if collection == "products":
            lot = getattr(item, "lot", None)
            title = self.glossary.product(str(getattr(item, "code", "")), str(lot) if lot is not None else None)
            lot_text = messages.text("lot", self.lang, lot=lot) if lot is not None else None
            return [part for part in (title, lot_text) if part]
        role = getattr(item, "role", None) if collection == "professionals" else None
        return [str(role)] if role else []


def _rest(steps: Sequence[tuple[int | None, str]], position: int) -> str:
    """The path from step `position` on, as written: `professionals[2].vog_issued_on`."""
    return ".".join(k if i is None else f"[{i}]" for i, k in steps[position:]).replace(".[", "[")


_SHARED_WALKS = 4096  # per glossary: the paths its rules read, in a few languages and models
SHARED_PHRASES = 8192  # per glossary: the values and expectations its texts show, by how they are shown


def _along(root: Any, path: str) -> tuple[list[type], list[tuple[Any, int]]]:
    """The type of each object a walk along `path` reaches, and each item it passes with its index.

    The walk goes as `Namer._plan` goes: through a lot view's profile, and past a declaration's entry to nothing.
    """
    steps = _steps(path)
    obj = root
    if steps and _via_profile(type(root), steps[0][1]):
        obj = getattr(root, "profile", None)
    found = [type(obj)]
    passed: list[tuple[Any, int]] = []
    previous = ""
    for index, key in steps:
        if index is not None:
            obj = obj[index] if isinstance(obj, list) and index < len(obj) else None
            passed.append((obj, index))
        else:
            obj = None if previous == "declarations" else getattr(obj, key, None)
            previous = key
        found.append(type(obj))
    return found, passed


def walk_types(root: Any, path: str) -> tuple[type, ...]:
    """The type of each object a walk along `path` from `root` reaches: what its steps' names are taken from."""
    fields = _fields(path)
    if fields is None:
        return tuple(_along(root, path)[0])
    obj = getattr(root, "profile", None) if _via_profile(type(root), fields[0]) else root
    found = [type(obj)]
    for key in fields:  # `_along` without items or declarations to step past: asked for every text shared
        obj = getattr(obj, key, None)
        found.append(type(obj))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _fields(path: str) -> tuple[str, ...] | None:
    """The fields along `path` when it passes no item and no declaration (else None): a walk of getattr alone."""
    steps = _steps(path)
    if not steps or any(index is not None or key == "declarations" for index, key in steps):
        return None
    return tuple(key for _, key in steps)


@introspection.by_type
def _via_profile(root: type, first: str) -> bool:
    """Whether a path starting at field `first` is read through the `profile` of a root of type `root` (a lot view).

    Asked for every path a text names: remembered per type and field.
    """
    return first != "profile" and not _has(root, first) and _has(root, "profile")


@functools.lru_cache(maxsize=4096)
def indexless(path: str) -> str:
    """The path with its items' indexes left out: `professionals[].vog_issued_on` (remembered: paths recur)."""
    return _INDEXES.sub("[]", path)


@dataclass(slots=True)
class _Walk:
    """Where a walk along a path is: the object reached, the items passed, the nearest group, the last step."""

    obj: Any
    tp: Any  # the type the path has reached: names the fields of a group that is not there (null)
    items: list[Slot] = field(default_factory=list)  # the items passed
    fields: list[str] = field(default_factory=list)  # the fields passed, items aside: a collection's dotted path
    group: str = ""
    leaf: str = ""
    unit: str | None = None
    collection: str = ""
    labelled: bool = False
    computed: bool = False  # the path ends in a quantity: its numbers are shown rounded

    def step(self, key: str, lang: Lang) -> None:
        """One field further: the last step becomes the nearest group when it was one."""
        if isinstance(self.obj, BaseModel):  # the model it was read with: a region's facts are on it too
            self.tp = type(self.obj)
        grouping, labelled, unit, child, leaf = _field(self.tp, key, lang)
        if self.leaf and self.labelled and grouping:
            self.group = self.leaf  # a group without a label of its own is passed over in silence
        self.labelled, self.unit, self.collection, self.obj = labelled, unit, key, getattr(self.obj, key, None)
        self.fields.append(key)
        self.tp, self.leaf = child, leaf


def _field(tp: Any, key: str, lang: Lang) -> tuple[bool, bool, str | None, Any, str]:
    """What one step to field `key` of `tp` finds, by types alone (remembered, unless `tp` cannot be hashed)."""
    try:
        return _field_remembered(tp, key, lang)
    except TypeError:
        return _field_found(tp, key, lang)


@functools.lru_cache(maxsize=4096)
def _field_remembered(tp: Any, key: str, lang: Lang) -> tuple[bool, bool, str | None, Any, str]:
    return _field_found(tp, key, lang)


def _field_found(tp: Any, key: str, lang: Lang) -> tuple[bool, bool, str | None, Any, str]:
    """(whether `tp` is a model, whether the field has a label, its unit, its type, its name in a sentence)."""
    meta = fact_meta(tp, key)
    label = meta.label or {}
    shown = label.get(lang) or label.get("nl")
    leaf = "" if key in _UNNAMED else _lower(shown or key)
    child = introspection.child(tp, key)
    unit = meta.unit or ("day" if introspection.unwrap(child) is Duration else None)  # compared in days
    return introspection.model_class(tp) is not None, shown is not None, unit, child, leaf


def _identity(values: Mapping[str, Any]) -> str | None:
    """The first of the fields that say which item it is that the item has (`_IDENTITY`), if any."""
    for key in _IDENTITY:
        if values.get(key) is not None:
            return key
    return None


def _values(item: Any) -> Mapping[str, Any]:
    """An item's fields by name (a model's own and its extra ones): asking a model for a field it lacks is slow."""
    if isinstance(item, BaseModel):
        extra = item.__pydantic_extra__
        return item.__dict__ | extra if extra else item.__dict__
    return {k: value for k in _IDENTITY if (value := getattr(item, k, None)) is not None}


def namer(result: RequirementResult, lang: Lang = "nl") -> Namer:
    """The namer for the texts of `result`: its root and its ruleset's glossary."""
    return result.remembered(("namer", lang), _namer, result, lang)


def _namer(result: RequirementResult, lang: Lang) -> Namer:
    return shared(result.context, result.root, result.requirement.glossary, lang)


def shared(context: Context | None, root: Any, glossary: Glossary, lang: Lang) -> Namer:
    """One namer per root, glossary and language in an evaluation: its results read the same facts.

    Kept by the evaluation's `context`, which outlives none of its results; without one, a new namer.
    """
    if context is None:
        return Namer(root, glossary, lang)
    key = (id(root), id(glossary), lang)
    found: Namer | None = context.names.get(key)
    if found is None:
        found = context.names[key] = Namer(root, glossary, lang)
    return found


def _code_labels() -> dict[str, Any]:
    """Every code of the core vocabulary's code lists with its label (the first list that has it)."""
    found: dict[str, Any] = {}
    for codes in CORE_VOCABULARY.codes.values():
        for code, label in codes.values.items():
            found.setdefault(code, label)
    return found


_CODE_LABELS = _code_labels()


@introspection.by_type
def _codes_at(item: type, key: str) -> bool:
    """Whether field `key` of an item of type `item` holds codes of a code list: named by their labels.

    Asked for every item a text names, of a few item types: remembered per type (the item naming it is not).
    """
    return _is_code(introspection.child(item, key))


def _is_code(tp: Any) -> bool:
    """Whether a field of type `tp` holds codes of a code list (or a list of them): a `Literal` type."""
    return typing.get_origin(introspection.unwrap(introspection.list_item(tp) or tp)) is typing.Literal


def _code_label(item: Any, lang: Lang, own: Mapping[str, Any]) -> Any:
    """The label of a code (of each code of a list); a value that is no known code stays as it is."""
    if isinstance(item, list | tuple):
        return [_code_label(i, lang, own) for i in item]
    label = (own.get(item) or _CODE_LABELS.get(item)) if isinstance(item, str) else None
    return label.get(lang) if label is not None else item


def _numbers(against: Any) -> tuple[Decimal, ...]:
    """The numbers among what a value was compared with (one value, or a tuple of them)."""
    items = against if isinstance(against, tuple) else (against,)
    return tuple(item for item in items if isinstance(item, Decimal))


def _read(root: Any, path: str) -> Any:
    """The value at the dotted `path` of `root` (of its profile, for a lot view); None where it stops."""
    obj = root.profile if _via_profile(type(root), path.partition(".")[0]) else root
    for key in path.split("."):
        obj = getattr(obj, key, None)
        if obj is None:
            return None
    return obj


@functools.lru_cache(maxsize=4096)
def _steps(path: str) -> tuple[tuple[int | None, str], ...]:
    """`professionals[2].vog_issued_on` → (None, 'professionals'), (2, ''), (None, 'vog_issued_on')."""
    return tuple((int(index) if index else None, key) for index, key in _STEP.findall(path))


def _has(tp: Any, key: str) -> bool:
    """Whether the model `tp` stands for has a field `key` (remembered per type, unless it cannot be hashed)."""
    try:
        return _has_remembered(tp, key)
    except TypeError:
        return _has_field(tp, key)


@functools.lru_cache(maxsize=4096)
def _has_remembered(tp: Any, key: str) -> bool:
    return _has_field(tp, key)


def _has_field(tp: Any, key: str) -> bool:
    model = introspection.model_class(tp)
    return model is not None and key in model.model_fields


@functools.lru_cache(maxsize=4096)
def _lower(label: str) -> str:
    """A label inside a sentence: 'Klachtencommissie' → 'klachtencommissie'; 'VECOZO', 'Chamber of Commerce' stay."""
    words = label.split(" ")
    proper = words[0][1:] != words[0][1:].lower() or any(w[:1].isupper() for w in words[1:3])
    return label if proper else label[0].lower() + label[1:]
