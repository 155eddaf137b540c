"""Malformed autosave bodies: every one is a 400 with a message, none changes anything.

The bounds live in lms/json_body.py (size, depth, UTF-8, strict numbers, no NUL, an
object at the top); the answers' own shape is checked by courses/scoring.py.
"""

import json

import pytest
from django.urls import reverse

from courses.models import ModulePage
from learning.models import Attempt
from learning.services import get_or_start_attempt, save_answers
from lms.json_body import MAX_BYTES
from tests.courses.factories import make_assessment

JSON = "application/json"


@pytest.fixture
def assessment(cohort):
    assessment = make_assessment()
    ModulePage.objects.filter(pk=cohort.module.pk).update(pre_test=assessment)
    return assessment


@pytest.fixture
def attempt(trainee, assessment):
    attempt = get_or_start_attempt(trainee.enrolments.get(), "pre")
    single = next(child.id for child in assessment.questions if child.block_type == "single_choice")
    return save_answers(attempt, {single: 1}, 0)


def nested(depth: int) -> str:
    return '{"version": 0, "answers": ' + "[" * depth + "]" * depth + "}"


def question_id(attempt, kind):
    return next(child.id for child in attempt.assessment.questions if child.block_type == kind)


MALFORMED = {
    "nested 100 000 deep": (nested(100_000), JSON),
    "nested 20 deep": (nested(20), JSON),
    "objects nested 5 000 deep": ('{"a":' * 5000 + "1" + "}" * 5000, JSON),
    "3 MB body": ('{"version": 1, "answers": {"x": "' + "a" * 3_000_000 + '"}}', JSON),
    "just over the limit": ('{"version": 1, "pad": "' + "a" * MAX_BYTES + '"}', JSON),
    "invalid UTF-8": (b'{"version": 1, "answers": {"x": "\xff\xfe"}}', JSON),
    "NaN version": ('{"version": NaN, "answers": {}}', JSON),
    "Infinity version": ('{"version": Infinity, "answers": {}}', JSON),
    "1e999 version": ('{"version": 1e999, "answers": {}}', JSON),
    "negative version": ('{"version": -1, "answers": {}}', JSON),
    "huge version": ('{"version": 99999999999999999999999, "answers": {}}', JSON),
    "10 000-digit version": ('{"version": ' + "9" * 10_000 + ', "answers": {}}', JSON),
    "string version": ('{"version": "1", "answers": {}}', JSON),
    "float version": ('{"version": 1.5, "answers": {}}', JSON),
    "boolean version": ('{"version": true, "answers": {}}', JSON),
    "no version": ('{"answers": {}}', JSON),
    "wrong content type": ('{"version": 1, "answers": {}}', "text/plain"),
    "form content type": ("version=1", "application/x-www-form-urlencoded"),
    "empty body": ("", JSON),
    "array at the top": ('[{"version": 1, "answers": {}}]', JSON),
    "number at the top": ("1", JSON),
    "not JSON": ("{version: 1}", JSON),
    "answers not an object": ('{"version": 1, "answers": [1, 2]}', JSON),
    "answers a string": ('{"version": 1, "answers": "all right"}', JSON),
    "unknown question id": ('{"version": 1, "answers": {"no-such-question": 0}}', JSON),
    "NUL in a text answer": ('{"version": 1, "answers": {"OPEN": "a\\u0000b"}}', JSON),
    "NUL in a key": ('{"version": 1, "answers": {"a\\u0000": 0}}', JSON),
    "raw control character": ('{"version": 1, "answers": {"OPEN": "a\x01b"}}', JSON),
    "answer of the wrong type": ('{"version": 1, "answers": {"SINGLE": "zero"}}', JSON),
    "answer a nested object": ('{"version": 1, "answers": {"SINGLE": {"a": 1}}}', JSON),
    "answer out of range": ('{"version": 1, "answers": {"SINGLE": 99}}', JSON),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_autosave_body_is_a_400_with_a_message_and_changes_nothing(
    client, trainee, attempt, name
):
    body, content_type = MALFORMED[name]
    if isinstance(body, str):
        body = body.replace("OPEN", question_id(attempt, "open"))
        body = body.replace("SINGLE", question_id(attempt, "single_choice"))
    client.force_login(trainee.user)
    url = reverse("learn_assessment_save", args=[attempt.enrolment_id, "pre"])

    response = client.post(url, body, content_type=content_type)

    assert response.status_code == 400, name
    assert response.json()["error"]
    after = Attempt.objects.get(pk=attempt.pk)
    assert (after.version, after.answers, after.submitted_at) == (
        attempt.version,
        attempt.answers,
        None,
    )


def test_the_message_is_in_the_trainees_language(client, trainee, attempt):
    client.force_login(trainee.user)
    url = reverse("learn_assessment_save", args=[attempt.enrolment_id, "pre"])

    response = client.post(url, nested(100), content_type=JSON, headers={"accept-language": "en"})

    assert response.status_code == 400
    assert response.json()["error"] == "The answers sent cannot be read."


def test_a_well_formed_body_at_the_depth_of_real_answers_is_kept(client, trainee, attempt):
    client.force_login(trainee.user)
    url = reverse("learn_assessment_save", args=[attempt.enrolment_id, "pre"])
    answers = {**attempt.answers, question_id(attempt, "multiple_choice"): [0, 2]}

    response = client.post(
        url, json.dumps({"version": attempt.version, "answers": answers}), content_type=JSON
    )

    assert response.status_code == 200
    assert Attempt.objects.get(pk=attempt.pk).answers == answers
