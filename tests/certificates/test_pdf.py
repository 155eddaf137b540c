"""The attestation's PDF: what it says, and a QR code a phone reads to the verification page."""

import datetime

import pytest
from django.conf import settings
from django.utils import formats, timezone, translation

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


def _long(value: str, language: str = "fr") -> str:
    with translation.override(language):
        return formats.date_format(datetime.date.fromisoformat(value), "j F Y")


def test_the_pdf_says_what_is_certified_and_nothing_about_the_person(certificate):
    text = pdf_text(pdf.render(certificate))
    snapshot = certificate.snapshot

    assert "Attestation de participation" in text
    assert "ce n'est pas un diplôme" in text
    assert "Nous attestons que Awa Diallo" in text
    # The labels (Formation, Dates, Durée, Lieu) float beside the values: read the values.
    assert "Formation Dates Durée Lieu" in text
    assert "Awa Diallo Entrepreneuriat" in text
    for topic in ("Jour 1", "Jour 2", "Jour 3", "Jour 4", "Jour 5"):
        assert topic in snapshot["topics"] and topic in text
    assert f"{_long(snapshot['start_date'])} – {_long(snapshot['end_date'])}" in text
    assert "5 jours (25 heures)" in text
    assert f"{snapshot['place']} — En présentiel" in text
    assert settings.CERTIFICATE_ISSUER.upper() in text  # printed in capitals
    assert f"{settings.CERTIFICATE_SIGNATORY} {settings.CERTIFICATE_SIGNATORY_TITLE}" in text
    issued_on = formats.date_format(timezone.localtime(certificate.issued_at), "j F Y")
    assert f"Délivrée le {issued_on}." in text
    assert f"Vérifier cette attestation : {verification_url(certificate.code)}" in text
    assert certificate.printed_code in text
    assert "DUPLICATA" not in text
    for private in (
        "Mali",
        "malienne",
        "0600000000",
        certificate.enrolment.trainee.username,
        "1995",
    ):
        assert private not in text


def test_a_statement_of_attendance_gives_the_days_and_hours_attended(finished, trainer):  # noqa: F811
    trainee = TraineeFactory(cohort=finished, by=trainer, display_name="Binta Sow")
    enrolment = _attend(finished, trainer, trainee, 2)

    statement = services.issue(by=trainer, enrolment=enrolment, kind="statement")
    text = pdf_text(pdf.render(statement))

    assert "Attestation d'assiduité" in text
    assert "Jours et heures de présence à une formation" in text
    assert "Attestation de participation" not in text
    assert "Binta Sow" in text
    assert "2 jours de présence sur 5 (10 heures)" in text
    assert f"Vérifier cette attestation : {verification_url(statement.code)}" in text


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


def test_an_english_certificate_is_in_english_from_its_english_snapshot(finished, trainer):  # noqa: F811
    # An English certificate is issued in English: its snapshot is taken in English (the
    # module's English translation where there is one, the modality's English label).
    trainee = TraineeFactory(cohort=finished, by=trainer, display_name="Awa Diallo")
    enrolment = _attend(finished, trainer, trainee, 5)
    _post_test(enrolment)

    certificate = services.issue(by=trainer, enrolment=enrolment, language="en")
    text = pdf_text(pdf.render(certificate))
    snapshot = certificate.snapshot

    assert (certificate.language, snapshot["language"], snapshot["modality"]) == (
        "en",
        "en",
        "In person",
    )
    assert "Certificate of participation" in text
    assert "We certify that Awa Diallo" in text
    assert f"{_long(snapshot['start_date'], 'en')} – {_long(snapshot['end_date'], 'en')}" in text
    assert "5 days (25 hours)" in text
    assert f"{snapshot['place']} — In person" in text
    with translation.override("en"):
        issued_on = formats.date_format(timezone.localtime(certificate.issued_at), "j F Y")
    assert f"Issued on {issued_on}." in text
    assert f"Verify this certificate: {verification_url(certificate.code)}" in text
    assert "Attestation de participation" not in text
    assert "En présentiel" not in text


def test_a_reissue_is_printed_as_a_duplicate(certificate, coordinator):
    new = services.reissue(by=coordinator, certificate=certificate, reason="Papier perdu")

    assert "DUPLICATA" in pdf_text(pdf.render(new))


def test_the_pdf_is_stored_once(certificate):
    pdf.store(certificate.pk)
    first = Certificate.objects.get(pk=certificate.pk).pdf.name
    pdf.store(certificate.pk)

    assert Certificate.objects.get(pk=certificate.pk).pdf.name == first
