"""A migrant opens the public site on a phone or a tablet and finds their country's guide."""

import re

import pytest
from playwright.sync_api import expect

from .browser import requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.mark.e2e
def test_a_reader_taps_from_the_home_page_to_the_printable_english_guide(tab):
    page = tab.page
    heading = page.get_by_role("heading", level=1)

    tab.open("/fr/")
    expect(heading).to_have_text("Foras — préparer son retour")
    tab.check("1-home")

    menu = page.get_by_role("navigation", name="Navigation principale")
    menu.get_by_role("link", name="Guides pays").tap()
    expect(page).to_have_url(tab.url("/fr/guides/"))
    expect(heading).to_have_text("Guides pays")
    tab.check("2-guides")

    page.get_by_role("main").get_by_role("link", name="Mali", exact=True).tap()
    expect(page).to_have_url(tab.url("/fr/guides/mali/"))
    expect(heading).to_have_text("Guide de réintégration : Mali")
    tab.check("3-guide-fr")

    languages = page.get_by_role("navigation", name="Langue")
    languages.get_by_role("link", name="English").tap()
    expect(page).to_have_url(tab.url("/en/guides/mali/"))
    expect(heading).to_have_text("Reintegration guide: Mali")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    tab.check("4-guide-en")

    page.get_by_role("link", name=re.compile(r"^(Printable version|Version imprimable)$")).tap()
    expect(page).to_have_url(tab.url("/en/guides/mali/print/"))
    expect(heading).to_have_text("Reintegration guide: Mali")
    tab.check("5-print-en")

    tab.assert_network_clean()


@pytest.mark.e2e
@pytest.mark.browser_context_args(java_script_enabled=False)
def test_a_guide_reads_and_navigates_without_javascript(tab):
    page = tab.page
    tab.open("/fr/guides/mali/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Guide de réintégration : Mali")
    for section in (
        "Informations clés",
        "Avant le départ",
        "À l'arrivée",
        "Aide à la réintégration (possible, non garantie)",
        "Santé",
        "Questions fréquentes",
    ):
        expect(page.get_by_role("heading", level=2, name=section, exact=True)).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Bamako")
    # axe-core needs JavaScript; the journey test checks this same page with it.
    tab.check("nojs-guide", javascript=False)

    # The table of contents and the questions and answers need no script.
    page.get_by_role("navigation", name="Sommaire").get_by_role("link", name="Santé").tap()
    expect(page).to_have_url(re.compile(r"/fr/guides/mali/#s-[\w-]+$"))
    answer = page.get_by_text("Non. Elle dépend de votre situation")
    expect(answer).to_be_hidden()
    page.get_by_text("L'aide à la réintégration est-elle garantie ?").tap()
    expect(answer).to_be_visible()

    tab.assert_network_clean()
