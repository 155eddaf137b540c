"""Issuing: one or a whole cohort, safe to repeat, frozen once issued."""

import datetime

import pytest
from django.utils import timezone

from certificates import services
from certificates.errors import NotEligible
from certificates.models import BulkIssue, Certificate
from cohorts import attendance_services
from cohorts.models import SessionDay
from learning.models import Attempt
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.courses.factories import lesson, make_assessment, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(trainer):
    module = module_page(code="cert", title="Entrepreneuriat")
    module.pre_test = module.post_test = make_assessment(title="Test — entrepreneuriat")
    module.save()
    for day in range(1, 6):
        lesson(module, day, duration_minutes=300)
    today = timezone.localdate()
    cohort = CohortFactory(
        module=module,
        start_date=today - datetime.timedelta(days=20),
        end_date=today - datetime.timedelta(days=1),
        trainers=[trainer],
    )
    attendance_services.plan_session_days(by=trainer, cohort=cohort)
    return cohort


def _attend(cohort, trainer, trainee, days: int):
    enrolment = trainee.enrolments.get()
    for day in SessionDay.objects.filter(cohort=cohort).order_by("date")[:days]:
        attendance_services.record_mark(by=trainer, enrolment=enrolment, day=day, status="present")
    return enrolment


def _post_test(enrolment):
    from tests.learning.factories import SubmittedAttemptFactory

    SubmittedAttemptFactory(
        enrolment=enrolment, phase="post", assessment=enrolment.cohort.module.post_test
    )


def test_an_eligible_trainee_is_issued_an_attestation_once(finished, trainer):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)

    first = services.issue(by=trainer, enrolment=enrolment)
    again = services.issue(by=trainer, enrolment=enrolment)

    assert first == again
    assert Certificate.objects.count() == 1
    assert first.snapshot["days"] == 5
    assert first.snapshot["hours"] == 25.0


def test_a_trainee_below_the_rule_gets_a_statement_not_an_attestation(finished, trainer):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 2)
    _post_test(enrolment)

    with pytest.raises(NotEligible):
        services.issue(by=trainer, enrolment=enrolment)
    statement = services.issue(by=trainer, enrolment=enrolment, kind="statement")

    assert statement.snapshot["days_attended"] == 2
    assert statement.snapshot["hours_attended"] == 10.0


def test_bulk_issue_run_twice_gives_no_duplicates(finished, trainer):
    eligible = [
        _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5) for _ in range(3)
    ]
    for enrolment in eligible:
        _post_test(enrolment)
    _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 1)

    bulk = services.request_bulk_issue(by=trainer, cohort=finished)
    services.run_bulk_issue(bulk.pk)
    again = services.run_bulk_issue(bulk.pk)

    assert Certificate.objects.count() == 3
    assert (again.done, again.skipped, again.total) == (3, 1, 4)
    assert again.finished_at is not None
    assert BulkIssue.objects.count() == 1


def test_editing_the_module_or_the_trainee_changes_no_issued_certificate(finished, trainer):
    trainee = TraineeFactory(cohort=finished, by=trainer, display_name="Awa Diallo")
    enrolment = _attend(finished, trainer, trainee, 5)
    _post_test(enrolment)
    certificate = services.issue(by=trainer, enrolment=enrolment)
    before = dict(certificate.snapshot)

    module = finished.module
    module.title = "Autre titre"
    module.save()
    trainee.display_name = "Anonyme"
    trainee.save()

    certificate.refresh_from_db()
    assert certificate.snapshot == before
    assert certificate.snapshot["holder_name"] == "Awa Diallo"


def test_revoking_and_reissuing(finished, trainer, coordinator):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)
    certificate = services.issue(by=trainer, enrolment=enrolment)

    new = services.reissue(by=coordinator, certificate=certificate)

    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revocation_reason == "replaced"
    assert new.is_duplicate and new.code != certificate.code
    assert not new.is_revoked
    assert Attempt.objects.count() == 1
