"""Who may see which cohorts and trainees: the one place that decides it.

Every list and every detail page filters through these functions, so a list and a detail page
can never disagree. They work on querysets passed in (by field-name convention: a cohort has
``trainers``; anything below a cohort reaches it through ``cohort_path``), so lms imports no app.
"""

from django.db.models import QuerySet

from lms.roles import is_coordinator, is_trainer


def scope_cohorts(user, cohorts: QuerySet) -> QuerySet:
    """The cohorts ``user`` may see: all for coordinators, their own for trainers."""
    if is_coordinator(user):
        return cohorts
    if is_trainer(user):
        return cohorts.filter(trainers=user)
    return cohorts.none()


def scope_by_cohort(user, queryset: QuerySet, cohort_path: str) -> QuerySet:
    """Rows belonging to a cohort ``user`` may see (``cohort_path`` leads to the cohort)."""
    if is_coordinator(user):
        return queryset
    if is_trainer(user):
        return queryset.filter(**{f"{cohort_path}__trainers": user}).distinct()
    return queryset.none()
