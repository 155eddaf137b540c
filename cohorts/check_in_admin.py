"""The trainer's check-in screens in the admin (/admin/cohorts/<pk>/check-in/ and card-scan/).

The check-in screen is shown big in the classroom: a QR code and six digits that change every
``STEP_SECONDS`` (cohorts/check_in.py computes them from the window's secret and the clock:
nothing is written when they change), how many trainees have checked in, a close button. The
page asks ``check_in_code`` every few seconds for the current code (lms/static/js/
check-in-screen.js); once the window is closed, by the trainer or by its own time, the page
reloads and says so.

The card scan page reads the trainees' printed login cards with the tablet's camera
(templates/components/qr_scanner.html) and marks each one present or late
(cohorts/card_check_in.py).

Who may: the session day policy's ``mark`` (the cohort's trainers, the coordinators); a
trainer of another cohort is not told it exists (404).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cohorts import attendance_services
from cohorts import check_in as codes
from cohorts.card_check_in import CardRefused, check_in_by_card
from cohorts.check_in_forms import OpenCheckInForm
from cohorts.models import AttendanceMark, AttendanceStatus, MarkSource, SessionDay
from cohorts.permissions import check_in_policy, get_cohort_for_user, session_day_policy
from lms.middleware import scans_qr_codes
from lms.qr import qr_svg

ACTION = "mark"
# How often the screen asks for the current code: well within a step, so a new code shows
# within a few seconds of its start, and the count of arrivals stays live.
POLL_SECONDS = 3


def _cohort_to_mark(user, pk):
    """The cohort, if ``user`` may take its attendance (403 for nobody's, 404 for another's)."""
    if not session_day_policy.user_has_permission(user, ACTION):
        raise PermissionDenied
    return get_cohort_for_user(user, pk)


def _today(user, cohort) -> SessionDay | None:
    return (
        session_day_policy.instances_user_has_permission_for(user, ACTION)
        .held()
        .filter(cohort=cohort, date=timezone.localdate())
        .select_related("cohort", "lesson")
        .first()
    )


def _open_window(user, day: SessionDay | None):
    if day is None:
        return None
    return (
        check_in_policy.instances_user_has_permission_for(user, ACTION)
        .filter(session_day=day, closed_at__isnull=True, closes_at__gt=timezone.now())
        .order_by("-opened_at")
        .first()
    )


def check_in_url(request, window, token: str) -> str:
    """The absolute address the QR code holds (on SITE_BASE_URL when it is set)."""
    path_ = reverse("check_in_qr", args=[window.pk, token])
    if settings.SITE_BASE_URL:
        return settings.SITE_BASE_URL + path_
    return request.build_absolute_uri(path_)


def _arrivals(day: SessionDay):
    return (
        AttendanceMark.objects.filter(
            session_day=day, status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE]
        )
        .select_related("enrolment__trainee")
        .order_by("-marked_at")
    )


def _current_code(request, window, day) -> dict:
    now = timezone.now()
    step = codes.step_at(now.timestamp())
    url = check_in_url(request, window, codes.qr_code(window.secret, step))
    return {
        "open": True,
        "step": step,
        "url": url,
        "svg": qr_svg(url),
        "code": codes.short_code(window.secret, step),
        "count": _arrivals(day).count(),
        "seconds_left": max(int((window.closes_at - now).total_seconds()), 0),
    }


def _crumbs(cohort, label):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
        {"url": reverse("cohorts:index"), "label": _("Cohortes")},
        {"url": reverse("cohorts:detail", args=[cohort.pk]), "label": str(cohort)},
        {"url": "", "label": label},
    ]


@never_cache
@require_http_methods(["GET", "POST"])
def check_in_screen(request, pk: int):
    """GET: today's check-in (the code while it is open, the form to open it otherwise);
    POST: open it."""
    cohort = _cohort_to_mark(request.user, pk)
    day = _today(request.user, cohort)
    window = _open_window(request.user, day)
    form = OpenCheckInForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and day is not None:
        if form.is_valid():
            try:
                attendance_services.open_check_in(
                    by=request.user,
                    day=day,
                    minutes=form.cleaned_data["minutes"],
                    late_after_minutes=form.cleaned_data["late_after"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return redirect("cohorts:check_in", pk=cohort.pk)
        status = 400
    context = {
        "cohort": cohort,
        "day": day,
        "window": window,
        "form": form,
        "arrivals": list(_arrivals(day)) if day else [],
        "current": _current_code(request, window, day) if window else None,
        "poll_seconds": POLL_SECONDS,
        "header_title": _("Pointage : %(cohort)s") % {"cohort": cohort.name},
        "header_icon": "time",
        "breadcrumbs_items": _crumbs(cohort, _("Pointage")),
    }
    return TemplateResponse(request, "cohorts/admin/check_in.html", context, status=status)


@never_cache
@require_GET
def check_in_code(request, pk: int):
    """The screen's current code, as JSON: {"open": false} once the window is closed."""
    cohort = _cohort_to_mark(request.user, pk)
    day = _today(request.user, cohort)
    window = _open_window(request.user, day)
    if window is None:
        return JsonResponse({"open": False})
    return JsonResponse(_current_code(request, window, day))


@require_POST
def check_in_close(request, pk: int):
    cohort = _cohort_to_mark(request.user, pk)
    window = _open_window(request.user, _today(request.user, cohort))
    if window is not None:
        attendance_services.close_check_in(by=request.user, window=window)
        messages.success(request, _("Le pointage est fermé."))
    return redirect("cohorts:check_in", pk=cohort.pk)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _card_answer(request, text: str, day):
    """(ok, message, status) for one card read."""
    try:
        done = check_in_by_card(by=request.user, day=day, text=text)
    except CardRefused as refused:
        return {"ok": False, "message": refused.messages[0]}, 400
    name = done.enrolment.trainee.display_name
    late = done.mark.status == AttendanceStatus.LATE
    if not done.new:
        message = _("%(name)s était déjà noté(e) présent(e).") % {"name": name}
    elif late:
        message = _("%(name)s : en retard.") % {"name": name}
    else:
        message = _("%(name)s : présent(e).") % {"name": name}
    answer = {
        "ok": True,
        "new": done.new,
        "message": message,
        "name": name,
        "status": done.mark.get_status_display(),
        "time": timezone.localtime(done.mark.marked_at).strftime("%H:%M"),
    }
    return answer, 200


@never_cache
@scans_qr_codes
@require_http_methods(["GET", "POST"])
def card_scan(request, pk: int):
    """GET: the camera, and who was marked by card today; POST ``code``: one card read (JSON
    to the page's script, a redirect back with a message without it)."""
    cohort = _cohort_to_mark(request.user, pk)
    day = _today(request.user, cohort)
    if request.method == "POST":
        if day is None:
            answer, status = {"ok": False, "message": _("Pas de session aujourd'hui.")}, 400
        else:
            answer, status = _card_answer(request, request.POST.get("code", ""), day)
        if _wants_json(request):
            return JsonResponse(answer, status=status)
        (messages.success if answer["ok"] else messages.error)(request, answer["message"])
        return redirect("cohorts:card_scan", pk=cohort.pk)
    scanned = (
        _arrivals(day).filter(source=MarkSource.CARD) if day else AttendanceMark.objects.none()
    )
    context = {
        "cohort": cohort,
        "day": day,
        "scanned": list(scanned),
        "header_title": _("Pointage par carte : %(cohort)s") % {"cohort": cohort.name},
        "header_icon": "user",
        "breadcrumbs_items": _crumbs(cohort, _("Pointage par carte")),
    }
    return TemplateResponse(request, "cohorts/admin/card_scan.html", context)


# Mounted under /admin/cohorts/ by the cohort viewset (cohorts/wagtail_hooks.py).
urlpatterns = [
    path("<int:pk>/check-in/", check_in_screen, name="check_in"),
    path("<int:pk>/check-in/code/", check_in_code, name="check_in_code"),
    path("<int:pk>/check-in/close/", check_in_close, name="check_in_close"),
    path("<int:pk>/card-scan/", card_scan, name="card_scan"),
]
