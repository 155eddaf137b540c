"""A page behind a view restriction is never kept in the anonymous page cache.

Wagtail serves a password-protected page only to a reader who typed the password (it is kept
in their session): a copy cached then would be handed to every later reader, password or not.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from content.models import CountryGuidePage
from tests.content.factories import french_guide, french_guide_index

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-du-guide"


def protect(page, **kwargs) -> PageViewRestriction:
    kwargs.setdefault("restriction_type", PageViewRestriction.PASSWORD)
    kwargs.setdefault("password", PASSWORD)
    return PageViewRestriction.objects.create(page=page, **kwargs)


def type_the_password(client, restriction, next_url: str):
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id]
    )
    response = client.post(url, {"password": PASSWORD, "return_url": next_url})
    assert response.status_code == 302, "the password was refused"
    return response


def asks_for_the_password(response) -> bool:
    return response.status_code == 200 and b'name="password"' in response.content


def shows_the_guide(response) -> bool:
    return response.status_code == 200 and b'name="password"' not in response.content


def change_without_publishing(guide, summary: str) -> None:
    CountryGuidePage.objects.filter(pk=guide.pk).update(summary=summary)


@pytest.mark.parametrize("suffix", ["", "print/", "pdf/"])
def test_a_page_opened_with_its_password_is_not_served_to_the_next_reader(client, suffix):
    guide = french_guide()
    restriction = protect(guide)
    path = f"/fr/guides/mali/{suffix}"
    type_the_password(client, restriction, path)
    assert shows_the_guide(client.get(path))

    next_reader = Client()

    assert asks_for_the_password(next_reader.get(path))


def test_a_page_under_a_protected_section_is_not_cached_either(client):
    restriction = protect(french_guide_index())
    type_the_password(client, restriction, "/fr/guides/mali/")
    assert shows_the_guide(client.get("/fr/guides/mali/"))

    assert asks_for_the_password(Client().get("/fr/guides/mali/"))


def test_a_page_opened_with_its_password_is_always_rendered_afresh(client):
    guide = french_guide()
    type_the_password(client, protect(guide), "/fr/guides/mali/")
    client.get("/fr/guides/mali/")
    change_without_publishing(guide, "Résumé du jour")

    response = client.get("/fr/guides/mali/")

    assert escape("Résumé du jour") in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_page_for_signed_in_readers_is_not_cached(client, editor):
    protect(french_guide(), restriction_type=PageViewRestriction.LOGIN, password="")
    client.force_login(editor)
    assert shows_the_guide(client.get("/fr/guides/mali/"))

    response = Client().get("/fr/guides/mali/")

    assert response.status_code == 302


def test_a_page_for_one_group_is_not_cached(client, editor):
    restriction = protect(french_guide(), restriction_type=PageViewRestriction.GROUPS, password="")
    restriction.groups.set(Group.objects.filter(name="Editors"))
    client.force_login(editor)
    assert shows_the_guide(client.get("/fr/guides/mali/"))

    assert Client().get("/fr/guides/mali/").status_code == 302


def test_protecting_a_cached_page_takes_it_out_of_the_cache_at_once(client):
    assert shows_the_guide(client.get("/fr/guides/mali/"))

    protect(french_guide())

    assert asks_for_the_password(client.get("/fr/guides/mali/"))


def test_an_unrestricted_guide_is_still_cached(client):
    guide = french_guide()
    client.get("/fr/guides/mali/")
    change_without_publishing(guide, "Jamais publié")

    assert "Jamais publié" not in client.get("/fr/guides/mali/").content.decode()
