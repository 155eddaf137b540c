"""Printed short links /g/<iso2>/ lead to the guide in the reader's language, whatever happens."""

import pytest
from django.urls import reverse

from content.countries import Country
from content.models import GuideIndexPage
from tests.content.factories import english_guide, french_guide, french_home, publish

pytestmark = pytest.mark.django_db

GUIDE_SLUGS = {
    "bf": ("burkina-faso", "burkina-faso"),
    "cm": ("cameroun", "cameroon"),
    "ci": ("cote-divoire", "cote-divoire"),
    "gn": ("guinee", "guinea"),
    "cd": ("republique-democratique-du-congo", "democratic-republic-of-the-congo"),
    "ml": ("mali", "mali"),
    "sn": ("senegal", "senegal"),
    "tg": ("togo", "togo"),
}


def test_every_country_of_the_programme_has_a_short_link():
    assert sorted(GUIDE_SLUGS) == sorted(Country.values)
    assert reverse("guide_short_link", args=["ml"]) == "/g/ml/"


@pytest.mark.parametrize("code", sorted(GUIDE_SLUGS))
def test_a_short_link_opens_the_french_guide_for_a_french_reader(client, code):
    response = client.get(f"/g/{code}/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == f"/fr/guides/{GUIDE_SLUGS[code][0]}/"


@pytest.mark.parametrize("code", sorted(GUIDE_SLUGS))
def test_a_short_link_opens_the_english_guide_for_an_english_reader(client, code):
    response = client.get(f"/g/{code}/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == f"/en/guides/{GUIDE_SLUGS[code][1]}/"


def test_a_reader_of_another_language_gets_the_french_guide(client):
    response = client.get("/g/sn/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response["Location"] == "/fr/guides/senegal/"


def test_a_short_link_accepts_an_upper_case_code(client):
    assert client.get("/g/ML/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/guides/mali/"


def test_an_english_reader_gets_the_french_guide_when_the_translation_is_unpublished(client):
    english_guide().unpublish()

    response = client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Location"] == "/fr/guides/mali/"


def test_a_short_link_follows_a_renamed_guide(client):
    publish(french_guide(), slug="mali-retour")

    response = client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response["Location"] == "/fr/guides/mali-retour/"
    assert client.get(response["Location"]).status_code == 200


def test_a_short_link_follows_a_guide_moved_to_another_index(client):
    home = french_home()
    new_index = GuideIndexPage(title="Guides 2027", slug="guides-2027", locale=home.locale)
    home.add_child(instance=new_index)
    new_index.save_revision().publish()

    french_guide().move(new_index, pos="last-child")

    response = client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/fr/guides-2027/mali/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(("language", "index_url"), [("fr", "/fr/guides/"), ("en", "/en/guides/")])
@pytest.mark.parametrize(
    "code",
    ["xx", "..", "fr", "x" * 2000, "ml%00", "%C3%A9", "<script>"],
    ids=["unknown", "dot-dot", "language", "very-long", "nul", "non-ascii", "markup"],
)
def test_an_unknown_code_leads_to_the_guide_index_of_the_readers_language(
    client, code, language, index_url
):
    response = client.get(f"/g/{code}/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 302
    assert response["Location"] == index_url


def test_a_country_without_a_published_guide_leads_to_the_guide_index(client):
    french_guide().unpublish()
    english_guide().unpublish()

    response = client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"] == "/en/guides/"


def test_a_short_link_answer_varies_with_the_readers_language(client):
    response = client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")

    assert "Accept-Language" in response["Vary"]
    assert "public" in response["Cache-Control"]
