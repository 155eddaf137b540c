"""Country guides: published or not, one per country and language, print and PDF versions."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale

from content.models import CountryGuidePage
from tests.content.factories import english_guide, french_guide
from tests.content.pdfs import pdf_text

pytestmark = pytest.mark.django_db

GUIDE_VERSIONS = ["", "print/", "pdf/"]


def test_a_published_guide_is_served(client):
    response = client.get("/fr/guides/mali/")

    assert response.status_code == 200
    assert "<h1>Guide de réintégration : Mali</h1>" in response.content.decode()


@pytest.mark.parametrize("version", GUIDE_VERSIONS)
def test_an_unpublished_guide_is_a_404(client, version):
    french_guide().unpublish()

    response = client.get(f"/fr/guides/mali/{version}")

    assert response.status_code == 404


@pytest.mark.parametrize("version", GUIDE_VERSIONS)
def test_an_unpublished_guide_is_a_404_even_after_it_was_cached(client, version):
    assert client.get(f"/fr/guides/mali/{version}").status_code == 200

    french_guide().unpublish()

    assert client.get(f"/fr/guides/mali/{version}").status_code == 404


def guide_links(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.select("main a") if a["href"].count("/") == 4]


def test_an_unpublished_guide_leaves_the_guide_index(client):
    assert "/fr/guides/mali/" in guide_links(client.get("/fr/guides/"))

    french_guide().unpublish()

    links = guide_links(client.get("/fr/guides/"))
    assert "/fr/guides/mali/" not in links
    assert "/fr/guides/senegal/" in links


def test_an_unpublished_guide_leaves_its_translation_online(client):
    french_guide().unpublish()

    assert client.get("/en/guides/mali/").status_code == 200


@pytest.mark.parametrize(
    "view_name", ["content_page_qr", "content_page_qr_svg", "content_page_poster"]
)
def test_the_qr_admin_views_refuse_an_unpublished_page(client, editor, view_name):
    guide = french_guide()
    guide.unpublish()
    client.force_login(editor)

    response = client.get(reverse(view_name, args=[guide.id]))

    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and an error.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert response["Content-Type"] not in ("image/svg+xml", "application/pdf")


def test_the_guide_index_lists_the_eight_published_guides(client):
    links = guide_links(client.get("/en/guides/"))

    assert len(links) == 8
    assert all(link.startswith("/en/guides/") for link in links)
    assert "/en/guides/democratic-republic-of-the-congo/" in links


def test_a_second_guide_for_the_same_country_and_language_is_refused():
    existing = french_guide()
    duplicate = CountryGuidePage(
        title="Autre guide du Mali",
        slug="mali-bis",
        country="ml",
        summary="Doublon.",
        last_verified=existing.last_verified,
        body=[],
        locale=existing.locale,
    )

    with pytest.raises(ValidationError) as error:
        duplicate.clean()

    assert "country" in error.value.message_dict


def test_a_second_guide_cannot_be_added_to_the_tree_either():
    existing = french_guide()
    duplicate = CountryGuidePage(
        title="Autre guide du Mali",
        slug="mali-bis",
        country="ml",
        summary="Doublon.",
        last_verified=existing.last_verified,
        body=[],
    )

    with pytest.raises(ValidationError):
        existing.get_parent().add_child(instance=duplicate)

    assert CountryGuidePage.objects.filter(country="ml", locale=existing.locale).count() == 1


def test_a_guide_and_its_translation_pass_the_one_guide_rule():
    # Same country, same translation key: a translation is not a second guide.
    for guide in (french_guide(), english_guide()):
        guide.clean()
        guide.save_revision().publish()

    assert CountryGuidePage.objects.live().filter(country="ml").count() == 2


def test_a_guide_for_a_country_without_one_in_that_language_is_accepted():
    english_guide().delete()
    translation = CountryGuidePage(
        title="Reintegration guide: Mali",
        slug="mali",
        country="ml",
        summary="New.",
        last_verified=french_guide().last_verified,
        body=[],
        locale=Locale.objects.get(language_code="en"),
        translation_key=french_guide().translation_key,
    )

    translation.clean()  # raises ValidationError if the one-guide rule refused it
    french_guide().get_parent().get_translation(translation.locale).add_child(instance=translation)

    assert CountryGuidePage.objects.filter(country="ml", locale=translation.locale).count() == 1


def test_the_print_version_has_every_section_and_no_site_navigation(client):
    guide = french_guide()

    response = client.get("/fr/guides/mali/print/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [h2.get_text(strip=True) for h2 in soup.select("main h2")]
    expected = [block.value["heading"] for block in guide.body if "heading" in block.value]
    assert [h for h in headings if h in expected] == expected
    assert soup.select("header.site-header") == []
    assert soup.select("nav.site-nav") == []
    assert "http://testserver/g/ml/" in soup.get_text()


def test_the_print_version_opens_every_faq_answer(client):
    soup = BeautifulSoup(client.get("/fr/guides/mali/print/").content, "html.parser")

    details = soup.select("details")
    assert details
    assert all(item.has_attr("open") for item in details)


def test_the_pdf_is_downloaded_as_a_named_attachment(client):
    response = client.get("/fr/guides/mali/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="guide-mali-fr.pdf"'


def test_the_pdf_holds_the_guide_text(client):
    text = pdf_text(client.get("/en/guides/mali/pdf/").content)

    assert "Reintegration guide: Mali" in text
    assert "Before you leave" in text
    assert "Bamako" in text
    assert "Français" not in text  # the language switcher is for screens only


def test_the_cached_pdf_keeps_its_download_name(client):
    client.get("/fr/guides/mali/pdf/")

    response = client.get("/fr/guides/mali/pdf/")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="guide-mali-fr.pdf"'


def test_publishing_a_guide_renders_its_pdf_in_the_background_for_the_printed_address(
    client, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from content import guide_pdfs

    settings.SITE_BASE_URL = "http://testserver"
    renders = []
    render = guide_pdfs.render
    monkeypatch.setattr(
        guide_pdfs, "render", lambda page, request: renders.append(page.pk) or render(page, request)
    )
    guide = french_guide()

    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert renders == [guide.pk]

    response = client.get(guide.url + "pdf/")

    assert response.content.startswith(b"%PDF")
    assert renders == [guide.pk]  # the reader got the worker's copy


def test_a_guide_pdf_is_rendered_again_once_the_guide_is_published_again(client, monkeypatch):
    from content import guide_pdfs

    renders = []
    render = guide_pdfs.render
    monkeypatch.setattr(
        guide_pdfs, "render", lambda page, request: renders.append(page.pk) or render(page, request)
    )
    guide = french_guide()
    client.force_login(get_user_model().objects.create_user("reader"))

    client.get(guide.url + "pdf/")
    client.get(guide.url + "pdf/")
    guide.summary = "Résumé revu."
    guide.save_revision().publish()
    latest = client.get(guide.url + "pdf/")

    assert renders == [guide.pk, guide.pk]
    assert b"%PDF" in latest.content[:8]
