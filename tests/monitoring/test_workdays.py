"""Dutch working days after the Algemene termijnenwet: holidays, Easter, counting terms."""

from __future__ import annotations

from datetime import date

import pytest

from kwaliteitsregels.workdays import (
    add_working_days,
    easter_sunday,
    holidays,
    is_working_day,
    next_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2038, date(2038, 4, 25)),
        (2008, date(2008, 3, 23)),
    ],
)
def test_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_the_holidays_of_atw_article_3() -> None:
    assert sorted(holidays(2026).items()) == [
        (date(2026, 1, 1), "Nieuwjaarsdag"),
        (date(2026, 4, 3), "Goede Vrijdag"),
        (date(2026, 4, 6), "Tweede Paasdag"),
        (date(2026, 4, 27), "Koningsdag"),
        (date(2026, 5, 5), "Bevrijdingsdag"),
        (date(2026, 5, 14), "Hemelvaartsdag"),
        (date(2026, 5, 25), "Tweede Pinksterdag"),
        (date(2026, 12, 25), "Eerste Kerstdag"),
        (date(2026, 12, 26), "Tweede Kerstdag"),
    ]


def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday() -> None:
    assert date(2025, 4, 26) in holidays(2025)
    assert date(2025, 4, 27) not in holidays(2025)
    assert holidays(2008)[date(2008, 4, 30)] == "Koninginnedag"


def test_counting_working_days() -> None:
    assert add_working_days(date(2026, 4, 2), 5) == date(2026, 4, 13)  # Goede Vrijdag, Paasmaandag skipped
    assert add_working_days(date(2026, 4, 24), 5) == date(2026, 5, 4)  # Koningsdag skipped
    assert add_working_days(date(2026, 5, 4), 1) == date(2026, 5, 6)  # Bevrijdingsdag skipped
    assert add_working_days(date(2026, 1, 10), 1) == date(2026, 1, 12)  # from a Saturday
    assert add_working_days(date(2026, 1, 10), 0) == date(2026, 1, 10)
    assert working_days_between(date(2026, 5, 4), date(2026, 5, 7)) == 2
    assert working_days_between(date(2026, 5, 7), date(2026, 5, 4)) == -2
    assert next_working_day(date(2026, 5, 30)) == date(2026, 6, 1)
    assert is_working_day(date(2026, 5, 15))
    assert not is_working_day(date(2026, 5, 15), extra=frozenset({date(2026, 5, 15)}))


def test_out_of_range_and_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="vóór 1990"):
        holidays(1985)
    with pytest.raises(ValueError, match="negatief"):
        add_working_days(date(2026, 1, 1), -1)
