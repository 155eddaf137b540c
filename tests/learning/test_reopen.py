"""A trainer reopens a trainee's submitted test, with a reason; a trainer opens the post-test
early. Both from the cohort's results page, for the cohort's trainer and coordinators only."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cohorts.models import Cohort
from courses.models import ModulePage
from learning import services
from learning.models import Attempt
from lms import audit
from tests.courses.factories import make_assessment
from tests.learning.factories import SubmittedAttemptFactory
from tests.permissions import COHORT_TEACHERS_ONLY, PERSONAS, answer, sign_in_as

REASON = "Tablette en panne pendant le test"


@pytest.fixture
def pre_test(cohort):
    test = make_assessment()
    ModulePage.objects.filter(pk=cohort.module.pk).update(pre_test=test, post_test=test)
    cohort.module.refresh_from_db()
    return test


@pytest.fixture
def attempt(trainee, pre_test):
    return SubmittedAttemptFactory(
        enrolment=trainee.enrolments.get(), assessment=pre_test, score_percent=40
    )


def reopen_url(cohort) -> str:
    return reverse("learning_reopen_attempt", args=[cohort.pk])


def open_url(cohort) -> str:
    return reverse("learning_open_post_test", args=[cohort.pk])


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


EXPECTED = COHORT_TEACHERS_ONLY


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_cohorts_trainer_and_coordinators_reopen_a_test(
    persona, client, request, cohort, attempt, other_trainee
):
    sign_in_as(client, request, persona)

    response = client.post(reopen_url(cohort), {"attempt": attempt.pk, "reason": REASON})

    assert answer(response) == EXPECTED[persona]
    attempt.refresh_from_db()
    assert attempt.is_submitted is (EXPECTED[persona] != "ok")
    reopened = audit.entries().filter(action=audit.Action.REOPENED).count()
    assert reopened == (1 if EXPECTED[persona] == "ok" else 0)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_cohorts_trainer_and_coordinators_open_the_post_test(
    persona, client, request, cohort, pre_test, trainee, other_trainee
):
    sign_in_as(client, request, persona)

    response = client.post(open_url(cohort))

    assert answer(response) == EXPECTED[persona]
    opened = Cohort.objects.get(pk=cohort.pk).post_test_opened_at is not None
    assert opened is (EXPECTED[persona] == "ok")


@pytest.mark.parametrize("persona", ["trainer", "coordinator"])
def test_the_results_page_shows_the_reopen_form_to_those_who_may(
    persona, client, request, cohort, attempt
):
    sign_in_as(client, request, persona)

    html = page(client.get(reverse("learning_cohort_results", args=[cohort.pk])))

    form = html.select_one("form.reopen-attempt")
    assert form["action"] == reopen_url(cohort)
    options = [option.get_text() for option in form.select("select[name=attempt] option")]
    assert "Awa Test — test de début — 40 %" in options
    assert form.select_one("input[name=reason][required]")
    assert html.select_one(f'form[action="{open_url(cohort)}"] button')


def test_a_reason_is_required_and_nothing_changes_without_one(client, trainer, cohort, attempt):
    client.force_login(trainer)

    response = client.post(reopen_url(cohort), {"attempt": attempt.pk, "reason": "   "})

    assert response.status_code == 400
    assert page(response).select_one(".reopen-attempt [role=alert]")
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert not audit.entries().filter(action=audit.Action.REOPENED).exists()


def test_an_attempt_of_another_cohort_cannot_be_reopened_through_this_one(
    client, trainer, cohort, other_trainee, pre_test
):
    elsewhere = SubmittedAttemptFactory(
        enrolment=other_trainee.enrolments.get(), assessment=pre_test
    )
    client.force_login(trainer)

    response = client.post(reopen_url(cohort), {"attempt": elsewhere.pk, "reason": REASON})

    assert response.status_code == 400
    elsewhere.refresh_from_db()
    assert elsewhere.is_submitted


def test_after_reopening_the_trainee_answers_again_and_the_old_score_is_audited(
    client, trainee, trainer, cohort, attempt
):
    client.force_login(trainer)
    client.post(reopen_url(cohort), {"attempt": attempt.pk, "reason": REASON})

    entry = audit.entries().get(action=audit.Action.REOPENED)
    assert entry.user == trainer
    assert entry.data["reason"] == REASON
    assert entry.data["previous_score"] == 40
    assert entry.data["enrolment"] == attempt.enrolment_id

    client.force_login(trainee.user)
    enrolment = attempt.enrolment
    form_page = client.get(reverse("learn_assessment", args=[enrolment.pk, "pre"]))
    assert form_page.status_code == 200
    assert page(form_page).select_one("form button[type=submit]")

    attempt.refresh_from_db()
    submit = reverse("learn_assessment_submit", args=[enrolment.pk, "pre"])
    client.post(submit, {"version": attempt.version, "confirm_unanswered": "1"})

    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert attempt.score == 0


def test_the_service_needs_a_reason_and_a_submitted_attempt(trainer, attempt):
    with pytest.raises(services.ReasonRequired):
        services.reopen_attempt(attempt, "  ", by=trainer)
    reopened = services.reopen_attempt(attempt, REASON, by=trainer)
    assert not reopened.is_submitted and reopened.score is None
    with pytest.raises(services.NotSubmitted):
        services.reopen_attempt(reopened, REASON, by=trainer)
    assert Attempt.objects.get(pk=attempt.pk).answers == attempt.answers
