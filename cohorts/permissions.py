"""Fetch-and-authorise helpers: views never check access inline.

What a user may see is decided by the querysets' visible_to() (lms/scoping.py); anything
outside it is a 404, so the existence of another trainer's cohort is not even revealed.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from cohorts.models import Cohort, Enrolment, TraineeProfile
from lms.roles import is_coordinator, is_trainer


def require_workspace(user) -> None:
    """The cohort workspace is for trainers and coordinators."""
    if not (is_trainer(user) or is_coordinator(user)):
        raise PermissionDenied


def get_cohort_for_user(user, pk: int) -> Cohort:
    require_workspace(user)
    return get_object_or_404(
        Cohort.objects.visible_to(user).select_related("module", "orientation_point"), pk=pk
    )


def get_trainee_for_user(user, pk: int) -> TraineeProfile:
    require_workspace(user)
    return get_object_or_404(TraineeProfile.objects.visible_to(user).select_related("user"), pk=pk)


def get_enrolment_for_user(user, pk: int) -> Enrolment:
    require_workspace(user)
    return get_object_or_404(
        Enrolment.objects.visible_to(user).select_related("trainee", "cohort"), pk=pk
    )
