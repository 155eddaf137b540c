"""A certificate checked on a phone (360x740) and a tablet: opened from its QR code's address,
then typed by hand in lower case with spaces; the same answer both ways, and "revoked" as soon
as it is revoked. Readable, accessible (axe-core), within the screen, no script needed."""

import pytest
from playwright.sync_api import expect

from certificates import services
from lms.roles import Role
from tests.certificates.issued import HOLDER, issue_attestation
from tests.cohorts.factories import StaffFactory

from .browser import requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]


def test_a_certificate_is_checked_from_its_qr_code_and_by_typing_it(tab):
    page = tab.page
    certificate = issue_attestation()

    # The QR code's address, as printed (certificates/links.py): the code as stored.
    tab.open(f"/verify/{certificate.code}/")
    expect(page.get_by_role("status")).to_contain_text("Attestation authentique")
    expect(page.get_by_text(HOLDER)).to_be_visible()
    expect(page.get_by_text(certificate.printed_code)).to_be_visible()
    tab.check("verify-valid")

    # Typed by hand from the paper: lower case, spaces between the groups.
    tab.open("/verify/")
    typed = certificate.printed_code.lower().replace("-", " ")
    page.get_by_label("Code de l'attestation").fill(typed)
    page.get_by_role("button", name="Vérifier").tap()

    expect(page).to_have_url(tab.url(f"/verify/{certificate.code}/"))
    expect(page.get_by_role("status")).to_contain_text("Attestation authentique")
    expect(page.get_by_text(HOLDER)).to_be_visible()
    tab.check("verify-typed")

    services.revoke(
        by=StaffFactory(role=Role.COORDINATOR), certificate=certificate, reason="issued_in_error"
    )
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text("Attestation révoquée")
    expect(page.get_by_role("alert")).to_contain_text("Délivrée par erreur")
    tab.check("verify-revoked")
    tab.assert_network_clean()
