"""/verify/ answers with a real page before any certificate exists: the form, a clear "no
certificate with this code" (404), the JSON form, in the visitor's language, rate limited."""

import pytest

pytestmark = pytest.mark.django_db

UNKNOWN = "FRS-7Q2K-9XW4"


def test_verify_is_a_form_at_its_fixed_address(client):
    response = client.get("/verify/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vérifier une attestation" in html
    assert 'name="code"' in html
    assert 'action="/verify/"' in html


def test_verify_speaks_the_visitors_language(client):
    html = client.get("/verify/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="en"' in html
    assert "Verify a certificate" in html


def test_submitting_a_code_leads_to_its_own_page(client):
    response = client.get("/verify/", {"code": " frs-7q2k-9xw4 "})

    assert response.status_code == 302
    assert response["Location"] == f"/verify/{UNKNOWN}/"


def test_an_unknown_code_says_no_certificate_has_it(client):
    response = client.get(f"/verify/{UNKNOWN}/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Aucune attestation n'a ce code" in html
    assert UNKNOWN in html
    assert 'name="code"' in html  # to try again


def test_an_unknown_code_in_english(client):
    response = client.get(f"/verify/{UNKNOWN}/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "No certificate has this code" in response.content.decode()


def test_the_json_form_says_the_code_is_not_valid(client):
    response = client.get(f"/verify/{UNKNOWN}.json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": UNKNOWN, "valid": False}


@pytest.mark.parametrize("code", ["", "ab", "<script>", "x" * 81, "é-à"])
def test_a_code_that_cannot_be_one_is_a_clear_400(client, code):
    response = client.get("/verify/", {"code": code})

    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()


def test_lookups_are_rate_limited_per_address(client, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = "3/m/ip"

    statuses = [client.get(f"/verify/{UNKNOWN}/").status_code for _ in range(3)]
    refused = client.get(f"/verify/{UNKNOWN}.json")

    assert statuses == [404, 404, 404]
    assert refused.status_code == 429


def test_verification_pages_are_never_cached(client):
    response = client.get(f"/verify/{UNKNOWN}/")

    assert "no-cache" in response["Cache-Control"]
