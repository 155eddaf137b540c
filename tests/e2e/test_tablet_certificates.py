"""A cohort's certificates on the classroom tablet (800 × 1280, touch): the trainer sees who
is eligible and why not, issues one attestation, then all of them with the progress bar;
the coordinator opens a certificate and revokes it. Nothing wider than the screen, no serious
accessibility problem.

Each screen is saved to test-results/screenshots/tablet-admin-certificates-*.png.
"""

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from lms.roles import Role
from tests.certificates.admin_fixtures import finished_cohort, trainee_in
from tests.cohorts import factories

from .browser import Tab, requires_chromium
from .test_tablet_admin import NAMES, check_fits, sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def certificates_class(demo_site):
    trainer = factories.StaffFactory(email="trainer.certs@example.org", role=Role.TRAINER)
    factories.StaffFactory(email="coord.certs@example.org", role=Role.COORDINATOR)
    cohort = finished_cohort(trainer, name="Rabat — Entrepreneuriat et commercialisation, octobre")
    for number, name in enumerate(NAMES):
        # Eight eligible, two short of days, two without the post-test.
        trainee_in(cohort, trainer, name, days=3 if number in (8, 9) else 5, post_test=number < 10)
    return cohort


def test_a_trainer_issues_certificates_and_a_coordinator_revokes_one(tab: Tab, certificates_class):
    page = tab.page
    cohort = certificates_class
    sign_in(tab, "trainer.certs@example.org")

    tab.open(f"/admin/cohorts/{cohort.pk}/")
    roster = page.locator("table.lms-roster")
    expect(roster.locator("tbody tr").filter(has_text=NAMES[8])).to_contain_text(
        "3/5 jours — encore 1 jour requis"
    )
    check_fits(tab, "certificates-1-roster")

    page.locator(".lms-actions").get_by_role("link", name="Attestations").tap()
    expect(page).to_have_url(tab.url(f"/admin/certificates/cohort/{cohort.pk}/"))
    table = page.locator("table.lms-certificates")
    expect(table.locator("tbody tr")).to_have_count(len(NAMES))
    expect(table.locator("tbody tr").filter(has_text=NAMES[10])).to_contain_text(
        "manque : test de fin"
    )
    check_fits(tab, "certificates-2-cohort")

    first = table.locator("tbody tr").filter(has_text=NAMES[0])
    first.get_by_label("Langue").select_option("en")
    first.get_by_role("button", name="Délivrer").tap()
    # Q_SYNC: the PDF is rendered inside the request here (in a worker in production).
    expect(page.get_by_text(f"délivrée à {NAMES[0]}")).to_be_visible(timeout=30_000)
    certificate = Certificate.objects.get()
    expect(first).to_contain_text(certificate.printed_code)
    assert certificate.language == "en"

    page.get_by_role("button", name="Délivrer l'attestation aux 7 apprenants éligibles").tap()
    expect(page.locator("[data-bulk-status]")).to_contain_text("terminée", timeout=60_000)
    expect(page.locator("progress.lms-progress")).to_have_attribute("value", "100")
    assert Certificate.objects.filter(kind="attestation").count() == 8
    check_fits(tab, "certificates-3-issued")

    page.context.clear_cookies()  # the trainer leaves; the coordinator signs in
    sign_in(tab, "coord.certs@example.org")
    tab.open(f"/admin/certificates/{certificate.pk}/")
    expect(page.get_by_text(NAMES[0]).first).to_be_visible()
    check_fits(tab, "certificates-4-certificate")

    page.get_by_role("link", name="Révoquer").tap()
    page.get_by_label("Délivrée par erreur").check()
    check_fits(tab, "certificates-5-revoke")
    page.get_by_role("button", name="Révoquer l'attestation").tap()
    expect(page.get_by_text("est révoquée").first).to_be_visible()
    certificate.refresh_from_db()
    assert certificate.is_revoked

    tab.open("/admin/certificates/")
    check_fits(tab, "certificates-6-list")
    tab.assert_stayed_local()
