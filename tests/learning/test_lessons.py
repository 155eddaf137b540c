"""Lesson pages as trainees and staff meet them: who may open them, marking a day as done,
and every lesson block rendering."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from cohorts import services
from content.models import HomePage
from courses.models import CourseIndexPage, LessonPage, ModulePage
from learning.models import LessonProgress
from tests.cohorts import factories
from tests.courses.factories import AssessmentFactory


@pytest.fixture(autouse=True)
def course_index(db):
    """The modules' index under the French home, so lessons have a URL on the site."""
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))
    index = CourseIndexPage(title="Formations", slug="formations")
    home.add_child(instance=index)
    return index


@pytest.fixture
def outsider_trainee(db):
    """A trainee of another cohort, which runs another module."""
    module = factories.module_page("ec", "Entrepreneuriat et commercialisation")
    other = factories.CohortFactory(
        name="Casablanca — test", orientation_point__city="Casablanca", module=module
    )
    return factories.TraineeFactory(cohort=other, display_name="Moussa Test", sex="M")


def add_lesson(module, day: int, body=(), **fields) -> LessonPage:
    lesson = LessonPage(
        title=f"Jour test {day}",
        slug=f"jour-{day}",
        day_number=day,
        objectives="<p>Objectif du jour</p>",
        body=list(body),
        **fields,
    )
    module.add_child(instance=lesson)
    return lesson


@pytest.fixture
def lessons(cohort):
    # The cohort started two days ago: today is day 3, so every day may be marked done.
    cohort.start_date -= datetime.timedelta(days=2)
    cohort.save(update_fields=["start_date"])
    return [add_lesson(cohort.module, day) for day in (1, 2, 3)]


@pytest.fixture
def lesson(lessons):
    return lessons[1]


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def done_url(lesson) -> str:
    return f"/learn/lessons/{lesson.pk}/done/"


def test_a_lesson_has_a_url_on_the_french_site(lesson):
    assert lesson.url == "/fr/formations/module-dp/jour-2/"


def test_an_anonymous_visitor_is_sent_to_sign_in_and_nothing_is_cached(client, lesson):
    response = client.get(lesson.url)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/trainee/"
    assert "no-store" in response["Cache-Control"]


def test_a_trainee_of_the_cohort_opens_the_lesson(client, trainee, lesson):
    client.force_login(trainee.user)

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = page(response)
    assert html.h1.get_text(strip=True) == "Jour test 2"
    assert "Jour 2" in html.select_one(".day-badge").get_text()
    assert "Objectif du jour" in html.select_one(".objectives").get_text()
    assert "Durée\u00a0: 6 h" in html.select_one(".lesson .meta").get_text(" ", strip=True)
    assert html.select_one("header form[data-signout]")


def test_a_trainee_of_another_module_gets_a_404(client, outsider_trainee, lesson):
    client.force_login(outsider_trainee.user)

    assert client.get(lesson.url).status_code == 404
    assert client.get(lesson.get_parent().url).status_code == 404


def test_a_withdrawn_trainee_gets_a_404(client, trainee, trainer, lesson):
    services.withdraw(by=trainer, enrolment=trainee.enrolments.get(), reason="Départ")
    client.force_login(trainee.user)

    assert client.get(lesson.url).status_code == 404


@pytest.mark.parametrize("persona", ["trainer", "coordinator", "editor", "admin_user"])
def test_staff_open_the_lesson_without_a_done_button(client, request, persona, lesson):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(lesson.url)

    assert response.status_code == 200
    html = page(response)
    assert html.h1.get_text(strip=True) == "Jour test 2"
    assert not html.select_one("button.mark-done")


def test_a_trainee_of_the_cohort_opens_the_module_and_sees_its_days(client, trainee, lessons):
    client.force_login(trainee.user)

    response = client.get(lessons[0].get_parent().url)

    assert response.status_code == 200
    days = page(response).select(".days li")
    assert [d.select_one(".day-number").get_text() for d in days] == ["1", "2", "3"]


def test_the_lesson_links_the_previous_and_next_days_and_the_way_home(client, trainee, lessons):
    client.force_login(trainee.user)

    html = page(client.get(lessons[1].url))

    assert html.select_one("a[rel=prev]")["href"] == lessons[0].url
    assert html.select_one("a[rel=next]")["href"] == lessons[2].url
    assert html.select_one('a[href="/learn/"]')


def test_the_first_day_has_no_previous_and_the_last_no_next(client, trainee, lessons):
    client.force_login(trainee.user)

    assert not page(client.get(lessons[0].url)).select_one("a[rel=prev]")
    assert not page(client.get(lessons[2].url)).select_one("a[rel=next]")


def test_the_listen_button_ships_hidden_with_its_script(client, trainee, lesson):
    client.force_login(trainee.user)

    html = page(client.get(lesson.url))

    button = html.select_one("button[data-listen]")
    assert button.has_attr("hidden")
    assert "Écouter" in button.get_text()
    assert html.select_one("[data-listen-source]").h1
    assert html.select_one('script[src="/static/js/listen.js"][defer]')


def test_a_trainee_marks_a_lesson_as_done_and_sees_it_done(client, trainee, lesson):
    client.force_login(trainee.user)
    html = page(client.get(lesson.url))
    assert html.select_one("form[action] button.mark-done")
    assert html.select_one("form button.mark-done").find_parent("form")["action"] == done_url(
        lesson
    )

    response = client.post(done_url(lesson), follow=True)

    assert response.redirect_chain == [(lesson.url, 302)]
    html = page(response)
    assert "Jour 2 terminé" in html.select_one(".notices").get_text()
    assert "Terminé ✓" in html.select_one(".done-state").get_text()
    assert not html.select_one("button.mark-done")
    assert LessonProgress.objects.filter(enrolment__trainee=trainee, lesson=lesson).count() == 1


def test_marking_a_lesson_done_twice_records_it_once(client, trainee, lesson):
    client.force_login(trainee.user)

    client.post(done_url(lesson))
    response = client.post(done_url(lesson))

    assert response.status_code == 302
    assert LessonProgress.objects.filter(enrolment__trainee=trainee).count() == 1


def test_marking_done_moves_the_progress_bar_on_the_home(client, trainee, lesson):
    client.force_login(trainee.user)
    before = page(client.get("/learn/")).select_one("[role=progressbar]")
    assert before["aria-valuenow"] == "0"

    client.post(done_url(lesson))

    html = page(client.get("/learn/"))
    bar = html.select_one("[role=progressbar]")
    assert bar["aria-valuenow"] == "1"
    assert bar["aria-valuemax"] == "3"
    assert "1 jour sur 3" in html.select_one(".progress-label").get_text(" ", strip=True)
    assert html.select_one(".day.done .day-title").get_text() == "Jour test 2"


def test_a_trainee_cannot_mark_a_lesson_of_another_module(client, outsider_trainee, lesson):
    client.force_login(outsider_trainee.user)

    response = client.post(done_url(lesson))

    assert response.status_code == 404
    assert not LessonProgress.objects.exists()


def test_marking_an_unknown_lesson_is_a_404(client, trainee):
    client.force_login(trainee.user)

    assert client.post("/learn/lessons/999999/done/").status_code == 404


def test_marking_done_needs_a_post(client, trainee, lesson):
    client.force_login(trainee.user)

    assert client.get(done_url(lesson)).status_code == 405
    assert not LessonProgress.objects.exists()


def test_an_anonymous_visitor_cannot_mark_a_lesson_done(client, lesson):
    response = client.post(done_url(lesson))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/trainee/"


def test_every_lesson_block_renders(client, trainee, cohort):
    image = Image.objects.create(title="Arbre", file=get_test_image_file())
    document = Document.objects.create(
        title="Fiche", file=ContentFile(b"%PDF-1.4 test", name="fiche.pdf")
    )
    audio = Document.objects.create(title="Son", file=ContentFile(b"ID3", name="son.mp3"))
    body = [
        ("text", "<p>Un texte de leçon</p>"),
        ("image", {"image": image, "alt_text": "Un arbre", "decorative": False}),
        (
            "video",
            {
                "title": "Vidéo du jour",
                "file": None,
                "url": "https://example.org/v",
                "transcript": "Ce que dit la vidéo",
            },
        ),
        ("audio", {"title": "Écoute du jour", "file": audio}),
        ("document", {"document": document, "title": "Fiche à imprimer"}),
        (
            "activity",
            {
                "title": "Arbre des réussites",
                "duration_minutes": 45,
                "instructions": "<ol><li>Dessinez</li></ol>",
            },
        ),
        ("tip", {"kind": "warning", "text": "<p>Prenez votre temps</p>"}),
        ("exercise", {"exercise": "pre_test", "text": ""}),
        ("exercise", {"exercise": "cv", "text": "Ouvrir mon CV"}),
    ]
    ModulePage.objects.filter(pk=cohort.module.pk).update(
        pre_test=AssessmentFactory(title="Test de début")
    )
    lesson = add_lesson(cohort.module, 1, body=body)
    client.force_login(trainee.user)

    response = client.get(lesson.url)

    assert response.status_code == 200
    html = page(response).select_one(".lesson-body")
    assert "Un texte de leçon" in html.select_one(".block-text").get_text()
    assert html.select_one(".block-image img")["alt"] == "Un arbre"
    assert html.select_one('.block-media a[href="https://example.org/v"]')
    assert "Ce que dit la vidéo" in html.select_one(".block-media details").get_text()
    assert html.select_one(".block-media audio")["src"].endswith(".mp3")
    assert "Fiche à imprimer" in html.select_one(".block-document h2").get_text()
    assert html.select_one(".block-document a[download]")["href"] == document.url
    assert "Dessinez" in html.select_one(".block-activity").get_text()
    assert "45 minutes" in html.select_one(".block-activity").get_text()
    assert "Attention" in html.select_one(".callout.warning").get_text()
    assert "Test de début" in html.select_one(".block-exercise.pre_test a[href]").get_text()
    assert "Ouvrir mon CV" in html.select_one(".block-exercise.cv a[href]").get_text()


def test_a_lesson_restricted_by_an_editor_stays_restricted_for_its_trainees(
    client, trainee, lesson
):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="secret-du-jour"
    )
    client.force_login(trainee.user)

    response = client.get(lesson.url)

    # Wagtail's password form, not the lesson: the editor's restriction comes first.
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Objectif du jour" not in response.content.decode()
