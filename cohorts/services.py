"""Every change to cohorts, trainees and enrolments: one transaction, one audit entry.

Hand entry, the roster import and the demo loader all come through here, so a cohort's
capacity and the one-person-once rule hold whichever way a trainee arrives: both are checked
with the cohort's row locked, so two trainers adding the last place at once cannot both win.
"""

import re
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from cohorts import attendance_services, guessing, tasks
from cohorts.models import (
    CONSENT_TEXT_VERSION,
    AttendanceMark,
    Cohort,
    ConsentPurpose,
    ConsentRecord,
    Enrolment,
    EnrolmentStatus,
    SessionDay,
    TraineeProfile,
)
from cohorts.rules import (
    AlreadyEnrolled,
    AlreadyWithdrawn,
    CapacityBelowEnrolments,
    CohortFull,
    CohortHasTrainees,
    NotWithdrawn,
    ReasonRequired,
    trainee_key,
)
from lms import audit, documents
from lms.roles import Role

PIN_LENGTH = guessing.PIN_LENGTH
generate_pin = guessing.generate_pin
COHORT_FIELDS = (
    "name",
    "module",
    "orientation_point",
    "modality",
    "start_date",
    "end_date",
    "capacity",
    "status",
)


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


# --- Cohorts -----------------------------------------------------------------------------


@transaction.atomic
def create_cohort(*, by, trainers: Iterable = (), **fields) -> Cohort:
    """A new cohort; ``fields`` are the model's (see COHORT_FIELDS)."""
    cohort = Cohort(**fields)
    cohort.full_clean()
    cohort.save()
    cohort.trainers.set(trainers)
    audit.record(by, audit.Action.CREATED, cohort)
    _plan_days(by, cohort)
    return cohort


def _plan_days(by, cohort: Cohort) -> None:
    """Plan the cohort's session days from its dates, once its module has its lessons (a
    module still being written gets its days planned from the days screen later)."""
    if cohort.module.lessons().exists():
        attendance_services.plan_session_days(by=by, cohort=cohort)


def _replan_days(by, cohort: Cohort) -> None:
    """New dates, new days, while no attendance has been taken on any of them: once it has,
    the days are the register's and a trainer moves, adds or cancels them by hand."""
    days = SessionDay.objects.filter(cohort=cohort)
    if AttendanceMark.objects.filter(session_day__in=days).exists():
        return
    days.delete()
    Cohort.objects.filter(pk=cohort.pk).update(first_session_day=None, last_session_day=None)
    cohort.first_session_day = cohort.last_session_day = None
    _plan_days(by, cohort)


@transaction.atomic
def update_cohort(*, by, cohort: Cohort, trainers: Iterable | None = None, **changes) -> Cohort:
    """Change a cohort; its capacity may not fall below the trainees already enrolled."""
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    dates_before = (locked.start_date, locked.end_date)
    if "capacity" in changes:
        active = locked.enrolments.active().count()
        if changes["capacity"] < active:
            raise CapacityBelowEnrolments(active)
    for name, value in changes.items():
        setattr(cohort, name, value)
    cohort.full_clean()
    cohort.save()
    if trainers is not None:
        cohort.trainers.set(trainers)
    audit.record(by, audit.Action.CHANGED, cohort, fields=sorted(changes))
    if (cohort.start_date, cohort.end_date) != dates_before:
        _replan_days(by, cohort)
    return cohort


@transaction.atomic
def delete_cohort(*, by, cohort: Cohort) -> None:
    """Delete a cohort nobody was ever enrolled in; one with trainees is cancelled instead,
    since deleting it would delete their records too."""
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if locked.enrolments.exists():
        raise CohortHasTrainees()
    audit.record(by, audit.Action.DELETED, locked)
    locked.delete()


def _lock_for_one_more(cohort: Cohort, display_name: str, birth_year: int) -> Cohort:
    """Lock the cohort's row and check one more trainee fits and is not there already."""
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    key = trainee_key(display_name, birth_year)
    for name, year in locked.enrolments.values_list("trainee__display_name", "trainee__birth_year"):
        if trainee_key(name, year) == key:
            raise AlreadyEnrolled(name, year)
    if locked.places_left < 1:
        raise CohortFull(locked.capacity)
    return locked


# --- Trainees and enrolments ----------------------------------------------------------------


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

    Raises CohortFull or AlreadyEnrolled (nothing is created then). The PIN is shown once to
    the trainer and never stored in clear.
    """
    _lock_for_one_more(cohort, display_name, birth_year)
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
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            trainee=trainee,
            purpose=ConsentPurpose(purpose),
            granted=granted,
            text_version=CONSENT_TEXT_VERSION,
            recorded_by=by,
        )
        for purpose, granted in (consents or {}).items()
    )
    Enrolment.objects.create(trainee=trainee, cohort=cohort)
    audit.record(by, audit.Action.CREATED, trainee, cohort=cohort.pk)
    return trainee, pin


@transaction.atomic
def enrol(*, by, trainee: TraineeProfile, cohort: Cohort) -> Enrolment:
    """Enrol an existing trainee (again, after a withdrawal), within the cohort's places."""
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    enrolment = Enrolment.objects.filter(trainee=trainee, cohort=locked).first()
    if enrolment is not None and enrolment.status != EnrolmentStatus.WITHDRAWN:
        raise AlreadyEnrolled(trainee.display_name, trainee.birth_year)
    if locked.places_left < 1:
        raise CohortFull(locked.capacity)
    again = enrolment is not None
    if enrolment is None:
        enrolment = Enrolment.objects.create(trainee=trainee, cohort=locked)
    else:
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.left_on = None
        enrolment.save(update_fields=["status", "left_on"])
    audit.record(by, audit.Action.ENROLLED, trainee, cohort=cohort.pk, again=again)
    return enrolment


def reenrol(*, by, enrolment: Enrolment) -> Enrolment:
    """Take a withdrawn trainee back into the same cohort, if a place is left.

    Raises NotWithdrawn for an enrolment that is still running, CohortFull when the places
    were given to others meanwhile (nothing changes then).
    """
    if enrolment.status != EnrolmentStatus.WITHDRAWN:
        raise NotWithdrawn()
    return enrol(by=by, trainee=enrolment.trainee, cohort=enrolment.cohort)


@transaction.atomic
def withdraw(*, by, enrolment: Enrolment, reason: str) -> Enrolment:
    """The trainee leaves the cohort; the reason is kept in the audit entry (the enrolment
    row keeps the date). Their work stays, and they can be re-enrolled (``reenrol``)."""
    reason = " ".join(reason.split())
    if not reason:
        raise ReasonRequired()
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if locked.status == EnrolmentStatus.WITHDRAWN:
        raise AlreadyWithdrawn()
    locked.status = EnrolmentStatus.WITHDRAWN
    locked.left_on = timezone.localdate()
    locked.save(update_fields=["status", "left_on"])
    audit.record(
        by, audit.Action.WITHDRAWN, enrolment.trainee, cohort=locked.cohort_id, reason=reason
    )
    return locked


@transaction.atomic
def reset_pin(*, by, trainee: TraineeProfile, pin: str | None = None) -> str:
    pin = pin or generate_pin()
    trainee.user.set_password(pin)
    trainee.user.save(update_fields=["password"])
    # Wrong tries at the old PIN say nothing about the new one: a locked trainee given a new
    # PIN can sign in with it at once.
    guessing.unlock(trainee.username)
    audit.record(by, audit.Action.PIN_RESET, trainee)
    return pin


@transaction.atomic
def set_picture_password(
    *, by, trainee: TraineeProfile, pictures: list[str] | None = None
) -> list[str]:
    """Give a trainee a new picture password, drawn at random like a PIN and returned to be
    shown once. ``pictures`` is for the demo data and the tests only: no screen lets a person
    choose the sequence (cohorts/guessing.py counts on the whole 12^4)."""
    pictures = pictures or guessing.generate_pictures()
    trainee.set_picture_password(pictures)
    trainee.save(update_fields=["picture_password"])
    audit.record(by, audit.Action.PICTURES_SET, trainee)
    return pictures


@transaction.atomic
def unlock_sign_in(*, by, trainee: TraineeProfile) -> None:
    """Forget a trainee's wrong PIN and picture tries, so that they can sign in again now."""
    guessing.unlock(trainee.username)
    audit.record(by, audit.Action.SIGN_IN_UNLOCKED, trainee)


@transaction.atomic
def record_consent(*, by, trainee: TraineeProfile, purpose: str, granted: bool) -> ConsentRecord:
    record = ConsentRecord.objects.create(
        trainee=trainee,
        purpose=ConsentPurpose(purpose),
        granted=granted,
        text_version=CONSENT_TEXT_VERSION,
        recorded_by=by,
    )
    audit.record(by, audit.Action.CONSENT, trainee, purpose=purpose, granted=granted)
    return record


@transaction.atomic
def viewed_trainee(*, by, trainee: TraineeProfile) -> None:
    """Reading a trainee's record is itself recorded (who looked at whose file)."""
    audit.record(by, audit.Action.VIEWED, trainee)


@transaction.atomic
def viewed_roster(*, by, cohort: Cohort, trainees: Iterable[int]) -> None:
    """Reading a cohort's roster: one entry for the roster, naming every trainee shown."""
    audit.record(by, audit.Action.VIEWED, cohort, trainees=sorted(trainees))


# --- Documents ----------------------------------------------------------------------------


@transaction.atomic
def request_login_cards(
    *,
    by,
    cohort: Cohort,
    base_url: str,
    language: str,
    trainees: Iterable[TraineeProfile] | None = None,
    new_pins: bool = False,
):
    """Queue login cards (a PDF rendered by a worker) for ``by`` to download: for ``trainees``
    of the cohort (every active one by default), with names, usernames and a QR code to the
    sign-in page on ``base_url``.

    With ``new_pins``, the worker makes a new PIN for each of them and prints it on their
    card: the PDF is then a single download, and the PINs exist in clear nowhere else
    (cohorts/tasks.py). One audit entry names every trainee of the batch.
    """
    active = cohort.enrolments.active().values_list("trainee_id", flat=True)
    chosen = set(active) if trainees is None else {t.pk for t in trainees} & set(active)
    trainee_ids = sorted(chosen)
    document = documents.request(
        owner=by,
        filename=f"cartes-cohorte-{cohort.pk}.pdf",
        task=tasks.render_login_cards,
        args=[cohort.pk, base_url, language, trainee_ids, new_pins],
        single_download=new_pins,
    )
    if new_pins:
        audit.record(by, audit.Action.PINS_PRINTED, cohort, trainees=trainee_ids)
    else:
        audit.record(
            by, audit.Action.EXPORTED, cohort, document="login cards", trainees=trainee_ids
        )
    return document
