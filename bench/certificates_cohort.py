"""Run by bench/certificates.py in the bench's environment: a finished cohort of N trainees
who all meet the rule (every day present, post-test submitted), made through the services.
Prints the cohort's id."""

import datetime
import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
django.setup()

from django.utils import timezone  # noqa: E402

from cohorts import attendance_services, services  # noqa: E402
from cohorts.models import SessionDay  # noqa: E402
from content.models import OrientationPoint  # noqa: E402
from courses.models import ModulePage  # noqa: E402
from learning.models import Attempt  # noqa: E402


def main(size: int) -> int:
    module = ModulePage.objects.filter(locale__language_code="fr", post_test__isnull=False).first()
    today = timezone.localdate()
    cohort = services.create_cohort(
        by=None,
        name=f"Bench — {size} apprenants {timezone.now():%H%M%S}",
        module=module,
        orientation_point=OrientationPoint.objects.first(),
        start_date=today - datetime.timedelta(days=30),
        end_date=today - datetime.timedelta(days=1),
        capacity=size,
    )
    attendance_services.plan_session_days(by=None, cohort=cohort)
    days = list(SessionDay.objects.filter(cohort=cohort))
    for number in range(size):
        profile, _pin = services.create_trainee(
            by=None,
            cohort=cohort,
            display_name=f"Bench Apprenant {number:02d}",
            sex="F" if number % 2 else "M",
            birth_year=1990 + number % 10,
            nationality="ml",
            consents={"data_processing": True, "share_with_origin": False, "photos": False},
        )
        enrolment = profile.enrolments.get()
        for day in days:
            attendance_services.record_mark(by=None, enrolment=enrolment, day=day, status="present")
        Attempt.objects.create(
            enrolment=enrolment,
            assessment=module.post_test,
            phase="post",
            answers={},
            submitted_at=timezone.now(),
        )
    return cohort.pk


if __name__ == "__main__":
    print(main(int(sys.argv[1])))
