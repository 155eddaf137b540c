"""The demo's certificates (data/people.yaml, ``certificates``): a finished cohort's
attestations issued by its trainer, one revoked by the coordinator, and a statement of
attendance for a trainee below the rule, all through certificates.services.

Idempotent: issuing finds what was issued, a revoked certificate is not revoked again. The
PDFs are rendered by the worker (make run starts one), as for any certificate.
"""

from django.contrib.auth import get_user_model

from certificates import services
from certificates.evidence import eligibility_for
from certificates.models import Certificate, CertificateKind
from cohorts.models import Cohort, Enrolment
from lms.roles import Role


def load(cohort: Cohort, spec: dict) -> None:
    plan = spec.get("certificates")
    if plan is None:
        return
    trainer = cohort.trainers.first()
    enrolments = {
        enrolment.trainee.user.username: enrolment
        for enrolment in Enrolment.objects.active()
        .filter(cohort=cohort)
        .select_related("trainee__user", "cohort__module")
    }
    eligibility = eligibility_for(cohort, enrolments.values())
    for _username, enrolment in sorted(enrolments.items()):
        if eligibility[enrolment.pk].eligible:
            services.issue(by=trainer, enrolment=enrolment)
    for username in plan.get("statements", []):
        if username in enrolments:
            services.issue(
                by=trainer, enrolment=enrolments[username], kind=CertificateKind.STATEMENT
            )
    coordinator = get_user_model().objects.filter(groups__name=Role.COORDINATOR.value).first()
    for username, reason in (plan.get("revoke") or {}).items():
        certificate = Certificate.objects.filter(
            enrolment=enrolments.get(username), revoked_at__isnull=True, duplicate_of__isnull=True
        ).first()
        if certificate is not None:
            services.revoke(by=coordinator, certificate=certificate, reason=reason)
