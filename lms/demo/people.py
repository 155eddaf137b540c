"""The demo people (data/people.yaml): staff of every role, three cohorts and their trainees,
made through the services a coordinator and a trainer use, so each gets its group, consents,
enrolment and audit entry the ordinary way.

Accounts carry a known password and PIN: lms.demo.load refuses this part with DEBUG off.
What exists is left alone, found by e-mail, cohort name or username: a trainer may have reset a
PIN or changed a cohort.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.utils import timezone

from cohorts.models import Cohort, CohortStatus, Modality
from cohorts.services import create_cohort, create_trainee, set_picture_password
from content.models import OrientationPoint
from courses.models import ModulePage
from lms.demo import files, pages
from lms.roles import Role
from lms.services import create_staff


def load() -> list[tuple[Cohort, dict]]:
    """Create the missing accounts and cohorts; return each demo cohort with its data."""
    data = files.read("people.yaml")
    staff = {spec["email"]: _staff(spec, data["staff_password"]) for spec in data["staff"]}
    today = timezone.localdate()
    # The week's Monday, so the demo cohorts are always running whenever the demo is loaded.
    monday = today - datetime.timedelta(days=today.weekday())
    cohorts = []
    for spec in data["cohorts"]:
        start = monday - datetime.timedelta(weeks=spec.get("starts_weeks_ago", 0))
        cohort = _cohort(spec, staff, start)
        _trainees(cohort, spec["trainees"], data["trainee_pin"])
        cohorts.append((cohort, spec))
    return cohorts


def _staff(spec: dict, password: str) -> AbstractUser:
    existing = get_user_model().objects.filter(username=spec["email"]).first()
    return existing or create_staff(
        by=None,
        email=spec["email"],
        first_name=spec["first_name"],
        last_name=spec["last_name"],
        role=Role[spec["role"].upper()],
        password=password,
    )


def _cohort(spec: dict, staff: dict[str, AbstractUser], start: datetime.date) -> Cohort:
    # By name, or, once a coordinator renamed it, by the demo trainees enrolled in it.
    usernames = [trainee["username"] for trainee in spec["trainees"]]
    existing = (
        Cohort.objects.filter(name=spec["name"]).first()
        or Cohort.objects.filter(
            module__code=spec["module"], enrolments__trainee__user__username__in=usernames
        ).first()
    )
    if existing:
        return existing
    french, _english = pages.locales()
    return create_cohort(
        by=None,
        trainers=[staff[email] for email in spec["trainers"]],
        name=spec["name"],
        # Cohorts run the French module: English is the translation trainees may switch to.
        module=ModulePage.objects.get(code=spec["module"], locale=french),
        orientation_point=OrientationPoint.objects.get(city=spec["orientation_point"]),
        modality=Modality(spec["modality"]),
        start_date=start,
        end_date=start + datetime.timedelta(days=spec["days"] - 1),
        capacity=spec["capacity"],
        status=CohortStatus(spec["status"]),
    )


def _trainees(cohort: Cohort, trainees: list[dict], pin: str) -> None:
    # The cohort's own trainer enrols its trainees, as in class (and as the audit shows).
    trainer = cohort.trainers.first()
    accounts = get_user_model().objects
    for spec in trainees:
        if accounts.filter(username=spec["username"]).exists():
            continue
        trainee, _pin = create_trainee(
            by=trainer,
            cohort=cohort,
            display_name=spec["display_name"],
            sex=spec["sex"],
            birth_year=spec["birth_year"],
            nationality=spec["nationality"],
            username=spec["username"],
            pin=pin,
            consents=spec["consents"],
        )
        if spec.get("pictures"):
            set_picture_password(by=trainer, trainee=trainee, pictures=spec["pictures"])
