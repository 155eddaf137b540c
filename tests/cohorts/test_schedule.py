import datetime

from cohorts.schedule import is_working_day, plan_dates
from courses.days import Schedule

MONDAY = datetime.date(2026, 12, 7)


def test_days_are_planned_on_working_days_only():
    dates = plan_dates(MONDAY, MONDAY + datetime.timedelta(days=20), 10)

    assert len(dates) == 10
    assert all(date.weekday() < 5 for date in dates)
    assert dates[0] == MONDAY
    assert dates[-1] == datetime.date(2026, 12, 18)


def test_a_holiday_is_skipped_and_the_days_run_on():
    holiday = datetime.date(2026, 12, 9)
    dates = plan_dates(MONDAY, MONDAY + datetime.timedelta(days=20), 10, {holiday})

    assert holiday not in dates
    assert dates[-1] == datetime.date(2026, 12, 21)


def test_no_day_is_planned_after_the_end():
    dates = plan_dates(MONDAY, MONDAY + datetime.timedelta(days=6), 10)

    assert dates == [MONDAY + datetime.timedelta(days=n) for n in range(5)]


def test_a_weekend_start_begins_on_monday():
    saturday = MONDAY - datetime.timedelta(days=2)

    assert plan_dates(saturday, MONDAY + datetime.timedelta(days=5), 1) == [MONDAY]
    assert not is_working_day(saturday)


def test_the_schedule_reads_session_days_not_calendar_days():
    dates = tuple(plan_dates(MONDAY, MONDAY + datetime.timedelta(days=20), 10))
    schedule = Schedule(MONDAY, MONDAY + datetime.timedelta(days=20), dates)

    # Day 6 is the next Monday, not the Saturday.
    assert schedule.opens_on(6) == datetime.date(2026, 12, 14)
    assert not schedule.can_mark_done(datetime.date(2026, 12, 13), 6)
    assert schedule.can_mark_done(datetime.date(2026, 12, 14), 6)
    # Over the weekend, today's lesson stays day 5.
    assert schedule.today_number(datetime.date(2026, 12, 13), 10) == 5
    assert schedule.today_number(MONDAY - datetime.timedelta(days=3), 10) == 1
    assert schedule.first_day == MONDAY and schedule.last_day == dates[-1]


def test_an_unplanned_schedule_counts_calendar_days():
    schedule = Schedule(MONDAY, MONDAY + datetime.timedelta(days=9))

    assert schedule.opens_on(3) == MONDAY + datetime.timedelta(days=2)
    assert schedule.today_number(MONDAY + datetime.timedelta(days=4), 10) == 5


def test_there_is_no_day_today_once_the_last_session_day_is_over():
    dates = tuple(plan_dates(MONDAY, MONDAY + datetime.timedelta(days=20), 10))
    schedule = Schedule(MONDAY, MONDAY + datetime.timedelta(days=20), dates)
    unplanned = Schedule(MONDAY, MONDAY + datetime.timedelta(days=9))

    assert schedule.today_number(dates[-1], 10) == 10
    assert schedule.today_number(dates[-1] + datetime.timedelta(days=1), 10) is None
    assert unplanned.today_number(MONDAY + datetime.timedelta(days=9), 10) == 10
    assert unplanned.today_number(MONDAY + datetime.timedelta(days=10), 10) is None
