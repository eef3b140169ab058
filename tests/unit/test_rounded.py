"""A computed number in a reason: two decimals, never rounded onto or across a number it is compared with."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import example, given
from hypothesis import strategies as st

from kwaliteitsregels.messages import rounded

_NUMBERS = st.decimals(allow_nan=False, allow_infinity=False, places=None)
_NEAR = st.decimals(min_value=Decimal("-0.01"), max_value=Decimal("0.01"), places=6)


def _side(number: Decimal, other: Decimal) -> int:
    return (number > other) - (number < other)


@given(_NUMBERS, st.lists(_NEAR, max_size=3))
@example(Decimal("69.996"), [Decimal("0.004")])  # against 70: 70.00 would meet the minimum it misses
@example(Decimal("1E+40"), [])
@example(Decimal("12345678901234567890123456789.123456789"), [Decimal("0.001")])
def test_a_rounded_number_stays_on_its_side_of_every_bound_and_within_half_a_cent(
    number: Decimal, offsets: list[Decimal]
) -> None:
    with localcontext() as exact:
        exact.prec = 10_000
        near = [number + offset for offset in offsets]
        shown = rounded(number, near)
        assert [_side(shown, other) for other in near] == [_side(number, other) for other in near]
        assert abs(shown - number) <= Decimal("0.005")
        if number == number.quantize(Decimal("0.01")):  # two decimals or fewer: the number itself
            assert shown == number
        assert format(shown, "f").partition(".")[2][-1:] != "0"  # no trailing zeros


def test_a_reader_sees_two_decimals_and_no_trailing_zeros() -> None:
    assert rounded(Decimal(200) / Decimal(3)) == Decimal("66.67")
    assert rounded(Decimal("2.400")) == Decimal("2.4")
    assert rounded(Decimal("60.0")) == Decimal(60)
    assert rounded(Decimal("0.125")) == Decimal("0.13")  # half up, as a reader rounds
    assert rounded(Decimal("69.996"), [Decimal(70)]) == Decimal("69.996")
    assert rounded(Decimal("70.004"), [Decimal(70)]) == Decimal("70.004")
    assert rounded(Decimal("70.004"), [Decimal(69)]) == Decimal(70)
