"""Admin screens for the roster import: upload a CSV/XLSX list of trainees into a cohort, and
download the empty template.

The cohort viewset (cohorts/wagtail_hooks.py) mounts ``urlpatterns`` under /admin/cohorts/,
so Wagtail's admin-access check wraps both views; they still ask the cohort policy.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cohorts import roster
from cohorts.admin_views import cohort_crumb, crumbs
from cohorts.permissions import cohort_policy, get_cohort_for_user

TEMPLATE_FILES = {
    "csv": ("text/csv; charset=utf-8", roster.template_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        roster.template_xlsx,
    ),
}


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier CSV ou XLSX"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > roster.MAX_BYTES:
            # Refused on its size alone, before a byte of it is parsed.
            raise forms.ValidationError(roster.too_big_error().message)
        return upload


@require_http_methods(["GET", "POST"])
def roster_import(request, cohort_id: int):
    cohort = get_cohort_for_user(request.user, cohort_id, "enrol")
    form = RosterUploadForm()
    result = None
    if request.method == "POST":
        form = RosterUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            result = roster.import_roster(
                by=request.user, cohort=cohort, filename=upload.name, data=upload.read()
            )
    context = {
        "cohort": cohort,
        "form": form,
        "result": result,
        "columns": roster.COLUMNS,
        "max_rows": roster.MAX_ROWS,
        "max_megabytes": roster.MAX_BYTES // 2**20,
        "example_sheet": roster.EXAMPLE_SHEET_TITLE,
        "breadcrumbs_items": crumbs(
            cohort_crumb(cohort), {"url": "", "label": _("Importer des apprenants")}
        ),
        "header_title": _("Importer des apprenants : %(cohort)s") % {"cohort": cohort.name},
    }
    response = TemplateResponse(request, "cohorts/admin/roster_import.html", context)
    if result and result.created:
        # The PINs are on this page only: keep it out of every cache and the back button.
        add_never_cache_headers(response)
    return response


@require_http_methods(["GET"])
def roster_template(request, fmt: str):
    if not cohort_policy.user_has_permission(request.user, "enrol"):
        raise PermissionDenied
    if fmt not in TEMPLATE_FILES:
        raise Http404
    content_type, build = TEMPLATE_FILES[fmt]
    response = HttpResponse(build(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="modele-apprenants.{fmt}"'
    return response


urlpatterns = [
    path("<int:cohort_id>/import/", roster_import, name="roster_import"),
    path("import-template.<str:fmt>", roster_template, name="roster_template"),
]
