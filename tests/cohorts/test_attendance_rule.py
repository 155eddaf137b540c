"""The attendance rule at its edges, as plain functions and as the roster and grid read it
from the database (cohorts/attendance_reading.py)."""

import datetime

import pytest

from cohorts import attendance_reading, attendance_services, services
from cohorts.attendance_rule import cohort_rate, days_required, standing
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.courses.factories import lesson, module_page


def test_exactly_eighty_percent_meets_an_eighty_percent_rule():
    one = standing(["present"] * 8 + ["absent"] * 2, total=10, held=10, required_percent=80)

    assert one.meets and one.needed == 0 and one.rate == 80
    assert attendance_reading.standing_text(one) == "8/10 — règle atteinte"


def test_one_day_short_says_how_many_more_days_are_needed():
    one = standing(["present"] * 7, total=10, held=7, required_percent=80)

    assert not one.meets and one.needed == 1 and one.reachable
    assert attendance_reading.standing_text(one) == "7/10 — 1 jour de plus requis"


def test_the_required_days_round_up():
    assert days_required(10, 80) == 8
    assert days_required(9, 80) == 8  # 7.2 days: 7 would be 77 %
    assert days_required(14, 75) == 11


def test_late_counts_as_attended_and_excused_does_not():
    one = standing(["late"] * 4 + ["present"] * 4 + ["excused"] * 2, total=10, held=10)

    assert one.attended == 8 and one.meets
    excused = standing(["present"] * 7 + ["excused"] * 3, total=10, held=10)
    assert excused.attended == 7 and not excused.meets and not excused.reachable
    assert attendance_reading.standing_text(excused) == "7/10 — ne peut plus atteindre la règle"


def test_a_trainee_who_can_no_longer_reach_the_rule_is_told():
    one = standing(["absent"] * 3, total=10, held=3)

    assert one.needed == 8 and not one.reachable


def test_a_withdrawn_trainee_never_meets_the_rule_and_is_left_out_of_the_cohort_rate():
    withdrawn = standing(["present"] * 10, total=10, held=10, withdrawn=True)
    staying = standing(["present"] * 5 + ["absent"] * 5, total=10, held=10)

    assert not withdrawn.meets and not withdrawn.reachable
    assert attendance_reading.standing_text(withdrawn) == "Abandon"
    assert cohort_rate([withdrawn, staying]) == 50


def test_no_session_day_meets_nothing_and_rates_zero():
    none = standing([], total=0, held=0)

    assert not none.meets and none.rate == 0
    assert attendance_reading.standing_text(none) == "—"


# --- Read from the database ------------------------------------------------------------------

MONDAY = datetime.date(2026, 11, 2)


@pytest.fixture
def five_day_cohort(trainer):
    module = module_page("rule", title="Règle", attendance_required_percent=80)
    for day in range(1, 6):
        lesson(module, day)
    return CohortFactory(
        name="Rabat — règle",
        module=module,
        trainers=[trainer],
        start_date=MONDAY,
        end_date=MONDAY + datetime.timedelta(days=13),
    )


def _mark(trainer, enrolment, cohort, statuses):
    days = list(cohort.session_days.held().order_by("date"))
    for day, status in zip(days, statuses, strict=False):
        attendance_services.record_mark(by=trainer, enrolment=enrolment, day=day, status=status)


def _standing(cohort, enrolment):
    return attendance_reading.cohort_attendance(cohort).row_for(enrolment).standing


def test_creating_a_cohort_plans_its_days_on_working_days(five_day_cohort):
    dates = list(five_day_cohort.session_days.values_list("date", flat=True))

    assert dates == [MONDAY + datetime.timedelta(days=n) for n in range(5)]
    assert five_day_cohort.last_session_day == MONDAY + datetime.timedelta(days=4)


def test_a_day_added_after_the_fact_raises_what_is_required(trainer, five_day_cohort):
    enrolment = TraineeFactory(cohort=five_day_cohort, by=trainer).enrolments.get()
    _mark(trainer, enrolment, five_day_cohort, ["present"] * 4 + ["absent"])
    assert _standing(five_day_cohort, enrolment).meets  # 4 of 5: 80 %

    attendance_services.add_session_day(
        by=trainer, cohort=five_day_cohort, date=MONDAY + datetime.timedelta(days=7)
    )

    after = _standing(five_day_cohort, enrolment)
    assert (after.attended, after.total, after.required) == (4, 6, 5)
    assert not after.meets and after.needed == 1


def test_a_day_cancelled_after_the_fact_drops_out_with_its_mark(trainer, five_day_cohort):
    enrolment = TraineeFactory(cohort=five_day_cohort, by=trainer).enrolments.get()
    _mark(
        trainer, enrolment, five_day_cohort, ["present", "present", "present", "absent", "absent"]
    )
    assert not _standing(five_day_cohort, enrolment).meets  # 3 of 5

    absent_day = five_day_cohort.session_days.order_by("date")[4]
    attendance_services.cancel_session_day(by=trainer, day=absent_day, note="Grève")

    after = _standing(five_day_cohort, enrolment)
    assert (after.attended, after.total) == (3, 4)
    assert not after.meets and after.needed == 1
    attendance_services.restore_session_day(by=trainer, day=absent_day)
    assert _standing(five_day_cohort, enrolment).total == 5


def test_a_withdrawn_trainee_is_shown_as_such(trainer, five_day_cohort):
    enrolment = TraineeFactory(cohort=five_day_cohort, by=trainer).enrolments.get()
    _mark(trainer, enrolment, five_day_cohort, ["present"] * 5)
    services.withdraw(by=trainer, enrolment=enrolment, reason="Départ")

    after = _standing(five_day_cohort, enrolment)
    assert after.withdrawn and not after.meets


def test_changing_the_dates_replans_the_days_until_attendance_is_taken(trainer, five_day_cohort):
    later = MONDAY + datetime.timedelta(days=7)
    services.update_cohort(
        by=trainer,
        cohort=five_day_cohort,
        start_date=later,
        end_date=later + datetime.timedelta(13),
    )
    assert five_day_cohort.session_days.order_by("date").first().date == later

    enrolment = TraineeFactory(cohort=five_day_cohort, by=trainer).enrolments.get()
    _mark(trainer, enrolment, five_day_cohort, ["present"])
    services.update_cohort(
        by=trainer,
        cohort=five_day_cohort,
        start_date=MONDAY,
        end_date=later + datetime.timedelta(13),
    )
    assert five_day_cohort.session_days.order_by("date").first().date == later
