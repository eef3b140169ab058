"""Named conditions: written once under `conditions:`, used anywhere a condition goes as `{use: <name>}`.

They are expanded before compiling, into a copy of the ruleset whose conditions no longer hold a
`use`: evaluation, traces, reasons and every analysis see the same tree as if the condition had
been written out in each place. A problem inside an expanded condition is reported at the line of
the named condition's own text (the located positions are copied to the place of use); an unknown
name or a condition that uses itself is reported at the `use`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from kwaliteitsregels._validation import closest
from kwaliteitsregels._yaml import Located, Path
from kwaliteitsregels.models.ruleset import Ruleset

USE = "use"
ReportProblem = Callable[[Path, str, str, "str | None"], None]  # (where, code, message, suggestion)


def expand(ruleset: Ruleset, located: Located | None, report: ReportProblem) -> Ruleset:
    """`ruleset` with every `{use: <name>}` in its conditions replaced by the named condition."""
    expander = _Expander(ruleset, located, report)
    requirements = [
        spec.model_copy(
            update={
                "when": expander.walk(spec.when, ("requirements", index, "when")),
                "condition": expander.walk(spec.condition, ("requirements", index, "condition")),
            }
        )
        for index, spec in enumerate(ruleset.requirements)
    ]
    contradictions = [
        spec.model_copy(update={"condition": expander.walk(spec.condition, ("contradictions", index, "condition"))})
        for index, spec in enumerate(ruleset.contradictions)
    ]
    declarations = {
        name: spec.model_copy(
            update={"refuted_by": expander.walk(spec.refuted_by, ("declarations", name, "refuted_by"))}
        )
        for name, spec in ruleset.declarations.items()
    }
    for name in ruleset.conditions:
        if name not in expander.used:
            message = f"voorwaarde '{name}' wordt nergens gebruikt (use: {name})"
            expander.report(("conditions", name), "unused-condition", message, None)
    if not expander.used:
        return ruleset
    update = {"requirements": requirements, "contradictions": contradictions, "declarations": declarations}
    return ruleset.model_copy(update=update)


class _Expander:
    """Walks conditions, replacing each `use`; remembers which names were used."""

    def __init__(self, ruleset: Ruleset, located: Located | None, report: ReportProblem) -> None:
        self.conditions = ruleset.conditions
        self.located = located
        self.report = report
        self.used: set[str] = set()
        self._positions: dict[str, list[tuple[Path, tuple[int, int]]]] = {}

    def walk(self, node: Any, loc: Path, stack: tuple[str, ...] = ()) -> Any:
        """`node` with its uses expanded (a new tree where anything changed; `node` itself is left as it is)."""
        if isinstance(node, dict):
            if len(node) == 1 and USE in node:
                return self._use(node[USE], (*loc, USE), stack)
            return {key: self.walk(value, (*loc, key), stack) for key, value in node.items()}
        if isinstance(node, list):
            return [self.walk(item, (*loc, index), stack) for index, item in enumerate(node)]
        return node

    def _use(self, name: Any, loc: Path, stack: tuple[str, ...]) -> Any:
        invalid = {USE: name}  # left in place after a problem: the compiler passes over it in silence
        if not isinstance(name, str):
            self.report(loc, "use-shape", "use: de naam van een voorwaarde uit 'conditions'", None)
            return invalid
        if name not in self.conditions:
            suggestion = closest(name, list(self.conditions))
            self.report(loc, "unknown-condition", f"onbekende voorwaarde '{name}' (conditions)", suggestion)
            return invalid
        if name in stack:
            chain = " → ".join((*stack[stack.index(name) :], name))
            self.report(loc, "condition-cycle", f"voorwaarde '{name}' gebruikt zichzelf ({chain})", None)
            return invalid
        self.used.add(name)
        place = loc[:-1]  # the mapping {use: name} is replaced by the condition
        self._locate(name, place)
        body = copy.deepcopy(self.conditions[name].condition)
        return self.walk(body, place, (*stack, name))

    def _locate(self, name: str, place: Path) -> None:
        """Copy the positions of the named condition's text to the place of use, where nothing is located yet."""
        if self.located is None:
            return
        if name not in self._positions:
            prefix: Path = ("conditions", name, "condition")
            self._positions[name] = [
                (path[len(prefix) :], position)
                for path, position in self.located.values.items()
                if path[: len(prefix)] == prefix
            ]
        for rest, position in self._positions[name]:
            self.located.values.setdefault((*place, *rest), position)
