"""The municipality's assessments applied to a profile: observed facts outweigh what the provider stated.

`apply` returns the profile to evaluate (the submission with every observation in place and every
assessor's decision attached to its explanation) and, per fact path as evaluation traces name it,
where the value came from. The submission itself is never changed: its hash and the assessments'
hash go into the decision record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from kwaliteitsregels import _numbers, _validation
from kwaliteitsregels._yaml import Located
from kwaliteitsregels.errors import Problem, ProfileError
from kwaliteitsregels.hashing import profile_hash
from kwaliteitsregels.models import introspection
from kwaliteitsregels.models.assessments import AssessmentRecord, Assessments, Observation
from kwaliteitsregels.models.profile import Profile

_STEP = re.compile(r"([a-z_][a-z0-9_]*)((?:\[[^\]]+\])*)")


@dataclass(frozen=True, slots=True)
class AssessmentFile:
    """An assessments file as read: the model, where it came from, and its content hash."""

    spec: Assessments
    source: str
    located: Located | None
    content_hash: str


@dataclass(frozen=True, slots=True)
class FactSource:
    """Where an evaluated fact came from when the municipality established it."""

    path: str  # as evaluation traces name it: `professionals[0].vog_issued_on`
    kind: str
    by: str
    on: date
    note: str | None
    stated: Any  # what the provider's profile said (None: nothing)


@dataclass(frozen=True, slots=True)
class Recorded:
    """The profile to evaluate, the source of every established fact, and the hashes of both files."""

    profile: Profile
    sources: dict[str, FactSource]
    submitted_hash: str
    assessments_hash: str
    assessments_source: str


class _Problems:
    def __init__(self, file: AssessmentFile) -> None:
        self.file = file
        self.found: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], code: str, message: str, suggestion: str | None = None) -> None:
        line, column = self.file.located.where(loc) if self.file.located else (None, None)
        path = _validation.dotted(loc)
        self.found.append(Problem(code, message, self.file.source, line, column, path, suggestion))


def apply(profile: Profile, file: AssessmentFile) -> Recorded:
    """`profile` with the observations and decisions of `file`; a ProfileError names every problem."""
    problems = _Problems(file)
    data = profile.model_dump()
    spec = file.spec
    if spec.provider is not None and spec.provider != profile.organisation.name:
        message = f"beoordeling voor '{spec.provider}', het profiel is van '{profile.organisation.name}'"
        problems.add(("provider",), "assessments-provider", message)
    sources: dict[str, FactSource] = {}
    placed: dict[str, int] = {}  # fact path → the observation that put it there
    for i, observation in enumerate(spec.observations):
        source = _place(data, type(profile), observation, i, problems)
        if source is not None:
            sources[source.path] = source
            placed[source.path] = i
    _decisions(data, spec, problems)
    effective = _validated(type(profile), data, placed, problems)
    if problems.found:
        raise ProfileError(problems.found)
    submitted = profile_hash(profile)
    return Recorded(effective or profile, sources, submitted, file.content_hash, file.source)


def _validated(
    model: type[Profile], data: dict[str, Any], placed: dict[str, int], problems: _Problems
) -> Profile | None:
    """The profile with the observations in place, or None after naming each observed value that does not fit."""
    try:
        validated = model.model_validate(data)
        _numbers.refuse_bools(data, validated, model.__name__)
    except ValidationError as exc:
        for found in _validation.problems(exc, model, None, "<profiel>"):
            index = next((i for path, i in placed.items() if (found.path or "").startswith(path)), None)
            loc: tuple[str | int, ...] = ("observations", index, "value") if index is not None else ("observations",)
            problems.add(loc, "observation-value", f"{found.path}: {found.message}", found.suggestion)
        return None
    return validated


def _place(
    data: dict[str, Any], model: Any, observation: Observation, index: int, problems: _Problems
) -> FactSource | None:
    """Put the observed value at its path in `data` (of `model`); the path with list positions, or None."""
    steps = observation.fact.split(".")
    current: Any = data
    shown: list[str] = []
    loc: tuple[str | int, ...] = ("observations", index, "fact")
    for number, step in enumerate(steps):
        match = _STEP.fullmatch(step)
        if match is None or not isinstance(current, dict):
            problems.add(loc, "observation-fact", f"'{observation.fact}' is geen pad naar een gegeven")
            return None
        name, selectors = match.group(1), re.findall(r"\[([^\]]+)\]", match.group(2))
        known = introspection.field_names(model)
        if name not in known:
            suggestion = _validation.closest(name, known)
            problems.add(loc, "observation-fact", f"onbekend gegeven '{name}' in '{observation.fact}'", suggestion)
            return None
        annotation = introspection.child(model, name)
        model = introspection.list_item(annotation) if selectors else annotation
        last = number == len(steps) - 1 and not selectors
        if last:
            stated = current.get(name)
            current[name] = observation.value
            shown.append(name)
            path = ".".join(shown).replace(".[", "[")
            return FactSource(
                path, observation.kind, observation.by, observation.established_on, observation.note, stated
            )
        if current.get(name) is None:
            current[name] = {}
        current, positions = _select(
            current[name], selectors, name, lambda m, s: problems.add(loc, "observation-fact", m, s)
        )
        if current is None:
            return None
        shown.append(name + "".join(f"[{p}]" for p in positions))
    problems.add(loc, "observation-fact", f"'{observation.fact}' wijst een lijst aan, geen gegeven")
    return None


def _select(
    value: Any, selectors: list[str], name: str, report: Callable[[str, str | None], None]
) -> tuple[Any, list[int]]:
    """The item `selectors` pick out of the list `value`, and their positions (None after a problem)."""
    positions: list[int] = []
    for selector in selectors:
        if not isinstance(value, list):
            report(f"'{name}' is geen lijst: [{selector}] past er niet bij", None)
            return None, positions
        position = _position(value, selector)
        if position is None:
            ids = [str(item.get("id")) for item in value if isinstance(item, dict) and "id" in item]
            report(f"'{name}' heeft geen item '{selector}'", _validation.closest(selector, ids))
            return None, positions
        value = value[position]
        positions.append(position)
    return value, positions


def _position(items: list[Any], selector: str) -> int | None:
    """The item whose id is `selector`; for items without an id, the position `selector` gives."""
    for position, item in enumerate(items):
        if isinstance(item, dict) and str(item.get("id")) == selector:
            return position
    has_ids = any(isinstance(item, dict) and "id" in item for item in items)
    if not has_ids and selector.isdigit() and int(selector) < len(items):
        return int(selector)
    return None


def _decisions(data: dict[str, Any], spec: Assessments, problems: _Problems) -> None:
    """Attach each decision to the provider's explanation it is about."""
    explanations = list(data.get("explanations") or [])
    for i, record in enumerate(spec.assessments):
        target = next(
            (e for e in explanations if e["ruleset"] == record.ruleset and e["requirement"] == record.requirement),
            None,
        )
        if target is None and record.observed is not None:
            explanations.append(_observed(record))
            continue
        if target is None:
            message = f"geen toelichting van de aanbieder voor eis '{record.requirement}' van '{record.ruleset}'"
            known = [f"{e['ruleset']}:{e['requirement']}" for e in explanations]
            suggestion = _validation.closest(f"{record.ruleset}:{record.requirement}", known)
            problems.add(("assessments", i, "requirement"), "assessment-without-explanation", message, suggestion)
            continue
        if isinstance(target.get("given_on"), date) and record.decided_on < target["given_on"]:
            given = target["given_on"].isoformat()
            message = f"beoordeeld op {record.decided_on.isoformat()}, vóór de toelichting van {given}"
            message += " / decided before the explanation"
            problems.add(("assessments", i, "decided_on"), "assessment-before-explanation", message, None)
            continue
        target["assessment"] = record.model_dump(exclude={"ruleset", "requirement", "observed"})
    data["explanations"] = explanations


def _observed(record: AssessmentRecord) -> dict[str, Any]:
    """The municipality's own observation on a requirement, recorded as an explanation it decided on."""
    return {
        "ruleset": record.ruleset,
        "requirement": record.requirement,
        "text": record.observed,
        "given_by": record.by,
        "given_on": record.decided_on,
        "assessment": record.model_dump(exclude={"ruleset", "requirement", "observed"}),
    }
