"""The roster: each trainee's progress, in a fixed number of queries, and one audit entry."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts import services
from courses.models import Assessment, AssessmentKind
from learning.models import LessonProgress
from lms import audit
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.courses.factories import lesson, module_page
from tests.learning.factories import SubmittedAttemptFactory


@pytest.fixture
def module(db):
    test = Assessment.objects.create(title="Test", kind=AssessmentKind.KNOWLEDGE, questions=[])
    page = module_page("dp")
    page.pre_test = page.post_test = test
    page.save()
    return page


@pytest.fixture
def days(module):
    return [lesson(module, day) for day in (1, 2, 3)]


@pytest.fixture
def roster_cohort(module, days, trainer):
    return CohortFactory(name="Rabat — roster", trainers=[trainer], module=module)


def _add(cohort, trainer, name, *, done=0, pre=None, post=None):
    profile = TraineeFactory(cohort=cohort, display_name=name, by=trainer)
    enrolment = profile.enrolments.get()
    lessons = list(cohort.module.lessons())[:done]
    for day in lessons:
        LessonProgress.objects.create(enrolment=enrolment, lesson=day)
    if pre is not None:
        SubmittedAttemptFactory(enrolment=enrolment, phase="pre", score_percent=pre)
    if post is not None:
        SubmittedAttemptFactory(enrolment=enrolment, phase="post", score_percent=post)
    return profile


def _roster(client, cohort):
    return client.get(reverse("cohorts:detail", args=[cohort.pk]))


def _row_text(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    for row in soup.select("table.lms-roster tbody tr"):
        if name in row.get_text():
            return " ".join(row.get_text().split())
    raise AssertionError(f"{name} is not on the roster")


def test_the_roster_shows_days_done_and_both_tests(client, trainer, roster_cohort):
    _add(roster_cohort, trainer, "Awa", done=2, pre=40, post=85)
    _add(roster_cohort, trainer, "Binta")
    client.force_login(trainer)

    response = _roster(client, roster_cohort)

    assert _row_text(response, "Awa").count("2 sur 3") == 1
    assert "Début : 40 % Fin : 85 %" in _row_text(response, "Awa")
    assert "0 sur 3" in _row_text(response, "Binta")
    assert "Début : — Fin : —" in _row_text(response, "Binta")


def test_a_test_in_progress_shows_as_such(client, trainer, roster_cohort):
    profile = _add(roster_cohort, trainer, "Awa")
    SubmittedAttemptFactory(enrolment=profile.enrolments.get(), phase="pre", submitted_at=None)
    client.force_login(trainer)

    assert "Début : en cours" in _row_text(_roster(client, roster_cohort), "Awa")


def _queries(client, cohort) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert _roster(client, cohort).status_code == 200
    return len(queries)


def test_the_roster_reads_a_fixed_number_of_queries_whatever_its_size(
    client, trainer, roster_cohort
):
    _add(roster_cohort, trainer, "Awa", done=1, pre=40)
    client.force_login(trainer)
    _roster(client, roster_cohort)  # warm the caches (site, locales, session)
    with_one = _queries(client, roster_cohort)
    for number in range(9):
        _add(roster_cohort, trainer, f"Apprenant {number}", done=number % 4, pre=50, post=60)

    assert _queries(client, roster_cohort) == with_one


def test_viewing_a_roster_writes_one_audit_entry_naming_its_trainees(
    client, trainer, roster_cohort
):
    trainees = [_add(roster_cohort, trainer, name) for name in ("Awa", "Binta", "Chloé")]
    client.force_login(trainer)
    before = audit.entries().filter(action=audit.Action.VIEWED).count()

    _roster(client, roster_cohort)

    viewed = audit.entries().filter(action=audit.Action.VIEWED)
    assert viewed.count() == before + 1
    entry = audit.entries_about(roster_cohort).get(action=audit.Action.VIEWED)
    assert entry.user == trainer
    assert entry.data == {"trainees": sorted(t.pk for t in trainees)}
    for trainee in trainees:
        assert not audit.entries_about(trainee).filter(action=audit.Action.VIEWED).exists()


def test_a_withdrawn_trainee_is_marked_on_the_roster(client, trainer, roster_cohort):
    profile = _add(roster_cohort, trainer, "Awa")
    services.withdraw(by=trainer, enrolment=profile.enrolments.get(), reason="Départ")
    client.force_login(trainer)

    row = _row_text(_roster(client, roster_cohort), "Awa")

    assert "Abandon" in row and "Retirer" not in row
