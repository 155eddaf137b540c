"""The trainee's own certificates in their space (/learn/) and on their CV."""

import json

import pytest
from django.urls import reverse

from certificates import services
from learning import cv_trainings
from tests.certificates.credential_fixtures import make_certificate
from tests.permissions import PERSONAS, answers, sign_in_as

pytestmark = pytest.mark.django_db

# Only the holder gets their certificate; another trainee is not told it exists, staff are
# sent to their admin (trainee_required), where the certificates have their own screens.
HOLDER_ONLY = {
    "anonymous": "login",
    "trainee": "ok",
    "other_trainee": "hidden",
    "trainer": "denied",
    "other_trainer": "denied",
    "coordinator": "denied",
    "editor": "denied",
}
# What every verifier fetches: public.
PUBLIC = dict.fromkeys(PERSONAS, "ok")


@pytest.fixture
def certificate(trainee, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_certificate(trainee.enrolments.get())


def _downloads(certificate) -> dict[str, tuple[str, str]]:
    return {
        "pdf": ("get", reverse("learn_certificate_pdf", args=[certificate.code])),
        "credential": ("get", reverse("learn_certificate_credential", args=[certificate.code])),
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_holder_downloads_their_certificate(
    persona,
    request,
    client,
    certificate,
    other_trainee,
    trainer,
    other_trainer,
    coordinator,
    editor,
):
    sign_in_as(client, request, persona)

    assert set(answers(client, _downloads(certificate)).values()) == {HOLDER_ONLY[persona]}


@pytest.mark.parametrize("persona", PERSONAS)
def test_anyone_fetches_the_status_list_and_the_did_document(
    persona,
    request,
    client,
    settings,
    certificate,
    other_trainee,
    trainer,
    other_trainer,
    coordinator,
    editor,
):
    settings.SITE_BASE_URL = "https://foras.example.org"
    sign_in_as(client, request, persona)
    urls = {
        "status": ("get", reverse("credential_status_list")),
        "did": ("get", reverse("credential_did_document")),
    }

    assert answers(client, urls) == {name: PUBLIC[persona] for name in urls}


def test_the_holder_downloads_the_pdf_and_the_signed_credential(client, trainee, certificate):
    client.force_login(trainee.user)

    pdf = client.get(reverse("learn_certificate_pdf", args=[certificate.code]))
    credential = client.get(reverse("learn_certificate_credential", args=[certificate.code]))

    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert "attachment" in credential["Content-Disposition"]
    body = json.loads(credential.content)
    assert body["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert body["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


def test_the_home_page_lists_the_certificates_with_their_downloads(client, trainee, certificate):
    client.force_login(trainee.user)

    page = client.get(reverse("learn_home")).content.decode()

    assert "Mes attestations" in page
    assert certificate.printed_code in page
    assert reverse("learn_certificate_pdf", args=[certificate.code]) in page
    assert reverse("learn_certificate_credential", args=[certificate.code]) in page


def test_a_trainee_without_certificates_sees_no_such_section(client, other_trainee, certificate):
    client.force_login(other_trainee.user)

    assert "Mes attestations" not in client.get(reverse("learn_home")).content.decode()


def test_a_revoked_certificate_leaves_the_space_and_the_cv(
    client, trainee, certificate, coordinator
):
    assert [training.title for training in cv_trainings.platform_trainings(trainee)] == [
        certificate.snapshot["module"]
    ]

    services.revoke(by=coordinator, certificate=certificate, reason="issued_in_error")

    assert cv_trainings.platform_trainings(trainee) == []
    client.force_login(trainee.user)
    assert certificate.printed_code not in client.get(reverse("learn_home")).content.decode()
    assert client.get(reverse("learn_certificate_pdf", args=[certificate.code])).status_code == 404


def test_the_cv_lists_the_training_where_and_when(trainee, certificate):
    (training,) = cv_trainings.platform_trainings(trainee)

    assert training.where == certificate.snapshot["city"]
    assert training.year == certificate.snapshot["end_date"][:4]
