"""Answers left on a tablet after a sign-out, delivered with their token (learning/delivery.py).

The tablet is played here by ``delivery.encrypt`` (what offline-queue.js stores); nobody is
signed in when the answers arrive, as on the sign-in page of the next trainee.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from courses.models import ModulePage
from learning import attempt_views, delivery
from learning.models import Attempt
from learning.services import get_or_start_attempt, save_answers, submit_attempt
from tests.cohorts import factories
from tests.courses.factories import make_assessment

URL = "/learn/deliver/"


@pytest.fixture
def assessment(cohort):
    assessment = make_assessment()
    ModulePage.objects.filter(pk=cohort.module.pk).update(pre_test=assessment)
    return assessment


@pytest.fixture
def attempt(trainee, assessment):
    return get_or_start_attempt(trainee.enrolments.get(), "pre")


@pytest.fixture
def single(assessment):
    return next(child.id for child in assessment.questions if child.block_type == "single_choice")


def sealed(attempt, version, answers, user_id=None):
    token = delivery.token_for(attempt, user_id or attempt.enrolment.trainee.user_id)
    return delivery.encrypt(token, json.dumps({"version": version, "answers": answers}).encode())


def post(client, body):
    return client.post(URL, json.dumps(body), content_type="application/json")


def test_the_address_is_fixed():
    assert reverse("learn_deliver") == URL


def test_answers_left_on_the_tablet_reach_the_server_without_a_session(client, attempt, single):
    response = post(client, sealed(attempt, 0, {single: 1}))

    assert response.status_code == 200
    assert response.json() == {"version": 1}
    assert Attempt.objects.get(pk=attempt.pk).answers == {single: 1}


def test_a_delivery_that_arrives_twice_is_kept_once(client, attempt, single):
    body = sealed(attempt, 0, {single: 1})
    post(client, body)

    response = post(client, body)

    assert response.status_code == 200
    after = Attempt.objects.get(pk=attempt.pk)
    assert (after.version, after.answers) == (1, {single: 1})


def test_a_stale_delivery_never_overwrites_newer_answers(client, attempt, single):
    save_answers(attempt, {single: 2}, 0)

    response = post(client, sealed(attempt, 0, {single: 1}))

    assert response.status_code == 409
    after = Attempt.objects.get(pk=attempt.pk)
    assert (after.version, after.answers) == (1, {single: 2})


def test_a_delivery_for_a_test_already_sent_changes_nothing(client, attempt, single):
    submitted, _ = submit_attempt(attempt, {single: 0}, 0)

    response = post(client, sealed(attempt, 1, {single: 1}))

    assert response.status_code == 409
    assert Attempt.objects.get(pk=attempt.pk).answers == {single: 0}


def test_answers_sent_in_clear_with_the_token_are_kept_too(client, attempt, single):
    token = delivery.token_for(attempt, attempt.enrolment.trainee.user_id)

    response = post(client, {"token": token, "version": 0, "answers": {single: 1}})

    assert response.status_code == 200
    assert Attempt.objects.get(pk=attempt.pk).answers == {single: 1}


def test_a_token_for_someone_else_s_attempt_is_refused(client, attempt, single, cohort, trainer):
    classmate = factories.TraineeFactory(cohort=cohort, display_name="Fatou Test", by=trainer)

    response = post(client, sealed(attempt, 0, {single: 1}, user_id=classmate.user_id))

    assert response.status_code == 400
    assert Attempt.objects.get(pk=attempt.pk).answers == {}


def test_an_expired_token_is_refused_with_a_message(client, attempt, single, monkeypatch):
    body = sealed(attempt, 0, {single: 1})
    monkeypatch.setattr(delivery, "MAX_AGE", -1)

    response = post(client, body)

    assert response.status_code == 400
    assert response.json()["error"] == "Ces réponses sont trop anciennes pour être envoyées."
    assert Attempt.objects.get(pk=attempt.pk).answers == {}


@pytest.mark.parametrize(
    "change",
    [
        lambda body: {**body, "token": body["token"][:-2] + "xx"},
        lambda body: {**body, "data": body["data"][:-4] + "AAAA"},
        lambda body: {**body, "iv": "AAAAAAAAAAAAAAAA"},
        lambda body: {**body, "iv": "not base64 !"},
        lambda body: {**body, "data": 12},
        lambda body: {"token": body["token"]},
        lambda body: {**body, "token": None},
        lambda body: {**body, "token": "x" * 10_000},
    ],
)
def test_a_tampered_delivery_is_a_400_and_changes_nothing(client, attempt, single, change):
    response = post(client, change(sealed(attempt, 0, {single: 1})))

    assert response.status_code == 400
    assert response.json()["error"]
    assert Attempt.objects.get(pk=attempt.pk).answers == {}


def test_a_delivery_with_garbage_inside_is_a_400(client, attempt):
    token = delivery.token_for(attempt, attempt.enrolment.trainee.user_id)
    for plain in [b"[" * 100_000, b"\xff", b'{"version": NaN}', b'{"version": 0, "answers": 1}']:
        response = post(client, delivery.encrypt(token, plain))
        assert response.status_code == 400, plain
    assert Attempt.objects.get(pk=attempt.pk).answers == {}


def test_a_get_is_refused(client):
    assert client.get(URL).status_code == 405


def test_the_test_page_carries_a_token_and_a_key_for_its_attempt_only(
    client, trainee, attempt, cohort, trainer
):
    client.force_login(trainee.user)

    response = client.get(reverse("learn_assessment", args=[attempt.enrolment_id, "pre"]))

    form = BeautifulSoup(response.content, "html.parser").select_one("form[data-assessment]")
    assert form["data-deliver-url"] == URL
    assert form["data-draft-key"] == delivery.key_for(attempt, trainee.user_id)
    classmate = factories.TraineeFactory(cohort=cohort, display_name="Fatou Test", by=trainer)
    theirs = get_or_start_attempt(classmate.enrolments.get(), "pre")
    assert delivery.key_for(theirs, classmate.user_id) != form["data-draft-key"]
    payload = json.dumps({"version": 0, "answers": {}}).encode()
    assert post(client, delivery.encrypt(form["data-delivery-token"], payload)).status_code == 200


def test_over_https_answers_in_clear_are_refused(client, attempt, single):
    token = delivery.token_for(attempt, attempt.enrolment.trainee.user_id)
    body = json.dumps({"token": token, "version": 0, "answers": {single: 1}})

    response = client.post(URL, body, content_type="application/json", secure=True)

    assert response.status_code == 400
    assert Attempt.objects.get(pk=attempt.pk).answers == {}


def test_over_https_encrypted_answers_are_kept(client, attempt, single):
    body = json.dumps(sealed(attempt, 0, {single: 1}))

    response = client.post(URL, body, content_type="application/json", secure=True)

    assert response.status_code == 200


def test_the_service_worker_is_served_for_the_trainee_space(client):
    response = client.get(reverse("learn_service_worker"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert reverse("learn_service_worker").startswith("/learn/")
    assert "max-age=86400" in response["Cache-Control"]
    # offline-queue.js deletes the caches named so at every sign-out.
    assert attempt_views.PAGE_CACHE.startswith("foras-")
    assert f'"{attempt_views.PAGE_CACHE}"' in response.content.decode()


def test_the_sign_in_page_sends_what_was_left_and_wipes_the_rest(client):
    response = client.get(reverse("trainee_login"))

    body = BeautifulSoup(response.content, "html.parser").body
    assert body.has_attr("data-nobody-signed-in")
    assert body.select_one("script[src$='js/offline-queue.js']")


def test_a_signed_in_trainee_s_pages_name_their_owner(client, trainee):
    client.force_login(trainee.user)

    body = BeautifulSoup(client.get(reverse("learn_home")).content, "html.parser").body

    assert body["data-owner"] == str(trainee.user_id)
    assert not body.has_attr("data-nobody-signed-in")
