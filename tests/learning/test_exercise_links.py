"""A lesson's exercise links lead somewhere or are not shown (courses/blocks.py)."""

import pytest
from bs4 import BeautifulSoup

from courses.blocks import exercise_url
from courses.models import ModulePage
from tests.courses.factories import lesson as add_lesson
from tests.courses.factories import make_assessment

BODY = [
    ("exercise", {"exercise": "cv", "text": ""}),
    ("exercise", {"exercise": "business_plan", "text": ""}),
    ("exercise", {"exercise": "pre_test", "text": ""}),
    ("exercise", {"exercise": "post_test", "text": ""}),
]


@pytest.fixture
def day(cohort):
    test = make_assessment()
    ModulePage.objects.filter(pk=cohort.module.pk).update(pre_test=test)  # no post-test
    cohort.module.refresh_from_db()
    return add_lesson(cohort.module, 1, body=BODY)


def exercises(client, lesson) -> dict:
    html = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    return {
        block["class"][1]: block.select_one("a[href]") for block in html.select(".block-exercise")
    }


def test_the_cv_and_business_plan_links_lead_to_their_builders(client, trainee, day):
    client.force_login(trainee.user)

    shown = exercises(client, day)

    enrolment = trainee.enrolments.get()
    assert set(shown) == {"cv", "business_plan", "pre_test"}  # no post-test in this module
    assert shown["pre_test"]["href"] == f"/learn/assessments/{enrolment.pk}/pre/"
    assert shown["cv"]["href"] == f"/learn/cv/{enrolment.pk}/"
    assert shown["business_plan"]["href"] == f"/learn/plan/{enrolment.pk}/"
    assert "Mon CV" in shown["cv"].get_text()
    assert client.get(shown["business_plan"]["href"]).status_code == 200


def test_staff_read_the_days_exercises_as_plain_text(client, trainer, day):
    client.force_login(trainer)

    shown = exercises(client, day)

    assert set(shown) == {"cv", "business_plan", "pre_test", "post_test"}
    assert not any(shown.values())


def test_an_exercise_url_is_none_where_it_leads_nowhere(trainee, day):
    enrolment = trainee.enrolments.select_related("cohort__module").get()

    assert exercise_url("cv", enrolment) == f"/learn/cv/{enrolment.pk}/"
    assert exercise_url("post_test", enrolment) is None
    assert exercise_url("pre_test", enrolment) == f"/learn/assessments/{enrolment.pk}/pre/"
