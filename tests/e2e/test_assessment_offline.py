"""A trainee takes the pre-test on a classroom tablet whose connection drops half-way; signs
out (or is signed out when idle) with answers unsent; the next trainee uses the same tablet."""

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
            ("open", question("Votre projet en une phrase ?", points=0)),
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
    classmate = factories.TraineeFactory(cohort=cohort, display_name="Binta Suivante", by=trainer)
    return {
        "trainee": trainee,
        "enrolment": trainee.enrolments.get(),
        "classmate": classmate,
        "pre_test": pre_test,
    }


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
    single, true_false, multiple, scale, text = (child.id for child in pre_test.questions)

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
    page.locator(f"[data-question='{text}'] textarea").fill("Une petite épicerie")
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
        text: "Une petite épicerie",
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


def open_pre_test(tab: Tab, classroom, enrolment=None) -> None:
    enrolment = enrolment or classroom["enrolment"]
    tab.open(f"/learn/assessments/{enrolment.pk}/pre/")
    expect(tab.page.get_by_role("heading", level=1)).to_have_text(classroom["pre_test"].title)


def answer_offline(tab: Tab, classroom) -> dict:
    """Online: one answer saved. Offline: three more, and a sentence, kept on the tablet."""
    page = tab.page
    single, true_false, multiple, scale, text = (c.id for c in classroom["pre_test"].questions)
    status = page.locator("[data-offline-status]")

    def tap_choice(question_id, index):
        page.locator(f"[data-question='{question_id}'] label.choice").nth(index).tap()

    tap_choice(single, 0)
    expect(status).to_have_text("Enregistré")
    page.context.set_offline(True)
    tap_choice(true_false, 1)
    tap_choice(multiple, 0)
    tap_choice(scale, 4)
    page.locator(f"[data-question='{text}'] textarea").fill("Un atelier de couture à Bamako")
    expect(status).to_contain_text("Hors ligne")
    tab.wait_for_drafts()
    return {
        single: 0,
        true_false: False,
        multiple: [0],
        scale: 5,
        text: "Un atelier de couture à Bamako",
    }


def stored_text(page) -> str:
    return page.evaluate(
        "Object.keys(localStorage).map(function (k) { return k + '=' + localStorage[k]; })"
        ".join('\\n')"
    )


def test_signing_out_offline_warns_then_loses_nothing(tab: Tab, classroom):
    page = tab.page
    enrolment = classroom["enrolment"]
    sign_in(tab, classroom["trainee"])
    open_pre_test(tab, classroom)
    expected = answer_offline(tab, classroom)

    page.get_by_role("button", name="Ce n'est pas vous ? Se déconnecter").tap()

    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Vos réponses ne sont pas encore envoyées")
    tab.check("signout-1-warning")
    dialog.get_by_role("button", name="Attendre").tap()
    expect(dialog).to_be_hidden()
    expect(page.locator("textarea")).to_have_value("Un atelier de couture à Bamako")

    page.get_by_role("button", name="Ce n'est pas vous ? Se déconnecter").tap()
    page.get_by_role("dialog").get_by_role("button", name="Se déconnecter quand même").tap()
    expect(page.get_by_role("heading", name="Vous êtes déconnecté")).to_be_visible()
    assert "Bamako" not in page.content()
    assert "Bamako" not in stored_text(page)
    tab.check("signout-2-offline")
    assert Attempt.objects.get(enrolment=enrolment).answers == {next(iter(expected)): 0}

    page.context.set_offline(False)

    expect(page).to_have_url(tab.url("/accounts/trainee/"), timeout=15_000)
    page.wait_for_function(
        # A function, not an expression: Playwright eval()s expressions, which the CSP refuses.
        "() => !Object.keys(localStorage).some((k) => k.indexOf('foras') === 0)",
        timeout=15_000,
    )
    assert Attempt.objects.get(enrolment=enrolment).answers == expected
    tab.assert_stayed_local()


def test_an_idle_sign_out_keeps_answers_from_the_next_trainee_and_delivers_them(
    tab: Tab, classroom, settings
):
    settings.TRAINEE_IDLE_SECONDS = 8
    page = tab.page
    enrolment, classmate = classroom["enrolment"], classroom["classmate"]
    sign_in(tab, classroom["trainee"])
    open_pre_test(tab, classroom)
    expected = answer_offline(tab, classroom)

    # Nobody touches the tablet: the warning, then the sign-out.
    expect(page.locator("[data-idle-warning]")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("heading", name="Vous êtes déconnecté")).to_be_visible(timeout=10_000)
    assert "Bamako" not in page.content()
    assert "Bamako" not in stored_text(page)

    # The network is back, but the server cannot take the answers yet.
    page.route("**/learn/deliver/", lambda route: route.abort())
    page.context.set_offline(False)
    expect(page).to_have_url(tab.url("/accounts/trainee/"), timeout=15_000)
    sign_in(tab, classmate)
    open_pre_test(tab, classroom, classmate.enrolments.get())
    tab.check("idle-1-next-trainee")
    assert "Bamako" not in page.content()
    assert "Awa" not in page.content()
    assert page.locator("input:checked").count() == 0
    expect(page.locator("textarea")).to_have_value("")
    stored = stored_text(page)
    assert "foras-outbox:" in stored, "the first trainee's answers wait on the tablet"
    assert "Bamako" not in stored and "couture" not in stored
    assert Attempt.objects.get(enrolment=enrolment).answers == {next(iter(expected)): 0}

    # The server takes them again: they leave from the next trainee's page, unseen.
    page.unroute("**/learn/deliver/")
    page.wait_for_function(
        "() => !Object.keys(localStorage).some(function (k) {"
        " return k.indexOf('foras-outbox:' + document.querySelector('form[data-assessment]')"
        ".dataset.owner) !== 0 && k.indexOf('foras-outbox:') === 0; })",
        timeout=15_000,
    )
    assert Attempt.objects.get(enrolment=enrolment).answers == expected
    assert Attempt.objects.get(enrolment=classmate.enrolments.get()).answers == {}

    # The first trainee comes back, online, and finds every answer.
    settings.TRAINEE_IDLE_SECONDS = 15 * 60
    page.get_by_role("button", name="Ce n'est pas vous ? Se déconnecter").tap()
    expect(page).to_have_url(tab.url("/accounts/trainee/"))
    sign_in(tab, classroom["trainee"])
    open_pre_test(tab, classroom)
    expect(page.locator("textarea")).to_have_value("Un atelier de couture à Bamako")
    assert page.locator("input:checked").count() == 4
    tab.assert_stayed_local()


def test_a_test_page_reloaded_offline_comes_back_with_its_answers(tab: Tab, classroom):
    page = tab.page
    sign_in(tab, classroom["trainee"])
    open_pre_test(tab, classroom)
    tab.wait_for_worker()
    page.reload()  # now under the service worker, which keeps a copy
    expect(page.get_by_role("heading", level=1)).to_have_text(classroom["pre_test"].title)
    # The copy is written by the worker once the page has come: wait for it before going
    # offline (tests/e2e/test_cv_builder.py does the same).
    tab.wait_for_copy("foras-pages")
    answer_offline(tab, classroom)
    # Had the reload reached the server, the page would show this title.
    Assessment.objects.filter(pk=classroom["pre_test"].pk).update(title="Changé entre-temps")

    tab.reload_offline()

    expect(page.get_by_role("heading", level=1)).to_have_text(classroom["pre_test"].title)
    expect(page.locator("textarea")).to_have_value("Un atelier de couture à Bamako")
    assert page.locator("input:checked").count() == 4
    expect(page.locator("[data-offline-status]")).to_contain_text("Hors ligne")
    tab.check("reload-offline")

    page.context.set_offline(False)
    expect(page.locator("[data-offline-status]")).to_have_text("Enregistré", timeout=15_000)
    attempt = Attempt.objects.get(enrolment=classroom["enrolment"])
    assert attempt.answers[classroom["pre_test"].questions[4].id] == (
        "Un atelier de couture à Bamako"
    )


def test_answers_come_back_into_a_copy_of_the_page_rendered_at_another_time(tab: Tab, classroom):
    """The worker's copy is often another render than the page on screen (on a first visit
    the page asks for it once loaded), and each render signs its delivery token at its own
    second: the answers kept on the tablet must open in the copy all the same."""
    page = tab.page
    sign_in(tab, classroom["trainee"])
    open_pre_test(tab, classroom)
    tab.wait_for_worker()
    page.wait_for_timeout(1100)  # the next render signs its token a second later
    asked = page.evaluate("Date.now()")
    page.evaluate(
        "async () => (await navigator.serviceWorker.ready).active"
        ".postMessage({ keep: window.location.pathname })"
    )
    tab.wait_for_copy("foras-pages", kept_since=asked)
    answer_offline(tab, classroom)

    tab.reload_offline()

    expect(page.locator("textarea")).to_have_value("Un atelier de couture à Bamako")
    assert page.locator("input:checked").count() == 4
    page.context.set_offline(False)
    expect(page.locator("[data-offline-status]")).to_have_text("Enregistré", timeout=15_000)


def test_sending_with_unanswered_questions_asks_first(tab: Tab, classroom):
    page = tab.page
    sign_in(tab, classroom["trainee"])
    open_pre_test(tab, classroom)
    single = classroom["pre_test"].questions[0].id
    page.locator(f"[data-question='{single}'] label.choice").first.tap()
    expect(page.locator("[data-offline-status]")).to_have_text("Enregistré")

    page.get_by_role("button", name="Envoyer mes réponses").tap()

    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("4 questions sans réponse. Envoyer quand même ?")
    tab.check("unanswered-1-dialog")
    dialog.get_by_role("button", name="Revenir aux questions").tap()
    expect(dialog).to_be_hidden()
    assert Attempt.objects.get(enrolment=classroom["enrolment"]).submitted_at is None

    page.get_by_role("button", name="Envoyer mes réponses").tap()
    page.get_by_role("dialog").get_by_role("button", name="Envoyer quand même").tap()

    expect(page.get_by_text("Test de début de formation : envoyé")).to_be_visible()
    attempt = Attempt.objects.get(enrolment=classroom["enrolment"])
    assert attempt.submitted_at is not None
    assert attempt.answers == {single: 0}
