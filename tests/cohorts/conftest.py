"""Fixtures of the attendance and check-in tests."""

import pytest
from django.utils import timezone

from cohorts import attendance_services
from tests.cohorts.check_in_helpers import Clock


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def today(cohort, trainer):
    return attendance_services.add_session_day(by=trainer, cohort=cohort, date=timezone.localdate())


@pytest.fixture
def other_today(other_cohort, other_trainer):
    return attendance_services.add_session_day(
        by=other_trainer, cohort=other_cohort, date=timezone.localdate()
    )
