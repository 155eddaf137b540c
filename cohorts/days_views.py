"""A cohort's session days in the admin: plan them, move one, add one, cancel and restore.

Every change goes through cohorts/attendance_services.py; what a service refuses (a date
already taken, a date outside the cohort) comes back as a message on the same page, with
nothing changed.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cohorts import attendance_services as services
from cohorts.admin_views import cohort_crumb, crumbs
from cohorts.day_forms import AddDayForm, CancelDayForm, MoveDayForm
from cohorts.grid_views import AttendanceGridView
from cohorts.models import SessionDay
from cohorts.permissions import get_cohort_days_for_user, session_day_policy
from lms.dates import long_date

ACTIONS = ("plan", "add", "move", "cancel", "restore")


def _page(request, cohort, *, add_form=None, error=None, status=200):
    days = list(SessionDay.objects.filter(cohort=cohort).select_related("lesson").order_by("date"))
    context = {
        "cohort": cohort,
        "days": days,
        "held_count": sum(1 for day in days if not day.cancelled),
        "can_change": session_day_policy.user_has_permission(request.user, "change"),
        "add_form": add_form or AddDayForm(),
        "move_form": MoveDayForm(),
        "cancel_form": CancelDayForm(),
        "error": error,
        "header_title": _("Jours de session"),
        "header_icon": "date",
        "breadcrumbs_items": crumbs(
            cohort_crumb(cohort), {"url": "", "label": _("Jours de session")}
        ),
    }
    return TemplateResponse(request, "cohorts/admin/session_days.html", context, status=status)


def _form_error(form) -> str:
    return next(iter(form.errors.values()))[0]


def _change(request, cohort, action: str):
    """Run one change; returns the success message (raises ValidationError on refusal)."""
    by = request.user
    if action == "plan":
        days = services.plan_session_days(by=by, cohort=cohort)
        return _("%(count)s jours de session planifiés.") % {"count": len(days)}
    if action == "add":
        form = AddDayForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_form_error(form))
        day = services.add_session_day(
            by=by, cohort=cohort, date=form.cleaned_data["date"], note=form.cleaned_data["note"]
        )
        return _("Jour ajouté le %(date)s.") % {"date": long_date(day.date)}
    day_id = request.POST.get("day", "")
    day = get_object_or_404(SessionDay, cohort=cohort, pk=int(day_id) if day_id.isdigit() else 0)
    if action == "move":
        form = MoveDayForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_form_error(form))
        moved = services.move_session_day(by=by, day=day, date=form.cleaned_data["date"])
        return _("Jour déplacé au %(date)s.") % {"date": long_date(moved.date)}
    if action == "cancel":
        form = CancelDayForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_form_error(form))
        services.cancel_session_day(by=by, day=day, note=form.cleaned_data["note"])
        return _("Le jour du %(date)s est annulé.") % {"date": long_date(day.date)}
    services.restore_session_day(by=by, day=day)
    return _("Le jour du %(date)s est rétabli.") % {"date": long_date(day.date)}


@require_http_methods(["GET", "POST"])
def session_days(request, pk: int):
    """GET: the cohort's days; POST ``action`` (plan, add, move, cancel, restore)."""
    if request.method == "GET":
        return _page(request, get_cohort_days_for_user(request.user, pk))
    cohort = get_cohort_days_for_user(request.user, pk, "change")
    action = request.POST.get("action")
    if action not in ACTIONS:
        return _page(request, cohort, error=_("Action inconnue."), status=400)
    try:
        message = _change(request, cohort, action)
    except ValidationError as error:
        add_form = AddDayForm(request.POST) if action == "add" else None
        return _page(request, cohort, add_form=add_form, error=error.messages[0], status=400)
    messages.success(request, message)
    return redirect("cohorts:session_days", pk=cohort.pk)


# Mounted under /admin/cohorts/ by the cohort viewset (cohorts/wagtail_hooks.py).
urlpatterns = [
    path("<int:pk>/days/", session_days, name="session_days"),
    path("<int:pk>/attendance/", AttendanceGridView.as_view(), name="attendance_grid"),
]
