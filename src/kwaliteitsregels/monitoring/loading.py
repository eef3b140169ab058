"""Reading monitoring files: bundled name, path or dict → validated model → compiled units."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kwaliteitsregels import _validation, _yaml
from kwaliteitsregels.errors import Problem, single
from kwaliteitsregels.hashing import canonical_hash
from kwaliteitsregels.monitoring.compiling import CompiledMonitoring, compile_units
from kwaliteitsregels.monitoring.errors import MonitoringError
from kwaliteitsregels.monitoring.events import EVENT_TYPES
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
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise single(MonitoringError, "file-not-found", "bestand niet gevonden", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise single(MonitoringError, "encoding", f"geen geldige UTF-8 (byte {exc.start})", file=str(path)) from None
    except OSError as exc:
        raise single(
            MonitoringError, "file-unreadable", f"bestand niet leesbaar: {exc.strerror}", file=str(path)
        ) from None
    return _yaml.parse(text, str(path))


def _event_type_problems(spec: MonitoringFile, located: _yaml.Located) -> list[Problem]:
    found = []
    for index, obligation in enumerate(spec.obligations):
        for role in ("trigger", "awaited"):
            pattern = getattr(obligation, role)
            if pattern is None or pattern.event in EVENT_TYPES:
                continue
            path = ("obligations", index, role, "event")
            line, column = located.where(path)
            found.append(
                Problem(
                    "unknown-event-type",
                    f"onbekend soort gebeurtenis '{pattern.event}'",
                    located.source,
                    line,
                    column,
                    path=_validation.dotted(path),
                    suggestion=_validation.closest(pattern.event, list(EVENT_TYPES)),
                ),
            )
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
    located = _yaml.Located(data=source, source="<dict>") if isinstance(source, dict) else _read(_resolve(source))
    if not isinstance(located.data, dict):
        raise single(
            MonitoringError, "not-a-mapping", "het bestand moet een mapping bevatten", file=located.source, line=1
        )
    try:
        spec = MonitoringFile.model_validate(located.data)
    except ValidationError as exc:
        raise MonitoringError(_validation.problems(exc, MonitoringFile, located, located.source)) from None
    units, problems = compile_units(spec)
    problems = _event_type_problems(spec, located) + problems
    if problems:
        raise MonitoringError(problems)
    extra = frozenset(spec.calendar.extra_holidays)
    return CompiledMonitoring(spec, located.source, canonical_hash(located.data), units, extra)
