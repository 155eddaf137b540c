"""Who may do what with cohorts, trainees, enrolments and sessions: one policy per model.

Coordinators act on every cohort; a trainer acts on the cohorts they teach and the trainees
enrolled in them; nobody else acts on any. Actions:

- ``view``: see the roster, a trainee's record, the results and their exports;
- ``enrol``: add or import trainees, withdraw them, print their login cards (on a cohort);
- ``change``: reset a trainee's PIN or picture password (on a trainee), withdraw (enrolment);
- ``add``, ``change``, ``delete`` on a cohort: create and edit cohorts (coordinators only);
- ``teach`` on a cohort: open its post-test early, reopen a trainee's submitted test;
- on awareness sessions and remote orientations: coordinators everything, the trainers of the
  orientation point ``view``, ``add`` and ``change`` (see OrientationPointPermissionPolicy).

Views fetch through the ``get_*_for_user`` helpers below: a user who may not take the action
at all gets a 403, a row outside their scope is a 404 (its existence is not revealed).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.permissions import register_permission_policy

from cohorts.models import (
    AttendanceMark,
    AwarenessSession,
    CheckInWindow,
    Cohort,
    Enrolment,
    Holiday,
    RemoteOrientation,
    SessionDay,
    TraineeProfile,
)
from content.models import OrientationPoint
from lms.permissions import RolePermissionPolicy
from lms.roles import Role

COORDINATOR_ACTIONS = frozenset({"view", "add", "change", "delete", "enrol", "export"})


class CohortPermissionPolicy(RolePermissionPolicy):
    actions_by_role = {
        Role.COORDINATOR: COORDINATOR_ACTIONS | {"teach"},
        Role.TRAINER: frozenset({"view", "enrol", "export", "teach"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            return queryset.filter(trainers=user)
        return super().scoped(user, role, queryset)


class TraineePermissionPolicy(RolePermissionPolicy):
    actions_by_role = {
        Role.COORDINATOR: COORDINATOR_ACTIONS,
        Role.TRAINER: frozenset({"view", "add", "change", "export"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            # A trainee enrolled twice with the same trainer is still one row.
            taught = Enrolment.objects.filter(cohort__trainers=user).values("trainee")
            return queryset.filter(pk__in=taught)
        return super().scoped(user, role, queryset)


class EnrolmentPermissionPolicy(RolePermissionPolicy):
    actions_by_role = {
        Role.COORDINATOR: COORDINATOR_ACTIONS,
        Role.TRAINER: frozenset({"view", "add", "change", "export"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            return queryset.filter(cohort__trainers=user)
        return super().scoped(user, role, queryset)


class SessionDayPermissionPolicy(RolePermissionPolicy):
    """A cohort's days: its trainers and the coordinators see them, move, add and cancel
    them (``change``), take the register and open the check-in (``mark``)."""

    actions_by_role = {
        Role.COORDINATOR: COORDINATOR_ACTIONS | {"mark"},
        Role.TRAINER: frozenset({"view", "change", "mark", "export"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            return queryset.filter(cohort__trainers=user)
        return super().scoped(user, role, queryset)


class AttendanceMarkPermissionPolicy(RolePermissionPolicy):
    """Attendance marks: read and made by the cohort's trainers and the coordinators (a
    trainee checks in through the check-in service, never by writing a mark)."""

    actions_by_role = {
        Role.COORDINATOR: COORDINATOR_ACTIONS,
        Role.TRAINER: frozenset({"view", "add", "change", "export"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            return queryset.filter(session_day__cohort__trainers=user)
        return super().scoped(user, role, queryset)


class CheckInWindowPermissionPolicy(SessionDayPermissionPolicy):
    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            return queryset.filter(session_day__cohort__trainers=user)
        return RolePermissionPolicy.scoped(self, user, role, queryset)


class HolidayPermissionPolicy(RolePermissionPolicy):
    """The holiday list: coordinators edit it, trainers read it (every row: it is no one's
    data)."""

    actions_by_role = {
        Role.COORDINATOR: frozenset({"view", "add", "change", "delete"}),
        Role.TRAINER: frozenset({"view"}),
    }

    def scoped(self, user, role, queryset):
        return queryset


cohort_policy = CohortPermissionPolicy(Cohort)
trainee_policy = TraineePermissionPolicy(TraineeProfile)
enrolment_policy = EnrolmentPermissionPolicy(Enrolment)
session_day_policy = SessionDayPermissionPolicy(SessionDay)
attendance_policy = AttendanceMarkPermissionPolicy(AttendanceMark)
check_in_policy = CheckInWindowPermissionPolicy(CheckInWindow)
holiday_policy = HolidayPermissionPolicy(Holiday)

# Wagtail's generic views and viewsets look the policy up by model.
register_permission_policy(Cohort, cohort_policy)
register_permission_policy(TraineeProfile, trainee_policy)
register_permission_policy(Enrolment, enrolment_policy)
register_permission_policy(SessionDay, session_day_policy)
register_permission_policy(AttendanceMark, attendance_policy)
register_permission_policy(CheckInWindow, check_in_policy)
register_permission_policy(Holiday, holiday_policy)


def _fetch(policy, user, action: str, pk, queryset=None):
    if not policy.user_has_permission(user, action):
        raise PermissionDenied
    rows = policy.instances_user_has_permission_for(user, action)
    if queryset is not None:
        rows = queryset.filter(pk__in=rows.values("pk"))
    return get_object_or_404(rows, pk=pk)


def get_cohort_for_user(user, pk, action: str = "view") -> Cohort:
    return _fetch(
        cohort_policy,
        user,
        action,
        pk,
        Cohort.objects.select_related("module", "orientation_point"),
    )


def get_trainee_for_user(user, pk, action: str = "view") -> TraineeProfile:
    return _fetch(trainee_policy, user, action, pk, TraineeProfile.objects.select_related("user"))


def get_enrolment_for_user(user, pk, action: str = "view") -> Enrolment:
    return _fetch(
        enrolment_policy,
        user,
        action,
        pk,
        Enrolment.objects.select_related("trainee", "cohort"),
    )


def get_session_day_for_user(user, pk, action: str = "view") -> SessionDay:
    return _fetch(
        session_day_policy,
        user,
        action,
        pk,
        SessionDay.objects.select_related("cohort", "cohort__module", "lesson"),
    )


def get_cohort_days_for_user(user, pk, action: str = "view") -> Cohort:
    """A cohort whose session days and attendance the user may ``action`` (view, change,
    export): the session-day policy decides the action, the cohort's scope the row (a
    cohort's days may not be planned yet, so the days themselves cannot say)."""
    if not session_day_policy.user_has_permission(user, action):
        raise PermissionDenied
    return _fetch(
        cohort_policy,
        user,
        "view",
        pk,
        Cohort.objects.select_related("module", "orientation_point"),
    )


def get_check_in_window_for_user(user, pk, action: str = "mark") -> CheckInWindow:
    return _fetch(
        check_in_policy,
        user,
        action,
        pk,
        CheckInWindow.objects.select_related("session_day", "session_day__cohort"),
    )


def uses_the_workspace(user) -> bool:
    """Trainers and coordinators: the people the cohort screens and menu are for."""
    return cohort_policy.user_has_permission(user, "view")


def get_register_for_user(user, pk) -> Cohort:
    """The cohort whose register ``user`` takes: its trainers and the coordinators (the
    session days' ``mark``); 403 for anyone who marks no register, 404 for another's cohort."""
    if not session_day_policy.user_has_permission(user, "mark"):
        raise PermissionDenied
    return get_cohort_for_user(user, pk, "view")


def get_register_day_for_user(user, cohort: Cohort, pk) -> SessionDay:
    """One of ``cohort``'s session days, for its register (404 for any other day)."""
    return _fetch(
        session_day_policy,
        user,
        "mark",
        pk,
        SessionDay.objects.filter(cohort=cohort).select_related("lesson"),
    )


# --- Awareness sessions and remote orientations ----------------------------------------------
# Entered by coordinators and by the trainers of the orientation point: a trainer's orientation
# points are those of the cohorts they teach. Only coordinators delete.


class OrientationPointPermissionPolicy(RolePermissionPolicy):
    actions_by_role = {
        Role.COORDINATOR: COORDINATOR_ACTIONS,
        Role.TRAINER: frozenset({"view", "add", "change"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            return queryset.filter(orientation_point__in=_points_taught_at(user))
        return super().scoped(user, role, queryset)


def _points_taught_at(user):
    return Cohort.objects.filter(trainers=user).values("orientation_point")


awareness_session_policy = OrientationPointPermissionPolicy(AwarenessSession)
remote_orientation_policy = OrientationPointPermissionPolicy(RemoteOrientation)
register_permission_policy(AwarenessSession, awareness_session_policy)
register_permission_policy(RemoteOrientation, remote_orientation_policy)


def orientation_points_for(user, policy=awareness_session_policy):
    """The orientation points whose sessions ``user`` may enter: every one for a coordinator,
    a trainer's own; the choices offered by the session forms and filters."""
    points = OrientationPoint.objects.order_by("city")
    roles = policy.roles_of(user)
    if Role.COORDINATOR in roles:
        return points
    if Role.TRAINER in roles:
        return points.filter(pk__in=_points_taught_at(user))
    return points.none()
