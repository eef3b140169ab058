"""Reading rulesets and profiles: file, bundled name, text or dict → validated models."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kwaliteitsregels import _choices, _consistency, _files, _numbers, _plain, _validation, _yaml
from kwaliteitsregels.bundled import RULESET_FILE, bundled_rulesets
from kwaliteitsregels.compiling import CompiledRuleset, VocabularySource, compile_ruleset
from kwaliteitsregels.errors import (
    EvaluationError,
    InputError,
    KwaliteitsregelsError,
    Problem,
    ProfileError,
    RulesetError,
    UsageError,
    single,
)
from kwaliteitsregels.evaluation import in_play
from kwaliteitsregels.facts.building import ProfileModels, adopt, union
from kwaliteitsregels.facts.vocabulary import VocabularyFile
from kwaliteitsregels.hashing import canonical_hash
from kwaliteitsregels.limits import DEFAULT_LIMITS, Limits
from kwaliteitsregels.models.assessments import Assessments
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.models.ruleset import Ruleset
from kwaliteitsregels.recorded import AssessmentFile

Source = str | Path | dict[str, Any]
M = TypeVar("M", bound=BaseModel)


def _read(source: str | Path, kind: type[KwaliteitsregelsError], limits: Limits = DEFAULT_LIMITS) -> _yaml.Located:
    path = Path(source)
    return parse_bytes(_files.read_bytes(path, kind, limits), str(path), limits)


def parse_bytes(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> _yaml.Located:
    """UTF-8 (with or without a BOM) YAML or JSON bytes → plain data with positions."""
    if len(raw) > limits.max_bytes + 3:
        raise _yaml.too_large(name, limits)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        message = f"geen geldige UTF-8 (byte {exc.start}: 0x{raw[exc.start]:02x}); sla het bestand op als UTF-8"
        raise InputError([Problem("encoding", message, file=name, line=line, column=column)]) from None
    if _wide(raw):
        message = (
            "geen UTF-8: dit lijkt UTF-16 of UTF-32 zonder BOM; sla het bestand op als UTF-8"
            " / not UTF-8: this looks like UTF-16 or UTF-32 without a BOM; save it as UTF-8"
        )
        raise InputError([Problem("encoding", message, file=name, line=1, column=1)])
    return _yaml.parse(text, name, limits=limits)


def _wide(raw: bytes) -> bool:
    """Text in UTF-16 or UTF-32 without a BOM: NUL bytes in a fixed column of every 2 or 4 bytes.

    UTF-8 text holds no NUL byte but by mistake (a lone NUL is a `yaml-syntax` error where it stands); in
    UTF-16 every character below U+0100 has one, always on the same side of its pair.
    """
    sample = raw[:4096]
    if sample.count(0) < 2:  # a lone NUL is a mistake in UTF-8 text, not an encoding
        return False
    return any(sample[start::2].count(0) * 2 >= len(sample[start::2]) for start in (0, 1))


def _validate(model: type[M], located: _yaml.Located, kind: type[KwaliteitsregelsError]) -> M:
    if not isinstance(located.data, dict):
        raise single(
            kind,
            "not-a-mapping",
            "het bestand moet een mapping (sleutel: waarde) bevatten",
            file=located.source,
            line=1,
        )
    try:
        validated = model.model_validate(located.data)
        _numbers.refuse_bools(located.data, validated, model.__name__, located.bools)
        _consistency.check(validated, model.__name__)
    except ValidationError as exc:
        raise kind(_validation.problems(exc, model, located, located.source)) from None
    return validated


def _locate(source: Source, kind: type[KwaliteitsregelsError], limits: Limits, *, copied: bool = True) -> _yaml.Located:
    _choices.limits(limits)
    if isinstance(source, dict):
        return _plain.from_data(source, limits=limits, copied=copied)
    _check_source(source, "source")
    return _read(source, kind, limits)


def _check_source(source: Any, name: str) -> None:
    if not isinstance(source, str | Path):
        message = f"{name} moet een naam, een pad of een dict zijn, geen {type(source).__name__}"
        raise single(UsageError, "argument-type", message)


def resolve_ruleset_path(name_or_path: str | Path) -> Path:
    """A bundled ruleset's name, a ruleset folder or a ruleset file → the file."""
    _check_source(name_or_path, "name_or_path")
    bundled = bundled_rulesets()
    if isinstance(name_or_path, str) and name_or_path in bundled:
        return bundled[name_or_path]
    path = Path(name_or_path)
    if path.is_dir():
        return path / RULESET_FILE
    if not path.exists() and path.suffix == "":
        suggestion = _validation.closest(str(name_or_path), list(bundled))
        raise single(RulesetError, "unknown-ruleset", f"onbekende regelset '{name_or_path}'", suggestion=suggestion)
    return path


def _table_files(located: _yaml.Located, folder: Path | None, limits: Limits) -> None:
    """Replace `tables: {name: {file: rows.yaml}}` by the rows read (safely) from that file beside the ruleset."""
    tables = located.data.get("tables") if isinstance(located.data, dict) else None
    if not isinstance(tables, dict):
        return
    for name, value in tables.items():
        if not (isinstance(value, dict) and set(value) == {"file"} and isinstance(value["file"], str)):
            continue
        line, _ = located.where(("tables", name))
        if folder is None:
            message = "een tabel uit een bestand kan alleen bij een regelset-bestand"
            raise single(RulesetError, "table-file", message, file=located.source, line=line)
        file = folder / value["file"]
        if not file.resolve().is_relative_to(folder.resolve()):
            message = f"tabelbestand '{value['file']}' moet in de map van de regelset staan"
            raise single(RulesetError, "table-file", message, file=located.source, line=line)
        rows = _read(file, RulesetError, limits).data
        if not isinstance(rows, list):
            message = f"tabelbestand '{value['file']}' moet een lijst bevatten"
            raise single(RulesetError, "table-file", message, file=located.source, line=line)
        tables[name] = rows
        located.bools = None  # the rows hold bools of their own: scan the whole input again


def _base_path(name: str, folder: Path | None, located: _yaml.Located, index: int) -> str | Path:
    """A bundled ruleset's name, or a ruleset beside this one (in the folder that holds its folder); nothing else.

    Like table files, a base is confined: `builds_on: /etc/passwd` or `../../elders` is refused before it is read.
    """
    bundled = bundled_rulesets()
    if name in bundled:
        return name
    line, _ = located.where(("builds_on", index))
    suggestion = _validation.closest(name, list(bundled))
    if folder is None:
        message = f"basisregelset '{name}' is geen meegeleverde regelset / is not a bundled ruleset"
        raise single(RulesetError, "builds-on-file", message, file=located.source, line=line, suggestion=suggestion)
    root = folder.resolve().parent
    try:
        inside = (folder / name).resolve().is_relative_to(root)
    except (OSError, ValueError):  # a NUL character, a loop of links
        inside = False
    if not inside:
        message = (
            f"basisregelset '{name}' moet een meegeleverde regelset zijn of naast deze regelset staan (in {root})"
            " / must be a bundled ruleset or a ruleset beside this one"
        )
        raise single(RulesetError, "builds-on-file", message, file=located.source, line=line, suggestion=suggestion)
    return folder / name


def load_ruleset(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> CompiledRuleset:
    """Load, validate and compile a ruleset and its bases: a bundled name ("twente"), a path, or a dict.

    `limits` bounds every file read (the ruleset, its table files and its bases); see `kwaliteitsregels.limits`.
    """
    return _load_ruleset(source, limits, ())


def _load_ruleset(source: Source, limits: Limits, within: tuple[str, ...]) -> CompiledRuleset:
    """`load_ruleset`, with the ids of the rulesets that build on this one (`within`) to refuse a cycle."""
    path = None if isinstance(source, dict) else resolve_ruleset_path(source)
    located = _locate(source if path is None else path, RulesetError, limits)
    _table_files(located, path.parent if path is not None else None, limits)
    model = _validate(Ruleset, located, RulesetError)
    if model.id in within:
        chain = " → ".join((*within, model.id))
        raise single(
            RulesetError, "builds-on-cycle", f"regelsets bouwen in een kring op elkaar: {chain}", file=located.source
        )
    folder = path.parent if path is not None else None
    bases = tuple(
        _load_ruleset(_base_path(name, folder, located, i), limits, (*within, model.id))
        for i, name in enumerate(model.builds_on)
    )
    imports = _imports(model, located, folder, limits)
    imported = [v.located.data for v in imports if v.located is not None]
    content = {"ruleset": located.data, "imports": imported} if imported else located.data
    return compile_ruleset(model, located, located.source, canonical_hash(content), bases, imports)


def _imports(
    model: Ruleset, located: _yaml.Located, folder: Path | None, limits: Limits
) -> tuple[VocabularySource, ...]:
    """The vocabulary files a ruleset imports, read (safely) from beside it."""
    found = []
    for i, name in enumerate(model.imports):
        line, _ = located.where(("imports", i))
        if folder is None:
            message = "een woordenlijst uit een bestand kan alleen bij een regelset-bestand"
            raise single(RulesetError, "import-file", message, file=located.source, line=line)
        file = folder / name
        if not file.resolve().is_relative_to(folder.resolve()):
            message = f"woordenlijst '{name}' moet in de map van de regelset staan"
            raise single(RulesetError, "import-file", message, file=located.source, line=line)
        read = _read(file, RulesetError, limits)
        found.append(VocabularySource(_validate(VocabularyFile, read, RulesetError), read, read.source))
    return tuple(found)


def load_profile(
    source: Source | Profile,
    *,
    rulesets: Sequence[CompiledRuleset] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Profile:
    """Load and validate a provider profile from a YAML or JSON file, or a dict (within `limits`).

    With `rulesets`, the profile may hold the facts their vocabularies declare, and everything it
    names (declarations, explanations' rulesets and requirements) must exist in them.
    """
    models = _models_in_play(rulesets)
    if isinstance(source, Profile):
        profile = adopt(source, models)
        located = None
    else:
        located = _locate(source, ProfileError, limits, copied=False)  # validating builds it afresh
        profile = _validate(models.profile, located, ProfileError)
    if rulesets:
        try:
            in_play(profile, rulesets)
        except EvaluationError as error:
            raise ProfileError([_placed(p, located) for p in error.problems]) from None
    return profile


def _placed(problem: Problem, located: _yaml.Located | None) -> Problem:
    """`problem` with the file and line of its path in the profile, where the profile came from a file."""
    if located is None or problem.path is None:
        return problem
    parts = tuple(int(p) if p.isdigit() else p for p in problem.path.replace("[", ".").replace("]", "").split("."))
    line, column = located.where(parts, key=True)
    return replace(problem, file=located.source, line=line, column=column)


def parse_profile(
    text: str, name: str = "<tekst>", *, rulesets: Sequence[CompiledRuleset] = (), limits: Limits = DEFAULT_LIMITS
) -> Profile:
    """Validate a profile given as YAML or JSON text (within `limits`); `rulesets` as for `load_profile`."""
    if not isinstance(text, str):
        raise single(UsageError, "argument-type", f"text moet tekst (str) zijn, geen {type(text).__name__}")
    _choices.limits(limits)
    return _validate(_models_in_play(rulesets).profile, _yaml.parse(text, name, limits=limits), ProfileError)


def _models_in_play(rulesets: Sequence[CompiledRuleset]) -> ProfileModels:
    if (
        isinstance(rulesets, CompiledRuleset | str | bytes | dict)
        or not isinstance(rulesets, Iterable)
        or not all(isinstance(r, CompiledRuleset) for r in rulesets)
    ):
        raise single(UsageError, "argument-type", "rulesets moet een lijst van geladen regelsets zijn (load_ruleset)")
    try:
        return union(r.models for r in rulesets)
    except ValueError as exc:
        raise single(
            RulesetError, "vocabulary-conflict", f"de woordenlijsten van deze regelsets botsen: {exc}"
        ) from None


def load_assessments(source: str | Path | dict[str, Any], *, limits: Limits = DEFAULT_LIMITS) -> AssessmentFile:
    """Load the municipality's assessments of one provider (observed facts, decisions on explanations).

    Pass it to `evaluate` or `evaluate_all` beside the profile: the profile stays as submitted.
    """
    located = _locate(source, ProfileError, limits)
    spec = _validate(Assessments, located, ProfileError)
    name = located.source
    return AssessmentFile(spec, name, located, canonical_hash(located.data))
