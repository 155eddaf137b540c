"""The language switcher keeps the reader on the same guide, in the same version."""

import pytest
from bs4 import BeautifulSoup

from tests.content.factories import english_guide

pytestmark = pytest.mark.django_db


def switcher_links(response) -> dict[str, str]:
    """The language switcher's links of a page, by language code."""
    soup = BeautifulSoup(response.content, "html.parser")
    links = soup.select("nav.lang a[hreflang]")
    return {link["hreflang"]: link["href"] for link in links}


def print_links(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {link["hreflang"]: link["href"] for link in soup.select("nav.lang a[hreflang]")}


def test_the_english_link_of_a_french_guide_opens_the_english_guide(client):
    response = client.get("/fr/guides/mali/")

    assert response.status_code == 200
    assert switcher_links(response) == {"fr": "/fr/guides/mali/", "en": "/en/guides/mali/"}


def test_the_french_link_of_an_english_guide_opens_the_french_guide(client):
    response = client.get("/en/guides/guinea/")

    assert response.status_code == 200
    assert switcher_links(response) == {"fr": "/fr/guides/guinee/", "en": "/en/guides/guinea/"}


def test_the_current_language_is_marked_in_the_switcher(client):
    soup = BeautifulSoup(client.get("/en/guides/mali/").content, "html.parser")

    current = soup.select("nav.lang a[aria-current]")
    assert [link["hreflang"] for link in current] == ["en"]
    assert soup.html["lang"] == "en"


@pytest.mark.parametrize(
    ("path", "other"),
    [
        ("/fr/guides/mali/print/", ("en", "/en/guides/mali/print/")),
        ("/en/guides/mali/print/", ("fr", "/fr/guides/mali/print/")),
    ],
)
def test_the_print_version_links_to_the_other_languages_print_version(client, path, other):
    response = client.get(path)

    assert response.status_code == 200
    language, url = other
    assert print_links(response)[language] == url


def test_an_untranslated_guide_links_to_the_other_languages_home(client):
    english_guide().unpublish()

    response = client.get("/fr/guides/mali/")

    assert switcher_links(response)["en"] == "/en/"


def test_the_home_page_links_to_the_other_languages_home(client):
    assert switcher_links(client.get("/fr/")) == {"fr": "/fr/", "en": "/en/"}


def test_the_site_root_sends_the_visitor_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/fr/"
