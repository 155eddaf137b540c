"""How many SQL queries the two requests trainees wait for most cost: an autosave (every few
seconds on every tablet) and a lesson page. Counted, not timed (timings are in `make bench`)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.signin import SESSION_BACKEND
from courses.models import ModulePage
from tests.courses.factories import make_assessment
from tests.learning.test_lessons import add_lesson, course_index  # noqa: F401 (fixture)

# Kept from growing. The targets are 4 and 12 (make bench reports them): an autosave
# reads the user with their trainee profile (cohorts/backends.py; the session itself comes
# from the cache), then the attempt with its enrolment, cohort, module and assessment, checked
# by the learner policy in the same query (learning/permissions.py), before its one UPDATE.
# A lesson page reads the user, the locale, the section below the home page (the course
# index), the module and the lesson together (CourseIndexPage.route), the view restrictions
# from the root down (content/routing.py) and the enrolment with whether the day is done; the
# session, the site and its home page, the neighbouring days and the rendered body come from
# the cache. docs/benchmarks.md says what is left.
AUTOSAVE_QUERIES = 3
LESSON_QUERIES = 6


@pytest.fixture
def enrolment(trainee, cohort):
    ModulePage.objects.filter(pk=cohort.module.pk).update(pre_test=make_assessment())
    return trainee.enrolments.get()


def autosave(client, enrolment, version, answers):
    return client.post(
        reverse("learn_assessment_save", args=[enrolment.pk, "pre"]),
        json.dumps({"version": version, "answers": answers}),
        content_type="application/json",
    )


def show(queries):
    return "\n".join(f"{n}. {q['sql'][:300]}" for n, q in enumerate(queries.captured_queries, 1))


def test_an_autosave_costs_at_most_three_queries(client, trainee, enrolment):
    questions = enrolment.cohort.module.pre_test.questions
    question = next(child.id for child in questions if child.block_type == "open")
    client.force_login(trainee.user, backend=SESSION_BACKEND)  # as the PIN sign-in does
    client.get(reverse("learn_assessment", args=[enrolment.pk, "pre"]))  # starts the attempt
    for version in range(3):
        with CaptureQueriesContext(connection) as queries:
            response = autosave(client, enrolment, version, {question: f"réponse {version}"})
        assert response.status_code == 200, response.content
        assert response.json()["version"] == version + 1
        assert len(queries) <= AUTOSAVE_QUERIES, show(queries)


def test_a_lesson_page_costs_at_most_six_queries(client, trainee, cohort):
    # Three days: the lesson has a day before and a day after.
    lesson = [add_lesson(cohort.module, day) for day in (1, 2, 3)][1]
    client.force_login(trainee.user)
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response.status_code == 200
    assert len(queries) <= LESSON_QUERIES, show(queries)
