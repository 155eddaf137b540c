"""The demo's certificates (lms/demo/certificates.py): the finished Oujda cohort's
attestations, one revoked, one statement of attendance; loading again adds nothing."""

import pytest
from django.db import transaction
from django.test import override_settings

from certificates.models import Certificate
from lms import demo

OUJDA = "Oujda — Développement personnel (terminée)"


@pytest.fixture(scope="module")
def demo_programme(django_db_setup, django_db_blocker):
    demo_settings = override_settings(
        DEBUG=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), demo_settings, transaction.atomic():
        demo.load()
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_programme")]


def _certificates():
    return Certificate.objects.filter(enrolment__cohort__name=OUJDA)


def test_the_finished_cohort_has_its_attestations_one_revoked_and_one_statement():
    certificates = _certificates()

    assert certificates.filter(kind="attestation").count() == 9
    assert certificates.filter(kind="attestation", revoked_at__isnull=True).count() == 8
    revoked = certificates.get(revoked_at__isnull=False)
    assert revoked.enrolment.trainee.user.username == "oujda06"
    assert revoked.revocation_reason == "issued_in_error"
    statement = certificates.get(kind="statement")
    assert statement.enrolment.trainee.user.username == "oujda09"
    assert statement.snapshot["days_attended"] == 4


def test_the_other_demo_cohorts_have_none_yet():
    assert not Certificate.objects.exclude(enrolment__cohort__name=OUJDA).exists()


def test_loading_again_adds_and_revokes_nothing():
    before = list(_certificates().values_list("code", "revoked_at"))
    with override_settings(DEBUG=True):
        demo.load()

    assert list(_certificates().values_list("code", "revoked_at")) == before
