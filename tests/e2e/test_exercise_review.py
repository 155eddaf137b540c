"""The trainer reviews a trainee's CV on the classroom tablet (800 × 1280, touch): from the
cohort's page to its exercises, the CV, a comment on one section, returned; then the trainee,
on the same tablet, finds the comment on that section. The screens also hold at 1280 × 800.

Each screen is saved to test-results/screenshots/*-review-*.png to be looked at.
"""

import pytest
from playwright.sync_api import expect

from courses.exercises import EXERCISES
from learning import exercise_services as services
from lms.roles import Role
from tests.cohorts import factories

from .browser import SIZES, Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]

CV_TEXT = "Maçon à Kindia"
COMMENT = "Dites depuis combien d'années vous faites ce métier."


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def classroom(demo_site):
    trainer = factories.StaffFactory(email="trainer.review@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — Entrepreneuriat et commercialisation, mars",
        orientation_point__city="Rabat",
        trainers=[trainer],
    )
    trainee = factories.TraineeFactory(
        cohort=cohort, display_name="Jean-Baptiste Mukendi Kabongo", by=trainer
    )
    classmate = factories.TraineeFactory(cohort=cohort, display_name="Awa Ndiaye", by=trainer)
    cv = services.get_or_start_document(trainee, "cv")
    data = {**EXERCISES["cv"].empty(), "objective": CV_TEXT}
    cv = services.save_document(cv, data, 0, by=trainee.user)
    services.submit_document(cv, by=trainee.user)
    services.get_or_start_document(classmate, "cv")
    return {"trainer": trainer, "cohort": cohort, "trainee": trainee, "cv": cv}


def sign_in_staff(tab: Tab, email: str) -> None:
    page = tab.page
    tab.open("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))


def sign_in_trainee(tab: Tab, trainee) -> None:
    tab.open(f"/accounts/trainee/?username={trainee.username}")
    keypad = tab.page.locator("[data-keypad]")
    for digit in factories.PIN:
        keypad.locator(f"[data-digit='{digit}']").tap()
    keypad.locator("button.ok").tap()
    expect(tab.page).to_have_url(tab.url("/learn/"))


def test_the_trainer_returns_a_cv_with_a_comment_the_trainee_finds_on_the_section(
    tab: Tab, classroom
):
    page = tab.page
    cohort, trainee, cv = classroom["cohort"], classroom["trainee"], classroom["cv"]
    commented = EXERCISES["cv"].sections[1]
    sign_in_staff(tab, "trainer.review@example.org")

    tab.open(f"/admin/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Exercices", exact=True).last.tap()
    expect(page).to_have_url(tab.url(f"/admin/exercises/?cohort={cohort.pk}"))
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text=trainee.display_name)).to_contain_text("Envoyé au formateur")
    tab.check("review-1-list")

    page.get_by_role("link", name=trainee.display_name).tap()
    expect(page).to_have_url(tab.url(f"/admin/exercises/{cv.pk}/"))
    expect(page.locator(".lms-review-work")).to_contain_text(CV_TEXT)
    tab.check("review-2-cv")

    page.get_by_label(f"Commentaire sur « {commented.title} »").fill(COMMENT)
    page.get_by_role("button", name="Rendre avec des commentaires").tap()
    expect(
        page.get_by_text(f"Rendu à {trainee.display_name} avec vos commentaires.")
    ).to_be_visible()
    expect(page.locator(f"#section-{commented.key}")).to_contain_text(COMMENT)
    tab.check("review-3-returned")
    tab.assert_stayed_local()

    page.context.clear_cookies()
    sign_in_trainee(tab, trainee)
    tab.open(f"/learn/cv/{trainee.enrolments.get().pk}/")
    expect(page.locator(f"#step-{commented.key}")).to_contain_text(COMMENT)
    expect(page.locator(f"#step-{EXERCISES['cv'].sections[0].key}")).not_to_contain_text(COMMENT)
    tab.check("review-4-trainee-sees-the-comment")
    tab.assert_stayed_local()


@pytest.fixture
def laptop(monkeypatch):
    """The office laptop, held landscape: 1280 × 800."""
    monkeypatch.setitem(SIZES, "laptop", {"width": 1280, "height": 800})
    return "laptop"


@pytest.mark.parametrize("size", ["laptop"])
def test_the_review_screens_hold_on_a_laptop(laptop, size, tab: Tab, classroom):
    page = tab.page
    sign_in_staff(tab, "trainer.review@example.org")
    tab.open("/admin/exercises/")
    expect(page.locator("table.listing tbody tr")).to_have_count(2)
    tab.check("review-5-list-laptop")
    tab.open(f"/admin/exercises/{classroom['cv'].pk}/")
    expect(page.get_by_role("button", name="Marquer comme relu")).to_be_visible()
    tab.check("review-6-cv-laptop")
