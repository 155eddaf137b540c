"""seed_demo loads the demo programme and may be run again without changing anything."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from content.countries import Country
from content.demo import seed_content
from content.models import (
    CountryGuidePage,
    GuideIndexPage,
    HomePage,
    OrientationPoint,
    OrientationPointsPage,
)

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "orientation points": OrientationPoint.objects.count(),
    }


def test_seed_demo_is_idempotent():
    call_command("seed_demo")
    before = counts()

    call_command("seed_demo")

    assert counts() == before


def test_seeding_the_public_site_again_changes_nothing():
    before = counts()

    seed_content()

    assert counts() == before


def test_seed_demo_leaves_an_editors_change_alone():
    guide = CountryGuidePage.objects.get(country="ml", locale__language_code="fr")
    guide.summary = "Résumé revu par l'équipe."
    guide.save_revision().publish()

    call_command("seed_demo")

    guide.refresh_from_db()
    assert guide.summary == "Résumé revu par l'équipe."


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


def test_the_home_page_is_the_default_sites_root():
    home = HomePage.objects.get(locale__language_code="fr")

    assert home.get_site().root_page_id == home.id
    assert HomePage.objects.count() == 2


def test_the_guides_say_their_text_is_a_sample(client):
    html = client.get("/fr/guides/togo/").content.decode()

    assert "Contenu d&#x27;exemple" in html or "Contenu d'exemple" in html


@pytest.mark.parametrize(
    ("model", "new_slug"),
    [(GuideIndexPage, "guides-pays"), (OrientationPointsPage, "nos-points-d-orientation")],
)
def test_seed_demo_keeps_a_section_an_editor_renamed(model, new_slug):
    call_command("seed_demo")
    section = model.objects.get(locale__language_code="fr")
    section.slug = new_slug
    section.save_revision().publish()
    before = counts()

    call_command("seed_demo")

    assert counts() == before
    assert model.objects.get(locale__language_code="fr").slug == new_slug
