"""Check-in by card: the trainer's tablet reads a trainee's printed login card and marks them.

A login card's QR code holds the trainee sign-in address with the username
(``…/accounts/trainee/?username=rabat07``, cohorts/tasks.py): the card names a trainee, it
proves nothing, so only a trainer of the cohort (the session day policy's ``mark``) scans it,
and only for the trainees of that cohort. A bare username (typed when the camera cannot read
the card) is taken too.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.attendance_services import record_mark
from cohorts.models import (
    AttendanceMark,
    AttendanceStatus,
    CheckInWindow,
    Enrolment,
    MarkSource,
    SessionDay,
)

USERNAME_MAX_LENGTH = 150


class CardRefused(ValidationError):
    def __init__(self):
        super().__init__(
            _("Cette carte n'est pas celle d'un apprenant de cette cohorte."),
            code="not_this_cohort",
        )


@dataclass(frozen=True)
class CardCheckIn:
    mark: AttendanceMark
    enrolment: Enrolment
    # False when the trainee was already marked present or late (the card scanned twice).
    new: bool


def username_on_card(text: str) -> str:
    """The username a login card's QR code holds (or the text itself, typed by hand)."""
    text = str(text or "").strip()[:2000]
    parts = urlsplit(text)
    if parts.scheme in ("http", "https"):
        text = parse_qs(parts.query).get("username", [""])[0]
    return text.strip()[:USERNAME_MAX_LENGTH]


def status_at(day: SessionDay, now: datetime.datetime) -> str:
    """Late after the set time of the day's latest check-in window, present otherwise (no
    window opened that day: the trainer scans the cards as the trainees come in)."""
    window = CheckInWindow.objects.filter(session_day=day).order_by("-opened_at").first()
    if window is not None and now > window.late_after:
        return AttendanceStatus.LATE
    return AttendanceStatus.PRESENT


@transaction.atomic
def check_in_by_card(
    *, by, day: SessionDay, text: str, now: datetime.datetime | None = None
) -> CardCheckIn:
    """Mark the trainee of the card read as ``text`` present (or late) on ``day``.

    Refuses (``CardRefused``) a card of anyone not enrolled in the day's cohort. A trainee
    already marked present or late stays as marked (a card held twice in front of the camera).
    """
    now = now or timezone.now()
    username = username_on_card(text)
    enrolment = (
        Enrolment.objects.active()
        .filter(cohort_id=day.cohort_id, trainee__user__username=username)
        .select_related("trainee__user")
        .first()
        if username
        else None
    )
    if enrolment is None:
        raise CardRefused()
    existing = AttendanceMark.objects.filter(session_day=day, enrolment=enrolment).first()
    if existing is not None and existing.status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
    ):
        return CardCheckIn(existing, enrolment, new=False)
    mark = record_mark(
        by=by,
        enrolment=enrolment,
        day=day,
        status=status_at(day, now),
        marked_at=now,
        source=MarkSource.CARD,
    )
    return CardCheckIn(mark, enrolment, new=True)
