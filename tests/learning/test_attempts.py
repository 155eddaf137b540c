"""Taking the pre-test and the post-test: autosave with versions, one scored submission, access.

Personas: a trainee, a classmate (same cohort), a trainee of another cohort, a trainer.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from cohorts import services as cohort_services
from courses.models import ModulePage
from learning.models import Attempt
from learning.services import get_or_start_attempt, save_answers, submit_attempt
from tests.cohorts import factories
from tests.courses.factories import make_assessment


@pytest.fixture
def assessment(cohort):
    assessment = make_assessment()
    ModulePage.objects.filter(pk=cohort.module.pk).update(pre_test=assessment)
    return assessment


@pytest.fixture
def ids(assessment):
    return {child.block_type: child.id for child in assessment.questions}


@pytest.fixture
def classmate(cohort, trainer):
    return factories.TraineeFactory(cohort=cohort, display_name="Fatou Test", by=trainer)


@pytest.fixture
def enrolment(trainee, assessment):
    return trainee.enrolments.get()


def urls(enrolment, phase="pre"):
    return {
        name: reverse(f"learn_assessment{suffix}", args=[enrolment.pk, phase])
        for name, suffix in [("page", ""), ("save", "_save"), ("submit", "_submit")]
    }


def post_json(client, url, payload):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(url, body, content_type="application/json")


def right_form(ids, **extra):
    """Right answers to 3 of the 5 points: single (1) + multiple (2); the rest wrong/blank."""
    return {
        f"q-{ids['single_choice']}": "0",
        f"q-{ids['multiple_choice']}": ["0", "2"],
        f"q-{ids['true_false']}": "false",
        f"q-{ids['scale']}": "3",
        f"q-{ids['open']}": "Le budget",
        # The picture question is left blank, knowingly.
        "confirm_unanswered": "1",
        **extra,
    }


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


# Access


def test_an_anonymous_visitor_is_sent_to_sign_in(client, enrolment):
    url = urls(enrolment)["page"]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/trainee/"


def test_a_trainer_is_sent_to_the_admin(client, enrolment, trainer):
    client.force_login(trainer)

    response = client.get(urls(enrolment)["page"])

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_trainee_sees_every_question_of_their_pre_test(client, trainee, enrolment, ids):
    client.force_login(trainee.user)

    response = client.get(urls(enrolment)["page"])

    assert response.status_code == 200
    html = page(response)
    assert html.h1.get_text(strip=True) == "Test de début — DP"
    assert {fieldset["data-question"] for fieldset in html.select("[data-question]")} == set(
        ids.values()
    )
    assert len(html.select("[data-read-aloud]")) == 6
    assert len(html.select(f"input[name=q-{ids['scale']}]")) == 5
    form = html.select_one("form[data-assessment]")
    assert form["action"] == urls(enrolment)["submit"]
    assert form["data-save-url"] == urls(enrolment)["save"]
    assert form["data-key"] == f"assessment-{enrolment.pk}-pre"
    assert Attempt.objects.get(enrolment=enrolment).version == 0


def test_a_classmate_cannot_open_save_or_submit_the_trainees_test(
    client, classmate, enrolment, ids
):
    client.force_login(classmate.user)
    links = urls(enrolment)

    assert client.get(links["page"]).status_code == 404
    assert post_json(client, links["save"], {"version": 0, "answers": {}}).status_code == 404
    assert client.post(links["submit"], right_form(ids)).status_code == 404
    assert not Attempt.objects.filter(submitted_at__isnull=False).exists()


def test_a_trainee_of_another_cohort_cannot_open_save_or_submit(
    client, other_trainee, enrolment, ids
):
    client.force_login(other_trainee.user)
    links = urls(enrolment)

    assert client.get(links["page"]).status_code == 404
    assert post_json(client, links["save"], {"version": 0, "answers": {}}).status_code == 404
    assert client.post(links["submit"], right_form(ids)).status_code == 404
    assert not Attempt.objects.exists()


def test_nobody_else_saves_into_an_attempt_the_trainee_started(
    client, trainee, classmate, other_trainee, enrolment, ids
):
    # The autosave reads a started attempt with its enrolment in one query
    # (learning/permissions.get_attempt_for_learner): the learner policy still decides.
    attempt = get_or_start_attempt(enrolment, "pre")
    save = urls(enrolment)["save"]
    for someone in (classmate, other_trainee):
        client.force_login(someone.user)
        response = post_json(client, save, {"version": 0, "answers": {ids["open"]: "moi"}})
        assert response.status_code == 404
    attempt.refresh_from_db()
    assert (attempt.version, attempt.answers) == (0, {})


def test_a_withdrawn_trainee_can_no_longer_save_into_their_started_attempt(
    client, trainee, trainer, enrolment, ids
):
    attempt = get_or_start_attempt(enrolment, "pre")
    cohort_services.withdraw(by=trainer, enrolment=enrolment, reason="Départ")
    client.force_login(trainee.user)

    response = post_json(client, urls(enrolment)["save"], {"version": 0, "answers": {}})

    assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.version == 0


def test_a_module_without_a_post_test_shows_a_friendly_404(client, trainee, enrolment):
    client.force_login(trainee.user)

    response = client.get(urls(enrolment, "post")["page"])

    assert response.status_code == 404
    assert "Test introuvable" in page(response).h1.get_text()
    assert page(response).select_one("a[href='/learn/']")


def test_an_unknown_phase_is_not_found(client, trainee, enrolment):
    client.force_login(trainee.user)

    assert client.get(f"/learn/assessments/{enrolment.pk}/middle/").status_code == 404


# Autosave


def test_autosave_keeps_the_answers_and_bumps_the_version(client, trainee, enrolment, ids):
    client.force_login(trainee.user)

    response = post_json(
        client, urls(enrolment)["save"], {"version": 0, "answers": {ids["single_choice"]: 1}}
    )

    assert response.status_code == 200
    assert response.json() == {"version": 1}
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert attempt.answers == {ids["single_choice"]: 1}
    assert attempt.version == 1
    assert attempt.submitted_at is None


def test_a_stale_tablet_gets_a_409_with_the_servers_answers(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    save = urls(enrolment)["save"]
    post_json(client, save, {"version": 0, "answers": {ids["single_choice"]: 0}})

    response = post_json(client, save, {"version": 0, "answers": {ids["single_choice"]: 2}})

    assert response.status_code == 409
    assert response.json() == {
        "version": 1,
        "answers": {ids["single_choice"]: 0},
        "conflict": True,
    }
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert (attempt.version, attempt.answers) == (1, {ids["single_choice"]: 0})


def test_sending_again_answers_the_server_already_has_is_not_a_conflict(
    client, trainee, enrolment, ids
):
    client.force_login(trainee.user)
    save = urls(enrolment)["save"]
    payload = {"version": 0, "answers": {ids["true_false"]: True}}
    post_json(client, save, payload)

    response = post_json(client, save, payload)

    assert response.status_code == 200
    assert response.json() == {"version": 1}


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        b"\xff\xfe",
        "[]",
        {"answers": {}},
        {"version": "1", "answers": {}},
        {"version": True, "answers": {}},
        {"version": -1, "answers": {}},
        {"version": 0, "answers": []},
        {"version": 0, "answers": {"not-a-question": 1}},
        {"version": 0, "answers": "everything"},
    ],
)
def test_garbage_is_refused_with_a_clear_400_and_changes_nothing(
    client, trainee, enrolment, payload
):
    client.force_login(trainee.user)

    response = post_json(client, urls(enrolment)["save"], payload)

    assert response.status_code == 400
    assert response.json()["error"]
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert (attempt.version, attempt.answers) == (0, {})


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("single_choice", 5),
        ("single_choice", "0"),
        ("multiple_choice", 1),
        ("true_false", "vrai"),
        ("scale", 9),
        ("open", "x" * 2001),
    ],
)
def test_a_wrongly_typed_answer_is_refused_and_names_its_question(
    client, trainee, enrolment, ids, kind, value
):
    client.force_login(trainee.user)
    post_json(client, urls(enrolment)["save"], {"version": 0, "answers": {ids["scale"]: 2}})

    response = post_json(
        client,
        urls(enrolment)["save"],
        {"version": 1, "answers": {ids["scale"]: 2, ids[kind]: value}},
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [ids[kind]]
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert (attempt.version, attempt.answers) == (1, {ids["scale"]: 2})


def test_a_get_on_the_save_address_is_refused(client, trainee, enrolment):
    client.force_login(trainee.user)

    assert client.get(urls(enrolment)["save"]).status_code == 405


# Submission


def test_submitting_scores_on_the_server_and_shows_the_percentage(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    links = urls(enrolment)
    client.get(links["page"])

    response = client.post(links["submit"], right_form(ids, version="0", score="100", points="5"))

    assert response.status_code == 302
    assert response["Location"] == links["page"]
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert (attempt.points, attempt.max_points, attempt.score) == (3, 5, 60.0)
    assert attempt.answers[ids["open"]] == "Le budget"
    assert attempt.submitted_at is not None
    result = page(client.get(links["page"]))
    assert result.select_one("[data-score]").get_text(strip=True) == "60 %"
    assert "3 points sur 5" in result.get_text(" ", strip=True)
    assert not result.select("form[data-assessment]")


def test_a_second_submission_changes_nothing(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    links = urls(enrolment)
    client.post(links["submit"], right_form(ids, version="0"))
    first = Attempt.objects.get(enrolment=enrolment)

    response = client.post(
        links["submit"], {f"q-{ids['single_choice']}": "1", "version": str(first.version)}
    )

    assert response.status_code == 302
    again = Attempt.objects.get(enrolment=enrolment)
    assert (again.answers, again.score, again.submitted_at, again.version) == (
        first.answers,
        first.score,
        first.submitted_at,
        first.version,
    )
    assert Attempt.objects.filter(enrolment=enrolment).count() == 1


def test_saving_after_the_submission_changes_nothing(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    links = urls(enrolment)
    client.post(links["submit"], right_form(ids, version="0"))
    first = Attempt.objects.get(enrolment=enrolment)

    response = post_json(
        client, links["save"], {"version": first.version, "answers": {ids["single_choice"]: 2}}
    )

    assert response.status_code == 409
    assert response.json()["location"] == links["page"]
    assert Attempt.objects.get(enrolment=enrolment).answers == first.answers


def test_answers_saved_offline_then_sent_are_submitted_and_scored(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    links = urls(enrolment)
    client.get(links["page"])
    # The tablet was offline: its draft arrives in one go, based on the version it loaded.
    draft = {
        ids["single_choice"]: 0,
        ids["multiple_choice"]: [0, 2],
        ids["true_false"]: True,
        ids["picture_choice"]: 1,
    }
    assert post_json(client, links["save"], {"version": 0, "answers": draft}).json() == {
        "version": 1
    }

    client.post(
        links["submit"],
        {
            f"q-{ids['single_choice']}": "0",
            f"q-{ids['multiple_choice']}": ["0", "2"],
            f"q-{ids['true_false']}": "true",
            f"q-{ids['picture_choice']}": "1",
            "version": "1",
            "confirm_unanswered": "1",
        },
    )

    attempt = Attempt.objects.get(enrolment=enrolment)
    assert (attempt.points, attempt.max_points, attempt.score) == (4, 5, 80.0)
    assert attempt.version == 1


def test_a_stale_form_is_not_submitted_and_shows_the_conflict(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    links = urls(enrolment)
    post_json(client, links["save"], {"version": 0, "answers": {ids["single_choice"]: 2}})

    response = client.post(links["submit"], right_form(ids, version="0"))

    assert response.status_code == 409
    assert "modifiées ailleurs" in page(response).select_one("[role=alert]").get_text()
    checked = page(response).select_one(f"input[name=q-{ids['single_choice']}][checked]")
    assert checked["value"] == "2"
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert attempt.submitted_at is None
    assert attempt.answers == {ids["single_choice"]: 2}


def test_a_tampered_form_shows_errors_and_changes_nothing(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    links = urls(enrolment)
    post_json(client, links["save"], {"version": 0, "answers": {ids["scale"]: 4}})

    response = client.post(
        links["submit"],
        right_form(ids, version="1", **{f"q-{ids['single_choice']}": "7"}),
    )

    assert response.status_code == 400
    html = page(response)
    error = html.select_one(f"#q-{ids['single_choice']}-error")
    assert error and "n'existe pas" in error.get_text()
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert attempt.submitted_at is None
    assert (attempt.version, attempt.answers) == (1, {ids["scale"]: 4})


def test_a_too_long_text_is_a_form_error(client, trainee, enrolment, ids):
    client.force_login(trainee.user)

    response = client.post(
        urls(enrolment)["submit"],
        right_form(ids, version="0", **{f"q-{ids['open']}": "x" * 2001}),
    )

    assert response.status_code == 400
    assert "2000" in page(response).select_one(f"#q-{ids['open']}-error").get_text()
    assert not Attempt.objects.filter(submitted_at__isnull=False).exists()


# Services


def test_an_attempt_keeps_the_assessment_it_was_started_with(enrolment, assessment):
    attempt = get_or_start_attempt(enrolment, "pre")
    replacement = make_assessment(title="Autre test")
    ModulePage.objects.filter(pk=enrolment.cohort.module_id).update(pre_test=replacement)

    assert get_or_start_attempt(enrolment, "pre") == attempt
    assert Attempt.objects.get(pk=attempt.pk).assessment == assessment


def test_the_services_score_once_and_never_again(enrolment, ids):
    attempt = get_or_start_attempt(enrolment, "pre")
    attempt = save_answers(attempt, {ids["single_choice"]: 0}, 0)

    attempt, submitted = submit_attempt(attempt)
    again, submitted_again = submit_attempt(attempt, {ids["true_false"]: True}, attempt.version)

    assert (submitted, submitted_again) == (True, False)
    assert (again.points, again.max_points, again.score) == (1, 5, 20.0)
    assert again.answers == {ids["single_choice"]: 0}


def test_the_test_is_shown_in_the_trainees_language_and_scored_the_same(
    client, settings, trainee, enrolment, assessment, ids
):
    english = assessment.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Start test — PD"
    english.save()
    client.force_login(trainee.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    links = urls(enrolment)

    response = client.get(links["page"])

    html = page(response)
    assert html.h1.get_text(strip=True) == "Start test — PD"
    assert "Send my answers" in html.select_one("button.submit-answers").get_text()
    assert {fieldset["data-question"] for fieldset in html.select("[data-question]")} == set(
        ids.values()
    )
    client.post(links["submit"], right_form(ids, version="0"))
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert (attempt.assessment, attempt.score) == (assessment, 60.0)


# Unanswered questions


def test_submitting_with_unanswered_questions_asks_first_and_keeps_the_answers(
    client, trainee, enrolment, ids
):
    client.force_login(trainee.user)
    links = urls(enrolment)

    response = client.post(
        links["submit"],
        {f"q-{ids['single_choice']}": "0", f"q-{ids['scale']}": "4", "version": "0"},
    )

    assert response.status_code == 200
    confirm = page(response).select_one("[data-unanswered-confirm]")
    assert "4 questions sans réponse. Envoyer quand même ?" in confirm.get_text()
    assert confirm.select_one("button[name=confirm_unanswered][value='1']")
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert attempt.submitted_at is None
    assert (attempt.answers, attempt.version) == ({ids["single_choice"]: 0, ids["scale"]: 4}, 1)
    assert page(response).select_one("input[name=version]")["value"] == "1"
    assert (
        page(response).select_one(f"input[name='q-{ids['scale']}'][value='4']").has_attr("checked")
    )


def test_one_unanswered_question_is_counted_in_the_singular(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    form = right_form(ids, version="0", **{f"q-{ids['picture_choice']}": "0"})
    del form[f"q-{ids['open']}"], form["confirm_unanswered"]

    response = client.post(urls(enrolment)["submit"], form)

    assert "1 question sans réponse. Envoyer quand même ?" in response.content.decode()
    assert Attempt.objects.get(enrolment=enrolment).submitted_at is None


def test_confirming_sends_the_test_with_its_unanswered_questions(client, trainee, enrolment, ids):
    client.force_login(trainee.user)
    links = urls(enrolment)
    form = {f"q-{ids['single_choice']}": "0", "version": "0"}
    client.post(links["submit"], form)

    response = client.post(links["submit"], {**form, "version": "1", "confirm_unanswered": "1"})

    assert response.status_code == 302
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert attempt.submitted_at is not None
    assert attempt.answers == {ids["single_choice"]: 0}


def test_the_page_carries_the_message_for_every_count_for_the_dialog(
    client, trainee, enrolment, assessment
):
    client.force_login(trainee.user)

    response = client.get(urls(enrolment)["page"])

    messages = json.loads(page(response).select_one("#unanswered-messages").string)
    count = len(assessment.questions)
    assert list(messages) == [str(n) for n in range(1, count + 1)]
    assert messages["1"] == "1 question sans réponse. Envoyer quand même ?"
    assert messages["2"] == "2 questions sans réponse. Envoyer quand même ?"
