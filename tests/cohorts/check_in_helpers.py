"""What the check-in tests share: a clock the tests move, the window, the codes (the fixtures
are in tests/cohorts/conftest.py)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from cohorts import attendance_services
from cohorts import check_in as codes


class Clock:
    """The platform's "now" (django.utils.timezone.now), moved by the test: the services, the
    views and the codes all read it, so a code can expire without waiting."""

    def __init__(self):
        # At the start of a step (plus a second), so steps are counted from a known point.
        real = timezone.now()
        start = codes.step_at(real.timestamp()) * codes.STEP_SECONDS + 1
        self.now = datetime.datetime.fromtimestamp(start, tz=datetime.UTC)

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += datetime.timedelta(seconds=seconds)

    @property
    def step(self) -> int:
        return codes.step_at(self.now.timestamp())


def open_window(trainer, day, minutes=15, late_after=10):
    return attendance_services.open_check_in(
        by=trainer, day=day, minutes=minutes, late_after_minutes=late_after
    )


def _step(step):
    return codes.step_at(timezone.now().timestamp()) if step is None else step


def short(window, step=None) -> str:
    return codes.short_code(window.secret, _step(step))


def token(window, step=None) -> str:
    return codes.qr_code(window.secret, _step(step))


def qr_path(window, step=None) -> str:
    return reverse("check_in_qr", args=[window.pk, token(window, step)])
