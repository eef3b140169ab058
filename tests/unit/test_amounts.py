"""A fact's number as a reader sees it: every whole digit, grouped, whatever its size (fuzzing found two crashes)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from kwaliteitsregels.messages import amount


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None), st.sampled_from([None, "eur", "hour"]))
@example(Decimal("1E+40"), "eur")  # `number % 1` could not be computed in 28 digits
@example(Decimal("12345678901234567890123456789.5"), "eur")  # abs() rounded it to 28 digits
@example(Decimal("1E+5000"), None)  # int() of more than 4,300 digits cannot be printed
def test_every_whole_digit_is_shown_grouped(number: Decimal, unit: str | None) -> None:
    shown = amount(number, "nl", unit)
    whole = format(number.copy_abs(), "f").partition(".")[0]
    assert whole == "".join(c for c in shown if c.isdigit())[: len(whole)]


def test_euros_keep_cents_below_a_thousand_and_group_above() -> None:
    assert amount(Decimal("72.8"), "nl", "eur") == "€ 72,80"
    assert amount(Decimal(1000000), "nl", "eur") == "€ 1.000.000"
    assert amount(Decimal("-1234567.5"), "en", "eur") == "€-1,234,567.50"
    assert amount(2019, "nl") == "2019"
