"""Short links are answered from the cache, and forget their target when guides change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.content.factories import french_guide, publish

pytestmark = pytest.mark.django_db


def page_queries(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "wagtailcore_page" in q["sql"]]


def test_a_short_link_asked_again_is_answered_without_reading_the_pages(client):
    first = client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")

    assert again["Location"] == first["Location"] == "/fr/guides/mali/"
    assert page_queries(queries) == []


def test_publishing_a_renamed_guide_renews_the_cached_target(client):
    assert client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/guides/mali/"

    publish(french_guide(), slug="mali-2027")

    assert client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/guides/mali-2027/"


def test_each_language_keeps_its_own_target(client):
    assert client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/guides/mali/"
    assert client.get("/g/ml/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/guides/mali/"
