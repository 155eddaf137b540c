"""When the tests open, and the /learn/ home's cards for them.

The pre-test opens on the cohort's first day, the post-test on its last day or when the
trainer opens it, the survey once the post-test is submitted. Cohorts here have dates
relative to today (time travel by moving the cohort, not the clock).
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from cohorts import attendance_services
from cohorts.models import Cohort, Holiday, SessionDay
from courses.models import ModulePage
from learning import progress, services
from learning.models import Attempt
from lms import audit
from lms.dates import long_date, written_date
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.courses.factories import lesson as add_lesson
from tests.courses.factories import make_assessment, module_page
from tests.learning.factories import SubmittedAttemptFactory

# The platform's today (Africa/Casablanca), not the machine's.
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def module_tests(cohort):
    tests = {
        "pre": make_assessment(title="Test de début — DP"),
        "post": make_assessment(title="Test de fin — DP"),
        "survey": make_assessment(kind="survey", title="Votre avis", questions=[]),
    }
    ModulePage.objects.filter(pk=cohort.module.pk).update(
        pre_test=tests["pre"], post_test=tests["post"], survey=tests["survey"]
    )
    cohort.module.refresh_from_db()
    return tests


@pytest.fixture
def enrolment(trainee, module_tests):
    return trainee.enrolments.select_related("cohort__module").get()


def move(cohort, start, end):
    Cohort.objects.filter(pk=cohort.pk).update(start_date=start, end_date=end)
    cohort.refresh_from_db()


def address(enrolment, phase, view=""):
    return reverse(f"learn_assessment{view}", args=[enrolment.pk, phase])


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def words(element) -> str:
    """The element's text with ASCII white space folded; no-break spaces (French typography,
    dates) stay, to be checked."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()


def test_the_pre_test_is_refused_before_the_first_day_with_a_clear_page(
    client, trainee, enrolment, cohort
):
    move(cohort, TODAY + DAY, TODAY + 14 * DAY)
    client.force_login(trainee.user)

    response = client.get(address(enrolment, "pre"))

    assert response.status_code == 403
    text = words(page(response).select_one("main"))
    assert "Pas encore ouvert" in text
    assert f"il ouvrira le {long_date(TODAY + DAY)}" in text
    assert not Attempt.objects.exists()


def test_saving_or_submitting_a_test_not_yet_open_changes_nothing(
    client, trainee, enrolment, cohort
):
    move(cohort, TODAY + DAY, TODAY + 14 * DAY)
    client.force_login(trainee.user)

    saved = client.post(
        address(enrolment, "pre", "_save"),
        '{"version": 0, "answers": {}}',
        content_type="application/json",
    )
    submitted = client.post(address(enrolment, "pre", "_submit"), {"version": "0"})

    assert saved.status_code == 403
    assert "ouvrira le" in saved.json()["error"]
    assert submitted.status_code == 403
    assert not Attempt.objects.exists()


def test_an_attempt_started_before_the_dates_moved_is_not_saved_into_either(
    client, trainee, enrolment, cohort
):
    # The autosave reads a started attempt with its enrolment and cohort in one query: the
    # opening rules are asked of that cohort all the same.
    attempt = services.get_or_start_attempt(enrolment, "pre")
    move(cohort, TODAY + DAY, TODAY + 14 * DAY)
    client.force_login(trainee.user)

    saved = client.post(
        address(enrolment, "pre", "_save"),
        '{"version": 0, "answers": {}}',
        content_type="application/json",
    )

    assert saved.status_code == 403
    attempt.refresh_from_db()
    assert attempt.version == 0


def test_the_pre_test_opens_on_the_first_day(client, trainee, enrolment, cohort):
    move(cohort, TODAY, TODAY + 13 * DAY)
    client.force_login(trainee.user)

    response = client.get(address(enrolment, "pre"))

    assert response.status_code == 200
    assert page(response).h1.get_text() == "Test de début — DP"


def test_the_post_test_is_refused_before_the_last_day(client, trainee, enrolment, cohort):
    move(cohort, TODAY - 3 * DAY, TODAY + 10 * DAY)
    client.force_login(trainee.user)

    response = client.get(address(enrolment, "post"))

    assert response.status_code == 403
    assert long_date(TODAY + 10 * DAY) in page(response).select_one("main").get_text()


def test_the_post_test_opens_on_the_last_day(client, trainee, enrolment, cohort):
    move(cohort, TODAY - 13 * DAY, TODAY)
    client.force_login(trainee.user)

    assert client.get(address(enrolment, "post")).status_code == 200


def test_the_trainer_opens_the_post_test_early_once_and_it_is_audited(
    client, trainee, trainer, enrolment, cohort
):
    move(cohort, TODAY - 3 * DAY, TODAY + 10 * DAY)

    assert services.open_post_test(cohort, by=trainer) is True
    assert services.open_post_test(cohort, by=trainer) is False

    client.force_login(trainee.user)
    assert client.get(address(enrolment, "post")).status_code == 200
    entries = audit.entries().filter(action=audit.Action.POST_TEST_OPENED)
    assert [(entry.user, entry.object_id) for entry in entries] == [(trainer, str(cohort.pk))]


def test_the_survey_opens_once_the_post_test_is_submitted(client, trainee, enrolment, cohort):
    move(cohort, TODAY - 13 * DAY, TODAY)
    client.force_login(trainee.user)

    before = client.get(address(enrolment, "survey"))
    SubmittedAttemptFactory(enrolment=enrolment, phase="post", assessment=cohort.module.post_test)
    after = client.get(address(enrolment, "survey"))

    assert before.status_code == 403
    assert "une fois le test de fin envoyé" in page(before).select_one("main").get_text()
    assert after.status_code == 200


def test_a_submitted_test_still_shows_its_result_whatever_the_dates(
    client, trainee, enrolment, cohort
):
    SubmittedAttemptFactory(enrolment=enrolment, phase="pre", score_percent=40)
    move(cohort, TODAY + DAY, TODAY + 14 * DAY)
    client.force_login(trainee.user)

    response = client.get(address(enrolment, "pre"))

    assert response.status_code == 200
    assert "40" in page(response).select_one("main").get_text()


# The home's cards


def cards(client) -> dict:
    html = page(client.get("/learn/"))
    return {card["data-test"]: card for card in html.select(".test-card")}


def test_the_home_shows_each_test_to_do_or_not_yet_open_with_when_it_opens(
    client, trainee, enrolment, cohort
):
    move(cohort, TODAY, TODAY + 13 * DAY)
    client.force_login(trainee.user)

    found = cards(client)

    assert list(found) == ["pre", "post", "survey"]
    assert "todo" in found["pre"]["class"]
    assert found["pre"].a["href"] == address(enrolment, "pre")
    assert "Commencer" in found["pre"].a.get_text()
    assert "not_open" in found["post"]["class"]
    assert not found["post"].a
    end = written_date(TODAY + 13 * DAY, "j F")
    assert f"Ouvre le {end}." in words(found["post"])
    assert "Ouvre après le test de fin." in words(found["survey"])


def test_the_home_compares_the_post_test_with_the_pre_test_once_both_exist(
    client, trainee, enrolment, cohort
):
    move(cohort, TODAY - 13 * DAY, TODAY)
    SubmittedAttemptFactory(enrolment=enrolment, phase="pre", score_percent=40)
    client.force_login(trainee.user)

    only_pre = cards(client)
    SubmittedAttemptFactory(
        enrolment=enrolment, phase="post", assessment=cohort.module.post_test, score_percent=67
    )
    both = cards(client)

    assert "Fait — 40 %" in words(only_pre["pre"])
    assert "todo" in only_pre["post"]["class"]
    assert not only_pre["pre"].select_one(".test-gain")
    assert "done" in both["post"]["class"]
    assert "Fait — 67 %" in words(both["post"])
    assert words(both["post"].select_one(".test-gain")) == (
        "+27 points par rapport au test de début"
    )
    assert "todo" in both["survey"]["class"]


def test_a_module_without_tests_shows_no_cards(client, trainee, cohort):
    client.force_login(trainee.user)

    assert cards(client) == {}


def test_asking_whether_an_open_test_is_closed_costs_no_query(
    django_assert_num_queries, enrolment, cohort
):
    move(cohort, TODAY - 13 * DAY, TODAY)
    enrolment = type(enrolment).objects.select_related("cohort__module").get(pk=enrolment.pk)

    with django_assert_num_queries(0):  # autosave asks it on every call
        assert progress.not_yet_open(enrolment, "pre") is None
        assert progress.not_yet_open(enrolment, "post") is None


# --- Real session days -------------------------------------------------------------------------
# A module with lessons gets its session days planned when its cohort is made
# (cohorts.services.create_cohort), and a trainer moves, adds or cancels them through
# cohorts.attendance_services: "today's lesson" and the tests' opening days follow those days,
# not the cohort's start and end dates. ``move()`` above changes dates without replanning: it is
# only for cohorts without lessons (no days planned).

LESSONS = 5


@pytest.fixture
def lessons_module(db):
    module = module_page(code="jours-reels", title="Module aux jours réels")
    module.pre_test = make_assessment(title="Test de début — jours réels")
    module.post_test = make_assessment(title="Test de fin — jours réels")
    module.save()
    for day in range(1, LESSONS + 1):
        add_lesson(module, day, title=f"Leçon {day}")
    return module


def held_cohort(module, trainer, start, end):
    """A cohort of ``module`` made through the services: its days are planned from ``start``
    (every day a working day in the tests, no holiday in the way)."""
    Holiday.objects.all().delete()
    cohort = CohortFactory(module=module, start_date=start, end_date=end, trainers=[trainer])
    assert SessionDay.objects.filter(cohort=cohort).count() == LESSONS
    return cohort


def session_day(cohort, date):
    return SessionDay.objects.get(cohort=cohort, date=date)


def learner(cohort, trainer, client):
    trainee = TraineeFactory(cohort=cohort, by=trainer, display_name="Nafi Jours")
    client.force_login(trainee.user)
    return trainee.enrolments.get()


def today_button(client) -> str | None:
    button = page(client.get("/learn/")).select_one("a.today")
    return words(button) if button else None


def assert_closed_until(client, enrolment, phase: str, day) -> None:
    """The test ``phase`` is refused now and says the day it opens."""
    response = client.get(address(enrolment, phase))
    assert response.status_code == 403
    assert f"il ouvrira le {long_date(day)}" in words(page(response).select_one("main"))


def test_todays_lesson_counts_the_held_session_days_not_the_calendar(
    client, trainer, lessons_module
):
    cohort = held_cohort(lessons_module, trainer, TODAY - 2 * DAY, TODAY + 20 * DAY)
    learner(cohort, trainer, client)
    before = today_button(client)

    attendance_services.cancel_session_day(by=trainer, day=session_day(cohort, TODAY - DAY))

    # Day 3 by the calendar; the day before yesterday and today are the only days held so far.
    assert before == "▶️ Aujourd'hui\u00a0: Jour 3 — Leçon 3"
    assert today_button(client) == "▶️ Aujourd'hui\u00a0: Jour 2 — Leçon 2"


def test_a_first_day_moved_later_makes_today_an_earlier_day(client, trainer, lessons_module):
    cohort = held_cohort(lessons_module, trainer, TODAY - 2 * DAY, TODAY + 20 * DAY)
    learner(cohort, trainer, client)

    attendance_services.move_session_day(
        by=trainer, day=session_day(cohort, TODAY - 2 * DAY), date=TODAY + 5 * DAY
    )

    assert today_button(client) == "▶️ Aujourd'hui\u00a0: Jour 2 — Leçon 2"


def test_the_post_test_opens_on_the_last_session_day_before_the_cohorts_end_date(
    client, trainer, lessons_module
):
    # Five lessons from four days ago: the last session day is today, the end date far off.
    cohort = held_cohort(lessons_module, trainer, TODAY - 4 * DAY, TODAY + 20 * DAY)
    enrolment = learner(cohort, trainer, client)

    found = cards(client)

    assert cohort.closes_on == TODAY != cohort.end_date
    assert "todo" in found["post"]["class"]
    assert client.get(address(enrolment, "post")).status_code == 200
    assert today_button(client) == "▶️ Aujourd'hui\u00a0: Jour 5 — Leçon 5"


def test_moving_the_last_day_moves_the_post_tests_opening(client, trainer, lessons_module):
    cohort = held_cohort(lessons_module, trainer, TODAY - 4 * DAY, TODAY + 20 * DAY)
    enrolment = learner(cohort, trainer, client)

    attendance_services.move_session_day(
        by=trainer, day=session_day(cohort, TODAY), date=TODAY + 3 * DAY
    )

    assert_closed_until(client, enrolment, "post", TODAY + 3 * DAY)
    found = cards(client)
    assert "not_open" in found["post"]["class"]
    assert f"Ouvre le {written_date(TODAY + 3 * DAY, 'j F')}." in words(found["post"])
    # Four days held so far: today is the fourth lesson's day now, the fifth comes later.
    assert today_button(client) == "▶️ Aujourd'hui\u00a0: Jour 4 — Leçon 4"


def test_a_day_added_after_the_last_one_opens_the_post_test_on_it(client, trainer, lessons_module):
    cohort = held_cohort(lessons_module, trainer, TODAY - 4 * DAY, TODAY + 20 * DAY)
    enrolment = learner(cohort, trainer, client)

    attendance_services.add_session_day(by=trainer, cohort=cohort, date=TODAY + 7 * DAY)

    assert_closed_until(client, enrolment, "post", TODAY + 7 * DAY)
    assert "not_open" in cards(client)["post"]["class"]


def test_cancelling_the_first_day_opens_the_pre_test_on_the_next_one(
    client, trainer, lessons_module
):
    cohort = held_cohort(lessons_module, trainer, TODAY, TODAY + 20 * DAY)
    enrolment = learner(cohort, trainer, client)
    assert client.get(address(enrolment, "pre")).status_code == 200

    attendance_services.cancel_session_day(by=trainer, day=session_day(cohort, TODAY))

    assert_closed_until(client, enrolment, "pre", TODAY + DAY)
    assert "not_open" in cards(client)["pre"]["class"]


def test_a_training_whose_last_session_day_is_past_is_over_before_its_end_date(
    client, trainer, lessons_module
):
    cohort = held_cohort(lessons_module, trainer, TODAY - 6 * DAY, TODAY + 20 * DAY)
    enrolment = learner(cohort, trainer, client)

    home = words(page(client.get("/learn/")).select_one("main"))

    assert today_button(client) is None
    assert f"La formation s'est terminée le {long_date(TODAY - 2 * DAY)}." in home
    assert client.get(address(enrolment, "post")).status_code == 200
