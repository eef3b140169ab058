"""Reading monitoring files: bundled name, path or dict → validated model → compiled units."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kwaliteitsregels import _files, _validation, _yaml
from kwaliteitsregels.errors import Problem, UsageError, single
from kwaliteitsregels.hashing import canonical_hash
from kwaliteitsregels.limits import DEFAULT_LIMITS
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring, compile_units
from kwaliteitsregels.monitoring.errors import MonitoringError
from kwaliteitsregels.monitoring.events import EVENT_TYPES, REFERENCES, Vocabulary
from kwaliteitsregels.monitoring.models import MonitoringFile

Source = str | Path | dict[str, Any]


def monitoring_dir() -> Path:
    """Where the bundled monitoring files live: inside the wheel, or in a source checkout."""
    packaged = Path(__file__).parents[1] / "_bundled" / "monitoring"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "monitoring"


def bundled_monitoring_rules() -> dict[str, Path]:
    """Name → file, for every bundled monitoring file (`monitoring/<name>.yaml`)."""
    root = monitoring_dir()
    return {p.stem: p for p in sorted(root.glob("*.yaml"))} if root.is_dir() else {}


def _resolve(name_or_path: str | Path) -> Path:
    bundled = bundled_monitoring_rules()
    if isinstance(name_or_path, str) and name_or_path in bundled:
        return bundled[name_or_path]
    path = Path(name_or_path)
    if not path.exists() and path.suffix == "":
        suggestion = _validation.closest(str(name_or_path), list(bundled))
        raise single(
            MonitoringError, "unknown-rules", f"onbekende monitoringregels '{name_or_path}'", suggestion=suggestion
        )
    return path


def _read(path: Path) -> _yaml.Located:
    raw = _files.read_bytes(path, MonitoringError, DEFAULT_LIMITS)  # a regular file, within the size limit
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise single(MonitoringError, "encoding", f"geen geldige UTF-8 (byte {exc.start})", file=str(path)) from None
    return _yaml.parse(text, str(path))


def vocabulary_of(spec: MonitoringFile) -> Vocabulary:
    """The shared event types and keys, plus the file's own."""
    return Vocabulary({**EVENT_TYPES, **spec.event_types}, (*REFERENCES, *spec.references))


def _named(  # noqa: PLR0913, PLR0917 - a problem at a path, with the closest known name
    located: _yaml.Located, path: tuple[str | int, ...], code: str, message: str, name: str, known: list[str]
) -> Problem:
    line, column = located.where(path)
    hint = _validation.closest(name, known)
    return Problem(code, message, located.source, line, column, path=_validation.dotted(path), suggestion=hint)


def _vocabulary_problems(spec: MonitoringFile, located: _yaml.Located, vocabulary: Vocabulary) -> list[Problem]:
    """A region's own types and keys: no clash with the shared ones, and every name they use is known."""
    found = [
        _named(located, ("event_types", name), "event-type-exists", f"'{name}' staat al in de woordenlijst", name, [])
        for name in spec.event_types
        if name in EVENT_TYPES
    ]
    found += [
        _named(located, ("references", name), "reference-exists", f"'{name}' is al een sleutel", name, [])
        for name in spec.references
        if name in (*REFERENCES, "event")
    ]
    keys, types = [*vocabulary.references, "event"], list(vocabulary.types)
    for name, kind in spec.event_types.items():
        for role, value in (("key", kind.key), ("closes", kind.closes), *(("requires", r) for r in kind.requires)):
            if value is not None and value not in keys:
                message = f"onbekende sleutel '{value}'"
                found.append(_named(located, ("event_types", name, role), "unknown-reference", message, value, keys))
        if kind.not_before is not None and kind.not_before not in types:
            message = f"onbekend soort gebeurtenis '{kind.not_before}'"
            where = ("event_types", name, "not_before")
            found.append(_named(located, where, "unknown-event-type", message, kind.not_before, types))
    for index, obligation in enumerate(spec.obligations):
        if obligation.key not in keys:
            message = f"onbekende sleutel '{obligation.key}'"
            path = ("obligations", index, "key")
            found.append(_named(located, path, "unknown-reference", message, obligation.key, keys))
    return found


def _raw_key_problems(located: _yaml.Located) -> list[Problem]:
    """Unknown obligation keys in a file the schema refused, so that one reading shows them too."""
    data = located.data
    own = data.get("references") if isinstance(data.get("references"), dict) else {}
    keys = [*REFERENCES, *own, "event"]
    obligations = data.get("obligations") if isinstance(data.get("obligations"), list) else []
    found = []
    for index, item in enumerate(obligations):
        key = item.get("key") if isinstance(item, dict) else None
        if isinstance(key, str) and key not in keys:
            path = ("obligations", index, "key")
            found.append(_named(located, path, "unknown-reference", f"onbekende sleutel '{key}'", key, keys))
    return found


def _event_type_problems(spec: MonitoringFile, located: _yaml.Located, vocabulary: Vocabulary) -> list[Problem]:
    found = _vocabulary_problems(spec, located, vocabulary)
    known = list(vocabulary.types)
    for index, obligation in enumerate(spec.obligations):
        for role in ("trigger", "awaited", "until"):
            pattern = getattr(obligation, role)
            if pattern is None or pattern.event in vocabulary.types:
                continue
            path = ("obligations", index, role, "event")
            message = f"onbekend soort gebeurtenis '{pattern.event}'"
            found.append(_named(located, path, "unknown-event-type", message, pattern.event, known))
    ids = [o.id for o in spec.obligations]
    for index, obligation_id in enumerate(ids):
        if obligation_id in ids[:index]:
            line, column = located.where(("obligations", index, "id"))
            found.append(
                Problem("duplicate-id", f"id '{obligation_id}' komt twee keer voor", located.source, line, column)
            )
    return found + _decision_problems(spec, located, ids)


def _decision_problems(spec: MonitoringFile, located: _yaml.Located, ids: list[str]) -> list[Problem]:
    found = []
    for d_index, decision in enumerate(spec.decisions):
        for a_index, about in enumerate(decision.about):
            if about not in ids:
                line, column = located.where(("decisions", d_index, "about", a_index))
                message = f"beslissing '{decision.id}' noemt onbekende verplichting '{about}'"
                hint = _validation.closest(about, ids)
                found.append(Problem("unknown-obligation", message, located.source, line, column, suggestion=hint))
    return found


def load_monitoring_rules(source: Source | CompiledMonitoring) -> CompiledMonitoring:
    """Load, validate and compile a monitoring file: a bundled name ('twente'), a path, or a dict."""
    if isinstance(source, CompiledMonitoring):
        return source
    if not isinstance(source, str | Path | dict):
        message = f"monitoringregels: een naam, pad of dict, niet {type(source).__name__}"
        raise single(UsageError, "rules-type", message)
    located = _yaml.Located(data=source, source="<dict>") if isinstance(source, dict) else _read(_resolve(source))
    if not isinstance(located.data, dict):
        raise single(
            MonitoringError, "not-a-mapping", "het bestand moet een mapping bevatten", file=located.source, line=1
        )
    try:
        spec = MonitoringFile.model_validate(located.data)
    except ValidationError as exc:
        problems = _validation.problems(exc, MonitoringFile, located, located.source)
        raise MonitoringError(problems + _raw_key_problems(located)) from None
    vocabulary = vocabulary_of(spec)
    problems = _event_type_problems(spec, located, vocabulary)
    if problems:
        raise MonitoringError(problems)
    units, problems = compile_units(spec, vocabulary)
    if problems:
        raise MonitoringError(problems)
    extra = frozenset(spec.calendar.extra_holidays)
    return CompiledMonitoring(spec, located.source, canonical_hash(located.data), units, extra, vocabulary)
