"""Who may do what with certificates: one policy.

Coordinators issue, revoke and reissue any certificate and export the list; a trainer sees and
issues those of the cohorts they teach (revoking is the coordinators' decision); trainees
read their own through their space (learning), never through this policy's admin screens.
The public sees only the verification record (certificates/verification.py).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.permissions import register_permission_policy

from certificates.models import BulkIssue, Certificate
from cohorts.permissions import cohort_policy, get_cohort_for_user
from lms.permissions import RolePermissionPolicy
from lms.roles import Role


class CertificatePermissionPolicy(RolePermissionPolicy):
    actions_by_role = {
        Role.COORDINATOR: frozenset({"view", "issue", "revoke", "reissue", "export"}),
        Role.TRAINER: frozenset({"view", "issue", "export"}),
    }

    def scoped(self, user, role, queryset):
        if role == Role.TRAINER:
            return queryset.filter(enrolment__cohort__trainers=user)
        return super().scoped(user, role, queryset)


certificate_policy = CertificatePermissionPolicy(Certificate)
register_permission_policy(Certificate, certificate_policy)


def get_certificate_for_user(user, pk, action: str = "view") -> Certificate:
    if not certificate_policy.user_has_permission(user, action):
        raise PermissionDenied
    rows = certificate_policy.instances_user_has_permission_for(user, action)
    return get_object_or_404(
        rows.select_related("enrolment__cohort", "enrolment__trainee", "duplicate_of"), pk=pk
    )


def get_cohort_certificates_for_user(user, pk, action: str = "view"):
    """The cohort whose certificates ``user`` may ``action``: 403 for someone who may not act
    on certificates at all (an editor), 404 for a cohort they do not teach."""
    if not certificate_policy.user_has_permission(user, action):
        raise PermissionDenied
    return get_cohort_for_user(user, pk, "view")


def get_bulk_issue_for_user(user, pk) -> BulkIssue:
    """A cohort's bulk issue, to whoever may issue that cohort's certificates."""
    if not certificate_policy.user_has_permission(user, "issue"):
        raise PermissionDenied
    cohorts = cohort_policy.instances_user_has_permission_for(user, "view")
    return get_object_or_404(BulkIssue.objects.filter(cohort__in=cohorts), pk=pk)
