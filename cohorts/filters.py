"""The filters of the cohort list (Wagtail's generic index view)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Locale

from cohorts.models import Cohort, CohortStatus
from content.models import OrientationPoint
from courses.models import ModulePage


def source_modules(request):
    """Cohorts run the modules of the source tree (French): list each module once."""
    return ModulePage.objects.filter(locale=Locale.get_default()).order_by("title")


class CohortFilterSet(WagtailFilterSet):
    orientation_point = django_filters.ModelChoiceFilter(
        queryset=OrientationPoint.objects.all(), label=_("Point d'orientation")
    )
    module = django_filters.ModelChoiceFilter(queryset=source_modules, label=_("Module"))
    status = django_filters.ChoiceFilter(choices=CohortStatus.choices, label=_("Statut"))
    start_date = django_filters.DateFromToRangeFilter(
        label=_("Début"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Cohort
        fields = ["orientation_point", "module", "status", "start_date"]
