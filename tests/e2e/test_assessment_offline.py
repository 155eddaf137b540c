"""A trainee takes the pre-test on a classroom tablet whose connection drops half-way."""

import pytest
from playwright.sync_api import expect

from courses.models import Assessment, LessonPage, ModulePage
from learning.models import Attempt
from learning.services import save_answers
from lms.roles import Role
from tests.cohorts import factories
from tests.courses.factories import choice

from .browser import Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.fixture
def size():
    """The classroom tablet only: this is where trainees take their tests."""
    return "tablet"


def question(text, **fields):
    return {"text": text, "read_aloud": "", "image": None, "points": 1, **fields}


@pytest.fixture
def classroom(demo_site, settings):
    trainer = factories.StaffFactory(email="trainer.e2e@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — e2e", orientation_point__city="Rabat", trainers=[trainer]
    )
    trainee = factories.TraineeFactory(cohort=cohort, display_name="Awa Navigateur", by=trainer)
    pre_test = Assessment.objects.create(
        title="Test de début — Développement personnel",
        kind="knowledge",
        instructions="Touchez la réponse qui vous semble juste.",
        questions=[
            (
                "single_choice",
                question(
                    "Quel document prouve votre identité ?",
                    choices=[choice("Le passeport", True), choice("Un ticket de bus")],
                ),
            ),
            ("true_false", question("Un CV doit faire cinq pages.", answer=False)),
            (
                "multiple_choice",
                question(
                    "Quelles dépenses vont dans un budget familial ?",
                    choices=[
                        choice("Le loyer", True),
                        choice("La nourriture", True),
                        choice("Rien"),
                    ],
                ),
            ),
            (
                "scale",
                question(
                    "Je sais où demander de l'aide.",
                    points=0,
                    low_label="Pas du tout",
                    high_label="Tout à fait",
                ),
            ),
        ],
    )
    ModulePage.objects.filter(pk=cohort.module.pk).update(pre_test=pre_test)
    module = ModulePage.objects.get(pk=cohort.module.pk)
    for day, title, body in [
        (1, "Bienvenue", [("exercise", {"exercise": "pre_test", "text": "Faire le test"})]),
        (2, "Se connaître", []),
    ]:
        module.add_child(
            instance=LessonPage(title=title, slug=f"jour-{day}", day_number=day, body=body)
        )
    return {"trainee": trainee, "enrolment": trainee.enrolments.get(), "pre_test": pre_test}


def sign_in(tab: Tab, trainee) -> None:
    tab.open(f"/accounts/trainee/?username={trainee.username}")
    keypad = tab.page.locator("[data-keypad]")
    for digit in factories.PIN:
        keypad.locator(f"[data-digit='{digit}']").tap()
    keypad.locator("button.ok").tap()
    expect(tab.page).to_have_url(tab.url("/learn/"))


def test_answers_given_offline_are_sent_when_the_tablet_reconnects(tab: Tab, classroom):
    page = tab.page
    enrolment, pre_test = classroom["enrolment"], classroom["pre_test"]
    single, true_false, multiple, scale = (child.id for child in pre_test.questions)

    def tap_choice(question_id, index):
        page.locator(f"[data-question='{question_id}'] label.choice").nth(index).tap()

    sign_in(tab, classroom["trainee"])
    progress = page.get_by_role("progressbar")
    expect(progress).to_have_attribute("aria-valuenow", "0")
    page.get_by_role("link", name="Aujourd'hui : Jour 1 — Bienvenue").tap()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bienvenue")
    lesson_url = page.url
    tab.check("assessment-0-day-1")
    page.get_by_role("link", name="Faire le test").tap()
    path = f"/learn/assessments/{enrolment.pk}/pre/"
    expect(page).to_have_url(tab.url(path))
    expect(page.get_by_role("heading", level=1)).to_have_text(pre_test.title)
    expect(page.get_by_role("button", name="Écouter").first).to_be_visible()
    tab.check("assessment-1-questions")
    status = page.locator("[data-offline-status]")

    tap_choice(single, 0)  # right: 1 point
    tap_choice(true_false, 0)  # "Vrai", wrong: the answer is "faux"
    expect(status).to_have_text("Enregistré")

    page.context.set_offline(True)
    tap_choice(multiple, 0)
    tap_choice(multiple, 1)  # both right answers and only them: 1 point
    tap_choice(scale, 3)  # 4 on the scale, never scored
    expect(status).to_contain_text("Hors ligne — vos réponses sont gardées sur cette tablette")
    tab.check("assessment-2-offline")
    assert Attempt.objects.get(enrolment=enrolment).answers == {single: 0, true_false: True}

    page.context.set_offline(False)
    expect(status).to_have_text("Enregistré", timeout=15_000)
    assert Attempt.objects.get(enrolment=enrolment).answers == {
        single: 0,
        true_false: True,
        multiple: [0, 1],
        scale: 4,
    }

    page.get_by_role("button", name="Envoyer mes réponses").tap()

    expect(page).to_have_url(tab.url(path))
    # Worked by hand: single and multiple right, true/false wrong (1 point each), the scale
    # never scored: 2 points of 3 = 66.7 %.
    expect(page.locator("[data-score]")).to_have_text("66,7 %")
    tab.check("assessment-3-result")
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert (attempt.points, attempt.max_points, attempt.score) == (2, 3, 66.7)
    drafts = page.evaluate(
        "Object.keys(localStorage).filter(function (key) { return key.indexOf('foras:') === 0; })"
    )
    assert drafts == []

    # Back to day 1: the trainee marks it done and the progress bar moves.
    page.goto(lesson_url)
    page.get_by_role("button", name="Marquer comme terminé").tap()
    expect(page.get_by_text("Jour 1 terminé")).to_be_visible()
    page.goto(tab.base_url + "/learn/")
    expect(progress).to_have_attribute("aria-valuenow", "1")
    expect(page.get_by_text("1 jour sur 2")).to_be_visible()
    tab.check("assessment-5-progress")
    tab.assert_stayed_local()


def test_a_stale_tablet_is_told_and_shows_the_answers_saved_elsewhere(tab: Tab, classroom):
    page = tab.page
    enrolment, pre_test = classroom["enrolment"], classroom["pre_test"]
    single, true_false, *_rest = (child.id for child in pre_test.questions)
    sign_in(tab, classroom["trainee"])
    tab.open(f"/learn/assessments/{enrolment.pk}/pre/")
    expect(page.get_by_role("heading", level=1)).to_have_text(pre_test.title)
    # Meanwhile, the same trainee answered on another tablet.
    attempt = Attempt.objects.get(enrolment=enrolment)
    save_answers(attempt, {single: 1}, attempt.version)

    page.locator(f"[data-question='{true_false}'] label.choice").nth(1).tap()

    status = page.locator("[data-offline-status]")
    expect(status).to_have_text(
        "Vos réponses ont été modifiées ailleurs : voici les réponses enregistrées."
    )
    expect(page.locator(f"input[name='q-{single}'][value='1']")).to_be_checked()
    expect(page.locator(f"input[name='q-{true_false}'][value='false']")).not_to_be_checked()
    tab.check("assessment-4-conflict")
    assert Attempt.objects.get(enrolment=enrolment).answers == {single: 1}
