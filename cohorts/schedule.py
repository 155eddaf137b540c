"""A cohort's calendar, planned from its dates: pure functions, no database.

The module's days fall on working days from the cohort's start: weekends and listed
holidays are skipped, and no day is planned after the cohort's end.
"""

import datetime
from collections.abc import Collection

# Saturday and Sunday (date.weekday()).
WEEKEND = frozenset({5, 6})


def plan_dates(
    start: datetime.date,
    end: datetime.date,
    count: int,
    holidays: Collection[datetime.date] = (),
    weekend: Collection[int] = WEEKEND,
) -> list[datetime.date]:
    """The first ``count`` working days from ``start`` to ``end`` included (fewer when the
    period is too short)."""
    dates: list[datetime.date] = []
    day = start
    while day <= end and len(dates) < count:
        if day.weekday() not in weekend and day not in holidays:
            dates.append(day)
        day += datetime.timedelta(days=1)
    return dates


def is_working_day(
    day: datetime.date,
    holidays: Collection[datetime.date] = (),
    weekend: Collection[int] = WEEKEND,
) -> bool:
    return day.weekday() not in weekend and day not in holidays
