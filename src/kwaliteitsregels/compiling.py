"""Models → compiled ruleset: every keyword, field path, table and reference resolved at load time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import functools
import operator
import typing
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from kwaliteitsregels import _choices, _numbers, _validation, named_conditions, naming
from kwaliteitsregels._durations import Duration
from kwaliteitsregels._yaml import Located, Path
from kwaliteitsregels.checks import REGISTRY, Builder
from kwaliteitsregels.errors import Problem, RulesetError
from kwaliteitsregels.facts.building import CORE, ProfileModels, merge, models_for
from kwaliteitsregels.facts.units import BUILTIN_UNITS
from kwaliteitsregels.facts.vocabulary import VocabularyBody
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.common import Lang, Text
from kwaliteitsregels.models.ruleset import Contradiction, EvidenceSpec, Requirement, Ruleset
from kwaliteitsregels.stages import DUE_AT, STAGE_ORDER, STAGES
from kwaliteitsregels.trace import Check, Context, Node
from kwaliteitsregels.vocabulary import EVIDENCE_TYPES, THEMES

LAW_DOMAINS = {"jeugdwet": frozenset({"jeugdwet"}), "wmo": frozenset({"wmo"}), "both": frozenset({"jeugdwet", "wmo"})}


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


class _InvalidError(Exception):
    """Raised inside a keyword's build after its problem was recorded."""


def _kind(annotation: Any) -> str:
    tp = introspection.unwrap(annotation)
    origin = typing.get_origin(tp)
    kinds: list[tuple[bool, str]] = [
        (tp is dt.date, "date"),
        (tp is Duration, "duration"),
        (tp is bool, "bool"),
        (tp in (int, float, decimal.Decimal), "number"),
        (tp is str or origin is typing.Literal, "text"),
        (origin is list, "list"),
    ]
    return next((kind for matches, kind in kinds if matches), "object")


def _getter(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """Read the field; a missing object on the way reads as None. One name is a C call, no Python frame."""
    if len(names) == 1:
        return operator.attrgetter(names[0])
    if len(names) == 2:  # the common `group.fact`, unrolled
        first, second = operator.attrgetter(names[0]), operator.attrgetter(names[1])

        def get_two(obj: Any) -> Any:
            if obj is None:
                return None
            middle = first(obj)
            return None if middle is None else second(middle)

        return get_two

    def get(obj: Any) -> Any:
        for name in names:
            if obj is None:
                return None
            obj = getattr(obj, name)
        return obj

    return get


class FieldPath:
    """A resolved field path: how to read it, what type it has, its unit and its label."""

    __slots__ = ("adapter", "get", "kind", "label", "path", "unit")

    def __init__(
        self, path: str, names: tuple[str, ...], annotation: Any, meta: introspection.FactMeta | None = None
    ) -> None:
        meta = meta or introspection.FactMeta()
        self.path = path
        self.kind = _kind(annotation)
        self.get = _getter(names)
        self.adapter = _adapter(annotation)
        self.unit = meta.unit
        self.label = meta.label

    def coerce(self, value: Any) -> Any:
        """`value` validated as a value of this field."""
        coerced = self.adapter.validate_python(value)
        _numbers.refuse_bools(value, coerced, self.path)
        return coerced


@dataclass(slots=True)
class _Compiler:
    ruleset: Ruleset
    located: Located | None
    source: str
    problems: list[Problem]
    models: ProfileModels = CORE
    refutations: dict[str, Check] = dataclasses.field(default_factory=dict)  # declaration → facts that refute it
    reads: set[str] = dataclasses.field(default_factory=set)  # `Model.path` of every field a condition reads

    def problem(self, loc: Path, code: str, message: str, suggestion: str | None = None) -> None:
        line, column = self.located.where(loc) if self.located else (None, None)
        self.problems.append(
            Problem(
                code,
                message,
                file=self.source,
                line=line,
                column=column,
                path=_validation.dotted(loc),
                suggestion=suggestion,
            ),
        )

    def compile(self, raw: Any, model: Any, loc: Path) -> Check:
        try:
            return self._compile(raw, model, loc)
        except _InvalidError:
            return _never

    def _compile(self, raw: Any, model: Any, loc: Path) -> Check:
        if not isinstance(raw, dict) or len(raw) != 1:
            self.problem(loc, "condition-shape", "een voorwaarde is een mapping met precies één sleutelwoord")
            raise _InvalidError
        ((name, args),) = raw.items()
        if name == named_conditions.USE:  # a use that could not be expanded: its problem is recorded already
            raise _InvalidError
        keyword = REGISTRY.get(name)
        if keyword is None:
            self.problem(
                (*loc, name),
                "unknown-keyword",
                f"onbekend sleutelwoord '{name}'",
                _validation.closest(name, list(REGISTRY)),
            )
            raise _InvalidError
        parsed = self.arguments(keyword.args, args, (*loc, name), keyword.name)
        return keyword.build(parsed, _Scope(self, model, (*loc, name)))

    def arguments(self, args_type: Any, args: Any, loc: Path, name: str) -> Any:
        """`args` validated as `args_type`; every problem recorded under `name`, then _InvalidError."""
        try:
            parsed = _adapter(args_type).validate_python(args)
            _numbers.refuse_bools(args, parsed, name)
        except ValidationError as exc:
            for found in _validation.problems(exc, BaseModel, None, self.source):
                sub = tuple(part for part in (found.path or "").replace("[", ".").replace("]", "").split(".") if part)
                parts = tuple(int(p) if p.isdigit() else p for p in sub)
                self.problem((*loc, *parts), f"{name}.{found.code}", found.message, found.suggestion)
            raise _InvalidError from None
        return parsed


def _never(obj: Any, ctx: Context) -> Node:  # noqa: ARG001 - stands in for a condition that failed to compile
    return Node("invalid", None)


@dataclass(slots=True)
class _Scope(Builder):
    compiler: _Compiler
    model: Any
    loc: Path

    def condition(self, raw: Any, *at: str | int) -> Check:
        return self.compiler.compile(raw, self.model, (*self.loc, *at))

    def _resolve(self, path: str, at: tuple[str | int, ...]) -> tuple[tuple[str, ...], Any, introspection.FactMeta]:
        current: Any = self.model
        meta = introspection.FactMeta()
        names = tuple(path.split("."))
        for i, name in enumerate(names):
            if introspection.list_item(current) is not None and introspection.model_class(
                introspection.list_item(current)
            ):
                self.fail("path-into-list", f"'{'.'.join(names[:i])}' is een lijst: gebruik every of count", *at)
                raise _InvalidError
            annotation = introspection.child(current, name)
            if annotation is None or introspection.model_class(current) is None:
                options = introspection.field_names(current)
                self.fail(
                    "unknown-field", f"onbekend profielveld '{path}'", *at, suggestion=_suggest(names, i, options)
                )
                raise _InvalidError
            meta = introspection.fact_meta(current, name)
            current = annotation
        return names, current, meta

    def field(self, path: str, kinds: frozenset[str], *at: str | int) -> FieldPath:
        names, annotation, meta = self._resolve(path, at)
        field = FieldPath(path, names, annotation, meta)
        self.compiler.reads.add(f"{getattr(self.model, '__name__', self.model)}.{path}")
        if field.kind not in kinds:
            self.fail(
                "field-kind", f"veld '{path}' is van soort '{field.kind}', verwacht: {', '.join(sorted(kinds))}", *at
            )
            raise _InvalidError
        return field

    def items(self, path: str, *at: str | int) -> tuple[FieldPath, Builder]:
        names, annotation, meta = self._resolve(path, at)
        item = introspection.list_item(annotation)
        if item is None or introspection.model_class(item) is None:
            self.fail("not-a-list", f"veld '{path}' is geen lijst van objecten", *at)
            raise _InvalidError
        self.compiler.reads.add(f"{getattr(self.model, '__name__', self.model)}.{path}")
        # the item scope stays at the keyword: its conditions are located by their own keys (`where`, `check`)
        return FieldPath(path, names, annotation, meta), _Scope(self.compiler, item, self.loc)

    def root_items(self, path: str, *at: str | int) -> tuple[FieldPath, Builder]:
        root = _Scope(self.compiler, self.compiler.models.profile, self.loc)
        return root.items(path, *at)

    def at_lot(self) -> bool:
        return self.model is self.compiler.models.lot_view

    def table(self, name: str, *at: str | int) -> list[Any]:
        tables = self.compiler.ruleset.tables
        if name not in tables:
            self.fail(
                "unknown-table", f"onbekende tabel '{name}'", *at, suggestion=_validation.closest(name, list(tables))
            )
            raise _InvalidError
        return tables[name]

    def units(self) -> Collection[str]:
        return BUILTIN_UNITS.keys() | self.compiler.models.vocabulary.units.keys()

    def declaration(self, name: str, *at: str | int) -> tuple[str, Check | None]:
        known = self.compiler.ruleset.declarations
        if name not in known:
            self.fail(
                "unknown-declaration",
                f"onbekende verklaring '{name}'",
                *at,
                suggestion=_validation.closest(name, list(known)),
            )
            raise _InvalidError
        return name, self.compiler.refutations.get(name)

    def value(self, field: Any, value: Any, *at: str | int) -> Any:
        try:
            return field.coerce(value)
        except ValidationError as exc:
            found = _validation.problems(exc, BaseModel, None, self.compiler.source)[0]
            self.fail(
                "value-type",
                f"waarde {value!r} past niet bij veld '{field.path}': {found.message}",
                *at,
                suggestion=found.suggestion,
            )
            raise _InvalidError from None

    def arguments(self, args_type: Any, raw: Any, *at: str | int) -> Any:
        try:
            return self.compiler.arguments(args_type, raw, (*self.loc, *at), str(at[-1]) if at else "")
        except _InvalidError:
            return None

    def fail(self, code: str, message: str, *at: str | int, suggestion: str | None = None) -> None:
        self.compiler.problem((*self.loc, *at), code, message, suggestion)


def _suggest(names: tuple[str, ...], index: int, options: list[str]) -> str | None:
    best = _validation.closest(names[index], options)
    return ".".join((*names[:index], best, *names[index + 1 :])) if best else None


@dataclass(frozen=True, slots=True)
class CompiledRequirement:
    """A requirement ready to evaluate: its model, compiled conditions, and what it needs per stage."""

    spec: Requirement
    index: int
    law_domains: frozenset[str]
    when: Check | None
    condition: Check | None
    evidence_titles: dict[str, Text]
    stage_rank: int
    evidence_due: tuple[tuple[EvidenceSpec, ...], ...]  # by stage rank: the requirement's own documents due by then
    route_due: tuple[tuple[EvidenceSpec, ...], ...]  # by stage rank: the explain route's documents due by then
    assessor: bool
    windowed: bool
    line: int | None = None  # where the requirement starts in the ruleset file, when read from one
    reads: frozenset[str] = frozenset()  # what the condition checks: `Model.path` of every field it reads
    glossary: naming.Glossary = naming.EMPTY  # what the ruleset calls things: product titles, declaration texts
    texts: dict[tuple[Any, ...], Any] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )  # the texts of results every provider with the same facts gets (`shared_texts`)

    @property
    def id(self) -> str:
        """The source's own id."""
        return self.spec.id

    def evidence_title(self, kind: str, lang: Lang = "nl") -> str:
        """The name of an evidence type, from the ruleset or the shared vocabulary."""
        if not isinstance(kind, str) or kind not in self.evidence_titles:
            raise _choices.unknown("soort bewijsstuk", kind, [k for k in self.evidence_titles if isinstance(k, str)])
        return self.evidence_titles[kind].get(_choices.lang(lang))


@dataclass(frozen=True, slots=True)
class CompiledContradiction:
    """A contradiction ready to check against a whole profile."""

    spec: Contradiction
    check: Check
    affects: frozenset[str]


@dataclass(frozen=True, slots=True)
class CompiledRuleset:
    """A validated, compiled ruleset: evaluate many profiles against it."""

    spec: Ruleset
    requirements: tuple[CompiledRequirement, ...]
    source: str
    content_hash: str
    requirement_ids: frozenset[str]
    bases: tuple[CompiledRuleset, ...] = ()
    models: ProfileModels = CORE  # the profile model built from the vocabularies of this ruleset and its bases
    contradictions: tuple[CompiledContradiction, ...] = ()
    in_play: frozenset[str] = frozenset()  # this ruleset's id and those it builds on, transitively
    declaration_names: frozenset[str] = frozenset()  # the declarations of this ruleset and those it builds on

    def lineage(self) -> dict[str, CompiledRuleset]:
        """The bases of this ruleset, their bases and so on, by id (this ruleset not included)."""
        found: dict[str, CompiledRuleset] = {}
        for base in self.bases:
            found[base.id] = base
            found.update(base.lineage())
        return found

    @property
    def id(self) -> str:
        """The ruleset's id."""
        return self.spec.id

    def _repr_html_(self) -> str:
        from kwaliteitsregels.reporting.html import render_ruleset  # noqa: PLC0415 - reporting builds on this module

        return render_ruleset(self)


@dataclass(frozen=True, slots=True)
class VocabularySource:
    """A vocabulary a ruleset imports, as read from its file."""

    body: VocabularyBody
    located: Located | None
    source: str


def compile_ruleset(  # noqa: PLR0913, PLR0917 - every input of a compiled ruleset, named
    ruleset: Ruleset,
    located: Located | None,
    source: str,
    content_hash: str,
    bases: tuple[CompiledRuleset, ...] = (),
    imports: tuple[VocabularySource, ...] = (),
) -> CompiledRuleset:
    """Resolve and check everything; raise RulesetError with every problem found."""
    compiler = _Compiler(ruleset, located, source, [])
    ruleset = compiler.ruleset = named_conditions.expand(ruleset, located, compiler.problem)
    compiler.models = _models(ruleset, bases, imports, compiler)
    compiler.refutations = {
        name: compiler.compile(spec.refuted_by, compiler.models.profile, ("declarations", name, "refuted_by"))
        for name, spec in ruleset.declarations.items()
        if spec.refuted_by is not None
    }
    _check_references(ruleset, compiler)
    titles = {name: kind.title for name, kind in (EVIDENCE_TYPES | ruleset.evidence_types).items()}
    bodies = [source.body for source in imports] + ([ruleset.vocabulary] if ruleset.vocabulary else [])
    names = naming.glossary(ruleset.tables, ruleset.declarations, bodies, compiler.models.vocabulary.units)
    compiled = tuple(_requirement(spec, i, compiler, titles, names) for i, spec in enumerate(ruleset.requirements))
    ids = frozenset(r.id for r in compiled)
    contradictions = _contradictions(ruleset, compiler, ids)
    result = CompiledRuleset(
        ruleset,
        compiled,
        source,
        content_hash,
        ids,
        bases,
        compiler.models,
        contradictions,
        frozenset({ruleset.id}).union(*(base.in_play for base in bases)),
        frozenset(ruleset.declarations).union(*(base.declaration_names for base in bases)),
    )
    _check_overlaps(result, compiler)
    if compiler.problems:
        raise RulesetError(compiler.problems)
    return result


def _models(
    ruleset: Ruleset, bases: tuple[CompiledRuleset, ...], imports: tuple[VocabularySource, ...], compiler: _Compiler
) -> ProfileModels:
    """The profile models of the vocabularies in play: the bases', the imported files' and the ruleset's own."""
    own = list(imports)
    if ruleset.vocabulary is not None:
        own.append(VocabularySource(ruleset.vocabulary, compiler.located, compiler.source))

    def report(loc: Path, code: str, message: str, suggestion: str | None) -> None:
        section, key = (str(loc[0]), loc[1]) if len(loc) > 1 else ("", "")
        owner = next((v for v in own if key in getattr(v.body, section, {})), None)
        if owner is None:
            compiler.problem(("imports",) if imports else (), code, message, suggestion)
            return
        at: Path = ("vocabulary", *loc) if owner.source == compiler.source else loc
        line, column = owner.located.where(at) if owner.located else (None, None)
        path = _validation.dotted(at)
        compiler.problems.append(Problem(code, message, owner.source, line, column, path, suggestion))

    bodies = [(base.models.vocabulary, ()) for base in bases] + [(v.body, ()) for v in own]
    return models_for(merge(bodies, report), report)


def _contradictions(ruleset: Ruleset, compiler: _Compiler, ids: frozenset[str]) -> tuple[CompiledContradiction, ...]:
    found = []
    for i, spec in enumerate(ruleset.contradictions):
        check = compiler.compile(spec.condition, compiler.models.profile, ("contradictions", i, "condition"))
        for j, ref in enumerate(spec.affects):
            if ref not in ids:
                message = f"tegenstrijdigheid '{spec.id}' noemt onbekende eis '{ref}'"
                suggestion = _validation.closest(ref, sorted(ids))
                compiler.problem(("contradictions", i, "affects", j), "unknown-requirement", message, suggestion)
        found.append(CompiledContradiction(spec, check, frozenset(spec.affects)))
    return tuple(found)


def _check_overlaps(ruleset: CompiledRuleset, compiler: _Compiler) -> None:
    """Declared overlaps must point at a base requirement; undeclared ones (same fields checked) are errors."""
    lineage = ruleset.lineage()
    base_requirements = {f"{base.id}:{req.id}": req for base in lineage.values() for req in base.requirements}
    for req in ruleset.requirements:
        declared = {overlap.requirement for overlap in req.spec.overlaps}
        for j, overlap in enumerate(req.spec.overlaps):
            if overlap.requirement not in base_requirements:
                loc = ("requirements", req.index, "overlaps", j, "requirement")
                suggestion = _validation.closest(overlap.requirement, sorted(base_requirements))
                message = f"'{overlap.requirement}' is geen eis van een basisregelset ({', '.join(lineage) or 'geen'})"
                compiler.problem(loc, "unknown-overlap", message, suggestion)
        for key, base in base_requirements.items():
            if req.reads and req.reads == base.reads and key not in declared:
                message = (
                    f"eis {req.id} toetst dezelfde gegevens als {key}: leg de overlap vast (overlaps: same of conflict)"
                )
                compiler.problem(("requirements", req.index, "id"), "undeclared-overlap", message, key)


def _requirement(
    spec: Requirement, index: int, compiler: _Compiler, titles: dict[str, Text], names: naming.Glossary
) -> CompiledRequirement:
    loc: Path = ("requirements", index)
    root = compiler.models.lot_view if spec.per == "lot" else compiler.models.profile
    when = compiler.compile(spec.when, root, (*loc, "when")) if spec.when is not None else None
    compiler.reads = set()
    condition = compiler.compile(spec.condition, root, (*loc, "condition")) if spec.condition is not None else None
    route = spec.explain.evidence if spec.explain else []
    return CompiledRequirement(
        spec,
        index,
        LAW_DOMAINS[spec.law_scope],
        when,
        condition,
        titles,
        STAGE_ORDER[spec.stage],
        tuple(tuple(e for e in spec.evidence if e.due in DUE_AT[stage]) for stage in STAGES),
        tuple(tuple(e for e in route if e.due in DUE_AT[stage]) for stage in STAGES),
        assessor=spec.judgement == "assessor",
        windowed=spec.valid_from is not None or spec.valid_to is not None,
        line=compiler.located.where(loc)[0] if compiler.located else None,
        reads=frozenset(compiler.reads),
        glossary=names,
    )


def _check_references(ruleset: Ruleset, compiler: _Compiler) -> None:
    if ruleset.valid_to is not None and ruleset.valid_to < ruleset.valid_from:
        compiler.problem(("valid_to",), "validity-window", "valid_to ligt voor valid_from: de regelset geldt nooit")
    if ruleset.checkable_from is not None and ruleset.checkable_from > ruleset.valid_from:
        message = "checkable_from ligt na valid_from: een inschrijving is te toetsen vóór of vanaf het begin"
        compiler.problem(("checkable_from",), "validity-window", message)
    for name in ruleset.evidence_types:
        if name in EVIDENCE_TYPES:
            compiler.problem(
                ("evidence_types", name),
                "evidence-redefined",
                f"bewijsstuksoort '{name}' staat al in de gedeelde woordenlijst",
            )
    _check_requirements(ruleset, compiler)
    _check_lots(ruleset, compiler)
    _check_themes(ruleset, compiler)
    ids = {r.id for r in ruleset.requirements}
    for i, decision in enumerate(ruleset.decisions):
        for j, ref in enumerate(decision.about):
            if ref not in ids:
                suggestion = _validation.closest(ref, list(ids))
                message = f"beslissing verwijst naar onbekende eis '{ref}'"
                compiler.problem(("decisions", i, "about", j), "unknown-requirement", message, suggestion)


def _check_lots(ruleset: Ruleset, compiler: _Compiler) -> None:
    known = {lot.id for lot in ruleset.lots}
    for i, lot in enumerate(ruleset.lots):
        for j, name in enumerate(lot.municipalities or []):
            if name not in ruleset.municipalities:
                suggestion = _validation.closest(name, ruleset.municipalities)
                compiler.problem(
                    ("lots", i, "municipalities", j), "unknown-municipality", f"onbekende gemeente '{name}'", suggestion
                )
    for i, req in enumerate(ruleset.requirements):
        if req.per == "lot" and not ruleset.lots:
            compiler.problem(
                ("requirements", i, "per"), "no-lots", "per: lot, maar de regelset definieert geen percelen"
            )
        for j, lot_id in enumerate(req.lots or []):
            if lot_id not in known:
                suggestion = _validation.closest(lot_id, sorted(known))
                message = f"onbekend perceel '{lot_id}'"
                compiler.problem(("requirements", i, "lots", j), "unknown-lot", message, suggestion)


def _check_themes(ruleset: Ruleset, compiler: _Compiler) -> None:
    for i, req in enumerate(ruleset.requirements):
        for j, theme in enumerate(req.themes):
            if theme not in THEMES:
                suggestion = _validation.closest(theme, list(THEMES))
                compiler.problem(
                    ("requirements", i, "themes", j), "unknown-theme", f"onbekend thema '{theme}'", suggestion
                )


def _check_requirements(ruleset: Ruleset, compiler: _Compiler) -> None:
    categories = {c.id for c in ruleset.categories}
    seen: set[str] = set()
    for i, req in enumerate(ruleset.requirements):
        loc: Path = ("requirements", i)
        if req.id in seen:
            compiler.problem((*loc, "id"), "duplicate-id", f"eis-id '{req.id}' komt twee keer voor")
        seen.add(req.id)
        if req.category not in categories:
            compiler.problem(
                (*loc, "category"),
                "unknown-category",
                f"onbekende categorie '{req.category}'",
                _validation.closest(req.category, list(categories)),
            )
        _check_evidence(req.evidence, (*loc, "evidence"), ruleset, compiler)
        if req.explain is not None:
            _check_evidence(req.explain.evidence, (*loc, "explain", "evidence"), ruleset, compiler)


def _check_evidence(specs: list[EvidenceSpec], loc: Path, ruleset: Ruleset, compiler: _Compiler) -> None:
    known = [*EVIDENCE_TYPES, *ruleset.evidence_types]
    for i, spec in enumerate(specs):
        if spec.type not in known:
            compiler.problem(
                (*loc, i, "type"),
                "unknown-evidence-type",
                f"onbekende bewijsstuksoort '{spec.type}'",
                _validation.closest(spec.type, known),
            )
