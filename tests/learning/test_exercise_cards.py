"""The trainee home shows the exercises the module's days link to, and where the work stands."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from learning import exercise_services as services
from tests.courses.factories import lesson as add_lesson


@pytest.fixture
def days(cohort):
    add_lesson(cohort.module, 1, body=[("text", "<p>Bienvenue</p>")])
    add_lesson(cohort.module, 2, body=[("exercise", {"exercise": "cv", "text": ""})])
    add_lesson(cohort.module, 3, body=[("exercise", {"exercise": "business_plan", "text": ""})])


def cards(client) -> dict:
    html = BeautifulSoup(client.get(reverse("learn_home")).content, "html.parser")
    return {
        card["data-exercise-card"]: (
            card.select_one(".test-state").get_text(" ", strip=True),
            card.select_one("a[href]")["href"],
        )
        for card in html.select("[data-exercise-card]")
    }


def test_the_home_shows_the_modules_exercises_and_where_the_work_stands(
    client, trainee, trainer, days
):
    enrolment = trainee.enrolments.get()
    client.force_login(trainee.user)
    assert cards(client) == {
        "cv": ("Pas encore commencé", f"/learn/cv/{enrolment.pk}/"),
        "plan": ("Pas encore commencé", f"/learn/plan/{enrolment.pk}/"),
    }
    cv = services.get_or_start_document(trainee, "cv")
    services.save_document(cv, {"objective": "Maçon"}, 0, by=trainee.user)
    services.submit_document(cv, by=trainee.user)
    services.review_document(
        cv, by=trainer, returned=True, comments={"objective": "Quelle ville ?"}
    )
    shown = cards(client)
    assert shown["cv"][0] == "À reprendre\u00a0: 1 commentaire de votre formateur"
    assert shown["plan"][0] == "Pas encore commencé"


def test_a_module_without_exercise_links_shows_no_exercise(client, trainee, cohort):
    add_lesson(cohort.module, 1, body=[("text", "<p>Bienvenue</p>")])
    client.force_login(trainee.user)
    assert cards(client) == {}
