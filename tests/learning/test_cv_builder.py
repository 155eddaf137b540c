"""The CV builder's page: its steps and illustrated lists, what it shows, what it never asks,
and bad input refused through the autosave with the work left as it was."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from courses.exercises import ExerciseError
from learning import exercise_services as services
from learning.models import Document
from tests.courses.test_cv import FORBIDDEN, full_cv


@pytest.fixture
def enrolment(trainee):
    return trainee.enrolments.get()


@pytest.fixture
def cv(trainee):
    return services.get_or_start_document(trainee, "cv")


def page(client, enrolment) -> BeautifulSoup:
    response = client.get(reverse("learn_cv", args=[enrolment.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_page_shows_every_step_with_its_prompt_and_the_work_so_far(
    client, trainee, enrolment, cv
):
    services.save_document(cv, full_cv(), 0)
    client.force_login(trainee.user)

    html = page(client, enrolment)

    steps = [step["data-cv-step"] for step in html.select("[data-cv-step]")]
    assert steps == [
        "identity",
        "objective",
        "skills",
        "experience",
        "languages",
        "trainings",
        "education",
        "referees",
        "photo",
    ]
    assert all(step.select_one("[data-listen]") for step in html.select("[data-cv-step]"))
    assert html.select_one("input[name=name]")["value"] == "Awa Koné"
    ticked = [box["value"] for box in html.select("input[name='skills.technical'][checked]")]
    assert ticked == ["cooking", "tailoring"]
    assert len(html.select("input[name='skills.technical']")) >= 20
    row = html.select_one("[data-rows=experience] > [data-row]")
    assert row.select_one("[data-field=what]")["value"] == "Couturière"
    assert row.select_one("[data-field=how_long] option[selected]")["value"] == "2-5y"
    level = html.select_one("[data-rows=languages] > [data-row] [data-field=speak]")
    assert level.select_one("option[selected]")["value"] == "3"
    # The preview says it already, in the words of the PDF.
    sheet = html.select_one("[data-cv-sheet]")
    assert "Couture" in sheet.get_text() and "2 à 5 ans" in sheet.get_text()
    assert json.loads(html.select_one("#cv-labels").string)["technical"]["masonry"] == "Maçonnerie"


def test_the_page_never_asks_for_nationality_status_religion_or_health(client, trainee, enrolment):
    client.force_login(trainee.user)

    form = page(client, enrolment).select_one("form[data-exercise]")

    names = {
        field.get("name", "") + field.get("data-field", "")
        for field in form.select("[name], [data-field]")
    }
    text = (form.get_text(" ") + " ".join(names)).lower()
    assert not [word for word in FORBIDDEN if word in text]


def test_the_autosave_keeps_the_cv_and_refuses_bad_parts_changing_nothing(
    client, trainee, enrolment, cv
):
    client.force_login(trainee.user)
    url = reverse("learn_exercise_save", args=["cv", enrolment.pk])

    def save(answers, version):
        body = json.dumps({"version": version, "answers": answers})
        return client.post(url, body, content_type="application/json")

    assert save(full_cv(), 0).json() == {"version": 1, "figures": None}
    refused = save({**full_cv(), "skills": {"technical": ["astrology"]}}, 1)
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"skills.technical.0": "Ce choix n'existe pas."}
    too_long = save({**full_cv(), "objective": "x" * 10_000}, 1)
    assert too_long.status_code == 400 and "objective" in too_long.json()["errors"]
    cv.refresh_from_db()
    assert cv.version == 1
    assert cv.data["skills"]["technical"] == ["tailoring", "cooking"]


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "x" * 10_000},
        {"experience": [{"what": "ok"}] * 21},
        {"languages": [{"language": "Wolof", "speak": "beaucoup"}]},
        {"driving_licence": "B"},
        {"education": 3},
    ],
)
def test_bad_data_leaves_the_saved_cv_untouched(cv, bad):
    services.save_document(cv, full_cv(), 0)
    with pytest.raises(ExerciseError):
        services.save_document(cv, {**full_cv(), **bad}, 1)
    kept = Document.objects.get(pk=cv.pk)
    assert kept.version == 1 and kept.data["name"] == "Awa Koné"


def test_the_trainers_preview_shows_the_cv_read_only(rf, cv):
    from django.template.loader import render_to_string

    services.save_document(cv, full_cv(), 0)
    html = BeautifulSoup(
        render_to_string(
            "learning/exercises/cv_preview.html", {"data": cv.data, "document": cv, "figures": None}
        ),
        "html.parser",
    )
    assert not html.select("input, select, textarea, template")
    text = html.get_text(" ")
    assert "Awa Koné" in text and "Mme Diallo" in text and "Assez bien" not in text
    assert "Bien" in text and "Pas du tout" in text
