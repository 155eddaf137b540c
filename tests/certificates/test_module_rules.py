"""What each module sets for its attestation, read from the database (certificates/evidence.py)
the way the roster and the services read it: the attendance it requires
(``attendance_required_percent``), the exercises it requires (``certificate_requires_cv``,
``certificate_requires_plan``), the post-test, and the end of the training."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.errors import NotEligible
from certificates.evidence import eligibility_for
from certificates.models import Certificate
from learning import services as learning_services
from learning.models import Document
from learning.models.exercises import Status
from tests.certificates.admin_fixtures import trainee_in
from tests.cohorts.factories import CohortFactory
from tests.courses.factories import lesson, make_assessment, module_page

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
DAYS = 10


@pytest.fixture
def module(db):
    """A ten-day module with a post-test; each test sets what its attestation requires."""
    page = module_page(code="regles", title="Module aux règles")
    page.pre_test = page.post_test = make_assessment(title="Test — règles")
    page.save()
    for day in range(1, DAYS + 1):
        lesson(page, day)
    return page


def require(module, **settings):
    for name, value in settings.items():
        setattr(module, name, value)
    module.save()


@pytest.fixture
def finished(module, trainer):
    """Ten session days, the last one eleven days ago."""
    return CohortFactory(
        module=module, start_date=TODAY - 20 * DAY, end_date=TODAY - DAY, trainers=[trainer]
    )


@pytest.fixture
def running(module, trainer):
    """Ten session days from a week ago: eight held so far (today included), two to come."""
    return CohortFactory(
        module=module, start_date=TODAY - 7 * DAY, end_date=TODAY + 20 * DAY, trainers=[trainer]
    )


def reasons(enrolment) -> list[str]:
    return eligibility_for(enrolment.cohort, [enrolment])[enrolment.pk].reasons


def roster_row(client, cohort, name) -> str:
    response = client.get(reverse("cohorts:detail", args=[cohort.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    for row in soup.select("table.lms-roster tbody tr"):
        if name in row.get_text():
            return " ".join(row.get_text(" ").split())
    raise AssertionError(f"no roster row for {name}")


# --- The attendance the module requires -------------------------------------------------------


@pytest.mark.parametrize(
    "percent, standing",
    [
        (70, "7/10 — règle atteinte"),
        (75, "7/10 — 1 jour de plus requis"),
        (90, "7/10 — 2 jours de plus requis"),
    ],
)
def test_the_modules_percentage_sets_the_rosters_days_still_needed(
    percent, standing, client, trainer, module, running
):
    require(module, attendance_required_percent=percent)
    trainee_in(running, trainer, "Awa", days=7, post_test=False)
    client.force_login(trainer)

    assert standing.replace(" — ", " ") in roster_row(client, running, "Awa")


@pytest.mark.parametrize(
    "percent, days, missing",
    [
        (70, 7, []),
        (75, 7, ["7/10 jours — encore 1 jour requis"]),
        (80, 8, []),
        (90, 8, ["8/10 jours — encore 1 jour requis"]),
        (90, 9, []),
    ],
)
def test_the_modules_percentage_decides_the_attestation(
    percent, days, missing, client, trainer, module, finished
):
    require(module, attendance_required_percent=percent)
    enrolment = trainee_in(finished, trainer, "Awa", days=days)

    assert reasons(enrolment) == missing
    client.force_login(trainer)
    row = roster_row(client, finished, "Awa")
    if missing:
        assert missing[0] in row
        with pytest.raises(NotEligible):
            services.issue(by=trainer, enrolment=enrolment)
        assert not Certificate.objects.exists()
    else:
        assert "Éligible" in row
        assert services.issue(by=trainer, enrolment=enrolment).kind == "attestation"


# --- The exercises the module requires ---------------------------------------------------------


def document(enrolment, kind, status, *, own_enrolment=True):
    return Document.objects.create(
        kind=kind,
        trainee=enrolment.trainee,
        enrolment=enrolment if own_enrolment else None,
        status=status,
    )


@pytest.mark.parametrize(
    "status, counts",
    [
        (Status.DRAFT, False),
        (Status.RETURNED, False),
        (Status.SUBMITTED, True),
        (Status.REVIEWED, True),
    ],
)
def test_only_a_plan_sent_to_the_trainer_counts(status, counts, trainer, module, finished):
    require(module, certificate_requires_plan=True)
    enrolment = trainee_in(finished, trainer, "Awa", days=DAYS)
    document(enrolment, "plan", status)

    assert reasons(enrolment) == ([] if counts else ["manque\u00a0: plan d'affaires envoyé"])


def test_the_cv_belongs_to_the_trainee_and_counts_for_each_of_their_enrolments(
    trainer, module, finished
):
    require(module, certificate_requires_cv=True)
    awa = trainee_in(finished, trainer, "Awa", days=DAYS)
    binta = trainee_in(finished, trainer, "Binta", days=DAYS)
    document(awa, "cv", Status.SUBMITTED, own_enrolment=False)  # a CV has no enrolment

    found = eligibility_for(finished, [awa, binta])

    assert found[awa.pk].eligible
    assert found[binta.pk].reasons == ["manque\u00a0: CV envoyé"]  # Awa's CV is not Binta's


def test_a_module_requiring_the_plan_holds_back_whoever_has_not_sent_it(
    client, trainer, module, finished
):
    require(module, certificate_requires_plan=True)
    without = trainee_in(finished, trainer, "Awa", days=DAYS)
    with_plan = trainee_in(finished, trainer, "Binta", days=DAYS)
    document(with_plan, "plan", Status.SUBMITTED)
    client.force_login(trainer)

    assert "manque : plan d'affaires envoyé" in roster_row(client, finished, "Awa")
    assert "Éligible" in roster_row(client, finished, "Binta")
    with pytest.raises(NotEligible) as refused:
        services.issue(by=trainer, enrolment=without)
    assert "plan d'affaires" in refused.value.messages[0]
    bulk = services.run_bulk_issue(services.request_bulk_issue(by=trainer, cohort=finished).pk)
    assert (bulk.done, bulk.skipped) == (1, 1)
    assert [c.enrolment_id for c in Certificate.objects.all()] == [with_plan.pk]


def test_a_module_requiring_nothing_more_ignores_the_exercises(trainer, module, finished):
    enrolment = trainee_in(finished, trainer, "Awa", days=DAYS)
    document(enrolment, "plan", Status.DRAFT)

    assert reasons(enrolment) == []


# --- The post-test and the end of the training ---------------------------------------------------


def test_a_post_test_started_but_not_sent_does_not_count(trainer, finished):
    enrolment = trainee_in(finished, trainer, "Awa", days=DAYS, post_test=False)
    attempt = learning_services.get_or_start_attempt(enrolment, "post")

    assert attempt.submitted_at is None
    assert reasons(enrolment) == ["manque\u00a0: test de fin"]


def test_a_cohort_still_running_gives_no_attestation_yet(trainer, running):
    # Present on every day so far (8 of 10: the rule is met), the post-test opened early by the
    # trainer and sent: still, two session days are to come.
    learning_services.open_post_test(running, by=trainer)
    enrolment = trainee_in(running, trainer, "Awa", days=8)

    assert reasons(enrolment) == ["formation en cours"]
    with pytest.raises(NotEligible):
        services.issue(by=trainer, enrolment=enrolment)
    assert not Certificate.objects.exists()


def test_from_the_last_session_day_the_same_trainee_is_eligible(trainer, ended_today):
    cohort, enrolment = ended_today

    assert reasons(enrolment) == []
    assert services.issue(by=trainer, enrolment=enrolment).snapshot["days"] == DAYS
    assert cohort.end_date > TODAY  # the cohort's end date is still to come


@pytest.fixture
def ended_today(module, trainer):
    """A cohort whose ten session days ended today, its end date a week away."""
    cohort = CohortFactory(
        module=module, start_date=TODAY - 9 * DAY, end_date=TODAY + 7 * DAY, trainers=[trainer]
    )
    return cohort, trainee_in(cohort, trainer, "Awa", days=DAYS)
