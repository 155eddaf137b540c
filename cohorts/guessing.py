"""How many guesses a trainee's secret gets, and who can lock whom out.

A trainee's secret is short (a 4-digit PIN, or 4 pictures out of 12) and their username is
not secret (sequential, printed on login cards). What stops guessing is the number of wrong
tries, counted by allauth's limiter in the shared Django cache (the same counts in every web
process), in three budgets set in ``settings.ACCOUNT_RATE_LIMITS``:

- ``trainee_login_failed``: the username sign-in, on any device. Counted per trainee (the key
  is the username typed, known or not) and per address: 150 an hour, enough for a class of 30
  making first-day slips behind one router.
- ``trainee_classroom_login_failed``: the classroom sign-in (a trainer opened the class list
  on this tablet for today, cohorts/classroom.py). Counted per trainee too, apart from the one
  above: a stranger who sprays usernames from outside, or from the classroom's own Wi-Fi, uses
  up the username sign-in's budgets, never the one of the class's tablets.
- ``classroom_login_failed``: per classroom opening (its token): a tablet left open all day
  cannot be used to try every trainee's secret in turn.

Figures, with the configured limits (tests/cohorts/test_guessing.py computes them again):

- keyspace: PIN 10^4 = 10 000; pictures 12^4 = 20 736 (the smaller one counts: 10 000);
- per trainee: 10 wrong tries per 3 days in each of the two per-trainee budgets, so at most
  10 × ⌈7 / 3⌉ = 30 a week in each, 60 a week in all (the PIN and the pictures share them);
- chance of guessing one trainee's secret in a week ≤ 60 / 10 000 = 0.6 % (< 1 %).

A locked trainee waits (the message says how long) or asks a trainer, whose unlock
(cohorts.services.unlock_sign_in), or a new PIN, empties the trainee's budgets: a deliberate,
audited act by someone who knows the trainee, outside the bound above.
"""

import datetime
import math
import secrets
import time
from dataclasses import dataclass, field

from allauth.account import app_settings as account_settings
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core.cache import cache
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _

from cohorts.pictures import PICTURES, SEQUENCE_LENGTH

APP = "allauth.account"
USERNAME_SIGN_IN = "trainee_login_failed"
CLASSROOM_SIGN_IN = "trainee_classroom_login_failed"
CLASSROOM_TABLET = "classroom_login_failed"
# The budgets that belong to one trainee (the others belong to an address or a tablet).
TRAINEE_BUDGETS = (USERNAME_SIGN_IN, CLASSROOM_SIGN_IN)

PIN_LENGTH = 4
PIN_KEYSPACE = 10**PIN_LENGTH
PICTURE_KEYSPACE = len(PICTURES) ** SEQUENCE_LENGTH
WEEK = 7 * 24 * 3600
# The policy's promise: under this chance of guessing one trainee's secret in a week.
MAX_WEEKLY_CHANCE = 0.01


def generate_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


def generate_pictures() -> list[str]:
    """A picture password drawn like a PIN: each picture on its own, repeats allowed, so that
    every one of the 12^4 sequences is as likely. Never chosen by a person: a trainer picking
    from a list gives the few sequences everyone picks (sun, sun, sun, sun), not 20 736."""
    keys = list(PICTURES)
    return [secrets.choice(keys) for _ in range(SEQUENCE_LENGTH)]


def _rates(action: str) -> list:
    return allauth_ratelimit.get_rates(app=APP, action=action, config=account_settings.RATE_LIMITS)


def wrong_tries_per_week() -> int:
    """The most wrong tries at one trainee's secret that the limits let through in a week."""
    total = 0
    for action in TRAINEE_BUDGETS:
        per_trainee = [rate for rate in _rates(action) if rate.per == "key"]
        # A sliding window of ``duration`` holds at most ``amount`` tries; a week is covered
        # by ⌈week / duration⌉ such windows.
        total += min(
            (rate.amount * math.ceil(WEEK / rate.duration) for rate in per_trainee),
            default=math.inf,
        )
    return total


def weekly_chance() -> float:
    """The chance that a stranger guesses one trainee's secret within a week."""
    return wrong_tries_per_week() / min(PIN_KEYSPACE, PICTURE_KEYSPACE)


@dataclass(frozen=True)
class Locked:
    """A refused try: which budget is used up, and for how long."""

    seconds: float
    whole_device: bool

    @property
    def message(self) -> str:
        now = datetime.datetime.now(datetime.UTC)
        wait = timeuntil(now + datetime.timedelta(seconds=max(self.seconds, 60)), now)
        if self.whole_device:
            return _(
                "Trop d'essais sur cet appareil. Réessayez dans %(wait)s, "
                "ou demandez à votre formateur."
            ) % {"wait": wait}
        return _(
            "Trop d'essais : ce compte est bloqué. Réessayez dans %(wait)s, "
            "ou demandez à votre formateur de le débloquer."
        ) % {"wait": wait}


@dataclass
class Attempt:
    """A try counted before the secret is checked: parallel guesses cannot slip between a
    check and a count. A right secret hands it back, so a class signing in one after the
    other uses up nothing."""

    usages: list = field(default_factory=list)

    def succeeded(self) -> None:
        for usage in self.usages:
            usage.rollback()


# A budget is a list of (action, key): every one of them must have room for the try.
def username_budget(username: str) -> list[tuple[str, str]]:
    return [(USERNAME_SIGN_IN, username)]


def classroom_budget(username: str, token: str) -> list[tuple[str, str]]:
    return [(CLASSROOM_SIGN_IN, username), (CLASSROOM_TABLET, token)]


def count_try(request, budget: list[tuple[str, str]]) -> Attempt | Locked:
    """Count one try against every budget, or say which one is used up (counting nothing)."""
    for action, key in budget:
        if not _consume(request, action, key, dry_run=True):
            return _locked(request, action, key)
    attempt = Attempt()
    for action, key in budget:
        usage = _consume(request, action, key)
        if not usage:
            attempt.succeeded()
            return _locked(request, action, key)
        attempt.usages.append(usage)
    return attempt


def unlock(username: str) -> None:
    """Forget a trainee's wrong tries (every per-trainee budget)."""
    for action in TRAINEE_BUDGETS:
        for rate in _rates(action):
            if rate.per == "key":
                cache_key = allauth_ratelimit.get_cache_key(
                    None, app=APP, action=action, rate=rate, key=username
                )
                with allauth_ratelimit.cache_lock(cache_key):
                    cache.delete(cache_key)


def is_locked(username: str) -> bool:
    """Whether a trainee's username sign-in or classroom sign-in is used up."""
    return any(
        _wait(None, action, rate, username) > 0
        for action in TRAINEE_BUDGETS
        for rate in _rates(action)
        if rate.per == "key"
    )


def _consume(request, action, key, *, dry_run=False):
    return allauth_ratelimit.consume(
        request,
        app=APP,
        action=action,
        config=account_settings.RATE_LIMITS,
        key=key,
        dry_run=dry_run,
    )


def _wait(request, action: str, rate, key: str) -> float:
    """Seconds until ``rate`` has room again (0 when it has room now)."""
    cache_key = allauth_ratelimit.get_cache_key(request, app=APP, action=action, rate=rate, key=key)
    now = time.time()
    history = sorted((t for t in cache.get(cache_key, []) if t > now - rate.duration), reverse=True)
    if len(history) < rate.amount:
        return 0
    return history[rate.amount - 1] + rate.duration - now


def _locked(request, action: str, key: str) -> Locked:
    waits = [(_wait(request, action, rate, key), rate) for rate in _rates(action)]
    seconds, rate = max(waits, key=lambda pair: pair[0])
    return Locked(seconds=seconds, whole_device=rate.per == "ip" or action == CLASSROOM_TABLET)
