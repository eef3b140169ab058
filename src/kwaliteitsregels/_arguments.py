"""Checks on the arguments of the public entry points: a wrong call is a UsageError, not an AttributeError later."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kwaliteitsregels.compiling import CompiledRuleset
from kwaliteitsregels.errors import Problem, UsageError, single
from kwaliteitsregels.models.profile import Profile
from kwaliteitsregels.stages import Stage


def _wrong(name: str, expected: str, value: Any) -> UsageError:
    message = f"{name} moet {expected} zijn, geen {type(value).__name__}"
    return UsageError([Problem("argument-type", message)])


def evaluation(ruleset: Any, profile: Any, peildatum: Any, stage: Any) -> Stage:
    """Check what `evaluate` was given; the stage as a Stage."""
    if not isinstance(ruleset, CompiledRuleset):
        raise _wrong("ruleset", "een geladen regelset (load_ruleset)", ruleset)
    if not isinstance(profile, Profile):
        raise _wrong("profile", "een geladen profiel (load_profile)", profile)
    if isinstance(peildatum, datetime) or not isinstance(peildatum, date):
        raise _wrong("peildatum", "een datum (datetime.date, zonder tijdstip)", peildatum)
    if isinstance(stage, Stage):
        return stage
    try:
        return Stage(stage)
    except ValueError:
        choices = ", ".join(s.value for s in Stage)
        raise single(UsageError, "argument-value", f"stage moet een van {choices} zijn, niet {stage!r}") from None


def rulesets(value: Any) -> tuple[CompiledRuleset, ...]:
    """Check what `evaluate_all` was given: one or more loaded rulesets, as a tuple."""
    if isinstance(value, CompiledRuleset | str | bytes | dict) or not hasattr(value, "__iter__"):
        raise _wrong("rulesets", "een lijst van geladen regelsets (load_ruleset)", value)
    found = tuple(value)
    if not found:
        message = (
            "rulesets is leeg: geef minstens één regelset (een leeg oordeel zou 'voldoet' zeggen)"
            " / rulesets is empty: give at least one ruleset"
        )
        raise single(UsageError, "argument-value", message)
    return found
