"""A page's QR code, read by an independent decoder, opens the page and counts as a scan."""

import pytest
from django.urls import reverse

from content.qr import is_scan, scan_url
from content.wagtail_hooks import _qr_button
from tests.content.factories import english_guide, french_guide
from tests.content.pdfs import decode_qr_codes, svg_to_pdf
from tests.permissions import PERSONAS, answer, sign_in_as

pytestmark = pytest.mark.django_db

MALI_SCAN_URL = "http://testserver/fr/guides/mali/?qr=1"


@pytest.fixture(autouse=True)
def no_fixed_base_url(settings):
    # QR codes encode the request's host unless SITE_BASE_URL pins the printed address.
    settings.SITE_BASE_URL = ""


def test_the_qr_svg_decodes_to_the_page_url_with_its_scan_marker(client, editor):
    client.force_login(editor)

    response = client.get(reverse("content_page_qr_svg", args=[french_guide().id]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert decode_qr_codes(svg_to_pdf(response.content.decode())) == [MALI_SCAN_URL]


def test_the_qr_svg_is_offered_as_a_named_download(client, editor):
    client.force_login(editor)

    response = client.get(reverse("content_page_qr_svg", args=[french_guide().id]))

    assert response["Content-Disposition"] == (
        'attachment; filename="qr-guide-de-reintegration-mali.svg"'
    )


def test_the_english_guide_has_its_own_qr_code(client, editor):
    client.force_login(editor)

    response = client.get(reverse("content_page_qr_svg", args=[english_guide().id]))

    assert decode_qr_codes(svg_to_pdf(response.content.decode())) == [
        "http://testserver/en/guides/mali/?qr=1"
    ]


def test_the_scan_url_is_built_from_the_request_host(rf, settings):
    settings.ALLOWED_HOSTS = ["foras.example.org"]
    request = rf.get("/admin/", HTTP_HOST="foras.example.org")

    assert scan_url(french_guide(), request) == "http://foras.example.org/fr/guides/mali/?qr=1"


def test_a_fixed_site_base_url_is_printed_whatever_the_request_host(rf, settings):
    settings.SITE_BASE_URL = "https://foras.example.org"

    url = scan_url(french_guide(), rf.get("/admin/", HTTP_HOST="127.0.0.1"))

    assert url == "https://foras.example.org/fr/guides/mali/?qr=1"


@pytest.mark.parametrize(
    ("query", "counted"),
    [({"qr": "1"}, True), ({}, False), ({"qr": "0"}, False), ({"qr": "1' OR 1=1"}, False)],
)
def test_only_the_exact_scan_marker_is_a_scan(rf, query, counted):
    assert is_scan(rf.get("/fr/guides/mali/", query)) is counted


def test_a_post_is_never_a_scan(rf):
    assert is_scan(rf.post("/fr/guides/mali/?qr=1")) is False


QR_ANSWERS = {
    "anonymous": "login",
    "trainee": "login",
    "other_trainee": "login",
    "trainer": "denied",
    "other_trainer": "denied",
    "coordinator": "ok",
    "editor": "ok",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_coordinators_and_editors_open_a_pages_qr_code(client, request, persona):
    sign_in_as(client, request, persona)
    guide = french_guide()

    got = {
        answer(client.get(reverse("content_page_qr", args=[guide.id]))),
        answer(client.get(reverse("content_page_qr_svg", args=[guide.id]))),
    }

    assert got == {QR_ANSWERS[persona]}


def test_a_coordinator_prints_a_pages_poster(client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("content_page_poster", args=[french_guide().id]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_qr_button_is_offered_to_coordinators_not_trainers(coordinator, trainer):
    guide = french_guide()

    assert _qr_button(guide, coordinator) is not None
    assert _qr_button(guide, trainer) is None
