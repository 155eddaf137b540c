"""The survey sent with questions left blank asks first, in the plain form (no JavaScript)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Cohort
from courses.models import ModulePage
from learning.models import SurveyCompletion, SurveyResponse
from tests.courses.factories import make_assessment, question


@pytest.fixture
def survey(cohort):
    survey = make_assessment(
        kind="survey",
        title="Votre avis",
        questions=[
            ("scale", question("Satisfait ?", points=0, low_label="Non", high_label="Oui")),
            ("open", question("Qu'est-ce qui vous a servi ?", points=0)),
            ("open", question("Que faut-il changer ?", points=0)),
        ],
    )
    # A module without a post-test, its survey opened by the trainer (see test_opening.py).
    ModulePage.objects.filter(pk=cohort.module.pk).update(survey=survey, post_test=None)
    Cohort.objects.filter(pk=cohort.pk).update(post_test_opened_at=timezone.now())
    return survey


def submit_url(trainee):
    return reverse("learn_assessment_submit", args=[trainee.enrolments.get().pk, "survey"])


def test_a_survey_with_blank_questions_asks_first_and_keeps_nothing(client, trainee, survey):
    client.force_login(trainee.user)
    scale = survey.questions[0].id

    response = client.post(submit_url(trainee), {f"q-{scale}": "4"})

    assert response.status_code == 200
    confirm = BeautifulSoup(response.content, "html.parser").select_one("[data-unanswered-confirm]")
    assert "2 questions sans réponse. Envoyer quand même ?" in confirm.get_text()
    assert not SurveyResponse.objects.exists()
    assert not SurveyCompletion.objects.exists()
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(f"input[name='q-{scale}'][value='4']").has_attr("checked")


def test_a_survey_confirmed_with_blank_questions_is_sent(client, trainee, survey):
    client.force_login(trainee.user)
    scale = survey.questions[0].id

    response = client.post(submit_url(trainee), {f"q-{scale}": "4", "confirm_unanswered": "1"})

    assert response.status_code == 302
    assert SurveyResponse.objects.get().answers == {scale: 4}


def test_the_question_is_asked_in_english_too(client, trainee, survey):
    trainee.preferred_language = "en"
    trainee.save()
    client.force_login(trainee.user)

    response = client.post(
        submit_url(trainee), {f"q-{survey.questions[0].id}": "4"}, headers={"accept-language": "en"}
    )

    assert "2 questions unanswered. Send anyway?" in response.content.decode()
