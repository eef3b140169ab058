"""ISO 8601 date durations ("P5Y", "P6M", "P3M", "P10D", "P1Y6M") and calendar arithmetic."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta

_PATTERN = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


@dataclass(frozen=True, slots=True)
class Duration:
    """A date-only duration; subtracting it from a date uses calendar months and years."""

    years: int = 0
    months: int = 0
    days: int = 0
    text: str = "P0D"

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse an ISO 8601 date duration; raise ValueError with a readable message."""
        match = _PATTERN.match(text) if isinstance(text, str) else None
        if not match or text == "P":
            msg = f"'{text}' is geen ISO 8601-duur zonder tijd (bijvoorbeeld P5Y, P6M, P3M, P10D)"
            raise ValueError(msg)
        years, months, weeks, days = (int(g) if g else 0 for g in match.groups())
        return cls(years=years, months=months, days=weeks * 7 + days, text=text)

    def before(self, moment: date) -> date:
        """`moment` minus this duration; 29 February minus a year is 28 February.

        Saturates at `date.min`: a limit before the year 1 lets every date through, as it should.
        """
        total = moment.year * 12 + (moment.month - 1) - self.years * 12 - self.months
        year, month = divmod(total, 12)
        if year < MINYEAR:
            return date.min
        day = min(moment.day, calendar.monthrange(year, month + 1)[1])
        if self.days >= (date(year, month + 1, day) - date.min).days:
            return date.min
        return date(year, month + 1, day) - timedelta(days=self.days)

    def after(self, moment: date) -> date:
        """`moment` plus this duration, with the same month-end rule as `before`; saturates at `date.max`."""
        total = moment.year * 12 + (moment.month - 1) + self.years * 12 + self.months
        year, month = divmod(total, 12)
        if year > MAXYEAR:
            return date.max
        day = min(moment.day, calendar.monthrange(year, month + 1)[1])
        if self.days >= (date.max - date(year, month + 1, day)).days:
            return date.max
        return date(year, month + 1, day) + timedelta(days=self.days)

    def __str__(self) -> str:
        return self.text
