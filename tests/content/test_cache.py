"""Anonymous readers get guides from the page cache, never out of date, always compressed."""

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from content.models import CountryGuidePage, OrientationPoint
from tests.content.factories import french_guide, publish

pytestmark = pytest.mark.django_db

COMPRESSED_GUIDE_BUDGET = 30 * 1024


def count_queries(client, path: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return len(queries), response


def change_without_publishing(guide, summary: str) -> None:
    """A database change no cache invalidation hears about: only a cached copy hides it."""
    CountryGuidePage.objects.filter(pk=guide.pk).update(summary=summary)


def test_a_second_anonymous_visit_is_served_from_the_cache(client):
    first, _ = count_queries(client, "/fr/guides/mali/")

    second, response = count_queries(client, "/fr/guides/mali/")

    assert response.status_code == 200
    # Routing still reads the tree (and counts scans); rendering is skipped entirely.
    assert second < first
    assert second <= 10


def test_a_cached_guide_shows_what_was_cached(client):
    guide = french_guide()
    client.get("/fr/guides/mali/")
    change_without_publishing(guide, "Résumé jamais publié")

    html = client.get("/fr/guides/mali/").content.decode()

    assert escape(guide.summary) in html
    assert "Résumé jamais publié" not in html


def test_a_cached_guide_says_it_may_be_kept_briefly(client):
    client.get("/fr/guides/mali/")

    response = client.get("/fr/guides/mali/")

    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_publishing_a_change_shows_it_at_once_to_anonymous_readers(client):
    client.get("/fr/guides/mali/")

    publish(french_guide(), summary="Nouveau résumé publié à l'instant.")

    html = client.get("/fr/guides/mali/").content.decode()
    assert escape("Nouveau résumé publié à l'instant.") in html


def test_publishing_a_guide_refreshes_the_guide_index_too(client):
    client.get("/fr/guides/")

    publish(french_guide(), slug="mali-nouvelle-edition")

    html = client.get("/fr/guides/").content.decode()
    assert 'href="/fr/guides/mali-nouvelle-edition/"' in html
    assert 'href="/fr/guides/mali/"' not in html


def test_changing_an_orientation_point_refreshes_the_orientation_page(client):
    client.get("/fr/ou-nous-trouver/")
    point = OrientationPoint.objects.get(city="Oujda")
    point.opening_hours = "Le jeudi de 9 h à 12 h"
    point.save()

    html = client.get("/fr/ou-nous-trouver/").content.decode()

    assert "Le jeudi de 9 h à 12 h" in html


def test_a_signed_in_user_is_never_served_the_anonymous_cached_page(client, editor):
    guide = french_guide()
    client.get("/fr/guides/mali/")
    change_without_publishing(guide, "Résumé vu par l'équipe")
    client.force_login(editor)

    response = client.get("/fr/guides/mali/")

    assert escape("Résumé vu par l'équipe") in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


def test_a_signed_in_visit_does_not_fill_the_anonymous_cache(client, editor):
    client.force_login(editor)
    client.get("/fr/guides/mali/")
    client.logout()
    change_without_publishing(french_guide(), "Résumé après la visite de l'équipe")

    html = client.get("/fr/guides/mali/").content.decode()

    assert escape("Résumé après la visite de l'équipe") in html


def test_each_language_has_its_own_cached_copy(client):
    client.get("/fr/guides/mali/")

    html = client.get("/en/guides/mali/").content.decode()

    assert "<h1>Reintegration guide: Mali</h1>" in html


def test_a_query_string_other_than_the_scan_marker_is_not_cached(client):
    guide = french_guide()
    client.get("/fr/guides/mali/?utm_source=flyer")
    change_without_publishing(guide, "Résumé frais")

    assert "Résumé frais" in client.get("/fr/guides/mali/?utm_source=flyer").content.decode()
    assert "Résumé frais" in client.get("/fr/guides/mali/").content.decode()


def test_guides_are_served_compressed_within_budget(client):
    for _ in range(2):  # rendered, then from the cache
        response = client.get("/fr/guides/mali/", HTTP_ACCEPT_ENCODING="gzip")

        assert response["Content-Encoding"] == "gzip"
        assert len(response.content) < COMPRESSED_GUIDE_BUDGET
        assert b"Guide de r\xc3\xa9int\xc3\xa9gration : Mali" in gzip.decompress(response.content)


def test_the_cached_copy_is_not_served_compressed_to_a_reader_who_cannot_unzip(client):
    client.get("/fr/guides/mali/", HTTP_ACCEPT_ENCODING="gzip")

    response = client.get("/fr/guides/mali/")

    assert not response.has_header("Content-Encoding")
    assert b"<h1>Guide de r\xc3\xa9int\xc3\xa9gration : Mali</h1>" in response.content
    assert "Accept-Encoding" in response["Vary"]


def test_a_page_cached_for_one_host_name_is_not_served_to_another(client):
    client.get("/fr/guides/mali/print/", HTTP_HOST="localhost")

    response = client.get("/fr/guides/mali/print/")

    assert "http://testserver/g/ml/" in response.content.decode()
    assert "http://localhost/g/ml/" not in response.content.decode()


def test_a_page_cached_over_http_is_not_served_over_https(client):
    client.get("/fr/guides/mali/")

    response = client.get("/fr/guides/mali/", secure=True)

    assert 'href="https://testserver/fr/guides/mali/"' in response.content.decode()
