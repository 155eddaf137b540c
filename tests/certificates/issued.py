"""Certificates issued the way the platform issues them (through certificates.services), for
the tests of what happens after: verification, revocation, the page in a browser, and the
multi-process server (tests/multiprocess/, through ``manage.py shell``)."""

import datetime

from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from cohorts import attendance_services
from cohorts.models import SessionDay
from lms.roles import Role
from tests.cohorts.factories import CohortFactory, StaffFactory, TraineeFactory
from tests.courses.factories import lesson, make_assessment, module_page

HOLDER = "Aïssata Verification"
# What the trainee's record holds and the public must never learn from a code.
NATIONALITY = "gn"
BIRTH_YEAR = 1987
PHONE = "+212600111222"
DAYS = 5


def finished_cohort(trainer, code: str = "verif", title: str = "Entrepreneuriat (vérif.)"):
    """A cohort of a 5-day module that ended yesterday, its days planned."""
    module = module_page(code=code, title=title)
    if module.post_test_id is None:
        module.pre_test = module.post_test = make_assessment(title=f"Test — {title}")
        module.save()
        for day in range(1, DAYS + 1):
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


def issue_attestation(trainer=None, *, holder: str = HOLDER, kind: str = "attestation"):
    """An attestation (or, with kind="statement", a statement of attendance) issued to a new
    trainee who attended every day and took the post-test."""
    from tests.learning.factories import SubmittedAttemptFactory

    trainer = trainer or StaffFactory(role=Role.TRAINER)
    cohort = finished_cohort(trainer)
    trainee = TraineeFactory(
        cohort=cohort,
        by=trainer,
        display_name=holder,
        nationality=NATIONALITY,
        birth_year=BIRTH_YEAR,
        phone=PHONE,
    )
    enrolment = trainee.enrolments.get()
    for day in SessionDay.objects.filter(cohort=cohort).order_by("date"):
        attendance_services.record_mark(by=trainer, enrolment=enrolment, day=day, status="present")
    SubmittedAttemptFactory(enrolment=enrolment, phase="post", assessment=cohort.module.post_test)
    return services.issue(by=trainer, enrolment=enrolment, kind=kind)


def certificate(code: str) -> Certificate:
    return Certificate.objects.get(code=code)
