"""Scans of printed QR codes are counted, and only editors see the counts."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Permission
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.html import escape

from content.models import CountryGuidePage, PageScan
from tests.content.factories import english_guide, french_guide

pytestmark = pytest.mark.django_db

QR_ADMIN_VIEWS = ["content_page_qr", "content_page_qr_svg", "content_page_poster"]


def sign_in_url(next_url: str) -> str:
    """Where the admin sends someone who must sign in first."""
    login = getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")
    return f"{resolve_url(login)}?next={next_url}"


def test_a_scan_increments_the_count(client):
    guide = french_guide()

    client.get("/fr/guides/mali/?qr=1")
    client.get("/fr/guides/mali/?qr=1")

    assert PageScan.objects.total_for(guide) == 2


def test_a_visit_without_the_marker_is_not_a_scan(client):
    guide = french_guide()

    response = client.get("/fr/guides/mali/")

    assert response.status_code == 200
    assert PageScan.objects.total_for(guide) == 0


def test_a_scan_served_from_the_page_cache_still_counts(client):
    guide = french_guide()
    client.get("/fr/guides/mali/")  # fills the page cache
    # A change that bypasses publishing: only a cached copy still shows the old summary.
    CountryGuidePage.objects.filter(pk=guide.pk).update(summary="Résumé jamais publié")

    response = client.get("/fr/guides/mali/?qr=1")

    assert escape(guide.summary) in response.content.decode()
    assert PageScan.objects.total_for(guide) == 1


def test_scans_are_counted_per_page_and_language(client):
    client.get("/fr/guides/mali/?qr=1")
    client.get("/en/guides/mali/?qr=1")
    client.get("/en/guides/mali/?qr=1")

    assert PageScan.objects.total_for(french_guide()) == 1
    assert PageScan.objects.total_for(english_guide()) == 2


def test_a_scan_of_a_missing_page_counts_nothing(client):
    response = client.get("/fr/guides/atlantide/?qr=1")

    assert response.status_code == 404
    assert not PageScan.objects.exists()


def test_the_qr_admin_page_shows_the_scan_count_to_the_editor(client, editor):
    guide = french_guide()
    for _ in range(3):
        client.get("/fr/guides/mali/?qr=1")
    client.force_login(editor)

    response = client.get(reverse("content_page_qr", args=[guide.id]))

    assert response.status_code == 200
    assert "3 scans au total" in response.content.decode()
    assert "http://testserver/fr/guides/mali/?qr=1" in response.content.decode()


def test_the_scan_report_lists_scanned_pages_most_scanned_first(client, editor):
    client.get("/fr/guides/mali/?qr=1")
    for _ in range(2):
        client.get("/fr/guides/senegal/?qr=1")
    client.force_login(editor)

    response = client.get(reverse("content_scan_report"))

    assert response.status_code == 200
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    ]
    assert rows == [
        ["Guide de réintégration : Sénégal", "fr", "2"],
        ["Guide de réintégration : Mali", "fr", "1"],
    ]


@pytest.mark.parametrize("view_name", QR_ADMIN_VIEWS)
def test_anonymous_visitors_are_sent_to_sign_in_for_qr_admin_views(client, view_name):
    url = reverse(view_name, args=[french_guide().id])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == sign_in_url(url)


def test_anonymous_visitors_are_sent_to_sign_in_for_the_scan_report(client):
    url = reverse("content_scan_report")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == sign_in_url(url)


@pytest.mark.parametrize("view_name", [*QR_ADMIN_VIEWS, "content_scan_report"])
def test_a_user_without_admin_access_gets_nothing(client, outsider, view_name):
    client.get("/fr/guides/mali/?qr=1")
    client.force_login(outsider)
    args = [] if view_name == "content_scan_report" else [french_guide().id]
    url = reverse(view_name, args=args)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == sign_in_url(url)
    assert "scan" not in response.content.decode()


@pytest.mark.parametrize("view_name", QR_ADMIN_VIEWS)
def test_a_staff_member_who_may_not_edit_the_page_is_refused(client, django_user_model, view_name):
    staff = django_user_model.objects.create_user(username="reader", password=None)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    response = client.get(reverse(view_name, args=[french_guide().id]))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
