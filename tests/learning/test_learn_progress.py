"""The trainee home's progress: today's day, the days done, a bounded number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from cohorts import services
from content.models import HomePage
from courses.days import percent, today_day_number
from courses.models import CourseIndexPage, LessonPage, ModulePage
from learning.models import LessonProgress
from learning.progress import progress_for_enrolments
from learning.services import mark_lesson_done
from tests.cohorts import factories

MONDAY = datetime.date(2026, 3, 2)
MAX_HOME_QUERIES = 14
# Far enough after any test cohort's start for every day to be markable.
LATER = timezone.localdate() + datetime.timedelta(days=60)


@pytest.fixture
def course_index(db):
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))
    index = CourseIndexPage(title="Formations", slug="formations")
    home.add_child(instance=index)
    return index


def module_with_lessons(index, code: str, count: int) -> ModulePage:
    module = ModulePage(title=f"Module {code}", slug=code, code=code, duration_days=count)
    index.add_child(instance=module)
    for day in range(1, count + 1):
        module.add_child(
            instance=LessonPage(title=f"{code} jour {day}", slug=f"j{day}", day_number=day)
        )
    return module


@pytest.fixture
def short_cohort(course_index, trainer):
    module = module_with_lessons(course_index, "short", 3)
    return factories.CohortFactory(
        name="Rabat — court", orientation_point__city="Rabat", trainers=[trainer], module=module
    )


@pytest.fixture
def long_cohort(course_index, trainer):
    module = module_with_lessons(course_index, "long", 10)
    return factories.CohortFactory(
        name="Rabat — long", orientation_point__city="Rabat", trainers=[trainer], module=module
    )


@pytest.fixture
def trainee(short_cohort, trainer):
    return factories.TraineeFactory(cohort=short_cohort, display_name="Awa Test", by=trainer)


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (MONDAY - datetime.timedelta(days=3), 1),  # before the start: day 1
        (MONDAY, 1),
        (MONDAY + datetime.timedelta(days=1), 2),
        (MONDAY + datetime.timedelta(days=9), 10),
        (MONDAY + datetime.timedelta(days=30), 10),  # after the end: the last day
    ],
)
def test_todays_day_counts_calendar_days_from_the_start_within_the_module(today, expected):
    assert today_day_number(MONDAY, today, 10) == expected


def test_a_module_without_lessons_has_no_day_today():
    assert today_day_number(MONDAY, MONDAY, 0) is None


def test_percent_of_days_done_is_rounded_and_safe_with_no_days():
    assert percent(3, 10) == 30
    assert percent(1, 3) == 33
    assert percent(0, 0) == 0


def test_the_home_shows_progress_today_and_what_is_left(client, trainee, short_cohort):
    lessons = list(LessonPage.objects.child_of(short_cohort.module).order_by("day_number"))
    mark_lesson_done(trainee.enrolments.get(), lessons[0])
    client.force_login(trainee.user)

    html = page(client.get("/learn/"))

    bar = html.select_one("[role=progressbar]")
    assert (bar["aria-valuenow"], bar["aria-valuemax"]) == ("1", "3")
    assert "1 jour sur 3" in html.select_one(".progress-label").get_text(" ", strip=True)
    # The cohort starts today (factories.cohort): today is day 1.
    today = html.select_one("a.today")
    assert today["href"] == lessons[0].url
    assert "Aujourd'hui\u00a0: Jour 1 — short jour 1" in today.get_text(" ", strip=True)
    days = html.select(".days li")
    assert len(days) == 3
    assert "done" in days[0]["class"] and "done" not in days[1]["class"]
    assert "Il reste 2 jours." in html.select_one(".left").get_text(" ", strip=True)


def test_a_finished_module_says_so(client, trainee, short_cohort):
    enrolment = trainee.enrolments.get()
    last_day = short_cohort.start_date + datetime.timedelta(days=2)
    for lesson in LessonPage.objects.child_of(short_cohort.module):
        mark_lesson_done(enrolment, lesson, today=last_day)
    client.force_login(trainee.user)

    html = page(client.get("/learn/"))

    assert html.select_one("[role=progressbar]")["aria-valuenow"] == "3"
    assert "Tous les jours sont terminés." in html.select_one(".left").get_text()


def test_a_trainee_back_after_the_training_is_not_told_what_today_is(trainee, short_cohort):
    enrolments = trainee.enrolments.select_related("cohort__module")
    last_day = short_cohort.schedule().last_day

    (on_the_last_day,) = progress_for_enrolments(enrolments, today=last_day)
    (after_it,) = progress_for_enrolments(enrolments, today=last_day + datetime.timedelta(days=1))

    assert on_the_last_day.today.number == 3
    assert on_the_last_day.finished_on is None
    assert after_it.today is None
    assert after_it.finished_on == last_day
    assert len(after_it.days) == 3


def test_the_home_of_a_finished_training_says_when_it_ended(client, course_index, trainer):
    start = timezone.localdate() - datetime.timedelta(days=30)
    cohort = factories.CohortFactory(
        name="Oujda — finie",
        orientation_point__city="Oujda",
        trainers=[trainer],
        module=module_with_lessons(course_index, "finished", 3),
        start_date=start,
        end_date=start + datetime.timedelta(days=13),
    )
    trainee = factories.TraineeFactory(cohort=cohort, display_name="Rokia Finie", by=trainer)
    client.force_login(trainee.user)

    html = page(client.get("/learn/"))

    assert html.select_one("a.today") is None
    ended = cohort.schedule().last_day
    assert f"La formation s'est terminée le {ended.day}\u00a0" in html.select_one(".left").get_text(
        " ", strip=True
    )
    assert "Il reste" not in html.get_text()


def test_a_lesson_done_in_english_counts_in_french_and_is_recorded_once(trainee, short_cohort):
    english = Locale.objects.get(language_code="en")
    module = short_cohort.module
    module.get_parent().copy_for_translation(english)
    module.copy_for_translation(english)
    french_lesson = LessonPage.objects.child_of(module).get(day_number=2)
    english_lesson = french_lesson.copy_for_translation(english)
    enrolment = trainee.enrolments.get()

    day_two = short_cohort.start_date + datetime.timedelta(days=1)
    assert mark_lesson_done(enrolment, english_lesson, today=day_two) is True
    assert mark_lesson_done(enrolment, french_lesson, today=day_two) is False

    assert list(LessonProgress.objects.values_list("lesson_id", flat=True)) == [french_lesson.pk]


def test_the_home_speaks_english_with_english_titles(client, trainee, short_cohort):
    english = Locale.objects.get(language_code="en")
    module = short_cohort.module
    module.get_parent().copy_for_translation(english)
    translated = module.copy_for_translation(english)
    translated.title = "Short module"
    translated.save_revision().publish()
    lesson = LessonPage.objects.child_of(module).get(day_number=1)
    english_lesson = lesson.copy_for_translation(english)
    english_lesson.title = "Short day one"
    english_lesson.save_revision().publish()
    client.force_login(trainee.user)

    html = page(client.get("/learn/", headers={"accept-language": "en"}))

    assert "Short module" in html.select_one(".enrolment h3").get_text()
    assert "Short day one" in html.select_one("a.today").get_text()
    assert html.select_one("a.today")["href"] == english_lesson.url


def home_queries(client, assert_max_num_queries) -> int:
    client.get("/learn/")  # warm the site-root cache, as any earlier request would
    with assert_max_num_queries(MAX_HOME_QUERIES) as queries:
        assert client.get("/learn/").status_code == 200
    return len(queries)


def test_the_home_runs_the_same_queries_whatever_the_lessons_and_enrolments(
    client, django_assert_max_num_queries, trainee, trainer, long_cohort
):
    client.force_login(trainee.user)
    one_module_of_three_days = home_queries(client, django_assert_max_num_queries)

    services.enrol(by=trainer, trainee=trainee, cohort=long_cohort)
    for lesson in LessonPage.objects.child_of(long_cohort.module)[:4]:
        mark_lesson_done(trainee.enrolments.get(cohort=long_cohort), lesson, today=LATER)
    two_modules_of_three_and_ten_days = home_queries(client, django_assert_max_num_queries)

    assert len(page(client.get("/learn/")).select(".days li")) == 13
    assert two_modules_of_three_and_ten_days == one_module_of_three_days
