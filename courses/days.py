"""The days of a module as a trainee meets them. Pure: no database access."""

import datetime
from dataclasses import dataclass


@dataclass
class Day:
    """One lesson of a module, and where a trainee stands with it (nothing, for staff)."""

    lesson: object
    done: bool = False
    is_today: bool = False
    upcoming: bool = False  # its calendar day has not come: it cannot be marked done yet

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


def day_opens_on(start_date: datetime.date, position: int) -> datetime.date:
    """The calendar day on which the ``position``-th day of the module (1-based) comes."""
    return start_date + datetime.timedelta(days=position - 1)


def can_mark_done(start_date: datetime.date, today: datetime.date, position: int) -> bool:
    """A day may be marked done on its own calendar day or later, never ahead of time."""
    return today >= day_opens_on(start_date, position)


@dataclass(frozen=True)
class Opening:
    """Whether a test is open, and if not, from when (``None``: once another step is done)."""

    is_open: bool
    opens_on: datetime.date | None = None


def pre_test_opening(start_date: datetime.date, today: datetime.date) -> Opening:
    """The pre-test opens on the first session day."""
    return Opening(today >= start_date, start_date)


def post_test_opening(
    end_date: datetime.date, today: datetime.date, *, opened_by_trainer: bool
) -> Opening:
    """The post-test opens on the last session day, or earlier once the trainer opens it."""
    return Opening(opened_by_trainer or today >= end_date, end_date)


def survey_opening(post_test: Opening, *, has_post_test: bool, post_test_done: bool) -> Opening:
    """The survey opens once the post-test is submitted; without a post-test, when it would
    have opened."""
    if not has_post_test:
        return post_test
    return Opening(post_test_done, None)
