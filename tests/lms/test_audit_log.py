import pytest
from django.urls import reverse

from lms import audit
from lms.models import AuditAction
from lms.roles import Role
from tests.cohorts import factories


@pytest.fixture
def entry(db):
    trainer = factories.staff_user("trainer.audit@example.org", Role.TRAINER)
    cohort = factories.cohort("Audit", "Rabat", trainers=[trainer])
    trainee = factories.trainee(cohort, "Awa Audit", by=trainer)
    return audit.record(trainer, AuditAction.VIEWED, trainee)


def test_a_coordinator_reads_the_audit_log(client, entry):
    client.force_login(factories.staff_user("coord.audit@example.org", Role.COORDINATOR))
    page = client.get(reverse("lms_audit_log")).content.decode()
    assert "Awa Audit" in page
    assert "trainer.audit@example.org" in page


def test_the_audit_log_filters_by_record(client, entry):
    client.force_login(factories.staff_user("coord.audit@example.org", Role.COORDINATOR))
    response = client.get(reverse("lms_audit_log"), {"subject": "no-such-record", "p": "x"})
    assert response.status_code == 200
    assert "Awa Audit" not in response.content.decode()


@pytest.mark.parametrize("role", [Role.TRAINER, Role.EDITOR])
def test_other_staff_cannot_read_the_audit_log(client, entry, role):
    client.force_login(factories.staff_user(f"{role.value.lower()}.x@example.org", role))
    response = client.get(reverse("lms_audit_log"))
    assert response.status_code in (302, 403)
    assert "Awa Audit" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, entry):
    response = client.get(reverse("lms_audit_log"))
    assert response.status_code == 302
    assert "login" in response["Location"]
