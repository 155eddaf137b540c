"""The trainee asks for their certificate's PDF before the worker has rendered it: the page
says it is being prepared, asks the server again by itself (no reload), and offers the download
as soon as the worker has stored the PDF."""

import pytest
from playwright.sync_api import expect

from certificates import pdf, services
from certificates.models import Certificate
from lms.roles import Role
from tests.certificates.credential_fixtures import make_certificate
from tests.cohorts import factories

from .browser import Tab, requires_chromium
from .test_assessment_offline import sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def holder(demo_site):
    trainer = factories.StaffFactory(email="trainer.pdf@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(name="Rabat — PDF", trainers=[trainer])
    trainee = factories.TraineeFactory(cohort=cohort, display_name="Awa Attente", by=trainer)
    return trainee, make_certificate(trainee.enrolments.get())


def test_the_waiting_page_offers_the_pdf_once_the_worker_has_stored_it(
    tab: Tab, holder, monkeypatch
):
    trainee, certificate = holder
    asked = []
    # The worker is busy: the request is recorded, the render comes when the test says.
    monkeypatch.setattr(services, "_queue_pdf", lambda certificate: asked.append(certificate.pk))
    page = tab.page
    sign_in(tab, trainee)

    page.get_by_role("link", name="Télécharger le PDF").first.tap()

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Votre attestation est en préparation"
    )
    link = page.locator("[data-document-link]")
    expect(link).to_be_hidden()
    tab.check("certificate-pdf-waiting")
    assert asked == [certificate.pk]

    pdf.store(certificate.pk)  # the worker renders it

    expect(link).to_be_visible(timeout=10_000)
    expect(page.locator("[data-document-status]")).to_have_text("Votre attestation est prête.")
    assert page.url.endswith(f"/learn/certificates/{certificate.code}/pdf/")  # never reloaded
    with page.expect_download() as download:
        link.tap()
    assert download.value.suggested_filename == f"attestation-{certificate.code}.pdf"
    assert Certificate.objects.get(pk=certificate.pk).pdf
