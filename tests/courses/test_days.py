"""The calendar rules of a module's days and tests (courses/days.py): pure, no database."""

import datetime

import pytest

from courses.days import (
    Opening,
    can_mark_done,
    day_opens_on,
    post_test_opening,
    pre_test_opening,
    survey_opening,
)

MONDAY = datetime.date(2026, 3, 2)
FRIDAY_NEXT_WEEK = datetime.date(2026, 3, 13)
ONE_DAY = datetime.timedelta(days=1)


def test_day_n_comes_n_minus_one_calendar_days_after_the_start():
    assert day_opens_on(MONDAY, 1) == MONDAY
    assert day_opens_on(MONDAY, 3) == datetime.date(2026, 3, 4)


@pytest.mark.parametrize(
    ("today", "day", "expected"),
    [
        (MONDAY - ONE_DAY, 1, False),  # before the start, not even day 1
        (MONDAY, 1, True),
        (MONDAY, 2, False),  # tomorrow's day, ahead of time
        (MONDAY + ONE_DAY, 2, True),
        (MONDAY + 30 * ONE_DAY, 10, True),  # after the end, every day
    ],
)
def test_a_day_may_be_marked_done_from_its_own_calendar_day(today, day, expected):
    assert can_mark_done(MONDAY, today, day) is expected


def test_the_pre_test_opens_on_the_first_session_day():
    assert pre_test_opening(MONDAY, MONDAY - ONE_DAY) == Opening(False, MONDAY)
    assert pre_test_opening(MONDAY, MONDAY) == Opening(True, MONDAY)


def test_the_post_test_opens_on_the_last_session_day_or_when_the_trainer_opens_it():
    before = FRIDAY_NEXT_WEEK - ONE_DAY
    assert not post_test_opening(FRIDAY_NEXT_WEEK, before, opened_by_trainer=False).is_open
    assert post_test_opening(FRIDAY_NEXT_WEEK, before, opened_by_trainer=True).is_open
    assert post_test_opening(FRIDAY_NEXT_WEEK, FRIDAY_NEXT_WEEK, opened_by_trainer=False) == (
        Opening(True, FRIDAY_NEXT_WEEK)
    )


def test_the_survey_opens_once_the_post_test_is_submitted():
    post_open = Opening(True, FRIDAY_NEXT_WEEK)
    assert survey_opening(post_open, has_post_test=True, post_test_done=False) == Opening(False)
    assert survey_opening(post_open, has_post_test=True, post_test_done=True).is_open


def test_without_a_post_test_the_survey_opens_when_the_post_test_would_have():
    post_closed = Opening(False, FRIDAY_NEXT_WEEK)
    assert survey_opening(post_closed, has_post_test=False, post_test_done=False) == post_closed
