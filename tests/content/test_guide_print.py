"""A guide's print version and PDF: a print button, the QR code and short link of the guide,
a tagged PDF; and the guide's "last verified" date said once, not under every section."""

import datetime

import pypdfium2.raw as pdfium
import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from tests.content.factories import french_guide, publish
from tests.content.pdfs import decode_qr_codes, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

SHORT_LINK = "http://testserver/g/ml/"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_the_print_version_has_a_print_button_shown_by_a_static_script(client):
    page = soup(client.get("/fr/guides/mali/print/"))

    button = page.select_one("button[data-print]")
    assert button is not None
    assert button.has_attr("hidden")  # without JavaScript, the PDF link is offered instead
    assert button.find_parent(class_="no-print") is not None  # not on paper
    scripts = [script["src"] for script in page.find_all("script")]
    assert scripts == ["/static/js/print-button.js"]
    assert finders.find("js/print-button.js")
    assert not [script for script in page.find_all("script") if script.string]


def test_the_print_version_offers_the_pdf_without_javascript(client):
    page = soup(client.get("/fr/guides/mali/print/"))

    assert page.select_one('.no-print a[href="/fr/guides/mali/pdf/"]') is not None


def test_the_print_version_carries_the_short_link_and_its_qr_code(client):
    page = soup(client.get("/fr/guides/mali/print/"))

    assert page.select_one(f'.print-link a[href="{SHORT_LINK}"]') is not None
    assert page.select_one(".print-qr svg") is not None


def test_the_short_link_printed_is_the_sites_address_when_set(client, settings):
    settings.SITE_BASE_URL = "https://foras.example.org"

    page = soup(client.get("/fr/guides/mali/print/"))

    assert page.select_one('.print-link a[href="https://foras.example.org/g/ml/"]') is not None


def test_the_pdf_carries_the_qr_code_of_the_short_link(client):
    document = client.get("/fr/guides/mali/pdf/").content

    assert decode_qr_codes(document, page_index=0) == [SHORT_LINK]
    assert SHORT_LINK in pdf_text(document)


def test_the_pdf_has_no_print_button(client):
    document = client.get("/en/guides/mali/pdf/").content

    assert "Print" not in pdf_text(document).split()


def test_the_pdf_is_tagged_for_screen_readers(client):
    document = pdf_pages(client.get("/fr/guides/mali/pdf/").content)

    assert pdfium.FPDFCatalog_IsTagged(document.raw)


def test_the_guide_says_when_it_was_last_verified_once(client):
    html = client.get("/fr/guides/mali/").content.decode()

    assert html.count("Dernière vérification") == 1
    assert "Vérifié le" not in html


def test_a_section_checked_on_another_day_says_so(client):
    guide = french_guide()
    body = guide.body.raw_data
    first = next(block for block in body if "last_verified" in block["value"])
    first["value"]["last_verified"] = "2026-06-15"
    publish(guide, body=body, last_verified=datetime.date(2026, 11, 1))

    html = client.get("/fr/guides/mali/").content.decode()

    assert html.count("Vérifié le") == 1
    assert "15\u00a0juin\u00a02026" in html
