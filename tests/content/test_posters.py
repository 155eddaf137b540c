"""The A4 poster: a one-page PDF with the page's title and a QR code that opens the page."""

import pytest
from django.urls import reverse

from tests.content.factories import english_guide, french_guide
from tests.content.pdfs import decode_qr_codes, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

A4_IN_POINTS = (595, 842)


@pytest.fixture
def poster(client, editor, settings):
    settings.SITE_BASE_URL = ""
    client.force_login(editor)
    return client.get(reverse("content_page_poster", args=[french_guide().id]))


def test_the_poster_is_a_pdf_download(poster):
    assert poster.status_code == 200
    assert poster["Content-Type"] == "application/pdf"
    assert poster.content.startswith(b"%PDF")
    assert poster["Content-Disposition"] == (
        'attachment; filename="poster-guide-de-reintegration-mali.pdf"'
    )


def test_the_poster_is_one_a4_page(poster):
    pages = pdf_pages(poster.content)

    assert len(pages) == 1
    width, height = pages[0].get_size()
    assert (round(width), round(height)) == A4_IN_POINTS


def test_the_poster_shows_the_page_title_and_short_link(poster):
    text = pdf_text(poster.content)

    assert "Guide de réintégration : Mali" in text
    assert "http://testserver/g/ml/" in text


def test_the_posters_qr_code_opens_the_page_as_a_scan(poster):
    assert decode_qr_codes(poster.content) == ["http://testserver/fr/guides/mali/?qr=1"]


def test_the_poster_of_the_english_guide_opens_the_english_guide(client, editor, settings):
    settings.SITE_BASE_URL = ""
    client.force_login(editor)

    response = client.get(reverse("content_page_poster", args=[english_guide().id]))

    assert "Reintegration guide: Mali" in pdf_text(response.content)
    assert decode_qr_codes(response.content) == ["http://testserver/en/guides/mali/?qr=1"]
