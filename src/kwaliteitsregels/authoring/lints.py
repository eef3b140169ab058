"""Static checks beyond what loading and compiling enforce: rules that can never matter.

- `requirement-window-empty`: a requirement's valid_to lies before its valid_from.
- `requirement-window-outside`: a requirement's window lies wholly outside the ruleset's.
- `when-never-applies`: a `when` that is false for every profile.
- `explain-unreachable`: a facts requirement with an explain route that cannot fail, so the route is dead.
- `schema-modeline`: a `# yaml-language-server: $schema=…` modeline pointing at a file that does not exist.

"Always true" and "always false" are decided on the structure of a condition only (see `always`),
never by guessing at value ranges: a finding is certain, and a silent pass proves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from kwaliteitsregels import _validation
from kwaliteitsregels._yaml import Located
from kwaliteitsregels._yaml import Path as DataPath
from kwaliteitsregels.errors import Problem
from kwaliteitsregels.models.ruleset import Requirement, Ruleset

MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")
MODELINE_LINES = 30  # only the leading lines are searched, as editors do
Kind = Literal["ruleset", "profile", "test"]
SCHEMA_KINDS: dict[str, Kind] = {
    "ruleset.schema.json": "ruleset",
    "profile.schema.json": "profile",
    "test.schema.json": "test",
}


def _problem(located: Located, path: DataPath, code: str, message: str, *, key: bool = False) -> Problem:
    line, column = located.where(path, key=key)
    where = _validation.dotted(path)
    return Problem(code, message, file=located.source, line=line, column=column, path=where)


# ── conditions that are decided by their structure ──


def _children(args: Any) -> list[Any]:
    return args if isinstance(args, list) else []


def _all(args: Any, value: bool) -> bool:
    children = _children(args)
    if value:
        return bool(children) and all(always(c, value=True) for c in children)
    return any(always(c, value=False) for c in children)


def _any(args: Any, value: bool) -> bool:
    children = _children(args)
    if value:
        return any(always(c, value=True) for c in children)
    return bool(children) and all(always(c, value=False) for c in children)


def _not(args: Any, value: bool) -> bool:
    return always(args, value=not value)


def _at_least(args: Any, value: bool) -> bool:
    needed = args.get("n") if isinstance(args, dict) else None
    if not isinstance(needed, int):
        return False
    children = _children(args.get("of"))
    if value:
        return sum(always(c, value=True) for c in children) >= needed
    return len(children) - sum(always(c, value=False) for c in children) < needed


def _count(args: Any, value: bool) -> bool:
    if not isinstance(args, dict):
        return False
    low, high = args.get("min"), args.get("max")
    if value:
        return low in (None, 0) and high is None
    certain = "where" not in args  # without a filter every item counts: the count is never unknown
    return certain and isinstance(low, int) and isinstance(high, int) and low > high


def _every(args: Any, value: bool) -> bool:
    # An empty list is 'not demonstrated' unless allow_empty; so `every` is never always false.
    return (
        value and isinstance(args, dict) and args.get("allow_empty") is True and always(args.get("check"), value=True)
    )


_STRUCTURAL: dict[str, Callable[[Any, bool], bool]] = {
    "all": _all,
    "any": _any,
    "not": _not,
    "at_least": _at_least,
    "count": _count,
    "every": _every,
}


def always(raw: Any, *, value: bool) -> bool:
    """Whether the condition's outcome is `value` for every profile, by its structure alone.

    Leaves that read one fact are never certain (the fact can be missing: 'not demonstrated'); certain are
    a `count` without bounds (always true), a `count` without `where` whose min exceeds its max (always
    false), an `every` with `allow_empty` over a certain check, and `all`/`any`/`not`/`at_least` over those.
    """
    if not isinstance(raw, dict) or len(raw) != 1:
        return False
    ((name, args),) = raw.items()
    rule = _STRUCTURAL.get(name)
    return rule(args, value) if rule is not None else False


# ── the checks ──


def _window(ruleset: Ruleset, req: Requirement, loc: DataPath, located: Located) -> list[Problem]:
    start, end = req.valid_from, req.valid_to
    if start is not None and end is not None and end < start:
        message = f"eis '{req.id}': valid_to ({end}) ligt vóór valid_from ({start}); de eis geldt nooit"
        return [_problem(located, (*loc, "valid_to"), "requirement-window-empty", message)]
    if end is not None and end < ruleset.valid_from:
        message = f"eis '{req.id}' geldt tot {end}, vóór de regelset ingaat ({ruleset.valid_from}); de eis geldt nooit"
        return [_problem(located, (*loc, "valid_to"), "requirement-window-outside", message)]
    if start is not None and ruleset.valid_to is not None and start > ruleset.valid_to:
        message = (
            f"eis '{req.id}' gaat in op {start}, na het einde van de regelset ({ruleset.valid_to}); de eis geldt nooit"
        )
        return [_problem(located, (*loc, "valid_from"), "requirement-window-outside", message)]
    return []


def _when(req: Requirement, loc: DataPath, located: Located) -> list[Problem]:
    if req.when is None or not always(req.when, value=False):
        return []
    message = f"eis '{req.id}': de 'when'-voorwaarde is voor elk profiel onwaar; de eis is nooit van toepassing"
    return [_problem(located, (*loc, "when"), "when-never-applies", message, key=True)]


def _explain(req: Requirement, loc: DataPath, located: Located) -> list[Problem]:
    if req.judgement != "facts" or req.explain is None or req.condition is None:
        return []
    evidence_due = any(e.due != "on_request" for e in req.evidence)
    if evidence_due or not always(req.condition, value=True):
        return []
    message = (
        f"eis '{req.id}' kan niet falen: de voorwaarde is altijd waar en er zijn geen bewijsstukken nodig bij "
        "inschrijving of gunning, dus de explain-route wordt nooit gebruikt"
    )
    return [_problem(located, (*loc, "explain"), "explain-unreachable", message, key=True)]


def _positions(located: Located) -> dict[str, int]:
    """Requirement id → its index in the file's own `requirements` list."""
    items = located.data.get("requirements") if isinstance(located.data, dict) else None
    if not isinstance(items, list):
        return {}
    return {str(item["id"]): i for i, item in enumerate(items) if isinstance(item, dict) and "id" in item}


def lint_ruleset(ruleset: Ruleset, located: Located) -> list[Problem]:
    """Every requirement written in this file that can never apply, or whose explain route can never be used.

    `ruleset` is the loaded (compiled) model; `located` is the file as written, for positions. Requirements
    the file does not write itself (inherited from a base ruleset) are checked where they are written.
    """
    index = _positions(located)
    problems: list[Problem] = []
    for req in ruleset.requirements:
        if req.id not in index:
            continue
        loc: DataPath = ("requirements", index[req.id])
        problems += _window(ruleset, req, loc, located) + _when(req, loc, located) + _explain(req, loc, located)
    return problems


def modeline(text: str) -> tuple[str, int, int] | None:
    """The `$schema` reference of a yaml-language-server modeline, with its line and column."""
    for number, line in enumerate(text.splitlines()[:MODELINE_LINES], start=1):
        match = MODELINE.search(line)
        if match:
            return match.group(1), number, match.start(1) + 1
    return None


def modeline_kind(reference: str) -> Kind | None:
    """`ruleset`, `profile` or `test` for a modeline naming one of our schemas.

    A ruleset with facts of its own has its own profile and test schemas: `profile.<ruleset>.schema.json`.
    """
    name = reference.rsplit("/", 1)[-1]
    kind, _, rest = name.partition(".")
    own = SCHEMA_KINDS.get(f"{kind}.schema.json") if rest.endswith(".schema.json") else None
    return SCHEMA_KINDS.get(name) or own


def modeline_problems(path: Path, text: str) -> list[Problem]:
    """A modeline whose local schema file does not exist (URLs are not fetched)."""
    found = modeline(text)
    if found is None:
        return []
    reference, line, column = found
    if "://" in reference or (path.parent / reference).is_file():
        return []
    message = f"de modeline verwijst naar '{reference}', maar dat bestand bestaat niet (relatief aan {path.parent})"
    return [Problem("schema-modeline", message, file=str(path), line=line, column=column)]
