"""The trainee's side of access: a trainee acts on their own active enrolments, nobody else's.

One policy, asked by the trainee space (/learn/), the lesson and module pages, the tests and
the survey. (Staff reach enrolments through the cohorts policy, cohorts/permissions.py.)
"""

from django.shortcuts import get_object_or_404

from cohorts.models import Enrolment
from lms.permissions import RolePermissionPolicy
from lms.roles import Role


class LearnerPermissionPolicy(RolePermissionPolicy):
    """``learn``: open the lessons of the enrolment's module, take its tests and survey."""

    actions_by_role = {Role.TRAINEE: frozenset({"learn"})}

    def roles_of(self, user):
        # A staff account that also sits in the trainee group is still staff: coordinators
        # do not learn through another person's enrolment.
        return [role for role in super().roles_of(user) if role == Role.TRAINEE]

    def scoped(self, user, role, queryset):
        if role == Role.TRAINEE:
            return queryset.filter(trainee__user=user).active()
        return super().scoped(user, role, queryset)


learner_policy = LearnerPermissionPolicy(Enrolment)


def learner_enrolments(user):
    """The user's own active enrolments, newest cohort first (none for anyone else)."""
    return (
        learner_policy.instances_user_has_permission_for(user, "learn")
        .select_related("cohort__module", "cohort__orientation_point", "trainee")
        .order_by("-cohort__start_date")
    )


def get_enrolment_for_learner(user, pk) -> Enrolment:
    """The trainee's own active enrolment; 404 for anyone else's."""
    return get_object_or_404(learner_enrolments(user), pk=pk)


def enrolment_for_module(
    user, module, *, related: tuple[str, ...] | None = None, **annotations
) -> Enrolment | None:
    """The user's active enrolment in a cohort running ``module`` or a translation of it,
    with ``annotations`` read by the same query. ``related``: the relations read with it,
    when fewer than ``learner_enrolments``' will do (the trainee's is always read)."""
    enrolments = learner_enrolments(user)
    if related is not None:
        enrolments = enrolments.select_related(None).select_related("trainee", *related)
    enrolment = (
        enrolments.filter(cohort__module__translation_key=module.translation_key)
        .annotate(**annotations)
        .first()
    )
    if enrolment is not None and not user.__class__.trainee.is_cached(user):
        # The page's header shows the trainee's name: no second query for the same profile.
        user.trainee = enrolment.trainee
    return enrolment
