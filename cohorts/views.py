"""The cohort screens in Wagtail's admin, built on its generic views and the cohort policy.

The list (filters, CSV and XLSX export; the CSV made for French spreadsheets, lms/exports.py)
is Wagtail's index view over the cohorts the policy lets the user see; creating and editing a
cohort go through cohorts/services.py, so the capacity rule holds there as it does for the
roster.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic

from cohorts import services
from cohorts.filters import CohortFilterSet
from cohorts.permissions import cohort_policy
from lms.exports import SemicolonCsvMixin


class PlacesColumn(Column):
    cell_template_name = "cohorts/admin/places_cell.html"


class CohortTitleColumn(TitleColumn):
    """The cohort's name, a link to its roster, with its module beneath."""

    cell_template_name = "cohorts/admin/title_cell.html"


class DatesColumn(Column):
    """Start and end in one short cell: the list must fit a trainer's tablet."""

    cell_template_name = "cohorts/admin/dates_cell.html"


class CohortIndexView(SemicolonCsvMixin, generic.IndexView):
    filterset_class = CohortFilterSet
    default_ordering = "-start_date"
    list_export = [
        "name",
        "module.title",
        "orientation_point.city",
        "start_date",
        "end_date",
        "get_status_display",
        "active_count",
        "capacity",
    ]
    export_headings = {
        "name": _("Cohorte"),
        "module.title": _("Module"),
        "orientation_point.city": _("Point d'orientation"),
        "start_date": _("Début"),
        "end_date": _("Fin"),
        "get_status_display": _("Statut"),
        "active_count": _("Apprenants"),
        "capacity": _("Places"),
    }

    def get_base_queryset(self):
        return (
            cohort_policy.instances_user_has_permission_for(self.request.user, "view")
            .with_counts()
            .select_related("module", "orientation_point")
        )

    @cached_property
    def columns(self):
        return [
            CohortTitleColumn(
                "name",
                label=_("Cohorte"),
                sort_key="name",
                get_url=lambda cohort: reverse("cohorts:detail", args=[cohort.pk]),
            ),
            Column("orientation_point", label=_("Lieu"), accessor="orientation_point.city"),
            DatesColumn("start_date", label=_("Dates"), sort_key="start_date"),
            Column("status", label=_("Statut"), accessor="get_status_display"),
            PlacesColumn("active_count", label=_("Apprenants")),
        ]


class ServiceErrorsMixin:
    """Rules a service enforces (capacity…) come back as form errors, and nothing is saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


def _cohort_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.COHORT_FIELDS}


class CohortCreateView(ServiceErrorsMixin, generic.CreateView):
    def save_instance(self):
        return services.create_cohort(
            by=self.request.user,
            trainers=self.form.cleaned_data["trainers"],
            **_cohort_fields(self.form),
        )

    def get_success_url(self):
        return reverse("cohorts:detail", args=[self.object.pk])


class CohortEditView(ServiceErrorsMixin, generic.EditView):
    def save_instance(self):
        return services.update_cohort(
            by=self.request.user,
            cohort=self.form.instance,
            trainers=self.form.cleaned_data["trainers"],
            **_cohort_fields(self.form),
        )

    def get_success_url(self):
        return reverse("cohorts:detail", args=[self.object.pk])


class CohortDeleteView(generic.DeleteView):
    def delete_action(self):
        services.delete_cohort(by=self.request.user, cohort=self.object)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            messages.error(self.request, error.messages[0])
            return redirect("cohorts:detail", pk=self.object.pk)
