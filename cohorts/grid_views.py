"""A cohort's attendance grid (trainees × session days) with the rates and the rule's
standing, and its XLSX and CSV exports: Wagtail's generic index view over the rows of
cohorts/attendance_reading.py, so the page and both exports show the same figures.

Reading needs the session-day policy's ``view`` on the cohort, exporting its ``export``;
every export is written to the audit trail with the trainees it names.
"""

from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic

from cohorts import attendance_reading
from cohorts.admin_views import cohort_crumb, crumbs
from cohorts.models import AttendanceStatus, SessionDay
from cohorts.permissions import get_cohort_days_for_user, session_day_policy
from lms import audit
from lms.exports import SemicolonCsvMixin

FIXED_BEFORE = ("trainee", "enrolment_status")
FIXED_AFTER = ("attended", "held", "rate", "standing")


def day_key(day) -> str:
    return f"day_{day.pk}"


class AttendanceGridView(SemicolonCsvMixin, generic.IndexView):
    model = SessionDay
    permission_policy = session_day_policy
    any_permission_required = ["view"]
    template_name = "cohorts/admin/attendance_grid.html"
    results_template_name = "cohorts/admin/attendance_grid_results.html"
    page_title = gettext_lazy("Présences")
    header_icon = "table"
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        action = "export" if self.is_export else "view"
        self.cohort = get_cohort_days_for_user(request.user, kwargs["pk"], action)
        self.breadcrumbs_items = crumbs(cohort_crumb(self.cohort))
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def grid(self) -> attendance_reading.CohortAttendance:
        return attendance_reading.cohort_attendance(self.cohort)

    def get_queryset(self):
        # The rows are the grid's, read once: the table and the exports iterate the same list.
        return self.grid.rows

    def get_index_url(self):
        return reverse("cohorts:attendance_grid", args=[self.cohort.pk])

    def get_page_subtitle(self):
        return str(self.cohort)

    @cached_property
    def show_export_buttons(self):
        return session_day_policy.user_has_permission(self.request.user, "export")

    # --- Exports --------------------------------------------------------------------------

    @property
    def list_export(self):
        return [*FIXED_BEFORE, *(day_key(day) for day in self.grid.days), *FIXED_AFTER]

    @property
    def export_headings(self):
        headings = {
            "trainee": _("Apprenant"),
            "enrolment_status": _("Inscription"),
            "attended": _("Jours présents"),
            "held": _("Jours tenus"),
            "rate": _("Taux (%)"),
            "standing": _("Règle de présence"),
        }
        for day in self.grid.days:
            headings[day_key(day)] = _("Jour %(number)s — %(date)s") % {
                "number": day.lesson.day_number if day.lesson_id else "+",
                "date": date_format(day.date, "SHORT_DATE_FORMAT"),
            }
        return headings

    def get_filename(self):
        return f"presences-{slugify(self.cohort.name)}"

    def to_row_dict(self, row):
        values = OrderedDict(
            trainee=row.enrolment.trainee.display_name,
            enrolment_status=row.enrolment.get_status_display(),
        )
        labels = dict(AttendanceStatus.choices)
        for day in self.grid.days:
            status = row.status_on(day)
            values[day_key(day)] = str(labels[status]) if status else ""
        values["attended"] = row.standing.attended
        values["held"] = row.standing.held
        values["rate"] = row.standing.rate
        values["standing"] = attendance_reading.standing_text(row.standing)
        return values

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            if not self.show_export_buttons:
                raise PermissionDenied
            audit.record(
                self.request.user,
                audit.Action.EXPORTED,
                self.cohort,
                document=f"attendance grid {self.request.GET['export']}",
                trainees=sorted(row.enrolment.trainee_id for row in self.grid.rows),
            )
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cohort"] = self.cohort
        context["grid"] = self.grid
        labels = dict(AttendanceStatus.choices)
        context["grid_rows"] = [
            (
                row,
                [
                    (status, attendance_reading.LETTERS.get(status), labels.get(status))
                    for status in (row.status_on(day) for day in self.grid.days)
                ],
                attendance_reading.standing_text(row.standing),
            )
            for row in self.grid.rows
        ]
        context["legend"] = [
            (attendance_reading.LETTERS[value], label) for value, label in AttendanceStatus.choices
        ]
        return context
