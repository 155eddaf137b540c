"""Marking a day done: never ahead of time, undone on request, then on to the next day.

The cohort's start is moved relative to today (time travel): day N comes N − 1 days after it.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation

from cohorts.models import Cohort
from learning import services
from learning.models import LessonProgress
from lms import audit
from tests.courses.factories import lesson as add_lesson

# The platform's today (Africa/Casablanca), not the machine's.
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def days(cohort):
    """Three days; the cohort started yesterday, so today is day 2."""
    Cohort.objects.filter(pk=cohort.pk).update(start_date=TODAY - DAY)
    cohort.refresh_from_db()
    return [add_lesson(cohort.module, day, title=f"Jour test {day}") for day in (1, 2, 3)]


@pytest.fixture
def enrolment(trainee, days):
    return trainee.enrolments.select_related("cohort__module").get()


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def done_url(lesson) -> str:
    return reverse("learn_lesson_done", args=[lesson.pk])


def undone_url(lesson) -> str:
    return reverse("learn_lesson_undone", args=[lesson.pk])


def test_todays_day_and_earlier_ones_may_be_marked_done(client, trainee, days):
    client.force_login(trainee.user)

    for lesson in days[:2]:
        assert client.post(done_url(lesson)).status_code == 302

    assert LessonProgress.objects.count() == 2


def test_tomorrows_day_is_refused_with_a_clear_message_and_nothing_recorded(client, trainee, days):
    client.force_login(trainee.user)

    response = client.post(done_url(days[2]))

    assert response.status_code == 400
    text = " ".join(page(response).select_one("main").get_text(" ").split())
    assert "Le jour 3 ne peut pas encore être marqué comme terminé" in text
    assert page(response).select_one(f'a[href="{days[2].url}"]')
    assert not LessonProgress.objects.exists()
    assert not audit.entries().filter(action=audit.Action.LESSON_DONE).exists()


def test_the_service_refuses_a_day_ahead_of_time(enrolment, days):
    with pytest.raises(services.DayNotYetOpen) as refused:
        services.mark_lesson_done(enrolment, days[2])

    assert refused.value.opens_on == TODAY + DAY
    assert services.mark_lesson_done(enrolment, days[2], today=TODAY + DAY) is True


def test_a_day_to_come_shows_when_it_can_be_marked_instead_of_the_button(client, trainee, days):
    client.force_login(trainee.user)

    html = page(client.get(days[2].url))

    assert not html.select_one("button.mark-done")
    assert "pourra être marqué comme terminé à partir du" in html.select_one(".not-yet").get_text()


def test_the_day_list_says_which_days_are_to_come(client, trainee, days):
    client.force_login(trainee.user)

    html = page(client.get("/learn/"))

    states = [" ".join(li["class"]) for li in html.select(".days li")]
    assert states == ["day", "day is-today", "day upcoming"]
    assert "À venir" in html.select(".days li")[2].get_text()


def test_after_done_a_continue_button_leads_to_the_next_day(client, trainee, days):
    client.force_login(trainee.user)

    response = client.post(done_url(days[0]), follow=True)

    button = page(response).select_one("a.continue")
    assert button["href"] == days[1].url
    assert "Continuer : jour 2" in " ".join(button.get_text().split())


def test_after_the_last_day_the_button_leads_home(client, trainee, days):
    Cohort.objects.filter(pk=trainee.enrolments.get().cohort_id).update(start_date=TODAY - 5 * DAY)
    client.force_login(trainee.user)

    response = client.post(done_url(days[2]), follow=True)

    assert page(response).select_one("a.continue")["href"] == reverse("learn_home")


def test_a_trainee_undoes_a_mark_and_it_is_audited(client, trainee, days):
    client.force_login(trainee.user)
    client.post(done_url(days[0]))

    response = client.post(undone_url(days[0]), follow=True)

    html = page(response)
    assert html.select_one("button.mark-done")
    assert "n'est plus marqué terminé" in html.select_one(".notices").get_text()
    assert not LessonProgress.objects.exists()
    entries = audit.entries().filter(action=audit.Action.LESSON_UNDONE)
    assert [(entry.user, entry.data["lesson"]) for entry in entries] == [(trainee.user, days[0].pk)]


def test_undoing_a_day_not_done_changes_nothing(client, trainee, enrolment, days):
    client.force_login(trainee.user)

    assert client.post(undone_url(days[0])).status_code == 302
    assert services.unmark_lesson_done(enrolment, days[0]) is False
    assert not audit.entries().filter(action=audit.Action.LESSON_UNDONE).exists()


def test_only_the_trainee_of_the_module_can_undo(client, other_trainee, trainee, enrolment, days):
    services.mark_lesson_done(enrolment, days[0])
    client.force_login(other_trainee.user)

    assert client.post(undone_url(days[0])).status_code in (302, 404)
    assert client.get(undone_url(days[0])).status_code == 405
    assert LessonProgress.objects.count() == 1


def test_the_listen_button_carries_its_no_voice_text_in_the_pages_language(client, trainee, days):
    client.force_login(trainee.user)

    html = page(client.get(days[0].url))

    button = html.select_one("button[data-listen]")
    french = "Pas de voix pour le français sur cette tablette"
    assert button["data-listen-no-voice-label"] == french
    assert button.has_attr("hidden")  # listen.js shows it, with one text or the other
    with translation.override("en"):
        assert translation.gettext(french) == "No English voice on this tablet"
