"""Every change to trainees, cohorts and enrolments goes through here: one transaction,
one audit entry."""

import re
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from cohorts.models import (
    CONSENT_TEXT_VERSION,
    Cohort,
    ConsentPurpose,
    ConsentRecord,
    Enrolment,
    EnrolmentStatus,
    TraineeProfile,
)
from lms import audit
from lms.models import AuditAction
from lms.roles import Role

PIN_LENGTH = 4


def generate_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


def username_prefix(cohort: Cohort) -> str:
    """Trainee usernames start with the orientation point's city (rabat01, casa01…)."""
    city = re.sub(r"[^a-z]", "", cohort.orientation_point.city.lower())
    return {"casablanca": "casa"}.get(city, city)[:8] or "foras"


def next_username(prefix: str) -> str:
    User = get_user_model()
    taken = set(User.objects.filter(username__startswith=prefix).values_list("username", flat=True))
    number = 1
    while f"{prefix}{number:02d}" in taken:
        number += 1
    return f"{prefix}{number:02d}"


@transaction.atomic
def create_trainee(
    *,
    by,
    cohort: Cohort,
    display_name: str,
    sex: str,
    birth_year: int,
    nationality: str,
    preferred_language: str = "fr",
    phone: str = "",
    consents: dict[str, bool] | None = None,
    username: str | None = None,
    pin: str | None = None,
) -> tuple[TraineeProfile, str]:
    """Create a trainee account enrolled in ``cohort``; returns the profile and its PIN.

    The PIN is shown once to the trainer and never stored in clear.
    """
    User = get_user_model()
    pin = pin or generate_pin()
    user = User.objects.create_user(
        username=username or next_username(username_prefix(cohort)), password=pin
    )
    user.groups.add(Group.objects.get(name=Role.TRAINEE.value))
    trainee = TraineeProfile.objects.create(
        user=user,
        display_name=display_name,
        sex=sex,
        birth_year=birth_year,
        nationality=nationality,
        preferred_language=preferred_language,
        phone=phone,
        created_by=by,
    )
    for purpose, granted in (consents or {}).items():
        ConsentRecord.objects.create(
            trainee=trainee,
            purpose=ConsentPurpose(purpose),
            granted=granted,
            text_version=CONSENT_TEXT_VERSION,
            recorded_by=by,
        )
    Enrolment.objects.create(trainee=trainee, cohort=cohort)
    audit.record(by, AuditAction.CREATED, trainee, f"cohort={cohort.pk}")
    return trainee, pin


@transaction.atomic
def enrol(*, by, trainee: TraineeProfile, cohort: Cohort) -> Enrolment:
    enrolment, created = Enrolment.objects.get_or_create(trainee=trainee, cohort=cohort)
    if not created and enrolment.status == EnrolmentStatus.WITHDRAWN:
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.left_on = None
        enrolment.save(update_fields=["status", "left_on"])
    audit.record(by, AuditAction.CHANGED, trainee, f"enrolled in cohort={cohort.pk}")
    return enrolment


@transaction.atomic
def withdraw(*, by, enrolment: Enrolment) -> None:
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.left_on = timezone.localdate()
    enrolment.save(update_fields=["status", "left_on"])
    audit.record(
        by, AuditAction.CHANGED, enrolment.trainee, f"withdrawn from {enrolment.cohort_id}"
    )


@transaction.atomic
def reset_pin(*, by, trainee: TraineeProfile, pin: str | None = None) -> str:
    pin = pin or generate_pin()
    trainee.user.set_password(pin)
    trainee.user.save(update_fields=["password"])
    audit.record(by, AuditAction.CHANGED, trainee, "PIN reset")
    return pin


@transaction.atomic
def set_picture_password(*, by, trainee: TraineeProfile, pictures: list[str]) -> None:
    trainee.set_picture_password(pictures)
    trainee.save(update_fields=["picture_password"])
    audit.record(by, AuditAction.CHANGED, trainee, "picture password set")


@transaction.atomic
def record_consent(*, by, trainee: TraineeProfile, purpose: str, granted: bool) -> ConsentRecord:
    record = ConsentRecord.objects.create(
        trainee=trainee,
        purpose=ConsentPurpose(purpose),
        granted=granted,
        text_version=CONSENT_TEXT_VERSION,
        recorded_by=by,
    )
    audit.record(by, AuditAction.CHANGED, trainee, f"consent {purpose}={granted}")
    return record
