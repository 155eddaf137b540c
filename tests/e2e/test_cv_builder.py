"""A trainee writes their CV on the classroom tablet: from the day's lesson to the builder,
one step at a time, picking skills by tapping pictures, adding a job, and watching the CV
take shape below as it is saved on the server."""

import pytest
from playwright.sync_api import expect

from courses.models import ModulePage
from learning.models import Document
from lms.roles import Role
from tests.cohorts import factories
from tests.courses.factories import lesson

from .browser import Tab, requires_chromium
from .test_assessment_offline import sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.fixture
def classroom(demo_site):
    trainer = factories.StaffFactory(email="trainer.cv@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — CV", orientation_point__city="Rabat", trainers=[trainer]
    )
    trainee = factories.TraineeFactory(cohort=cohort, display_name="Awa CV", by=trainer)
    module = ModulePage.objects.get(pk=cohort.module.pk)
    lesson(module, 1, "Mon CV", body=[("exercise", {"exercise": "cv", "text": "Écrire mon CV"})])
    return {"trainee": trainee, "enrolment": trainee.enrolments.get()}


@pytest.mark.parametrize("size", ["tablet"])
def test_a_trainee_builds_a_cv_step_by_step_and_sees_it_take_shape(tab: Tab, classroom):
    page = tab.page
    trainee, enrolment = classroom["trainee"], classroom["enrolment"]
    sign_in(tab, trainee)
    page.get_by_role("link", name="Aujourd'hui : Jour 1 — Mon CV").tap()
    page.get_by_role("link", name="Écrire mon CV").tap()
    expect(page).to_have_url(tab.url(f"/learn/cv/{enrolment.pk}/"))
    identity = page.locator("[data-cv-step=identity]")
    expect(identity).to_be_visible()
    expect(page.locator("[data-cv-step=objective]")).to_be_hidden()  # one step at a time
    tab.check("cv-1-first-step")

    page.get_by_label("Mon nom").fill("Awa Diarra")
    identity.get_by_role("link", name="Étape suivante").tap()
    page.get_by_label("Je cherche…").fill("Je cherche un travail de maçonne à Kayes.")
    steps = page.get_by_role("navigation", name="Les étapes de mon CV")
    steps.get_by_role("link", name="Ce que je sais faire").tap()
    skills = page.locator("[data-cv-step=skills]")
    skills.locator("label.cv-pick", has_text="Maçonnerie").tap()
    skills.locator("label.cv-pick", has_text="Travail en équipe").tap()
    steps.get_by_role("link", name="Mon expérience").tap()
    page.get_by_role("button", name="Ajouter un travail").tap()
    job = page.locator("[data-rows=experience] > [data-row]")
    job.get_by_label("Ce que j’ai fait").fill("Aide-maçonne sur des chantiers")
    job.get_by_label("Où (ville ou pays)").fill("Casablanca")
    job.get_by_label("Combien de temps, à peu près").select_option("1-2y")

    sheet = page.locator("[data-cv-sheet]")
    for shown in (
        "Awa Diarra",
        "Je cherche un travail de maçonne à Kayes.",
        "Maçonnerie",
        "Travail en équipe",
        "Aide-maçonne sur des chantiers",
        "1 à 2 ans",
    ):
        expect(sheet).to_contain_text(shown)
    expect(page.locator("[data-offline-status]")).to_have_text("Enregistré", timeout=15_000)
    tab.check("cv-2-filled")

    data = Document.objects.get(trainee=trainee, kind="cv").data
    assert data["name"] == "Awa Diarra"
    assert data["objective"] == "Je cherche un travail de maçonne à Kayes."
    assert data["skills"] == {"technical": ["masonry"], "personal": ["teamwork"]}
    assert data["experience"] == [
        {"what": "Aide-maçonne sur des chantiers", "where": "Casablanca", "how_long": "1-2y"}
    ]
    tab.assert_network_clean()


@pytest.mark.parametrize("size", ["phone"])
def test_the_builder_fits_a_phone(tab: Tab, classroom):
    sign_in(tab, classroom["trainee"])
    tab.open(f"/learn/cv/{classroom['enrolment'].pk}/#step-languages")
    tab.page.get_by_role("button", name="Ajouter une langue").tap()
    tab.check("cv-phone-languages")


@pytest.mark.parametrize("size", ["tablet"])
def test_a_cv_page_reloaded_offline_comes_back_with_what_was_typed(tab: Tab, classroom):
    page = tab.page
    trainee, enrolment = classroom["trainee"], classroom["enrolment"]
    sign_in(tab, trainee)
    tab.open(f"/learn/cv/{enrolment.pk}/")
    tab.wait_for_worker()
    page.reload()  # now under the service worker, which keeps a copy
    # The copy is written by the worker once the page has come: wait for it before the Wi-Fi
    # drops.
    tab.wait_for_copy("foras-pages")
    page.context.set_offline(True)
    page.get_by_label("Mon nom").fill("Awa Hors Ligne")
    status = page.locator("[data-offline-status]")
    expect(status).to_contain_text("Hors ligne")
    tab.wait_for_drafts()

    tab.reload_offline()

    expect(page.get_by_label("Mon nom")).to_have_value("Awa Hors Ligne")
    tab.check("cv-reload-offline")
    page.context.set_offline(False)
    expect(status).to_have_text("Enregistré", timeout=15_000)
    assert Document.objects.get(trainee=trainee, kind="cv").data["name"] == "Awa Hors Ligne"


@pytest.mark.parametrize("size", ["tablet"])
def test_a_trainee_with_photo_consent_puts_a_photo_on_the_cv(
    tab: Tab, classroom, settings, tmp_path
):
    import io

    from PIL import Image

    from cohorts.services import record_consent

    settings.MEDIA_ROOT = tmp_path
    page = tab.page
    trainee, enrolment = classroom["trainee"], classroom["enrolment"]
    record_consent(by=None, trainee=trainee, purpose="photos", granted=True)
    picture = io.BytesIO()
    Image.new("RGB", (1200, 900), (30, 110, 180)).save(picture, "JPEG")
    sign_in(tab, trainee)
    tab.open(f"/learn/cv/{enrolment.pk}/#step-photo")
    page.locator("#cv-photo-file").set_input_files(
        {"name": "moi.jpg", "mimeType": "image/jpeg", "buffer": picture.getvalue()}
    )
    page.get_by_role("button", name="Mettre cette photo").tap()

    shown = page.locator("img.cv-photo-shown")
    expect(shown).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.cv-photo-shown')]"
        ".every((image) => image.complete && image.naturalWidth > 0)"
    )
    tab.check("cv-photo")
    photo = Document.objects.get(trainee=trainee, kind="cv").photo
    with Image.open(photo.path) as kept:
        assert max(kept.size) <= 600
