"""How much input the loaders accept: file size, nesting depth and number of values.

The defaults suit every real ruleset and profile with a wide margin; pass your own `Limits`
to `load_ruleset`, `load_profile` or `parse_profile` to raise or lower them for one call:

>>> from kwaliteitsregels.limits import Limits
>>> kr.load_profile("big.yaml", limits=Limits(max_bytes=50_000_000))

Nothing here is global state: a `Limits` is an immutable value passed along with the call.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kwaliteitsregels.errors import UsageError, single

# Digits a number read may have before or after its point: below Python's 4,300-digit limit of int ↔ str,
# and far below what a report can print (1e-999999999 was a billion zeros in the text of a reason).
NUMBER_DIGITS = 3_900
NUMBER_DIGITS_MESSAGE = "getal heeft meer dan 3.900 cijfers voor of na de komma"
DEPTH_CEILING = 200  # deeper nesting would exhaust Python's stack in the reader and the compiler


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds on one input file (or dict); a larger input is refused with an `InputError`."""

    max_bytes: int = 5_000_000  # size of a file or text, in UTF-8 bytes
    max_depth: int = 64  # nesting of mappings and lists
    max_nodes: int = 200_000  # values after expanding aliases (stops "billion laughs")

    def __post_init__(self) -> None:
        """Refuse limits that cannot work: below 1, or deeper than the stack allows."""
        for name in ("max_bytes", "max_depth", "max_nodes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise single(UsageError, "limits", f"Limits.{name} moet een geheel getal van minstens 1 zijn")
        if self.max_depth > DEPTH_CEILING:
            raise single(UsageError, "limits", f"Limits.max_depth mag hoogstens {DEPTH_CEILING} zijn")


DEFAULT_LIMITS = Limits()


def too_many_digits(number: Decimal) -> bool:
    """Whether a finite `number` has more than `NUMBER_DIGITS` digits before or after its point (1e4000, 1e-4000)."""
    if not number.is_finite():
        return False
    exponent = number.as_tuple().exponent
    return number.adjusted() > NUMBER_DIGITS or (isinstance(exponent, int) and exponent < -NUMBER_DIGITS)
