"""The demo's calendar and attendance (lms/demo/attendance.py): Morocco's fixed holidays,
each demo cohort's session days, and the marks of the days already past, one trainee below
the rule; loading again adds nothing."""

import datetime
from unittest import mock

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from cohorts import attendance_reading
from cohorts.models import AttendanceEntry, AttendanceMark, Cohort, Holiday
from lms import demo
from lms.demo import attendance, files

RABAT = "Rabat — Développement personnel"


@pytest.fixture(scope="module")
def demo_programme(django_db_setup, django_db_blocker):
    demo_settings = override_settings(
        DEBUG=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), demo_settings, transaction.atomic():
        demo.load()
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_programme")]


def spec(name: str) -> dict:
    return next(c for c in files.read("people.yaml")["cohorts"] if c["name"] == name)


def test_the_fixed_moroccan_holidays_of_2026_and_2027_are_listed():
    assert Holiday.objects.count() == 20
    assert Holiday.objects.get(date=datetime.date(2026, 11, 18)).name == "Fête de l'Indépendance"
    assert Holiday.objects.filter(date=datetime.date(2027, 7, 30)).exists()


def test_each_demo_cohort_has_its_days_on_working_days():
    holidays = set(Holiday.objects.values_list("date", flat=True))
    for cohort in Cohort.objects.all():
        dates = list(cohort.session_days.values_list("date", flat=True))
        assert len(dates) == 10
        assert all(date.weekday() < 5 and date not in holidays for date in dates)
        assert cohort.session_days.filter(lesson__isnull=True).count() == 0


def test_only_days_already_past_are_marked():
    today = timezone.localdate()
    assert not AttendanceMark.objects.filter(session_day__date__gte=today).exists()


def _three_weeks_later():
    later = timezone.now() + datetime.timedelta(days=21)
    return mock.patch("django.utils.timezone.now", return_value=later)


def test_once_the_days_are_past_the_marks_follow_the_data_and_one_trainee_is_below_the_rule():
    cohort = Cohort.objects.get(name=RABAT)
    with _three_weeks_later():
        attendance.load(cohort, spec(RABAT))
        grid = attendance_reading.cohort_attendance(cohort)
    rows = {row.enrolment.trainee.user.username: row for row in grid.rows}
    days = grid.days

    assert [rows["rabat03"].status_on(day) for day in days[:4]] == [
        "present",
        "late",
        "present",
        "late",
    ]
    assert rows["rabat05"].status_on(days[2]) == "excused"
    assert rows["rabat01"].standing.meets
    below = [name for name, row in rows.items() if not row.standing.meets]
    assert below == ["rabat07"]
    assert attendance_reading.standing_text(rows["rabat07"].standing) == (
        "4/10 — ne peut plus atteindre la règle"
    )


def test_loading_the_attendance_again_adds_nothing():
    cohort = Cohort.objects.get(name=RABAT)
    with _three_weeks_later():
        attendance.load(cohort, spec(RABAT))
        counts = (AttendanceMark.objects.count(), AttendanceEntry.objects.count())
        attendance.load(cohort, spec(RABAT))
        attendance.load_holidays()

    assert (AttendanceMark.objects.count(), AttendanceEntry.objects.count()) == counts
    assert Holiday.objects.count() == 20
