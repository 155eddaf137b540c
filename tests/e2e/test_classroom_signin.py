"""Classroom sign-in: the trainer opens the class list on the tablet and signs out; a trainee
taps their first name, types their PIN on the keypad and lands on their space."""

import pytest
from playwright.sync_api import expect

from cohorts import services
from cohorts.classroom import COOKIE_NAME
from lms.roles import Role
from tests.cohorts import factories

from .browser import Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]

# A finger, not a mouse pointer: WCAG's 44 px, with room to spare on a shared tablet.
SMALLEST_TARGET = 56


@pytest.fixture
def classroom(demo_site):
    trainer = factories.StaffFactory(email="trainer.class@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — classe", orientation_point__city="Rabat", trainers=[trainer]
    )
    names = ["Awa Navigateur", "Binta Sow", "Chérif Diallo", "Fatoumata Traoré"]
    trainees = [factories.TraineeFactory(cohort=cohort, display_name=n, by=trainer) for n in names]
    return {"trainer": trainer, "cohort": cohort, "trainees": trainees}


def test_a_trainee_signs_in_by_tapping_their_name_on_the_class_list(tab: Tab, classroom):
    page = tab.page
    cohort, awa = classroom["cohort"], classroom["trainees"][0]

    # The trainer signs in on the tablet and opens the class list for today.
    tab.open("/accounts/login/")
    page.locator("input[name=login]").fill(classroom["trainer"].email)
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))
    tab.open(f"/admin/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Connexion de la classe sur cette tablette").tap()
    expect(page).to_have_url(tab.url(f"/admin/cohorts/{cohort.pk}/classroom/"))
    tab.check("classroom-1-trainer")
    page.get_by_role("button", name="Ouvrir la liste sur cette tablette pour aujourd'hui").tap()
    expect(page.get_by_text("La liste de la classe est ouverte")).to_be_visible()

    # …and hands the tablet over, signed out.
    page.get_by_role("button", name="Me déconnecter et passer la tablette à la classe").tap()
    expect(page).to_have_url(tab.url("/accounts/trainee/"))
    names = page.locator(".class-list a")
    expect(names).to_have_count(4)
    expect(names.first).to_have_text("A Awa N.")
    expect(page.get_by_text(awa.username)).to_have_count(0)
    expect(page.locator("input[name=username]")).to_have_count(0)
    for box in (names.nth(n).bounding_box() for n in range(4)):
        assert box["height"] >= SMALLEST_TARGET and box["width"] >= 2 * SMALLEST_TARGET
    tab.check("classroom-2-list")

    # A trainee taps their name and types their PIN: no username on a keyboard.
    page.get_by_role("link", name="Awa N.").tap()
    expect(page.locator(".tapped")).to_have_text("A Awa N.")
    tab.check("classroom-3-keypad")
    keypad = page.locator("[data-keypad]")
    for digit in factories.PIN:
        keypad.locator(f"[data-digit='{digit}']").tap()
    keypad.locator("button.ok").tap()

    expect(page).to_have_url(tab.url("/learn/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(awa.display_name)
    tab.check("classroom-4-learn")
    tab.assert_stayed_local()


def test_a_trainee_with_a_picture_password_taps_their_name_then_four_pictures(
    tab: Tab, classroom, client
):
    page = tab.page
    cohort, binta = classroom["cohort"], classroom["trainees"][1]
    sequence = ["star", "camel", "sun", "bird"]
    services.set_picture_password(by=classroom["trainer"], trainee=binta, pictures=sequence)
    # Opened by the trainer as in the test above; here the tablet gets the list's cookie.
    client.force_login(classroom["trainer"])
    opened = client.post(f"/admin/cohorts/{cohort.pk}/classroom/open/")
    page.context.add_cookies(
        [{"name": COOKIE_NAME, "value": opened.cookies[COOKIE_NAME].value, "url": tab.base_url}]
    )

    tab.open("/accounts/trainee/")
    page.get_by_role("link", name="Binta S.").tap()
    expect(page.locator(".tapped")).to_have_text("B Binta S.")
    expect(page.locator("[data-step]:visible .picture")).to_have_count(12)
    tab.check("classroom-5-pictures")
    for key in sequence:
        page.locator(f"[data-step]:visible input[value='{key}'] + .tile").tap()

    expect(page).to_have_url(tab.url("/learn/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(binta.display_name)
