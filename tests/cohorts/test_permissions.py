"""The cohort, trainee and enrolment policies (cohorts/permissions.py), asked directly, and the
proof that every screen listing cohorts asks the same policy as the screens showing one."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from wagtail.permissions import policy_registry

from cohorts import views
from cohorts.models import Cohort, Enrolment, TraineeProfile
from cohorts.permissions import (
    cohort_policy,
    enrolment_policy,
    get_cohort_for_user,
    trainee_policy,
)
from cohorts.wagtail_hooks import cohort_viewset, dashboard_cohorts
from tests.permissions import PERSONAS, user_of


def visible(policy, user, action="view"):
    return set(policy.instances_user_has_permission_for(user, action))


def test_a_trainer_sees_only_the_cohorts_they_teach(trainer, cohort, other_cohort):
    assert visible(cohort_policy, trainer) == {cohort}


def test_a_coordinator_sees_every_cohort(coordinator, cohort, other_cohort):
    assert visible(cohort_policy, coordinator) == {cohort, other_cohort}


def test_editors_and_trainees_see_no_cohort(editor, trainee, cohort):
    assert visible(cohort_policy, editor) == set()
    assert visible(cohort_policy, trainee.user) == set()


def test_a_trainer_sees_only_trainees_and_enrolments_of_their_cohorts(
    trainer, trainee, other_trainee
):
    assert visible(trainee_policy, trainer) == {trainee}
    assert visible(enrolment_policy, trainer) == set(trainee.enrolments.all())


def test_a_trainee_enrolled_twice_with_the_same_trainer_is_listed_once(trainer, trainee):
    from tests.cohorts.factories import CohortFactory

    second = CohortFactory(name="Rabat — bis", trainers=[trainer])
    Enrolment.objects.create(trainee=trainee, cohort=second)

    assert list(trainee_policy.instances_user_has_permission_for(trainer, "view")) == [trainee]


def test_only_coordinators_create_edit_and_delete_cohorts(trainer, coordinator, editor, cohort):
    for action in ("add", "change", "delete"):
        assert cohort_policy.user_has_permission(coordinator, action)
        assert not cohort_policy.user_has_permission(trainer, action)
        assert not cohort_policy.user_has_permission(editor, action)
    assert not cohort_policy.user_has_permission_for_instance(trainer, "change", cohort)
    assert cohort_policy.user_has_permission_for_instance(trainer, "enrol", cohort)


def test_another_trainer_may_not_enrol_in_the_cohort(other_trainer, cohort):
    assert cohort_policy.user_has_permission(other_trainer, "enrol")
    assert not cohort_policy.user_has_permission_for_instance(other_trainer, "enrol", cohort)


def test_wagtail_looks_the_same_policies_up_by_model():
    assert policy_registry.get_by_type(Cohort) is cohort_policy
    assert policy_registry.get_by_type(TraineeProfile) is trainee_policy
    assert policy_registry.get_by_type(Enrolment) is enrolment_policy


def _listed_by_the_index_view(user):
    request = RequestFactory().get(reverse("cohorts:index"))
    request.user = user
    view = views.CohortIndexView(**cohort_viewset.get_index_view_kwargs())
    view.setup(request)
    return set(view.get_base_queryset())


def _opened_by_the_detail_helper(user):
    opened = set()
    for cohort in Cohort.objects.all():
        try:
            opened.add(get_cohort_for_user(user, cohort.pk))
        except (PermissionDenied, Http404):  # not opened
            continue
    return opened


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_list_the_dashboard_and_the_detail_view_agree_for_every_persona(
    persona, request, cohort, other_cohort, trainee, other_trainee
):
    """The list, the dashboard panel and the detail pages ask one policy: they cannot differ."""
    from django.contrib.auth.models import AnonymousUser

    user = user_of(request, persona) or AnonymousUser()
    by_policy = visible(cohort_policy, user)

    assert _listed_by_the_index_view(user) == by_policy
    assert set(dashboard_cohorts(user)) == by_policy
    assert _opened_by_the_detail_helper(user) == by_policy


def test_every_cohort_screen_is_given_the_registered_policy():
    for view_class in (views.CohortIndexView, views.CohortCreateView, views.CohortEditView):
        view = view_class(**{"model": Cohort})
        assert view.permission_policy is cohort_policy
