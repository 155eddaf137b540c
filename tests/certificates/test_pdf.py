"""The attestation's PDF: what it says, and a QR code a phone reads to the verification page."""

import pytest
from django.conf import settings

from certificates import pdf, services
from certificates.links import verification_url
from certificates.models import Certificate
from tests.certificates.test_issuing import _attend, _post_test, finished  # noqa: F401
from tests.cohorts.factories import TraineeFactory
from tests.content.pdfs import decode_qr_codes, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(finished, trainer):  # noqa: F811
    trainee = TraineeFactory(
        cohort=finished, by=trainer, display_name="Awa Diallo", nationality="ml", phone="0600000000"
    )
    enrolment = _attend(finished, trainer, trainee, 5)
    _post_test(enrolment)
    return services.issue(by=trainer, enrolment=enrolment)


def test_the_pdf_says_what_is_certified_and_nothing_about_the_person(certificate):
    text = pdf_text(pdf.render(certificate))

    assert "Attestation de participation" in text
    assert "Awa Diallo" in text
    assert "Entrepreneuriat" in text
    assert certificate.printed_code in text
    assert "ce n'est pas un diplôme" in text
    for private in (
        "Mali",
        "malienne",
        "0600000000",
        certificate.enrolment.trainee.username,
        "1995",
    ):
        assert private not in text


def test_the_qr_code_reads_as_the_verification_url_which_says_valid(certificate, client):
    [url] = decode_qr_codes(pdf.render(certificate))

    assert url == verification_url(certificate.code)
    response = client.get(url.removeprefix(settings.WAGTAILADMIN_BASE_URL))
    assert response.status_code == 200
    assert "Attestation authentique" in response.content.decode()


def test_after_revocation_the_same_url_says_revoked(certificate, client, coordinator):
    [url] = decode_qr_codes(pdf.render(certificate))
    services.revoke(by=coordinator, certificate=certificate, reason="issued_in_error")

    html = client.get(url.removeprefix(settings.WAGTAILADMIN_BASE_URL)).content.decode()
    assert "révoquée" in html.lower()


def test_an_english_certificate_is_in_english(certificate, trainer):
    certificate.language = "en"
    text = pdf_text(pdf.render(certificate))

    assert "Certificate of participation" in text


def test_a_reissue_is_printed_as_a_duplicate(certificate, coordinator):
    new = services.reissue(by=coordinator, certificate=certificate, reason="Papier perdu")

    assert "DUPLICATA" in pdf_text(pdf.render(new))


def test_the_pdf_is_stored_once(certificate):
    pdf.store(certificate.pk)
    first = Certificate.objects.get(pk=certificate.pk).pdf.name
    pdf.store(certificate.pk)

    assert Certificate.objects.get(pk=certificate.pk).pdf.name == first
