"""Every change to session days, attendance and check-in: one transaction, one audit entry.

The register, the QR check-in, a tablet's outbox and the demo loader all mark attendance
through ``record_mark``, so that a mark made twice is kept once and the mark made last by its
own time wins, whichever arrives first (two trainers at once, or a tablet back online).
"""

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts import check_in as codes
from cohorts.attendance_errors import (
    CheckInRefused,
    DayCancelled,
    DayOutsideCohort,
    DayTaken,
    MarkTooEarly,
    NotEnrolledThatDay,
)
from cohorts.models import (
    AttendanceEntry,
    AttendanceMark,
    AttendanceStatus,
    CheckInUse,
    CheckInWindow,
    Cohort,
    Enrolment,
    EnrolmentStatus,
    Holiday,
    MarkSource,
    SessionDay,
)
from cohorts.schedule import plan_dates
from lms import audit

# A tablet's clock may run a little fast: a mark "made" later than this is taken as made now.
CLOCK_SKEW = datetime.timedelta(minutes=5)


# --- Session days --------------------------------------------------------------------------


def _module_lessons(cohort: Cohort) -> list:
    return list(cohort.module.lessons().only("pk", "day_number"))


def _relink_lessons(cohort: Cohort) -> None:
    """The module's days go to the held session days in date order; extra days get none."""
    lessons = _module_lessons(cohort)
    days = list(SessionDay.objects.filter(cohort=cohort).order_by("date"))
    held = [day for day in days if not day.cancelled]
    for position, day in enumerate(held):
        lesson_id = lessons[position].pk if position < len(lessons) else None
        if day.lesson_id != lesson_id:
            day.lesson_id = lesson_id
            day.save(update_fields=["lesson"])
    for day in days:
        if day.cancelled and day.lesson_id is not None:
            day.lesson_id = None
            day.save(update_fields=["lesson"])
    Cohort.objects.filter(pk=cohort.pk).update(
        first_session_day=held[0].date if held else None,
        last_session_day=held[-1].date if held else None,
    )
    cohort.first_session_day = held[0].date if held else None
    cohort.last_session_day = held[-1].date if held else None


@transaction.atomic
def plan_session_days(*, by, cohort: Cohort) -> list[SessionDay]:
    """Plan the cohort's days from its dates and its module's days, skipping weekends and
    holidays. Days already planned are kept: running it again adds nothing."""
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    existing = list(SessionDay.objects.filter(cohort=locked).order_by("date"))
    if existing:
        return existing
    count = len(_module_lessons(cohort)) or cohort.module.duration_days
    holidays = set(
        Holiday.objects.filter(date__range=(cohort.start_date, cohort.end_date)).values_list(
            "date", flat=True
        )
    )
    dates = plan_dates(
        cohort.start_date, cohort.end_date, count, holidays, settings.SESSION_DAYS_OFF
    )
    SessionDay.objects.bulk_create(SessionDay(cohort=locked, date=date) for date in dates)
    _relink_lessons(cohort)
    audit.record(by, audit.Action.DAYS_PLANNED, cohort, days=len(dates))
    return list(SessionDay.objects.filter(cohort=locked).order_by("date"))


def _check_date(cohort: Cohort, date: datetime.date, *, exclude=None) -> None:
    if not cohort.start_date <= date <= cohort.end_date:
        raise DayOutsideCohort()
    taken = SessionDay.objects.filter(cohort=cohort, date=date)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise DayTaken(date)


@transaction.atomic
def move_session_day(*, by, day: SessionDay, date: datetime.date) -> SessionDay:
    locked = SessionDay.objects.select_for_update().select_related("cohort").get(pk=day.pk)
    _check_date(locked.cohort, date, exclude=locked)
    previous = locked.date
    locked.date = date
    locked.save(update_fields=["date"])
    _relink_lessons(locked.cohort)
    audit.record(
        by,
        audit.Action.DAY_MOVED,
        locked.cohort,
        date=date.isoformat(),
        **{"from": previous.isoformat()},
    )
    locked.refresh_from_db()
    return locked


@transaction.atomic
def add_session_day(*, by, cohort: Cohort, date: datetime.date, note: str = "") -> SessionDay:
    Cohort.objects.select_for_update().get(pk=cohort.pk)
    _check_date(cohort, date)
    day = SessionDay.objects.create(cohort=cohort, date=date, note=note.strip()[:200])
    _relink_lessons(cohort)
    audit.record(by, audit.Action.DAY_ADDED, cohort, date=date.isoformat())
    day.refresh_from_db()
    return day


@transaction.atomic
def cancel_session_day(*, by, day: SessionDay, note: str = "") -> SessionDay:
    """A cancelled day stays listed (with its marks, if any) but is no session day any more:
    the rule and the lessons skip it."""
    locked = SessionDay.objects.select_for_update().select_related("cohort").get(pk=day.pk)
    locked.cancelled = True
    if note.strip():
        locked.note = note.strip()[:200]
    locked.save(update_fields=["cancelled", "note"])
    _relink_lessons(locked.cohort)
    audit.record(by, audit.Action.DAY_CANCELLED, locked.cohort, date=locked.date.isoformat())
    locked.refresh_from_db()
    return locked


@transaction.atomic
def restore_session_day(*, by, day: SessionDay) -> SessionDay:
    locked = SessionDay.objects.select_for_update().select_related("cohort").get(pk=day.pk)
    locked.cancelled = False
    locked.save(update_fields=["cancelled"])
    _relink_lessons(locked.cohort)
    audit.record(by, audit.Action.DAY_RESTORED, locked.cohort, date=locked.date.isoformat())
    locked.refresh_from_db()
    return locked


@transaction.atomic
def save_holiday(*, by, date: datetime.date, name: str, holiday: Holiday | None = None) -> Holiday:
    """Add or change a holiday. Days already planned are left as they are: a trainer moves
    or cancels them (the holiday list is for the next plans)."""
    holiday = holiday or Holiday()
    created = holiday.pk is None
    holiday.date = date
    holiday.name = " ".join(name.split())[:120]
    holiday.full_clean()
    holiday.save()
    audit.record(by, audit.Action.CREATED if created else audit.Action.CHANGED, holiday)
    return holiday


@transaction.atomic
def delete_holiday(*, by, holiday: Holiday) -> None:
    audit.record(by, audit.Action.DELETED, holiday)
    holiday.delete()


# --- Marks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkEvent:
    """One mark as the tablet made it: who, which day, what, when, and its own id."""

    enrolment_id: int
    session_day_id: int
    status: str
    marked_at: datetime.datetime
    event_id: uuid.UUID | None = None
    source: str = MarkSource.REGISTER


@dataclass(frozen=True)
class _MarkingDay:
    """A session day checked once for all the marks of a call: held, already come, and the
    ids of its cohort's enrolments (one query, however many marks follow)."""

    day: SessionDay
    enrolled: frozenset[int]


def _marking_day(day_id: int, now: datetime.datetime) -> _MarkingDay:
    day = SessionDay.objects.get(pk=day_id)
    if day.cancelled:
        raise DayCancelled()
    if day.date > timezone.localdate(now):
        raise MarkTooEarly()
    enrolled = Enrolment.objects.filter(cohort_id=day.cohort_id).values_list("pk", flat=True)
    return _MarkingDay(day, frozenset(enrolled))


def _known_entry(event_id: uuid.UUID) -> AttendanceEntry | None:
    """The entry an event already made, if it was sent before (a tablet's outbox retries)."""
    return AttendanceEntry.objects.select_related("mark").filter(event_id=event_id).first()


def _apply(
    by, event: MarkEvent, now: datetime.datetime, target: _MarkingDay
) -> tuple[AttendanceMark, bool]:
    """Apply one event to ``target``'s day inside the caller's transaction; ``True`` when it
    was new."""
    if event.event_id is not None and (entry := _known_entry(event.event_id)):
        return entry.mark, False
    if event.enrolment_id not in target.enrolled:
        raise NotEnrolledThatDay()
    marked_at = min(event.marked_at, now + CLOCK_SKEW)
    # The mark's row is created once: the unique constraint settles two trainers at once
    # (get_or_create catches the loser's IntegrityError, rolled back to its savepoint, and reads
    # the winner's row), and the row lock orders their histories.
    mark, created = AttendanceMark.objects.get_or_create(
        session_day_id=target.day.pk,
        enrolment_id=event.enrolment_id,
        defaults={
            "status": event.status,
            "marked_at": marked_at,
            "marked_by": by,
            "source": event.source,
        },
    )
    if not created:
        mark = AttendanceMark.objects.select_for_update().get(pk=mark.pk)
    try:
        with transaction.atomic():
            AttendanceEntry.objects.create(
                mark=mark,
                status=event.status,
                marked_at=marked_at,
                received_at=now,
                marked_by=by,
                source=event.source,
                event_id=event.event_id,
            )
    except IntegrityError:
        # The same event, sent at the same instant by another request: already kept.
        return mark, False
    if not created and marked_at >= mark.marked_at:
        mark.status = event.status
        mark.marked_at = marked_at
        mark.marked_by = by
        mark.source = event.source
        mark.save(update_fields=["status", "marked_at", "marked_by", "source"])
    return mark, True


def _check_status(status: str) -> str:
    if status not in AttendanceStatus.values:
        raise ValueError(status)
    return status


@transaction.atomic
def record_mark(
    *,
    by,
    enrolment: Enrolment,
    day: SessionDay,
    status: str,
    marked_at: datetime.datetime | None = None,
    event_id: uuid.UUID | None = None,
    source: str = MarkSource.REGISTER,
) -> AttendanceMark:
    """Mark one trainee on one day. ``marked_at``: when it was made (now by default)."""
    now = timezone.now()
    event = MarkEvent(
        enrolment.pk, day.pk, _check_status(status), marked_at or now, event_id, source
    )
    mark, new = _apply(by, event, now, _marking_day(day.pk, now))
    if new:
        audit.record(
            by,
            audit.Action.ATTENDANCE_MARKED,
            day,
            enrolment=enrolment.pk,
            status=status,
            source=str(source),
        )
    return mark


@transaction.atomic
def record_events(*, by, day: SessionDay, events: Iterable[MarkEvent]) -> dict[str, int]:
    """Apply a batch of marks from a tablet's outbox (all of one day): each event is kept
    once whatever the number of times it is sent. Returns how many were new and known."""
    now = timezone.now()
    target = _marking_day(day.pk, now)
    applied = known = 0
    enrolments = []
    for event in events:
        if event.session_day_id != day.pk:
            raise NotEnrolledThatDay()
        _check_status(event.status)
        _mark, new = _apply(by, event, now, target)
        if new:
            applied += 1
            enrolments.append(event.enrolment_id)
        else:
            known += 1
    if applied:
        audit.record(
            by, audit.Action.ATTENDANCE_MARKED, day, marks=applied, trainees=sorted(set(enrolments))
        )
    return {"applied": applied, "known": known}


@transaction.atomic
def mark_everyone_present(*, by, day: SessionDay) -> int:
    """Everyone still unmarked on ``day`` is present (the exceptions are marked after)."""
    now = timezone.now()
    target = _marking_day(day.pk, now)
    unmarked = (
        Enrolment.objects.filter(cohort_id=day.cohort_id)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .exclude(attendance_marks__session_day=day)
        .values_list("pk", flat=True)
    )
    count = 0
    for enrolment_id in list(unmarked):
        _apply(by, MarkEvent(enrolment_id, day.pk, AttendanceStatus.PRESENT, now), now, target)
        count += 1
    if count:
        audit.record(by, audit.Action.ATTENDANCE_MARKED, day, marks=count, status="present")
    return count


# --- QR check-in ---------------------------------------------------------------------------


@transaction.atomic
def open_check_in(
    *, by, day: SessionDay, minutes: int = 15, late_after_minutes: int = 10
) -> CheckInWindow:
    """Open a check-in window on ``day`` (today's): any window still open on it is closed."""
    if day.cancelled:
        raise DayCancelled()
    now = timezone.now()
    CheckInWindow.objects.filter(session_day=day, closed_at__isnull=True).update(closed_at=now)
    window = CheckInWindow.objects.create(
        session_day=day,
        opened_by=by,
        opened_at=now,
        late_after=now + datetime.timedelta(minutes=max(late_after_minutes, 0)),
        closes_at=now + datetime.timedelta(minutes=max(minutes, 1)),
    )
    audit.record(by, audit.Action.CHECK_IN_OPENED, day, window=window.pk)
    return window


@transaction.atomic
def close_check_in(*, by, window: CheckInWindow) -> CheckInWindow:
    locked = CheckInWindow.objects.select_for_update().get(pk=window.pk)
    if locked.closed_at is None:
        locked.closed_at = timezone.now()
        locked.save(update_fields=["closed_at"])
        audit.record(by, audit.Action.CHECK_IN_CLOSED, locked.session_day, window=locked.pk)
    return locked


def _refuse_if_not_usable(
    window: CheckInWindow, code: str, step: int | None, now_step: int, now: datetime.datetime
):
    if step is None:
        others = CheckInWindow.objects.filter(closed_at__isnull=True, closes_at__gt=now).exclude(
            pk=window.pk
        )
        if any(codes.matching_step(other.secret, code, now_step) is not None for other in others):
            raise CheckInRefused("other_session")
        lookback = int((window.closes_at - window.opened_at).total_seconds()) // codes.STEP_SECONDS
        if codes.was_ever_valid(window.secret, code, now_step, lookback + 2):
            raise CheckInRefused("expired")
        raise CheckInRefused("wrong_code")


@transaction.atomic
def check_in(
    *,
    trainee,
    window: CheckInWindow,
    code: str,
    now: datetime.datetime | None = None,
    seen_at: datetime.datetime | None = None,
) -> AttendanceMark:
    """The trainee checks themselves in with the code on the screen: present, or late after
    the window's set time. Refusals say why (``CheckInRefused.reason``).

    ``seen_at``: when the server saw the trainee holding this code, if earlier than ``now`` (a
    trainee who scanned the QR code signed in first, cohorts/check_in_views.py): the code is
    checked, and lateness judged, at that time; the window must still be open now.
    """
    now = now or timezone.now()
    code_time = min(seen_at, now) if seen_at is not None else now
    window = CheckInWindow.objects.select_related("session_day").get(pk=window.pk)
    if window.session_day.date != timezone.localdate(now):
        raise CheckInRefused("other_session")
    # A day cancelled while its window was open takes no check-in either.
    if not window.is_open(now) or window.session_day.cancelled:
        raise CheckInRefused("closed")
    enrolment = (
        Enrolment.objects.filter(cohort_id=window.session_day.cohort_id, trainee=trainee)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .first()
    )
    if enrolment is None:
        raise CheckInRefused("not_enrolled")
    now_step = codes.step_at(code_time.timestamp())
    step = codes.matching_step(window.secret, code, now_step)
    _refuse_if_not_usable(window, code, step, now_step, code_time)
    if (
        step != now_step
        and CheckInUse.objects.filter(window=window, step=step)
        .exclude(enrolment=enrolment)
        .exists()
    ):
        raise CheckInRefused("replayed")
    CheckInUse.objects.get_or_create(window=window, step=step, enrolment=enrolment)
    status = AttendanceStatus.LATE if code_time > window.late_after else AttendanceStatus.PRESENT
    existing = AttendanceMark.objects.filter(
        session_day=window.session_day, enrolment=enrolment
    ).first()
    if existing is not None and existing.status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
    ):
        # Checking in twice changes nothing (a trainee who scans again is not made late).
        return existing
    mark, _new = _apply(
        trainee.user,
        MarkEvent(
            enrolment.pk, window.session_day_id, status, code_time, source=MarkSource.CHECK_IN
        ),
        now,
        _marking_day(window.session_day_id, now),
    )
    audit.record(
        trainee.user,
        audit.Action.CHECKED_IN,
        window.session_day,
        enrolment=enrolment.pk,
        status=str(status),
    )
    return mark


def find_window_for_code(*, trainee, code: str, now: datetime.datetime | None = None):
    """The open window of one of the trainee's cohorts whose current code is ``code``: a
    trainee who types the six digits does not say which session they are in."""
    now = now or timezone.now()
    now_step = codes.step_at(now.timestamp())
    windows = CheckInWindow.objects.filter(
        closed_at__isnull=True,
        closes_at__gt=now,
        session_day__date=timezone.localdate(now),
        session_day__cohort__enrolments__trainee=trainee,
    ).distinct()
    for window in windows:
        if codes.matching_step(window.secret, code, now_step) is not None:
            return window
        lookback = int((window.closes_at - window.opened_at).total_seconds()) // codes.STEP_SECONDS
        if codes.was_ever_valid(window.secret, code, now_step, lookback + 2):
            return window
    return None
