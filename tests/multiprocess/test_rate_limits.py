"""With 4 gunicorn workers and no Redis, every sign-in limit holds exactly: the attempt after
the last one allowed is refused, whichever worker answers it (a cache of each worker's own
would multiply each limit by the number of workers).

The limits are read from the settings at test time (allauth's RATE_LIMITS, which merges
ACCOUNT_RATE_LIMITS), so the tests follow whatever limits are configured. Attempts are sent
one after the other, each on a new connection; the attempt half-way retires the worker that
answered it (tests/multiprocess/gunicorn_conf.py), so the attempts after it are answered by
other processes whatever the kernel's choice of worker. (Once: a new worker takes a second or
two of CPU to start, and a limit of 150 attempts must be tested within its window.)
"""

import time

import pytest
from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter
from allauth.core.internal.ratelimit import parse_rates
from django.utils import translation

from cohorts.guessing import USERNAME_SIGN_IN as TRAINEE_ACTION
from tests.cohorts.factories import PIN, STAFF_PASSWORD
from tests.multiprocess.gunicorn_conf import RETIRE_HEADER

# django_db: the server's database is a copy of the test database (see conftest.py).
pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db]

TRAINEE_SIGN_IN = "/accounts/trainee/"
STAFF_SIGN_IN = "/accounts/login/"
WRONG_PIN = "".join(str((int(digit) + 1) % 10) for digit in PIN)
TOO_MANY_REQUESTS = 429


def limit(action: str, per: str) -> tuple[int, float]:
    """The strictest configured limit of ``action`` counted ``per`` key or ip: (amount, s)."""
    rates = [r for r in parse_rates(account_settings.RATE_LIMITS.get(action)) if r.per == per]
    assert rates, f"no {per} limit configured for {action}"
    strictest = min(rates, key=lambda rate: rate.amount)
    return strictest.amount, strictest.duration


def staff_limit_per_address() -> tuple[int, float]:
    """Staff sign-in: failures per address, or every attempt per address, the stricter."""
    limits = [limit("login_failed", "ip")]
    if any(r.per == "ip" for r in parse_rates(account_settings.RATE_LIMITS.get("login"))):
        limits.append(limit("login", "ip"))
    return min(limits)


def too_many_attempts_message() -> str:
    with translation.override("en"):
        return str(get_adapter().error_messages["too_many_login_attempts"])


class Attempts:
    """Sign-in attempts, each by a new browser (so on a new connection), timed and probed."""

    def __init__(self, server, path: str, allowed: int):
        self.server = server
        self.path = path
        self.retire_at = allowed // 2
        self.started = time.monotonic()
        self.probes: list[str] = []

    def post(self, data: dict):
        visitor = self.server.visitor(language="en")
        visitor.get(self.path)  # the CSRF cookie
        headers = {RETIRE_HEADER: "1"} if len(self.probes) == self.retire_at else {}
        response = visitor.post(self.path, data, headers=headers)
        self.probes.append(response.probe)
        return response

    def workers(self) -> set[str]:
        return set(self.server.answered_by(self.probes).values())

    def assert_within(self, seconds: float) -> None:
        elapsed = time.monotonic() - self.started
        assert elapsed < seconds, (
            f"the attempts took {elapsed:.0f} s, longer than the limit's window"
        )


def trainee_refused(response) -> bool:
    return response.status_code == TOO_MANY_REQUESTS


def staff_refused(response) -> bool:
    return response.status_code == TOO_MANY_REQUESTS or too_many_attempts_message() in response.text


def test_the_per_trainee_limit_holds_exactly_across_workers(server):
    allowed, window = limit(TRAINEE_ACTION, "key")
    username = server.people["trainee_username"]
    attempts = Attempts(server, TRAINEE_SIGN_IN, allowed)

    wrong = [attempts.post({"username": username, "pin": WRONG_PIN}) for _ in range(allowed)]
    right_pin_after_the_limit = attempts.post({"username": username, "pin": PIN})

    assert [trainee_refused(response) for response in wrong] == [False] * allowed
    assert all(response.status_code == 200 for response in wrong)
    assert trainee_refused(right_pin_after_the_limit)
    assert len(attempts.workers()) > 1, "the attempts were answered by several workers"
    attempts.assert_within(window)


def test_the_per_address_trainee_limit_holds_exactly_across_workers(server):
    allowed, window = limit(TRAINEE_ACTION, "ip")
    attempts = Attempts(server, TRAINEE_SIGN_IN, allowed)

    # A different (unknown) username each time: only the address's count grows.
    failures = [
        attempts.post({"username": f"nobody{n:03d}", "pin": WRONG_PIN}) for n in range(allowed)
    ]
    one_more = attempts.post({"username": server.people["trainee_username"], "pin": PIN})

    assert [trainee_refused(response) for response in failures] == [False] * allowed
    assert trainee_refused(one_more)
    assert len(attempts.workers()) > 1, "the attempts were answered by several workers"
    attempts.assert_within(window)


def test_the_per_account_staff_limit_holds_exactly_across_workers(server):
    allowed, window = limit("login_failed", "key")
    email = server.people["trainer_email"]
    attempts = Attempts(server, STAFF_SIGN_IN, allowed)

    wrong = [
        attempts.post({"login": email, "password": "not-the-password"}) for _ in range(allowed)
    ]
    right_password_after_the_limit = attempts.post({"login": email, "password": STAFF_PASSWORD})

    assert [staff_refused(response) for response in wrong] == [False] * allowed
    assert all(response.status_code == 200 for response in wrong)
    assert staff_refused(right_password_after_the_limit)
    assert len(attempts.workers()) > 1, "the attempts were answered by several workers"
    attempts.assert_within(window)


def test_the_per_address_staff_limit_holds_exactly_across_workers(server):
    allowed, window = staff_limit_per_address()
    attempts = Attempts(server, STAFF_SIGN_IN, allowed)

    failures = [
        attempts.post({"login": f"nobody{n:03d}@example.org", "password": "not-the-password"})
        for n in range(allowed)
    ]
    one_more = attempts.post({"login": server.people["trainer_email"], "password": STAFF_PASSWORD})

    assert [staff_refused(response) for response in failures] == [False] * allowed
    assert staff_refused(one_more)
    assert len(attempts.workers()) > 1, "the attempts were answered by several workers"
    attempts.assert_within(window)
