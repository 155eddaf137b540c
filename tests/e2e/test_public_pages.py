"""The guide's print button, the certificate verification page and the error pages, in a
real browser: readable, accessible (axe-core), within the screen."""

import pytest
from playwright.sync_api import expect

from .browser import requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]

COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


def test_the_print_version_prints_with_one_tap(tab):
    page = tab.page
    page.add_init_script(COUNT_PRINTS)
    tab.open("/en/guides/mali/print/")

    button = page.get_by_role("button", name="Print")
    expect(button).to_be_visible()
    tab.check("print-button")
    button.tap()

    assert page.evaluate("window.__prints") == 1
    tab.assert_network_clean()


def test_a_visitor_checks_a_certificate_code(tab):
    page = tab.page
    tab.open("/verify/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifier une attestation")
    tab.check("verify-form")

    page.get_by_label("Code de l'attestation").fill("7q2k 9xw4-m3fa 0rtb")
    page.get_by_role("button", name="Vérifier").tap()

    expect(page).to_have_url(tab.url("/verify/7Q2K9XW4M3FA0RTB/"))
    expect(page.get_by_role("alert")).to_contain_text("Aucune attestation n'a ce code")
    tab.check("verify-unknown")


def test_a_missing_page_has_the_sites_own_404(tab):
    page = tab.page
    tab.open("/fr/guides/atlantide/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Page introuvable")
    tab.check("404")
    page.get_by_role("link", name="Tous les guides de réintégration").tap()
    expect(page).to_have_url(tab.url("/fr/guides/"))
