"""Dutch working days, following the Algemene termijnenwet (Atw, BWBR0002448).

A working day is a day that is not a Saturday, a Sunday or a day listed in Atw art. 3:

- art. 3 lid 1, "algemeen erkende feestdagen": Nieuwjaarsdag (1 January), the Christian second
  Easter and Whit days (Paasmaandag, Pinkstermaandag), both Christmas days (25 and 26 December),
  Hemelvaartsdag (Easter + 39 days), the day on which the King's birthday is celebrated
  (Koningsdag) and "de vijfde mei" (5 May, Bevrijdingsdag, every year: added by the 1981/1982
  amendment of art. 3, not only in lustrum years as in some collective labour agreements);
- art. 3 lid 2: Goede Vrijdag (Easter − 2 days) is equated with those days.

Not computed: the days the government equates by decree under art. 3 lid 3 (bridge days such as
the Friday after Ascension, published in the Staatscourant every few years). Pass them as
`extra` where a calendar must include them; monitoring files do so with `calendar.extra_holidays`.

Koningsdag is 27 April, or 26 April when the 27th is a Sunday (from 2014). Before that,
Koninginnedag was 30 April, or 29 April when the 30th was a Sunday (1990–2013). Years before 1990
are outside the supported range and raise `ValueError` (the 5 May entry dates from the 1980s).

Easter is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).

Counting a term "binnen N werkdagen na" day D: day D itself does not count; the term ends at the
end of the N-th working day after D (`add_working_days(D, N)`). Atw art. 1 lid 1 extends a term
in calendar days that ends on a Saturday, Sunday or holiday to the next working day
(`next_working_day`).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

FIRST_YEAR = 1990
SATURDAY = 5


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _kings_day(year: int) -> date:
    if year >= 2014:
        day = date(year, 4, 27)
        return day - timedelta(days=1) if day.weekday() == 6 else day
    day = date(year, 4, 30)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@lru_cache(maxsize=256)
def holidays(year: int) -> dict[date, str]:
    """The Atw art. 3 holidays of `year`, each with its Dutch name."""
    if year < FIRST_YEAR:
        raise ValueError(f"feestdagen vóór {FIRST_YEAR} worden niet berekend (jaar {year})")
    easter = easter_sunday(year)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter - timedelta(days=2): "Goede Vrijdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        _kings_day(year): "Koningsdag" if year >= 2014 else "Koninginnedag",
        date(year, 5, 5): "Bevrijdingsdag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }


def is_working_day(day: date, extra: frozenset[date] = frozenset()) -> bool:
    """Not a Saturday, Sunday, Atw holiday or one of the `extra` equated days."""
    return day.weekday() < SATURDAY and day not in holidays(day.year) and day not in extra


def add_working_days(day: date, count: int, extra: frozenset[date] = frozenset()) -> date:
    """The `count`-th working day after `day` (`day` itself never counts; 0 gives `day`)."""
    if count < 0:
        raise ValueError("het aantal werkdagen mag niet negatief zijn")
    current = day
    for _ in range(count):
        current += timedelta(days=1)
        while not is_working_day(current, extra):
            current += timedelta(days=1)
    return current


def next_working_day(day: date, extra: frozenset[date] = frozenset()) -> date:
    """`day` itself if it is a working day, else the first working day after it (Atw art. 1)."""
    while not is_working_day(day, extra):
        day += timedelta(days=1)
    return day


def working_days_between(start: date, end: date, extra: frozenset[date] = frozenset()) -> int:
    """How many working days lie after `start` up to and including `end` (negative if `end` < `start`)."""
    if end < start:
        return -working_days_between(end, start, extra)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=n), extra))
