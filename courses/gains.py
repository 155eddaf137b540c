"""The formulas of assessment results, in one place, with no database access.

Scores are percentages (0–100), taken unrounded: every figure is computed from the exact
scores and rounded once, at the end. See shared/curriculum.md §7:
- absolute gain = post − pre (percentage points);
- normalised gain g = (post − pre) / (100 − pre), undefined when pre = 100;
- bands: g < 0.3 low, 0.3 ≤ g ≤ 0.7 medium, g > 0.7 high;
- mastery = score ≥ threshold (70 % by default, settings.ASSESSMENT_MASTERY_PERCENT);
- per cohort, both the gain of the averages and the average of individual gains, because the
  two differ;
- "% satisfied" = share answering 4 or 5 on the overall survey item.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import mean

LOW, MEDIUM, HIGH = "low", "medium", "high"


def exact_percent(points: float, max_points: float) -> float | None:
    """The score unrounded: gains and averages are computed from this, and rounded only when
    shown (4/15 → 8/15 is a gain of 26.7 points, not 53.3 − 26.7 = 26.6)."""
    if max_points <= 0:
        return None
    return 100 * points / max_points


def score_percent(points: float, max_points: float) -> float | None:
    """The score as shown and stored beside an attempt, to one decimal."""
    exact = exact_percent(points, max_points)
    return None if exact is None else round(exact, 1)


def absolute_gain(pre: float | None, post: float | None) -> float | None:
    if pre is None or post is None:
        return None
    return round(post - pre, 1)


def normalised_gain(pre: float | None, post: float | None) -> float | None:
    """g = (post − pre) / (100 − pre); None when a score is missing or pre is 100."""
    if pre is None or post is None or pre >= 100:
        return None
    return round((post - pre) / (100 - pre), 3)


def gain_band(g: float | None) -> str | None:
    if g is None:
        return None
    if g < 0.3:
        return LOW
    if g <= 0.7:
        return MEDIUM
    return HIGH


def has_mastery(score: float | None, threshold: float = 70) -> bool | None:
    if score is None:
        return None
    return score >= threshold


@dataclass(frozen=True)
class CohortGains:
    tested_pre: int
    tested_post: int
    paired: int
    mean_pre: float | None
    mean_post: float | None
    gain_of_means: float | None  # normalised gain computed from the two averages
    mean_of_gains: float | None  # average of the individual normalised gains
    mean_absolute_gain: float | None
    mastery_rate: float | None  # % of post-tested trainees at or above the threshold


def cohort_gains(pairs: Iterable[tuple[float | None, float | None]], threshold: float = 70):
    """Cohort figures from (pre, post) score pairs, one per trainee still counted.

    A trainee with only one score counts in that score's average; gains use complete pairs
    only; pre = 100 has no individual g and is left out of the mean of gains.
    """
    pairs = list(pairs)
    pres = [pre for pre, _post in pairs if pre is not None]
    posts = [post for _pre, post in pairs if post is not None]
    complete = [(pre, post) for pre, post in pairs if pre is not None and post is not None]
    # Unrounded individual gains: rounding each before averaging would shift the mean.
    individual = [(post - pre) / (100 - pre) for pre, post in complete if pre < 100]
    paired_pre = mean(pre for pre, _ in complete) if complete else None
    paired_post = mean(post for _, post in complete) if complete else None
    return CohortGains(
        tested_pre=len(pres),
        tested_post=len(posts),
        paired=len(complete),
        mean_pre=_round(mean(pres)) if pres else None,
        mean_post=_round(mean(posts)) if posts else None,
        gain_of_means=normalised_gain(paired_pre, paired_post),
        mean_of_gains=round(mean(individual), 3) if individual else None,
        mean_absolute_gain=_round(mean(post - pre for pre, post in complete)) if complete else None,
        mastery_rate=_round(100 * sum(p >= threshold for p in posts) / len(posts))
        if posts
        else None,
    )


def percent_satisfied(overall_answers: Sequence[int | None]) -> float | None:
    """Share of respondents answering 4 or 5 on the overall item (blank answers excluded)."""
    answered = [a for a in overall_answers if a is not None]
    if not answered:
        return None
    return _round(100 * sum(a >= 4 for a in answered) / len(answered))


def _round(value: float) -> float:
    return round(value, 1)
