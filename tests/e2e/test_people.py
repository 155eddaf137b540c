"""A trainee signs in on a shared tablet with the keypad; a trainer prints login cards."""

import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import expect

from lms.roles import Role
from tests.cohorts import factories

from .browser import Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.fixture
def size():
    """The classroom tablet only: this is where trainees and trainers work."""
    return "tablet"


@pytest.fixture
def classroom(demo_site, settings):
    trainer = factories.StaffFactory(email="trainer.e2e@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — e2e", orientation_point__city="Rabat", trainers=[trainer]
    )
    trainee = factories.TraineeFactory(cohort=cohort, display_name="Awa Navigateur", by=trainer)
    return {"trainer": trainer, "cohort": cohort, "trainee": trainee}


def test_a_trainee_signs_in_with_the_keypad_and_lands_on_their_space(tab: Tab, classroom):
    page = tab.page
    trainee = classroom["trainee"]
    tab.open("/accounts/trainee/")
    # The page is seen as on the classroom tablet: 800 × 1280, with a touch screen.
    assert page.evaluate("[innerWidth, innerHeight, navigator.maxTouchPoints > 0]") == [
        800,
        1280,
        True,
    ]

    tab.open(f"/accounts/trainee/?username={trainee.username}")
    expect(page.get_by_label("Nom d'utilisateur", exact=False)).to_have_value(trainee.username)
    tab.check("people-1-keypad")
    keypad = page.locator("[data-keypad]")
    for digit in factories.PIN:
        keypad.locator(f"[data-digit='{digit}']").tap()
    keypad.locator("button.ok").tap()

    expect(page).to_have_url(tab.url("/learn/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(trainee.display_name)
    expect(page.get_by_text(classroom["cohort"].module.title).first).to_be_visible()
    tab.check("people-2-learn")
    tab.assert_stayed_local()


def test_a_trainer_opens_their_cohort_and_prints_login_cards(tab: Tab, classroom):
    page = tab.page
    cohort, trainee = classroom["cohort"], classroom["trainee"]

    tab.open("/accounts/login/")
    page.locator("input[name=login]").fill("trainer.e2e@example.org")
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))

    page.get_by_role("link", name=cohort.name).first.tap()
    expect(page).to_have_url(tab.url(f"/admin/cohorts/{cohort.pk}/"))
    expect(page.get_by_role("cell", name=trainee.display_name)).to_be_visible()

    page.get_by_role("link", name="Imprimer les cartes de connexion").tap()
    page.get_by_role("button", name="Préparer les cartes (PDF)").tap()
    # A worker renders the cards (inline in the tests); the page waits for them.
    link = page.get_by_role("link", name="Ouvrir le PDF")
    expect(link).to_be_visible(timeout=15_000)
    tab.check("people-3-login-cards")
    response = page.request.get(tab.base_url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"

    pdf = pypdfium2.PdfDocument(response.body())
    image = pdf[0].render(scale=3).to_pil()
    codes = [code.text for code in zxingcpp.read_barcodes(image)]
    assert codes == [f"{tab.base_url}/accounts/trainee/?username={trainee.username}"]
    text = " ".join(pdf[0].get_textpage().get_text_range().split())
    assert trainee.display_name in text and factories.PIN not in text
    tab.assert_stayed_local()
