"""The filters of the certificate list (Wagtail's generic index view, certificates/admin_views.py).

The cohort filter offers only the cohorts the user may see (a trainer's own); a bad value is a
form error, never a 500 nor a way to list more rows.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from certificates.models import Certificate, CertificateKind
from cohorts.permissions import cohort_policy

VALID, REVOKED = "valid", "revoked"


def visible_cohorts(request):
    return (
        cohort_policy.instances_user_has_permission_for(request.user, "view")
        .select_related(None)
        .order_by("-start_date", "name")
    )


class CertificateFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        queryset=visible_cohorts, label=_("Cohorte"), field_name="enrolment__cohort"
    )
    kind = django_filters.ChoiceFilter(choices=CertificateKind.choices, label=_("Type"))
    status = django_filters.ChoiceFilter(
        choices=[(VALID, _("Valide")), (REVOKED, _("Révoquée"))],
        label=_("État"),
        method="filter_status",
    )

    class Meta:
        model = Certificate
        fields = ["cohort", "kind", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(revoked_at__isnull=(value == VALID))
