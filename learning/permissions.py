"""The trainee's side of access: a trainee acts on their own active enrolments, nobody else's.

One policy, asked by the trainee space (/learn/), the lesson and module pages, the tests and
the survey. (Staff reach enrolments through the cohorts policy, cohorts/permissions.py.)
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from wagtail.permissions import register_permission_policy

from cohorts.models import Enrolment
from courses.exercises import exercise
from learning.models import Attempt, Document
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


def get_enrolment_for_exercise(user, pk, kind: str, *, bare: bool = False) -> Enrolment:
    """The trainee's own active enrolment to work on the exercise ``kind`` from; 404 for
    anyone else's, and for one whose module has no such exercise when the work belongs to the
    enrolment (a business plan is an entrepreneurship enrolment's, not any course's; the CV
    is the trainee's, reached from any of them).

    ``bare``: only the enrolment's ids, none of the rows above it (an autosave, every few
    seconds from every tablet: building a query with every column of the module page costs
    more than running it)."""
    if bare:
        enrolments = learner_policy.instances_user_has_permission_for(user, "learn")
        enrolments = enrolments.only("pk", "trainee_id", "cohort_id")
    else:
        enrolments = learner_enrolments(user)
    if exercise(kind).per_enrolment:
        enrolments = enrolments.offering_exercise(kind)
    return get_object_or_404(enrolments, pk=pk)


# What an autosave reads of the attempt and the rows above it: the opening rules
# (learning/progress.py: the cohort's dates, the module's tests) and save_answers. Building the
# query with every column of the module page cost more than running it; a field read outside
# this list costs one more query (tests/learning/test_query_counts.py would say so).
AUTOSAVE_FIELDS = (
    "answers",
    "version",
    "submitted_at",
    "updated_at",
    "enrolment",
    "assessment",
    "phase",
    "assessment__questions",
    "enrolment__cohort__start_date",
    "enrolment__cohort__end_date",
    "enrolment__cohort__first_session_day",
    "enrolment__cohort__last_session_day",
    "enrolment__cohort__post_test_opened_at",
    "enrolment__cohort__module__pre_test",
    "enrolment__cohort__module__post_test",
    "enrolment__cohort__module__survey",
)


def get_attempt_for_learner(user, enrolment_pk, phase: str) -> Attempt | None:
    """The attempt at ``phase`` of the trainee's own active enrolment, read with the enrolment,
    its cohort and module and the assessment in one query (an autosave comes every few
    seconds from every tablet). None when there is none yet, and for anyone else's enrolment:
    ask ``get_enrolment_for_learner`` then, which tells the two apart."""
    enrolments = learner_policy.instances_user_has_permission_for(user, "learn").filter(
        pk=enrolment_pk
    )
    found = (
        Attempt.objects.filter(enrolment__in=enrolments, phase=phase)
        .select_related("enrolment__cohort__module", "assessment")
        .only(*AUTOSAVE_FIELDS)
    )
    return next(iter(found[:1]), None)


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


class DocumentPermissionPolicy(RolePermissionPolicy):
    """Exercise work (CVs, business plans): who reads it and who acts on it.

    - the trainee: ``view`` and ``change`` their own (write, send, restore an earlier version);
    - a trainer: ``view`` and ``review`` (comment, return, mark reviewed, restore) the work of
      the trainees of the cohorts they teach: a business plan through its enrolment's cohort,
      a CV (the trainee's, across modules) through any cohort of theirs the trainee is in;
    - a coordinator: ``view`` and ``review`` everyone's; an editor: nothing.
    """

    actions_by_role = {
        Role.TRAINEE: frozenset({"view", "change"}),
        Role.TRAINER: frozenset({"view", "review"}),
        Role.COORDINATOR: frozenset({"view", "review"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINEE:
            return queryset.filter(trainee__user=user)
        if role == Role.TRAINER:
            taught = Enrolment.objects.filter(cohort__trainers=user)
            return queryset.filter(
                Q(enrolment__in=taught)
                | Q(enrolment__isnull=True, trainee__in=taught.values("trainee"))
            )
        return super().scoped(user, role, queryset)


document_policy = DocumentPermissionPolicy(Document)
register_permission_policy(Document, document_policy)


def get_document_for_user(user, action: str, pk, queryset=None) -> Document:
    """The document ``pk`` if ``user`` may take ``action`` on it: 403 for a user who may take
    it on none, 404 for a document outside their scope (its existence is not told)."""
    if not document_policy.user_has_permission(user, action):
        raise PermissionDenied
    rows = document_policy.instances_user_has_permission_for(user, action)
    if queryset is not None:
        rows = queryset.filter(pk__in=rows.values("pk"))
    return get_object_or_404(rows, pk=pk)
