"""How many wrong check-in codes a trainee may try.

Six digits, two of them accepted at a time: a trainee at home trying codes one after the
other would be checked in after about 500 000 tries. Counting the wrong ones makes that
impossible, and a trainee who mistypes a few times is never stopped. They are counted per
trainee, never per address (a whole class checks in behind one router), in the shared cache
(every web worker counts the same), with allauth's rate limiter as for every other limit.
"""

# The public allauth.core.ratelimit.consume() reads only allauth's own settings; the internal
# one takes this app's limits.
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings

APP = "cohorts"
ACTION = "check_in_miss"
DEFAULT_RATE_LIMIT = "5/m/user,20/h/user"


def _config() -> dict[str, str]:
    return {ACTION: getattr(settings, "CHECK_IN_MISS_RATE_LIMIT", DEFAULT_RATE_LIMIT)}


def may_try(request) -> bool:
    """Whether this trainee may try a code now (counts nothing)."""
    left = allauth_ratelimit.consume(
        request, app=APP, action=ACTION, config=_config(), limit_get=True, dry_run=True
    )
    return left is not None


def count_wrong_code(request) -> None:
    allauth_ratelimit.consume(request, app=APP, action=ACTION, config=_config(), limit_get=True)
