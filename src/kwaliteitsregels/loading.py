"""Reading rulesets and profiles: file, bundled name, text or dict → validated models."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kwaliteitsregels import _validation, _yaml
from kwaliteitsregels.bundled import RULESET_FILE, bundled_rulesets
from kwaliteitsregels.compiling import CompiledRuleset, compile_ruleset
from kwaliteitsregels.errors import InputError, KwaliteitsregelsError, ProfileError, RulesetError, single
from kwaliteitsregels.hashing import canonical_hash
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.models.ruleset import Ruleset

Source = str | Path | dict[str, Any]
M = TypeVar("M", bound=BaseModel)


def _read(source: str | Path, kind: type[KwaliteitsregelsError]) -> _yaml.Located:
    path = Path(source)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise single(kind, "file-not-found", "bestand niet gevonden", file=str(path)) from None
    except OSError as exc:
        raise single(kind, "file-unreadable", f"bestand niet leesbaar: {exc.strerror}", file=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise single(InputError, "encoding", f"geen geldige UTF-8 (byte {exc.start})", file=str(path)) from None
    return _yaml.parse(text, str(path))


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
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise kind(_validation.problems(exc, model, located, located.source)) from None


def _locate(source: Source, kind: type[KwaliteitsregelsError]) -> _yaml.Located:
    if isinstance(source, dict):
        return _yaml.Located(data=source, source="<dict>")
    return _read(source, kind)


def resolve_ruleset_path(name_or_path: str | Path) -> Path:
    """A bundled ruleset's name, a ruleset folder or a ruleset file → the file."""
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


def _table_files(located: _yaml.Located, folder: Path | None) -> None:
    """Replace `tables: {name: {file: rows.yaml}}` by the rows read (safely) from that file beside the ruleset."""
    tables = located.data.get("tables") if isinstance(located.data, dict) else None
    if not isinstance(tables, dict):
        return
    for name, value in tables.items():
        if not (isinstance(value, dict) and set(value) == {"file"} and isinstance(value["file"], str)):
            continue
        line, _ = located.where(("tables", name))
        if folder is None:
            raise single(
                RulesetError, "table-file", "een tabel uit een bestand kan alleen bij een regelset-bestand", line=line
            )
        rows = _read(folder / value["file"], RulesetError).data
        if not isinstance(rows, list):
            message = f"tabelbestand '{value['file']}' moet een lijst bevatten"
            raise single(RulesetError, "table-file", message, file=located.source, line=line)
        tables[name] = rows


def _base_path(name: str, folder: Path | None) -> str | Path:
    if name in bundled_rulesets() or folder is None:
        return name
    return folder / name


def load_ruleset(source: Source, *, _within: tuple[str, ...] = ()) -> CompiledRuleset:
    """Load, validate and compile a ruleset and its bases: a bundled name ("twente"), a path, or a dict."""
    path = None if isinstance(source, dict) else resolve_ruleset_path(source)
    located = _locate(source if path is None else path, RulesetError)
    _table_files(located, path.parent if path is not None else None)
    model = _validate(Ruleset, located, RulesetError)
    if model.id in _within:
        chain = " → ".join((*_within, model.id))
        raise single(
            RulesetError, "builds-on-cycle", f"regelsets bouwen in een kring op elkaar: {chain}", file=located.source
        )
    folder = path.parent if path is not None else None
    bases = tuple(load_ruleset(_base_path(name, folder), _within=(*_within, model.id)) for name in model.builds_on)
    return compile_ruleset(model, located, located.source, canonical_hash(located.data), bases)


def load_profile(source: Source | Profile) -> Profile:
    """Load and validate a provider profile from a YAML or JSON file, or a dict."""
    if isinstance(source, Profile):
        return source
    return _validate(Profile, _locate(source, ProfileError), ProfileError)


def parse_profile(text: str, name: str = "<tekst>") -> Profile:
    """Validate a profile given as YAML or JSON text."""
    return _validate(Profile, _yaml.parse(text, name), ProfileError)
