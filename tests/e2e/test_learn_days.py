"""A trainee's day on the classroom tablet: the home's test cards, marking today's day done,
going on to the next day, which cannot be marked ahead of time; "Listen" says when the tablet
has no voice for the page's language."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cohorts.models import Cohort
from courses.models import Assessment, LessonPage, ModulePage
from learning.models import Attempt, LessonProgress
from lms.roles import Role
from tests.cohorts import factories
from tests.courses.factories import knowledge_questions
from tests.learning.factories import SubmittedAttemptFactory

from .browser import Tab, requires_chromium
from .test_assessment_offline import sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]

# The platform's today (Africa/Casablanca), not the machine's.
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)

# Speech synthesis as a tablet may have it: no voice at all, or a French one (recorded).
FAKE_SPEECH = """
(function (voices) {
  window.__spoken = [];
  var fake = {
    getVoices: function () { return voices; },
    speak: function (utterance) {
      window.__spoken.push([utterance.text, utterance.voice && utterance.voice.name]);
    },
    cancel: function () {},
    addEventListener: function () {},
    removeEventListener: function () {}
  };
  Object.defineProperty(window, "speechSynthesis", { value: fake, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})(%s);
"""


@pytest.fixture
def size():
    """The classroom tablet, held in portrait and used by touch."""
    return "tablet"


@pytest.fixture
def classroom(demo_site):
    trainer = factories.StaffFactory(email="trainer.days@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — jours", orientation_point__city="Rabat", trainers=[trainer]
    )
    # Started yesterday: today is day 2 of 3; the post-test opens on the last session day.
    Cohort.objects.filter(pk=cohort.pk).update(start_date=TODAY - DAY, end_date=TODAY + 11 * DAY)
    trainee = factories.TraineeFactory(cohort=cohort, display_name="Awa Jours", by=trainer)
    tests = {
        phase: Assessment.objects.create(
            title=title, kind=kind, questions=knowledge_questions() if kind != "survey" else []
        )
        for phase, title, kind in [
            ("pre_test", "Test de début", "knowledge"),
            ("post_test", "Test de fin", "knowledge"),
            ("survey", "Votre avis", "survey"),
        ]
    }
    ModulePage.objects.filter(pk=cohort.module.pk).update(**tests)
    module = ModulePage.objects.get(pk=cohort.module.pk)
    lessons = [
        module.add_child(
            instance=LessonPage(
                title=title,
                slug=f"jour-{day}",
                day_number=day,
                body=[("text", f"<p>Le texte du jour {day}.</p>")],
            )
        )
        for day, title in [(1, "Bienvenue"), (2, "Se connaître"), (3, "Mon projet")]
    ]
    return {"trainee": trainee, "enrolment": trainee.enrolments.get(), "lessons": lessons}


def test_the_home_cards_then_today_done_then_continue_to_a_day_not_yet_open(tab: Tab, classroom):
    page = tab.page
    page.add_init_script(FAKE_SPEECH % "[]")
    sign_in(tab, classroom["trainee"])

    cards = page.locator(".test-card")
    expect(cards).to_have_count(3)
    expect(cards.nth(0)).to_contain_text("À faire")
    expect(cards.nth(0).get_by_role("link", name="Commencer")).to_be_visible()
    expect(cards.nth(1)).to_contain_text("Pas encore ouvert")
    expect(cards.nth(1)).to_contain_text("Ouvre le")
    expect(cards.nth(2)).to_contain_text("Ouvre après le test de fin.")
    expect(page.locator(".days li").nth(2)).to_contain_text("À venir")
    tab.check("days-1-home-cards")

    page.get_by_role("link", name="Aujourd'hui : Jour 2 — Se connaître").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connaître")
    listen = page.locator("[data-listen]")
    expect(listen).to_be_visible()
    expect(listen).to_contain_text("Pas de voix pour le français sur cette tablette")
    expect(listen).to_have_attribute("aria-disabled", "true")
    page.get_by_role("button", name="Marquer comme terminé").tap()

    expect(page.get_by_text("Jour 2 terminé")).to_be_visible()
    go_on = page.get_by_role("link", name="Continuer : jour 3")
    expect(go_on).to_be_visible()
    tab.check("days-2-done-continue")
    assert LessonProgress.objects.filter(enrolment=classroom["enrolment"]).count() == 1

    go_on.tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon projet")
    expect(page.get_by_role("button", name="Marquer comme terminé")).to_have_count(0)
    expect(page.locator(".not-yet")).to_contain_text("pourra être marqué comme terminé")
    tab.check("days-3-not-yet")

    # Back to day 2: the mark can be undone.
    page.get_by_role("link", name="Jour 2").first.tap()
    page.get_by_role("button", name="Pas encore terminé").tap()
    expect(page.get_by_role("button", name="Marquer comme terminé")).to_be_visible()
    assert not LessonProgress.objects.filter(enrolment=classroom["enrolment"]).exists()
    tab.check("days-4-undone")
    tab.assert_stayed_local()


def test_listen_reads_the_lesson_with_a_voice_of_the_pages_language(tab: Tab, classroom):
    page = tab.page
    page.add_init_script(
        FAKE_SPEECH % '[{"lang": "en-GB", "name": "Anglais"}, {"lang": "fr-FR", "name": "Amélie"}]'
    )
    sign_in(tab, classroom["trainee"])
    tab.open(classroom["lessons"][0].url)

    listen = page.locator("[data-listen]")
    expect(listen).to_have_accessible_name("Écouter")
    listen.tap()

    expect(listen).to_have_attribute("aria-pressed", "true")
    spoken = page.evaluate("window.__spoken")
    assert ["Le texte du jour 1.", "Amélie"] in spoken
    assert {voice for _text, voice in spoken} == {"Amélie"}


def test_a_trainer_reopens_a_submitted_test_from_the_results_page(tab: Tab, classroom):
    page = tab.page
    enrolment = classroom["enrolment"]
    SubmittedAttemptFactory(enrolment=enrolment, score_percent=40)
    cohort = enrolment.cohort

    tab.open("/accounts/login/")
    page.locator("input[name=login]").fill("trainer.days@example.org")
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))
    tab.open(f"/admin/cohorts/{cohort.pk}/results/")

    form = page.locator("form.reopen-attempt")
    form.get_by_label("Test").select_option(label="Awa Jours — test de début — 40 %")
    form.get_by_label("Raison").fill("La tablette s'est éteinte")
    tab.check("days-5-reopen-form")
    form.get_by_role("button", name="Rouvrir le test").tap()

    expect(page.get_by_text("Le test de Awa Jours est rouvert")).to_be_visible()
    expect(page.locator("form.reopen-attempt")).to_have_count(0)  # nothing else to reopen
    tab.check("days-6-reopened")
    attempt = Attempt.objects.get(enrolment=enrolment)
    assert not attempt.is_submitted


@pytest.mark.parametrize("size", ["phone"])
def test_the_days_of_the_home_fit_a_cheap_phone(tab: Tab, classroom):
    # The demo module's longest titles: a word as long as "employabilité" beside its number and
    # "Aujourd'hui" once made the list 18 px wider than a 360 px phone.
    for lesson, title in zip(
        classroom["lessons"],
        [
            "Bienvenue et mon projet de retour",
            "Mes compétences et mon employabilité",
            "Se connaître, l'estime de soi",
        ],
        strict=True,
    ):
        LessonPage.objects.filter(pk=lesson.pk).update(title=title)
    sign_in(tab, classroom["trainee"])

    expect(tab.page.locator(".days li").nth(1)).to_contain_text("employabilité")
    tab.check("learn-home-phone")  # no element wider than the phone
