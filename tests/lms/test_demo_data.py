"""The demo content (lms/demo/): the public site, the training catalogue and the assessments,
read from the data files in French and English, and loaded again without changing anything.

The public site is the suite's base data (tests/conftest.py); the catalogue and assessments are
loaded once for this module. The demo people are tested in test_demo_people.py, the seed_demo
command in test_demo_command.py, the data files themselves in test_demo_files.py.
"""

import pytest
from django.db import transaction
from wagtail.models import Locale, Page, Revision

from content.countries import Country
from content.models import (
    CountryGuidePage,
    GuideIndexPage,
    HomePage,
    OrientationPoint,
    OrientationPointsPage,
)
from courses.models import Assessment, AssessmentKind, LessonPage, ModulePage
from lms import demo


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content without the people (public site, modules, days, assessments), loaded
    once for this module; each test still runs in its own transaction, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo.load(demo.CONTENT)
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "orientation points": OrientationPoint.objects.count(),
        "assessments": Assessment.objects.count(),
    }


def module(code: str, language: str = "fr") -> ModulePage:
    return ModulePage.objects.get(code=code, locale__language_code=language)


# --- Loading again ------------------------------------------------------------------------------


def test_loading_the_public_site_again_changes_nothing():
    before = counts()

    demo.load_public_site()

    assert counts() == before


def test_loading_the_content_again_changes_nothing():
    before = counts()

    demo.load(demo.CONTENT)

    assert counts() == before
    assert before["assessments"] == 8  # (test + survey) × (dp, ec) × (fr, en)


def test_loading_the_content_leaves_an_editors_change_alone():
    guide = CountryGuidePage.objects.get(country="ml", locale__language_code="fr")
    guide.summary = "Résumé revu par l'équipe."
    guide.save_revision().publish()

    demo.load(demo.CONTENT)

    guide.refresh_from_db()
    assert guide.summary == "Résumé revu par l'équipe."


@pytest.mark.parametrize(
    ("model", "new_slug"),
    [(GuideIndexPage, "guides-pays"), (OrientationPointsPage, "nos-points-d-orientation")],
)
def test_loading_the_public_site_keeps_a_section_an_editor_renamed(model, new_slug):
    section = model.objects.get(locale__language_code="fr")
    section.slug = new_slug
    section.save_revision().publish()
    before = counts()

    demo.load_public_site()

    assert counts() == before
    assert model.objects.get(locale__language_code="fr").slug == new_slug


def test_loading_the_content_keeps_the_tests_an_editor_set_on_a_module():
    dp = module("dp")
    dp.post_test = module("ec").pre_test
    dp.save_revision().publish()

    demo.load(demo.CONTENT)

    assert module("dp").post_test == module("ec").pre_test


def test_an_unknown_part_of_the_demo_is_refused():
    with pytest.raises(ValueError, match="cohortes"):
        demo.load({"site", "cohortes"})


# --- The public site ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_there_is_a_live_guide_for_each_country_in_each_language(language):
    guides = CountryGuidePage.objects.live().filter(locale__language_code=language)

    assert sorted(guides.values_list("country", flat=True)) == sorted(Country.values)


def test_there_are_the_three_orientation_points():
    cities = OrientationPoint.objects.values_list("city", flat=True)

    assert sorted(cities) == ["Casablanca", "Oujda", "Rabat"]


def test_the_demo_orientation_points_are_marked_as_samples():
    assert not OrientationPoint.objects.filter(is_sample=False).exists()


@pytest.mark.parametrize(
    ("path", "figures"),
    [("/fr/", ["502", "217", "11 300+"]), ("/en/", ["502", "217", "11,300+"])],
)
def test_the_home_page_shows_the_key_figures(client, path, figures):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    for figure in figures:
        assert f"<strong>{figure}</strong>" in html


def test_the_key_figures_name_their_source():
    home = HomePage.objects.get(locale__language_code="fr")

    figures = {block.value["figure"]: block.value for block in home.key_figures}

    assert figures["502"]["source"] == "Rapport annuel AVRR 2022"
    assert figures["502"]["year"] == "2022"
    assert figures["1 500"]["source"] == "Dépliant FORAS II"


def test_the_home_page_is_the_default_sites_root():
    home = HomePage.objects.get(locale__language_code="fr")

    assert home.get_site().root_page_id == home.id
    assert HomePage.objects.count() == 2


def test_the_guides_say_their_text_is_a_sample(client):
    html = client.get("/fr/guides/togo/").content.decode()

    assert "Contenu d&#x27;exemple" in html or "Contenu d'exemple" in html


@pytest.mark.parametrize(
    ("language", "languages_spoken"),
    [
        ("fr", "Bambara et autres langues nationales, français"),
        ("en", "Bambara and other national languages, French"),
    ],
)
def test_a_guide_shows_its_own_countrys_key_facts(language, languages_spoken):
    guide = CountryGuidePage.objects.get(country="ml", locale__language_code=language)
    blocks = {block.block_type: block.value for block in guide.body}

    facts = [fact["value"] for fact in blocks["key_facts"]["facts"]]

    assert facts == ["Bamako", languages_spoken, "Franc CFA (XOF)", "+223"]
    assert blocks["contact_card"]["address"] == "Bamako"


def test_the_guides_end_with_a_disclaimer_callout():
    guide = CountryGuidePage.objects.get(country="sn", locale__language_code="fr")

    last = guide.body[-1]

    assert last.block_type == "disclaimer"
    assert last.value["kind"] == "note"
    assert "n'ouvrent aucun droit" in last.value["text"].source


# --- The training catalogue ---------------------------------------------------------------------


def test_there_are_the_four_modules_with_their_days_in_french_and_english():
    for language in ("fr", "en"):
        modules = ModulePage.objects.live().filter(locale__language_code=language)
        assert sorted(modules.values_list("code", flat=True)) == ["agri", "arti", "dp", "ec"]
        assert LessonPage.objects.live().filter(locale__language_code=language).count() == 24
    day_one = LessonPage.objects.child_of(module("dp")).get(day_number=1)
    assert day_one.title == "Bienvenue et mon projet de retour"
    assert [b.value["exercise"] for b in day_one.body if b.block_type == "exercise"] == ["pre_test"]
    day_ten = LessonPage.objects.child_of(module("dp")).get(day_number=10)
    assert [b.value["exercise"] for b in day_ten.body if b.block_type == "exercise"] == [
        "post_test",
        "survey",
    ]
    english = day_one.get_translation(Locale.objects.get(language_code="en"))
    assert english.title == "Welcome and my return project"
    assert english.slug == "day-1"


def exercise_links(lesson: LessonPage) -> list[str]:
    return [block.value["exercise"] for block in lesson.body if block.block_type == "exercise"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_days_that_write_the_cv_and_the_plan_link_to_them(language):
    """The CV on day 8 of Développement personnel; the business plan on days 6 to 10 of
    Entrepreneuriat, the pitch of day 10 included (curriculum.md §4)."""
    personal = {
        lesson.day_number: exercise_links(lesson)
        for lesson in LessonPage.objects.child_of(module("dp", language))
    }
    entrepreneurship = {
        lesson.day_number: exercise_links(lesson)
        for lesson in LessonPage.objects.child_of(module("ec", language))
    }

    assert [day for day, links in personal.items() if "cv" in links] == [8]
    assert sorted(day for day, links in entrepreneurship.items() if "business_plan" in links) == [
        6,
        7,
        8,
        9,
        10,
    ]
    assert entrepreneurship[10] == ["business_plan", "post_test", "survey"]
    # So a business plan is had in Entrepreneuriat only (courses/models/pages.py).
    offering = ModulePage.objects.filter(locale__language_code=language).offering_exercise("plan")
    assert list(offering.values_list("code", flat=True)) == ["ec"]


def test_a_demo_day_has_its_activity_and_tip_between_sample_texts():
    day = LessonPage.objects.child_of(module("dp")).get(day_number=2)

    assert [block.block_type for block in day.body] == ["text", "activity", "tip", "text"]
    intro, activity, tip, _recap = (block.value for block in day.body)
    assert intro.source.startswith("<p>(exemple) Aujourd'hui : Se connaître, l'estime de soi.")
    assert activity["title"] == "« L'arbre des réussites »"
    assert tip["kind"] == "tip"
    assert tip["text"].source == (
        "<p>Une réussite peut être petite : apprendre une langue, aider un ami.</p>"
    )
    assert (
        day.objectives
        == "<ul><li>Nommer ses forces, ses valeurs et ses réussites passées</li></ul>"
    )


# --- The assessments ----------------------------------------------------------------------------


def test_each_ten_day_module_has_a_15_question_test_and_the_survey_in_french_and_english():
    for page in ModulePage.objects.filter(code__in=["dp", "ec"]):
        test, survey = page.pre_test, page.survey
        assert page.post_test == test
        assert test.locale == survey.locale == page.locale
        assert len(test.questions) == 15
        assert {q.block_type for q in test.questions} == {
            "single_choice",
            "true_false",
            "multiple_choice",
        }
        assert [q.block_type for q in survey.questions].count("scale") == 11
        assert [q.block_type for q in survey.questions].count("open") == 2
        assert (
            sum(bool(q.value["overall"]) for q in survey.questions if q.block_type == "scale") == 1
        )
        for assessment in (test, survey):
            french, english = (
                Assessment.objects.get(
                    translation_key=assessment.translation_key, locale__language_code=language
                )
                for language in ("fr", "en")
            )
            assert [q.id for q in english.questions] == [q.id for q in french.questions]
            assert english.questions[0].value["text"] != french.questions[0].value["text"]


def test_the_demo_tests_keep_the_fixed_ids_of_their_data_files():
    test = module("dp").pre_test

    first = test.questions[0]

    assert str(test.translation_key) == "4c5c3e72-760e-5deb-8573-de0ae56f9dc2"
    assert first.id == "1a305c1f-61ae-501e-914c-8dadf9b7b7d8"
    assert [choice["correct"] for choice in first.value["choices"]] == [True, False, False]
    assert first.value["points"] == 1


def test_each_module_has_its_own_copy_of_the_survey():
    dp, ec = module("dp").survey, module("ec").survey

    assert dp != ec
    assert dp.kind == ec.kind == AssessmentKind.SURVEY
    assert dp.title == "Questionnaire de satisfaction — Développement personnel"
    assert [q.id for q in dp.questions] == [q.id for q in ec.questions]
    assert {q.value["points"] for q in dp.questions} == {0}
