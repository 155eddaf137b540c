"""The register: a trainer marks today's session on the classroom tablet, one tap a trainee.

/admin/cohorts/<pk>/register/ shows the cohort's session day of today (or ``?day=<id>``), its
trainees with four big buttons each (present, late, excused, absent) and "everyone present".
Without JavaScript every button is a plain form post. With it (lms/static/js/register.js), a
tap is an event with its own id and time, kept on the tablet by the offline queue
(lms/static/js/offline-queue.js) and sent to ``register_events``: a mark made offline
reaches the server later with the time it was made, and a mark sent twice counts once
(cohorts/attendance_services.py). ``register_worker`` keeps the page for a reload offline.

Who may: the session days' ``mark`` (the cohort's trainers and the coordinators), through
cohorts/permissions.py; another trainer's cohort is a 404.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cohorts import attendance_services
from cohorts.admin_views import cohort_crumb, crumbs
from cohorts.models import (
    AttendanceEntry,
    AttendanceMark,
    AttendanceStatus,
    Cohort,
    Enrolment,
    EnrolmentStatus,
    SessionDay,
)
from cohorts.permissions import get_register_day_for_user, get_register_for_user
from cohorts.register_events import read_batch
from lms.json_body import BadBody, read_json_object

# The service worker's cache: "foras-" like the trainee space's, so that a sign-out on the
# tablet (OfflineQueue.seal) deletes it too.
WORKER_CACHE = "foras-register"


def who(user) -> str:
    if user is None:
        return _("inconnu")
    return user.get_full_name() or user.email or user.get_username()


def when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "H:i")


@dataclass(frozen=True)
class RegisterRow:
    """A trainee on the register: their mark of the day (if any) and its history."""

    enrolment: Enrolment
    mark: AttendanceMark | None
    history: list[AttendanceEntry]

    @property
    def status(self) -> str:
        return self.mark.status if self.mark else ""


def _with_history(marks: list[AttendanceMark]) -> dict[int, list[AttendanceEntry]]:
    """Each mark's entries (its history), oldest first, in one query."""
    history: dict[int, list[AttendanceEntry]] = {}
    entries = AttendanceEntry.objects.filter(mark__in=[mark.pk for mark in marks])
    for entry in entries.select_related("marked_by").order_by("marked_at", "pk"):
        history.setdefault(entry.mark_id, []).append(entry)
    return history


def register_rows(day: SessionDay) -> list[RegisterRow]:
    """The day's trainees (still enrolled, or marked that day), in three queries whatever
    the size of the class."""
    marks = {
        mark.enrolment_id: mark
        for mark in AttendanceMark.objects.filter(session_day=day).select_related("marked_by")
    }
    history = _with_history(list(marks.values()))
    enrolments = (
        Enrolment.objects.filter(cohort_id=day.cohort_id)
        .select_related("trainee")
        .order_by("trainee__display_name", "pk")
    )
    rows = []
    for enrolment in enrolments:
        mark = marks.get(enrolment.pk)
        if mark is None and enrolment.status == EnrolmentStatus.WITHDRAWN:
            continue
        rows.append(RegisterRow(enrolment, mark, history.get(mark.pk, []) if mark else []))
    return rows


def marks_as_json(day: SessionDay, enrolment_ids) -> dict[str, dict]:
    """What the page shows of these trainees' marks once the server has applied a batch."""
    labels = dict(AttendanceStatus.choices)
    marks = list(
        AttendanceMark.objects.filter(
            session_day=day, enrolment_id__in=enrolment_ids
        ).select_related("marked_by")
    )
    history = _with_history(marks)
    return {
        str(mark.enrolment_id): {
            "status": mark.status,
            "label": str(labels[mark.status]),
            "by": who(mark.marked_by),
            "at": when(mark.marked_at),
            "history": [
                {"label": str(labels[e.status]), "by": who(e.marked_by), "at": when(e.marked_at)}
                for e in history.get(mark.pk, [])
            ],
        }
        for mark in marks
    }


def days_around(cohort: Cohort, date: datetime.date) -> tuple[SessionDay | None, SessionDay | None]:
    """The cohort's held session days just before and just after ``date``."""
    held = SessionDay.objects.filter(cohort=cohort).held()
    before = held.filter(date__lt=date).order_by("-date").first()
    after = held.filter(date__gt=date).order_by("date").first()
    return before, after


def _chosen_day(request, cohort: Cohort) -> SessionDay | None:
    """``?day=<id>`` (or the posted ``day``), else the cohort's session day of today."""
    chosen = request.POST.get("day") or request.GET.get("day")
    if chosen:
        if not str(chosen).isdigit():
            return None
        return get_register_day_for_user(request.user, cohort, int(chosen))
    return (
        SessionDay.objects.filter(cohort=cohort, date=timezone.localdate())
        .select_related("lesson")
        .first()
    )


def register_url(cohort: Cohort, day: SessionDay | None = None) -> str:
    url = reverse("cohorts:register", args=[cohort.pk])
    return f"{url}?day={day.pk}" if day is not None else url


@require_http_methods(["GET", "POST"])
def register_page(request, pk: int):
    cohort = get_register_for_user(request.user, pk)
    day = _chosen_day(request, cohort)
    if request.method == "POST":
        return _mark_from_form(request, cohort, day)
    today = timezone.localdate()
    rows = register_rows(day) if day is not None else []
    before, after = days_around(cohort, day.date if day is not None else today)
    counts = {status: 0 for status in AttendanceStatus.values}
    for row in rows:
        if row.status:
            counts[row.status] += 1
    context = {
        "cohort": cohort,
        "day": day,
        "today": today,
        "rows": rows,
        "statuses": AttendanceStatus.choices,
        "counts": [(label, counts[value]) for value, label in AttendanceStatus.choices],
        "unmarked": sum(1 for row in rows if not row.status),
        "can_mark": day is not None and not day.cancelled and day.date <= today,
        "is_today": day is not None and day.date == today,
        "previous_day": before,
        "next_day": after,
        "events_url": reverse("cohorts:register_events", args=[cohort.pk])
        + (f"?day={day.pk}" if day is not None else ""),
        "worker_url": reverse("cohorts:register_worker", args=[cohort.pk]),
        "worker_scope": reverse("cohorts:register", args=[cohort.pk]),
        "header_title": _("Registre de présence : %(cohort)s") % {"cohort": cohort.name},
        "header_icon": "tasks",
        "breadcrumbs_items": crumbs(cohort_crumb(cohort), {"url": "", "label": _("Registre")}),
    }
    return TemplateResponse(request, "cohorts/admin/register.html", context)


def _mark_from_form(request, cohort: Cohort, day: SessionDay | None):
    """The page without JavaScript: one button, one form post, back to the register."""
    if day is None:
        messages.error(request, _("Choisissez d'abord un jour de session."))
        return HttpResponseRedirect(register_url(cohort))
    back = register_url(cohort, day)
    try:
        if request.POST.get("everyone"):
            count = attendance_services.mark_everyone_present(by=request.user, day=day)
            messages.success(
                request, _("%(count)s apprenant(s) marqué(s) présent(s).") % {"count": count}
            )
            return HttpResponseRedirect(back)
        enrolment_id, _sep, status = request.POST.get("mark", "").partition(":")
        enrolment = (
            Enrolment.objects.filter(cohort=cohort, pk=enrolment_id).first()
            if enrolment_id.isdigit()
            else None
        )
        if enrolment is None or status not in AttendanceStatus.values:
            messages.error(request, _("Cette présence est illisible : rien n'a changé."))
            return HttpResponseRedirect(back)
        attendance_services.record_mark(
            by=request.user, enrolment=enrolment, day=day, status=status
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(back)
    return HttpResponseRedirect(f"{back}#trainee-{enrolment.pk}")


def _json_error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_POST
def register_events(request, pk: int):
    """The outbox's batch of marks for one day: {"events": [{id, enrolment, status, at}]},
    ``at`` in milliseconds since 1970 (when the mark was made on the tablet). Answers which
    events it has received (applied, already known or refused) and the marks they touched."""
    cohort = get_register_for_user(request.user, pk)
    day_id = request.GET.get("day", "")
    if not day_id.isdigit():
        return _json_error(_("Choisissez d'abord un jour de session."))
    day = get_register_day_for_user(request.user, cohort, int(day_id))
    try:
        payload = read_json_object(request)
        enrolments = set(Enrolment.objects.filter(cohort=cohort).values_list("pk", flat=True))
        batch = read_batch(payload, day, enrolments)
    except BadBody as error:
        return _json_error(error.message)
    counts = {"applied": 0, "known": 0}
    error = ""
    if batch.events:
        try:
            counts = attendance_services.record_events(
                by=request.user, day=day, events=batch.events
            )
        except ValidationError as refusal:  # a cancelled day, a day still to come
            error = " ".join(refusal.messages)
            batch.refused.update({str(event.event_id): error for event in batch.events})
    touched = {event.enrolment_id for event in batch.events}
    return JsonResponse(
        {
            **counts,
            "received": batch.received,
            "refused": batch.refused,
            "error": error or next(iter(batch.refused.values()), ""),
            "marks": marks_as_json(day, touched) if touched and not error else {},
        }
    )


@cache_control(private=True, no_cache=True)
@require_GET
def register_worker(request, pk: int):
    """The register's service worker (templates/cohorts/admin/register-sw.js), scoped to
    this cohort's register alone."""
    cohort = get_register_for_user(request.user, pk)
    response = render(
        request,
        "cohorts/admin/register-sw.js",
        {
            "cache_name": WORKER_CACHE,
            "page": reverse("cohorts:register", args=[cohort.pk]),
            "static_url": settings.STATIC_URL,
        },
        content_type="text/javascript",
    )
    return response


urlpatterns = [
    path("<int:pk>/register/", register_page, name="register"),
    path("<int:pk>/register/events/", register_events, name="register_events"),
    path("<int:pk>/register/sw.js", register_worker, name="register_worker"),
]
