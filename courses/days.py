"""The days of a module as a trainee meets them. Pure: no database access."""

import datetime
from dataclasses import dataclass


@dataclass
class Day:
    """One lesson of a module, and where a trainee stands with it (nothing, for staff)."""

    lesson: object
    done: bool = False
    is_today: bool = False

    @property
    def number(self) -> int:
        return self.lesson.day_number


def today_day_number(start_date: datetime.date, today: datetime.date, lesson_count: int):
    """The day of the module a cohort is on ``today``, from 1 to ``lesson_count``.

    Kept simple on purpose: calendar days since the cohort's start (the start date is day 1),
    never before day 1 nor past the last lesson. Weekends and days off are not skipped: the
    trainer can always point trainees to another day. ``None`` when the module has no lesson.
    """
    if lesson_count < 1:
        return None
    return min(max(1, (today - start_date).days + 1), lesson_count)


def percent(done: int, total: int) -> int:
    return round(100 * done / total) if total else 0
