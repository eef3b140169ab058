"""Deadline arithmetic: from an anchor moment and a `Deadline` to the last allowed day (or hour).

Terms in days run to the end of the last day, Dutch time: "binnen 5 werkdagen na" a Monday 301
ends at the end of the next Monday. Terms in hours run from the exact moment. A calendar term
(days, weeks, months) ending on a weekend or holiday runs on to the next working day only where
the obligation says so and why (`extend_to_working_day: atw` for a term set by law, Atw art. 1;
`ruleset` where the ruleset chooses it): the Algemene termijnenwet governs terms set by law, not
the terms of a contract. `Due.extended_from` keeps the day the term would have ended, for the reason.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

from kwaliteitsregels.monitoring.events import AMSTERDAM
from kwaliteitsregels.monitoring.models import Deadline
from kwaliteitsregels.workdays import add_working_days, next_working_day, working_days_between


@dataclass(frozen=True, slots=True)
class Due:
    """The end of a term: `limit` is the first moment that is too late; `last` is what people read."""

    limit: dt.datetime
    last: dt.date | dt.datetime
    extended_from: dt.date | None = None
    basis: str | None = None

    def label(self) -> str:
        """`2026-01-12`, or `2026-01-06 09:00` for terms in hours."""
        if isinstance(self.last, dt.datetime):
            return self.last.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M")
        return self.last.isoformat()


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=AMSTERDAM)


def compute_due(anchor: dt.datetime, deadline: Deadline, extra: frozenset[dt.date] = frozenset()) -> Due:
    """When a term of `deadline` that starts at `anchor` ends."""
    if deadline.hours is not None:
        limit = anchor + dt.timedelta(hours=deadline.hours)
        return Due(limit, limit)
    return _due_after(anchor.astimezone(AMSTERDAM).date(), deadline, extra)


@lru_cache(maxsize=8192)
def _due_after(day: dt.date, deadline: Deadline, extra: frozenset[dt.date]) -> Due:
    """The end of a term in days, weeks or months from `day` (a region's year has a few hundred distinct days)."""
    if deadline.working_days is not None:
        last = add_working_days(day, deadline.working_days, extra)
    else:
        if deadline.months is not None:
            last = _add_months(day, deadline.months)
        else:
            last = day + dt.timedelta(days=(deadline.days or 0) + 7 * (deadline.weeks or 0))
        if deadline.extend_to_working_day:
            moved = next_working_day(last, extra)
            if moved != last:
                return Due(_start_of(moved + dt.timedelta(days=1)), moved, last, deadline.extend_to_working_day)
    return Due(_start_of(last + dt.timedelta(days=1)), last)


def missed_by(deadline: Deadline, due: Due, moment: dt.datetime, extra: frozenset[dt.date] = frozenset()) -> int:
    """How far `moment` lies past the term, in the term's own unit (working days, days or hours); 0 if not."""
    if moment < due.limit:
        return 0
    if deadline.hours is not None:
        return math.ceil((moment - due.limit).total_seconds() / 3600) or 1
    assert isinstance(due.last, dt.date)  # noqa: S101 - day terms always end on a date
    day = moment.astimezone(AMSTERDAM).date()
    if deadline.working_days is not None:
        return max(working_days_between(due.last, day, extra), 1)
    return (day - due.last).days


def unit_of_miss(deadline: Deadline) -> str:
    """The unit `missed_by` counts in."""
    return {"working_days": "working_days", "hours": "hours"}.get(deadline.unit, "days")
