"""What must hold across fields of a validated profile, whichever vocabulary built its model.

An assessor decides on an explanation after it was given: an assessment dated before the explanation
it decides is refused, with the path of its `decided_on`, as a pydantic error so that the usual
handling (file, line, column) applies.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError


def check(validated: Any, title: str) -> None:
    """Raise a ValidationError naming every assessment dated before the explanation it decides."""
    errors: list[InitErrorDetails] = []
    for i, explanation in enumerate(getattr(validated, "explanations", None) or ()):
        given = getattr(explanation, "given_on", None)
        decided = getattr(getattr(explanation, "assessment", None), "decided_on", None)
        if isinstance(given, date) and isinstance(decided, date) and decided < given:
            message = "beoordeeld op {decided}, vóór de toelichting van {given} / decided before the explanation"
            error = PydanticCustomError(
                "assessment_before_explanation", message, {"decided": decided.isoformat(), "given": given.isoformat()}
            )
            errors.append({"type": error, "loc": ("explanations", i, "assessment", "decided_on"), "input": decided})
    if errors:
        raise ValidationError.from_exception_data(title, errors)
