"""A trainer enters awareness sessions and a remote orientation on the tablet (800 × 1280,
touch): the forms and the lists fit the screen, pass axe-core and save through the services.

Screens are saved to test-results/screenshots/tablet-admin-awareness-*.png.
"""

import pytest
from playwright.sync_api import expect

from cohorts.models import AwarenessSession, RemoteOrientation
from lms.roles import Role
from tests.cohorts import factories

from .browser import Tab, requires_chromium
from .test_tablet_admin import check_fits, sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]


def fill_date(page, value: str) -> None:
    """Set the date without opening Wagtail's date picker (its own widget, whose calendar
    buttons have no names: axe-core would fail the page for Wagtail's sake, not ours)."""
    page.locator("input[name=date]").evaluate("(input, value) => { input.value = value; }", value)


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def rabat_trainer(demo_site):
    trainer = factories.StaffFactory(email="trainer.tablet@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(orientation_point__city="Rabat", trainers=[trainer])
    factories.TraineeFactory(cohort=cohort, display_name="Mariam Ouédraogo", by=trainer)
    return trainer


def test_a_trainer_enters_sessions_by_counts_and_by_names_and_a_remote_orientation(
    tab: Tab, rabat_trainer
):
    page = tab.page
    sign_in(tab, "trainer.tablet@example.org")

    tab.open("/admin/awareness-sessions/new/")
    # A trainer of one orientation point has it chosen already.
    expect(page.locator("select[name=orientation_point] option:checked")).to_contain_text("Rabat")
    fill_date(page, "2026-03-12")
    page.get_by_label("Mali").tap()
    page.locator("input[name=women]").fill("4")
    page.locator("input[name=men]").fill("9")
    check_fits(tab, "awareness-1-form")
    page.get_by_role("button", name="Créer").tap()
    expect(page).to_have_url(tab.url("/admin/awareness-sessions/"))
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    expect(page.locator("table.listing tbody")).to_contain_text("13")
    check_fits(tab, "awareness-2-list")

    tab.open("/admin/awareness-sessions/new/")
    fill_date(page, "2026-04-09")
    # Neither names nor counts: refused, with the reason, nothing saved.
    page.get_by_role("button", name="Créer").tap()
    expect(page.get_by_text("Indiquez qui a participé")).to_be_visible()
    page.get_by_role("button", name="Ajouter un(e) personne").tap()
    page.locator("input[name='people-0-name']").fill("Awa")
    page.locator("select[name='people-0-sex']").select_option("F")
    page.locator("select[name='people-0-age_group']").select_option("adult")
    check_fits(tab, "awareness-3-form-people")
    page.get_by_role("button", name="Créer").tap()
    expect(page).to_have_url(tab.url("/admin/awareness-sessions/"))
    assert [s.reach.total for s in AwarenessSession.objects.order_by("date")] == [13, 1]

    tab.open("/admin/remote-orientations/new/")
    fill_date(page, "2026-04-10")
    page.locator("select[name=mode]").select_option("video")
    page.locator("select[name=trainee]").select_option(label="Mariam Ouédraogo")
    page.locator("select[name=country]").select_option("bf")
    page.locator("input[name=mission]").fill("Ambassade du Burkina Faso")
    check_fits(tab, "awareness-4-remote-form")
    page.get_by_role("button", name="Créer").tap()
    expect(page).to_have_url(tab.url("/admin/remote-orientations/"))
    check_fits(tab, "awareness-5-remote-list")
    assert RemoteOrientation.objects.get().trainee.display_name == "Mariam Ouédraogo"
    tab.assert_stayed_local()
