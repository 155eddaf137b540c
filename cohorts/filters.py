"""The filters of the cohort and session lists (Wagtail's generic index views).

They offer only what the user could find: each module once (its source page, whatever the
languages it is translated into) and the orientation points of the cohorts the user sees.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Locale

from cohorts.models import (
    AwarenessSession,
    Cohort,
    CohortStatus,
    Modality,
    RemoteMode,
    RemoteOrientation,
)
from cohorts.permissions import cohort_policy, orientation_points_for
from content.countries import Country
from content.models import OrientationPoint
from courses.models import ModulePage


def source_modules(request):
    """Each module once: its page in the default locale (the source tree, French)."""
    return ModulePage.objects.filter(locale=Locale.get_default()).order_by("title")


def visible_orientation_points(request):
    """The orientation points of the cohorts the user may see (a trainer's own cities)."""
    cohorts = cohort_policy.instances_user_has_permission_for(request.user, "view")
    return OrientationPoint.objects.filter(pk__in=cohorts.values("orientation_point")).order_by(
        "city"
    )


class CohortFilterSet(WagtailFilterSet):
    orientation_point = django_filters.ModelChoiceFilter(
        queryset=visible_orientation_points, label=_("Point d'orientation")
    )
    module = django_filters.ModelChoiceFilter(
        queryset=source_modules, label=_("Module"), method="filter_module"
    )
    status = django_filters.ChoiceFilter(choices=CohortStatus.choices, label=_("Statut"))
    start_date = django_filters.DateFromToRangeFilter(
        label=_("Début"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Cohort
        fields = ["orientation_point", "module", "status", "start_date"]

    def filter_module(self, queryset, name, value):
        # A cohort may run a translation of the module: match every language's page.
        return queryset.filter(module__translation_key=value.translation_key)


def entered_orientation_points(request):
    return orientation_points_for(request.user)


class AwarenessSessionFilterSet(WagtailFilterSet):
    orientation_point = django_filters.ModelChoiceFilter(
        queryset=entered_orientation_points, label=_("Point d'orientation")
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    modality = django_filters.ChoiceFilter(choices=Modality.choices, label=_("Modalité"))

    class Meta:
        model = AwarenessSession
        fields = ["orientation_point", "date", "modality"]


class RemoteOrientationFilterSet(WagtailFilterSet):
    orientation_point = django_filters.ModelChoiceFilter(
        queryset=entered_orientation_points, label=_("Point d'orientation")
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    mode = django_filters.ChoiceFilter(choices=RemoteMode.choices, label=_("Mode"))
    country = django_filters.ChoiceFilter(choices=Country.choices, label=_("Pays"))

    class Meta:
        model = RemoteOrientation
        fields = ["orientation_point", "date", "mode", "country"]
