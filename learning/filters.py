"""The filters of the exercise list (Wagtail's generic index view, learning/review_views.py).

The cohort filter offers only the cohorts the user may see (a trainer's own), and a bad value
(another trainer's cohort, a word) is a form error, never a 500 nor a way to list more rows.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from cohorts.models import Cohort, Enrolment
from cohorts.permissions import cohort_policy
from courses.exercises import KIND_CHOICES
from learning.models import Document, Status


def visible_cohorts(request):
    return (
        cohort_policy.instances_user_has_permission_for(request.user, "view")
        .select_related(None)
        .order_by("-start_date", "name")
    )


def in_cohort(cohort: Cohort) -> Q:
    """The documents of a cohort: its business plans, and the CVs of its trainees (a CV is
    the trainee's, whichever course they are in)."""
    trainees = Enrolment.objects.filter(cohort=cohort).values("trainee")
    return Q(enrolment__cohort=cohort) | Q(enrolment__isnull=True, trainee__in=trainees)


class DocumentFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        queryset=visible_cohorts, label=_("Cohorte"), method="filter_cohort"
    )
    kind = django_filters.ChoiceFilter(choices=KIND_CHOICES, label=_("Exercice"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("État"))

    class Meta:
        model = Document
        fields = ["cohort", "kind", "status"]

    def filter_cohort(self, queryset, name, value):
        return queryset.filter(in_cohort(value))
