"""The satisfaction survey is anonymous: nothing stored lets anyone tell whose answers are whose.

Named forms inflate scores through courtesy bias (shared/curriculum.md §7).
"""

import json
import logging
import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import models
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Cohort
from courses.models import ModulePage
from learning.models import Attempt, SurveyCompletion, SurveyResponse
from lms import audit
from tests.cohorts import factories
from tests.courses.factories import make_assessment, question


@pytest.fixture
def survey(cohort):
    survey = make_assessment(
        kind="survey",
        title="Votre avis sur la formation",
        questions=[
            (
                "scale",
                question(
                    "Dans l'ensemble, êtes-vous satisfait ?",
                    points=0,
                    low_label="Pas du tout",
                    high_label="Tout à fait",
                    overall=True,
                ),
            ),
            ("open", question("Qu'est-ce qui vous a le plus servi ?", points=0)),
        ],
    )
    # A module without a post-test: its survey opens with the post-test's opening, here opened
    # by the trainer (the survey's opening rules are tested in test_opening.py).
    ModulePage.objects.filter(pk=cohort.module.pk).update(survey=survey, post_test=None)
    Cohort.objects.filter(pk=cohort.pk).update(post_test_opened_at=timezone.now())
    return survey


@pytest.fixture
def ids(survey):
    return [child.id for child in survey.questions]


@pytest.fixture
def classmate(cohort, trainer):
    return factories.TraineeFactory(cohort=cohort, display_name="Fatou Test", by=trainer)


def links(trainee):
    enrolment = trainee.enrolments.get()
    return {
        name: reverse(f"learn_assessment{suffix}", args=[enrolment.pk, "survey"])
        for name, suffix in [("page", ""), ("save", "_save"), ("submit", "_submit")]
    }


def answer(client, trainee, ids, overall, text):
    client.force_login(trainee.user)
    return client.post(links(trainee)["submit"], {f"q-{ids[0]}": str(overall), f"q-{ids[1]}": text})


def test_survey_responses_have_no_field_that_points_to_a_person():
    relations = {
        field.name: field.related_model._meta.label
        for field in SurveyResponse._meta.get_fields()
        if field.is_relation
    }

    assert relations == {"assessment": "courses.Assessment", "cohort": "cohorts.Cohort"}
    assert {field.name for field in SurveyResponse._meta.concrete_fields} == {
        "id",
        "assessment",
        "cohort",
        "answers",
        "submitted_on",
    }
    assert isinstance(SurveyResponse._meta.pk, models.UUIDField)
    assert {field.name for field in SurveyCompletion._meta.concrete_fields} == {
        "id",
        "enrolment",
        "assessment",
    }


def test_after_two_trainees_answer_nothing_tells_whose_answers_are_whose(
    client, trainee, classmate, survey, ids, caplog
):
    caplog.set_level(logging.DEBUG)

    first = answer(client, trainee, ids, 5, "Le budget familial")
    second = answer(client, classmate, ids, 2, "Les exercices de CV")

    assert first.status_code == second.status_code == 302
    responses = SurveyResponse.objects.all()
    assert sorted(response.answers[ids[0]] for response in responses) == [2, 5]
    assert all(isinstance(response.pk, uuid.UUID) for response in responses)
    assert {response.cohort_id for response in responses} == {trainee.enrolments.get().cohort_id}
    assert SurveyCompletion.objects.filter(assessment=survey).count() == 2
    assert not Attempt.objects.exists()
    # Neither the audit log nor the logs hold the answers or the responses' ids.
    traces = [
        " ".join([entry.object_id, entry.label, str(entry.data)]) for entry in audit.entries()
    ] + [record.getMessage() for record in caplog.records]
    for response in responses:
        for trace in traces:
            assert str(response.pk) not in trace
            assert "Le budget familial" not in trace
            assert "Les exercices de CV" not in trace
    assert not audit.entries().filter(content_type__model="surveyresponse").exists()
    assert not audit.entries().filter(content_type__model="surveycompletion").exists()


def test_the_survey_page_never_sends_drafts_to_the_server(client, trainee, survey):
    client.force_login(trainee.user)

    response = client.get(links(trainee)["page"])

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("form[data-assessment]")["data-save-url"] == ""
    assert "anonyme" in html.select_one(".notice").get_text()
    assert not Attempt.objects.exists()


def test_the_survey_save_address_stores_nothing(client, trainee, survey, ids):
    client.force_login(trainee.user)

    response = client.post(
        links(trainee)["save"],
        json.dumps({"version": 0, "answers": {ids[0]: 4}}),
        content_type="application/json",
    )

    assert response.status_code == 204
    assert not Attempt.objects.exists()
    assert not SurveyResponse.objects.exists()
    assert not SurveyCompletion.objects.exists()


def test_a_trainee_answers_the_survey_once(client, trainee, survey, ids):
    answer(client, trainee, ids, 4, "Tout")

    again = answer(client, trainee, ids, 1, "Rien")

    assert again.status_code == 302
    assert SurveyResponse.objects.get().answers == {ids[0]: 4, ids[1]: "Tout"}
    assert SurveyCompletion.objects.count() == 1


def test_the_thank_you_page_shows_no_score(client, trainee, survey, ids):
    answer(client, trainee, ids, 4, "Tout")

    response = client.get(links(trainee)["page"])

    html = BeautifulSoup(response.content, "html.parser")
    assert "Merci" in html.h1.get_text()
    assert not html.select("[data-score]")
    assert html.select_one("[data-offline-clear]")["data-offline-clear"].endswith("-survey")


def test_bad_survey_answers_show_form_errors_and_record_nothing(client, trainee, survey, ids):
    client.force_login(trainee.user)

    response = client.post(
        links(trainee)["submit"], {f"q-{ids[0]}": "9", f"q-{ids[1]}": "x" * 2001}
    )

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(f"#q-{ids[0]}-error") and html.select_one(f"#q-{ids[1]}-error")
    assert not SurveyResponse.objects.exists()
    assert not SurveyCompletion.objects.exists()


def test_a_classmate_cannot_answer_for_the_trainee(client, trainee, classmate, survey, ids):
    client.force_login(classmate.user)

    response = client.post(links(trainee)["submit"], {f"q-{ids[0]}": "5"})

    assert response.status_code == 404
    assert not SurveyResponse.objects.exists()
