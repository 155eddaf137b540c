"""Every certificate screen of the admin asked by the seven personas: trainers see their
cohorts' certificates and issue them, another trainer is not told they exist, only
coordinators revoke and reissue, editors are refused and trainees sent to sign in."""

import pytest
from django.urls import reverse

from certificates.models import BulkIssue
from tests.certificates.admin_fixtures import certificate_of
from tests.permissions import PERSONAS, answers, sign_in_as

pytestmark = pytest.mark.django_db

EVERY_STAFF_MEMBER = {"list", "export csv", "export xlsx"}
COORDINATORS_ONLY = {"revoke", "reissue"}


def certificate_urls(cohort, certificate, bulk):
    return {
        "list": ("get", reverse("certificates:index")),
        "export csv": ("get", reverse("certificates:index") + "?export=csv"),
        "export xlsx": ("get", reverse("certificates:index") + "?export=xlsx"),
        "certificate": ("get", reverse("certificates:detail", args=[certificate.pk])),
        "pdf": ("get", reverse("certificates:pdf", args=[certificate.pk])),
        "revoke": ("get", reverse("certificates:revoke", args=[certificate.pk])),
        "reissue": ("get", reverse("certificates:reissue", args=[certificate.pk])),
        "cohort": ("get", reverse("certificates:cohort", args=[cohort.pk])),
        "issue": ("post", reverse("certificates:issue", args=[cohort.pk])),
        "issue all": ("post", reverse("certificates:issue_all", args=[cohort.pk])),
        "progress": ("get", reverse("certificates:bulk", args=[bulk.pk])),
    }


def expected(persona, name):
    if persona in ("anonymous", "trainee", "other_trainee"):
        return "login"  # no admin access at all
    if persona == "editor":
        return "denied"
    if name in COORDINATORS_ONLY:
        return "ok" if persona == "coordinator" else "denied"
    if persona == "other_trainer" and name not in EVERY_STAFF_MEMBER:
        return "hidden"
    return "ok"


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_certificate_url(
    persona, client, request, cohort, trainee, other_trainee, trainer
):
    certificate = certificate_of(trainee.enrolments.get(), by=trainer)
    bulk = BulkIssue.objects.create(cohort=cohort, requested_by=trainer, total=1)
    sign_in_as(client, request, persona)

    got = answers(client, certificate_urls(cohort, certificate, bulk))

    assert got == {name: expected(persona, name) for name in got}
