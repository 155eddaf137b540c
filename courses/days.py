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


@dataclass(frozen=True)
class Schedule:
    """A cohort's calendar as the trainee's days read it: the dates of its held session days,
    in order (the first lesson on the first of them). Without session days (a cohort not yet
    planned) the days are counted in calendar days from the start, as before planning."""

    start: datetime.date
    end: datetime.date
    dates: tuple[datetime.date, ...] = ()

    @property
    def first_day(self) -> datetime.date:
        return self.dates[0] if self.dates else self.start

    @property
    def last_day(self) -> datetime.date:
        return self.dates[-1] if self.dates else self.end

    def opens_on(self, position: int) -> datetime.date:
        """The date of the ``position``-th session day (1-based); past the last session day,
        the days after it."""
        if not self.dates:
            return day_opens_on(self.start, position)
        if position <= len(self.dates):
            return self.dates[max(position, 1) - 1]
        return self.dates[-1] + datetime.timedelta(days=position - len(self.dates))

    def can_mark_done(self, today: datetime.date, position: int) -> bool:
        """A day may be marked done on its session day or later, never ahead of time."""
        return today >= self.opens_on(position)

    def today_number(self, today: datetime.date, lesson_count: int):
        """The day of the module the cohort is on ``today``: the last session day come so
        far (from 1 to ``lesson_count``; before the start, day 1 to prepare); ``None`` when
        the module has no lesson, or once its last session day is over (a trainee coming back
        after the training is not told that today is its last day)."""
        if today > self.last_day:
            return None
        if not self.dates:
            return today_day_number(self.start, today, lesson_count)
        if lesson_count < 1:
            return None
        come = sum(1 for date in self.dates if date <= today)
        return min(max(1, come), lesson_count)
