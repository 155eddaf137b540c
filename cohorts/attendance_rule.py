"""The attendance rule, in one place: plain functions over plain values, no database.

A trainee attends a session day when marked present or late; excused and absent days are
recorded but not attended. The rule's part of a certificate: attended days at least
``required_percent`` of the cohort's session days (cancelled days are not session days).
Percentages are compared in integers, so exactly 80 % meets an 80 % rule.
"""

from collections.abc import Iterable
from dataclasses import dataclass

ATTENDED = frozenset({"present", "late"})
DEFAULT_REQUIRED_PERCENT = 80


def attended_count(statuses: Iterable[str]) -> int:
    """How many of the marks count as attended."""
    return sum(1 for status in statuses if status in ATTENDED)


def rate_percent(attended: int, total: int) -> int:
    """The attendance rate, rounded to a whole percent (0 with no session day)."""
    return round(100 * attended / total) if total else 0


def days_required(total: int, required_percent: int = DEFAULT_REQUIRED_PERCENT) -> int:
    """The smallest number of attended days that meets the rule: ceil(total × percent / 100)."""
    return -(-total * required_percent // 100)


@dataclass(frozen=True)
class Standing:
    """Where a trainee stands with the rule.

    ``total``: the cohort's session days; ``held``: those already past or today;
    ``needed``: attended days still missing; ``reachable``: whether the days left can make
    up for them; ``withdrawn``: a trainee who left the cohort never meets it.
    """

    attended: int
    total: int
    held: int
    required: int
    withdrawn: bool = False

    @property
    def needed(self) -> int:
        return max(self.required - self.attended, 0)

    @property
    def meets(self) -> bool:
        return not self.withdrawn and self.total > 0 and self.needed == 0

    @property
    def reachable(self) -> bool:
        return not self.withdrawn and self.needed <= self.total - self.held

    @property
    def rate(self) -> int:
        """Attended days out of the days held so far."""
        return rate_percent(self.attended, self.held)


def standing(
    statuses: Iterable[str],
    *,
    total: int,
    held: int,
    required_percent: int = DEFAULT_REQUIRED_PERCENT,
    withdrawn: bool = False,
) -> Standing:
    """A trainee's standing from the statuses of their marks on the cohort's session days
    (cancelled days' marks left out by the caller)."""
    return Standing(
        attended=attended_count(statuses),
        total=total,
        held=min(held, total),
        required=days_required(total, required_percent),
        withdrawn=withdrawn,
    )


def cohort_rate(standings: Iterable[Standing]) -> int:
    """The cohort's rate: attended days over days held, across its trainees still enrolled."""
    attended = held = 0
    for one in standings:
        if one.withdrawn:
            continue
        attended += one.attended
        held += one.held
    return rate_percent(attended, held)
