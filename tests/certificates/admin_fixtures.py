"""What the admin screens' tests share: a finished cohort whose trainees can be made
eligible, and a certificate made directly (the services have their own tests)."""

import datetime

from django.db.models import Max
from django.utils import timezone

from certificates import snapshot
from certificates.models import Certificate
from cohorts import attendance_services
from cohorts.models import SessionDay
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.courses.factories import lesson, make_assessment, module_page
from tests.learning.factories import SubmittedAttemptFactory

DAYS = 5


def finished_cohort(trainer, *, name="Rabat — attestations"):
    """A cohort of five held days, ended yesterday, with a post-test."""
    module = module_page(code="cert", title="Entrepreneuriat")
    if module.post_test_id is None:
        module.pre_test = module.post_test = make_assessment(title="Test — entrepreneuriat")
        module.save()
        for day in range(1, DAYS + 1):
            lesson(module, day, duration_minutes=300)
    today = timezone.localdate()
    cohort = CohortFactory(
        name=name,
        module=module,
        start_date=today - datetime.timedelta(days=20),
        end_date=today - datetime.timedelta(days=1),
        trainers=[trainer],
    )
    attendance_services.plan_session_days(by=trainer, cohort=cohort)
    return cohort


def trainee_in(cohort, trainer, name, *, days=DAYS, post_test=True):
    """A trainee of ``cohort`` present ``days`` days, with the post-test sent or not."""
    trainee = TraineeFactory(cohort=cohort, display_name=name, by=trainer)
    enrolment = trainee.enrolments.get()
    for day in SessionDay.objects.filter(cohort=cohort).order_by("date")[:days]:
        attendance_services.record_mark(by=trainer, enrolment=enrolment, day=day, status="present")
    if post_test:
        SubmittedAttemptFactory(
            enrolment=enrolment, phase="post", assessment=cohort.module.post_test
        )
    return enrolment


def certificate_of(enrolment, *, kind="attestation", by=None) -> Certificate:
    top = Certificate.objects.aggregate(top=Max("status_index"))["top"]
    return Certificate.objects.create(
        enrolment=enrolment,
        kind=kind,
        snapshot=snapshot.take(enrolment, kind=kind, language="fr"),
        issued_by=by,
        status_index=0 if top is None else top + 1,
    )
