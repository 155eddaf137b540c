"""The formulas of courses/gains.py, against figures computed by hand."""

import pytest

from courses import gains


@pytest.mark.parametrize(
    ("points", "max_points", "expected"),
    [(7, 15, 46.7), (15, 15, 100.0), (0, 15, 0.0), (3, 0, None)],
)
def test_score_percent_is_a_rounded_percentage_and_none_without_points_possible(
    points, max_points, expected
):
    assert gains.score_percent(points, max_points) == expected


@pytest.mark.parametrize(
    ("pre", "post", "expected"),
    [(40, 80, 40.0), (60, 30, -30.0), (46.7, 73.3, 26.6), (40, None, None), (None, 80, None)],
)
def test_absolute_gain_is_post_minus_pre_in_points(pre, post, expected):
    assert gains.absolute_gain(pre, post) == expected


@pytest.mark.parametrize(
    ("pre", "post", "expected"),
    [
        (40, 80, 0.667),  # 40 / 60
        (50, 50, 0.0),
        (60, 30, -0.75),  # −30 / 40: a drop is a negative gain
        (20, 100, 1.0),
        (100, 90, None),  # nothing left to gain: undefined
        (100, 100, None),
        (40, None, None),  # no post-test yet
        (None, 80, None),
    ],
)
def test_normalised_gain_divides_the_gain_by_what_was_left_to_learn(pre, post, expected):
    assert gains.normalised_gain(pre, post) == expected


@pytest.mark.parametrize(
    ("g", "band"),
    [
        (-0.5, gains.LOW),
        (0.299, gains.LOW),
        (0.3, gains.MEDIUM),
        (0.7, gains.MEDIUM),
        (0.701, gains.HIGH),
        (1.0, gains.HIGH),
        (None, None),
    ],
)
def test_bands_are_low_below_0_3_medium_up_to_0_7_and_high_above(g, band):
    assert gains.gain_band(g) == band


def test_mastery_starts_at_the_threshold_exactly():
    assert gains.has_mastery(70) is True
    assert gains.has_mastery(69.9) is False
    assert gains.has_mastery(None) is None
    assert gains.has_mastery(75, threshold=80) is False


def test_cohort_gains_of_a_cohort_with_a_pre_only_trainee_and_a_perfect_pre_test():
    # (40, 80) g = 0.667; (100, 90) no g; (50, 50) g = 0; (60, —) pre-test only.
    figures = gains.cohort_gains([(40, 80), (100, 90), (50, 50), (60, None)])

    assert figures.tested_pre == 4
    assert figures.tested_post == 3
    assert figures.paired == 3
    assert figures.mean_pre == 62.5  # (40 + 100 + 50 + 60) / 4
    assert figures.mean_post == 73.3  # (80 + 90 + 50) / 3
    # Paired means 63.33 → 73.33: g = 10 / 36.67 = 0.273 ...
    assert figures.gain_of_means == 0.273
    # ... while the mean of the individual g values is (2/3 + 0) / 2 = 0.333.
    assert figures.mean_of_gains == 0.333
    assert figures.mean_absolute_gain == 10.0  # (40 − 10 + 0) / 3
    assert figures.mastery_rate == 66.7  # 80 and 90 of three post-tests


def test_cohort_gains_count_only_the_pairs_the_caller_passes():
    """A withdrawn trainee is left out by the caller: their scores change nothing."""
    active = [(40, 80), (50, 50)]
    withdrawn = (10, 100)

    assert gains.cohort_gains([*active, withdrawn]).mean_pre == 33.3
    figures = gains.cohort_gains(active)
    assert figures.tested_pre == 2
    assert figures.mean_pre == 45.0
    assert figures.mean_post == 65.0
    assert figures.gain_of_means == 0.364  # 20 / 55
    assert figures.mean_of_gains == 0.333  # (2/3 + 0) / 2
    assert figures.mastery_rate == 50.0


def test_the_mean_of_gains_averages_the_unrounded_individual_gains():
    """(0, 0) has g = 0 and (10, 25) g = 15 / 90 = 0.16667: their mean is 0.08333 → 0.083.

    Rounding each g first (0 and 0.167) would give 0.0835 → 0.084: a different figure.
    """
    figures = gains.cohort_gains([(0, 0), (10, 25)])

    assert gains.normalised_gain(10, 25) == 0.167
    assert figures.mean_of_gains == 0.083


def test_cohort_gains_of_nobody_tested_are_all_undefined():
    figures = gains.cohort_gains([(None, None)])
    assert figures.tested_pre == figures.tested_post == figures.paired == 0
    assert figures.mean_pre is None
    assert figures.gain_of_means is None
    assert figures.mean_of_gains is None
    assert figures.mastery_rate is None


def test_cohort_gains_with_only_perfect_pre_tests_have_no_gain():
    figures = gains.cohort_gains([(100, 100), (100, 80)])
    assert figures.gain_of_means is None
    assert figures.mean_of_gains is None
    assert figures.mean_absolute_gain == -10.0


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([4, 5, 4, 5, 1], 80.0),  # four of five answered 4 or 5
        ([5, 4, 3, 2, 1], 40.0),
        ([5, None, 4, None, 1], 66.7),  # blanks are not counted
        ([3, 3], 0.0),
        ([], None),
        ([None, None], None),
    ],
)
def test_percent_satisfied_is_the_share_answering_4_or_5(answers, expected):
    assert gains.percent_satisfied(answers) == expected


def test_gains_come_from_the_unrounded_scores():
    pre, post = gains.exact_percent(4, 15), gains.exact_percent(8, 15)  # 26.67 % and 53.33 %

    assert gains.score_percent(4, 15) == 26.7 and gains.score_percent(8, 15) == 53.3
    assert gains.absolute_gain(pre, post) == 26.7  # not 53.3 − 26.7 = 26.6
    assert gains.cohort_gains([(pre, post)]).mean_absolute_gain == 26.7
