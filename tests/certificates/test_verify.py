"""/verify/: valid, revoked or unknown, for the page and its JSON form; what it shows and
never shows; codes typed any way; rate limits; never cached."""

import json

import pytest
from django.core.cache import cache
from django.utils.html import escape

from certificates import codes, services
from certificates.models import Certificate
from tests.certificates.issued import BIRTH_YEAR, HOLDER, NATIONALITY, PHONE, issue_attestation
from tests.permissions import PERSONAS, answers, sign_in_as

pytestmark = pytest.mark.django_db

UNKNOWN = "7Q2K9XW4M3FA0RTB"
JSON_KEYS = {
    "code",
    "printed_code",
    "status",
    "valid",
    "kind",
    "kind_label",
    "duplicate",
    "holder_name",
    "module",
    "start_date",
    "end_date",
    "place",
    "city",
    "issuer",
    "issued_on",
    "revoked_on",
    "revocation_reason",
    "revocation_reason_label",
    "verification_url",
}


@pytest.fixture
def issued(trainer) -> Certificate:
    return issue_attestation(trainer)


def typed(code: str) -> str:
    """The code as a reader might type it: lower case, in groups, with spaces and a dash."""
    printed = codes.grouped(code).lower()
    return printed.replace("-", " ", 2)


# --- The form ---------------------------------------------------------------------------------


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


def test_submitting_a_typed_code_leads_to_its_own_page_as_stored(client):
    response = client.get("/verify/", {"code": " 7q2k 9xw4-m3fa 0rtb "})

    assert response.status_code == 302
    assert response["Location"] == f"/verify/{UNKNOWN}/"


@pytest.mark.parametrize("code", ["", "ab", "<script>", "x" * 81, "é-à", "7Q2K9XW4M3FA0RT"])
def test_a_code_that_cannot_be_one_is_a_clear_400(client, code):
    response = client.get("/verify/", {"code": code})

    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()


# --- Valid ------------------------------------------------------------------------------------


def test_a_valid_certificate_shows_what_its_paper_shows(client, issued):
    response = client.get(f"/verify/{issued.code}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Attestation authentique" in html
    assert HOLDER in html
    assert escape(issued.snapshot["module"]) in html
    assert escape(issued.snapshot["place"]) in html
    assert escape(issued.snapshot["issuer"]) in html
    assert "Attestation de participation" in html
    assert issued.printed_code in html
    assert "Duplicata" not in html
    assert "révoquée le" not in html


def test_a_valid_certificate_in_english(client, issued):
    response = client.get(f"/verify/{issued.code}/", HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert "Genuine certificate" in html
    assert "Certificate of participation" in html
    assert "Holder" in html


def test_the_json_form_is_the_same_record(client, issued):
    response = client.get(f"/verify/{issued.code}.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    record = response.json()
    assert set(record) == JSON_KEYS
    assert record["status"] == "valid"
    assert record["valid"] is True
    assert record["code"] == issued.code
    assert record["printed_code"] == issued.printed_code
    assert record["kind"] == "attestation"
    assert record["duplicate"] is False
    assert record["holder_name"] == HOLDER
    assert record["module"] == issued.snapshot["module"]
    assert record["start_date"] == issued.snapshot["start_date"]
    assert record["end_date"] == issued.snapshot["end_date"]
    assert record["place"] == issued.snapshot["place"]
    assert record["issuer"] == issued.snapshot["issuer"]
    assert record["issued_on"] == issued.issued_at.date().isoformat()
    assert record["revoked_on"] is None
    assert record["revocation_reason"] is None
    assert record["verification_url"].endswith(f"/verify/{issued.code}/")


@pytest.mark.parametrize("suffix", ["/", ".json"])
def test_a_code_typed_any_way_gives_the_same_answer(client, issued, suffix):
    as_stored = client.get(f"/verify/{issued.code}{suffix}")
    as_typed = client.get(f"/verify/{typed(issued.code)}{suffix}".replace(" ", "%20"))
    grouped = client.get(f"/verify/{issued.printed_code.lower()}{suffix}")

    assert as_stored.status_code == as_typed.status_code == grouped.status_code == 200
    if suffix == ".json":
        assert as_stored.json() == as_typed.json() == grouped.json()
    else:
        assert HOLDER in as_typed.content.decode()
        assert HOLDER in grouped.content.decode()


def test_a_statement_of_attendance_and_a_duplicate_say_so(client, trainer, coordinator):
    statement = issue_attestation(trainer, kind="statement")
    duplicate = services.reissue(by=coordinator, certificate=statement, reason="Nom corrigé")

    record = client.get(f"/verify/{duplicate.code}.json").json()
    html = client.get(f"/verify/{duplicate.code}/").content.decode()

    assert record["kind"] == "statement"
    assert record["duplicate"] is True
    assert record["status"] == "valid"
    assert escape("Attestation d'assiduité") in html
    assert "Duplicata" in html


def test_what_the_paper_shows_stays_after_the_trainee_is_edited(client, issued):
    profile = issued.enrolment.trainee
    profile.display_name = "Un autre nom"
    profile.save()

    record = client.get(f"/verify/{issued.code}.json").json()

    assert record["holder_name"] == HOLDER


# --- Revoked ----------------------------------------------------------------------------------


def test_a_revocation_shows_at_once_on_the_page_and_in_json(client, issued, coordinator):
    before = client.get(f"/verify/{issued.code}/")
    assert "Attestation authentique" in before.content.decode()

    revoked = services.revoke(by=coordinator, certificate=issued, reason="issued_in_error")
    page = client.get(f"/verify/{issued.code}/")
    record = client.get(f"/verify/{issued.code}.json").json()

    assert page.status_code == 200
    html = page.content.decode()
    assert "Attestation révoquée" in html
    assert "Délivrée par erreur" in html
    assert "Attestation authentique" not in html
    assert record["status"] == "revoked"
    assert record["valid"] is False
    assert record["revoked_on"] == revoked.revoked_at.date().isoformat()
    assert record["revocation_reason"] == "issued_in_error"
    assert record["revocation_reason_label"] == "Délivrée par erreur"


def test_a_revoked_certificate_in_english(client, issued, coordinator):
    services.revoke(by=coordinator, certificate=issued, reason="withdrawn")

    html = client.get(f"/verify/{issued.code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    record = client.get(f"/verify/{issued.code}.json", HTTP_ACCEPT_LANGUAGE="en").json()

    assert "Revoked certificate" in html
    assert "Withdrawn by the issuing organisation" in html
    assert record["revocation_reason_label"] == "Withdrawn by the issuing organisation"


def test_the_answers_are_never_cached(client, issued):
    """Nothing may keep a "valid" answer after a revocation: not the page cache of
    content/middleware.py, not a proxy, not the browser."""
    for path in (f"/verify/{issued.code}/", f"/verify/{issued.code}.json", "/verify/"):
        response = client.get(path)
        cache_control = response["Cache-Control"]
        assert "no-store" in cache_control
        assert "private" in cache_control
        assert "max-age=0" in cache_control


def test_nothing_of_the_answer_is_kept_in_the_shared_cache(client, issued, coordinator):
    cache.clear()
    client.get(f"/verify/{issued.code}/")

    services.revoke(by=coordinator, certificate=issued, reason="withdrawn")
    # Another process's request, as it were: only the database and the shared cache are shared.
    answer = client.get(f"/verify/{issued.code}/", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert "Attestation révoquée" in answer.content.decode()


# --- Unknown and garbage ----------------------------------------------------------------------


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


def test_the_json_form_of_an_unknown_code_is_a_404(client):
    response = client.get(f"/verify/{UNKNOWN}.json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": UNKNOWN, "status": "unknown", "valid": False}


GARBAGE = [
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "a" * 500,
    "%00",
    "%C3%A9%C3%A0",
    "..%2F..%2Fetc",
    "7Q2K9XW4M3FA0RTB7Q2K",
    "{}",
    "%F0%9F%98%80",
]


@pytest.mark.parametrize("code", GARBAGE)
def test_garbage_is_a_clear_404_never_a_500(client, code):
    page = client.get(f"/verify/{code}/")
    data = client.get(f"/verify/{code}.json")

    assert page.status_code == 404
    assert "<script>alert" not in page.content.decode()
    assert data.status_code == 404
    assert data.json()["status"] == "unknown"
    assert len(data.json()["code"]) <= 40


# --- Nothing about the person -----------------------------------------------------------------


def test_neither_the_page_nor_the_json_tell_anything_else_about_the_person(client, issued):
    profile = issued.enrolment.trainee
    username = profile.user.username
    html = client.get(f"/verify/{issued.code}/").content.decode()
    page = html[html.index("<main") : html.index("</main>")]  # not the inlined stylesheet
    data = client.get(f"/verify/{issued.code}.json")
    text = json.dumps(data.json(), ensure_ascii=False)

    for shown in (page, text):
        assert HOLDER in shown
        assert username not in shown
        assert str(BIRTH_YEAR) not in shown
        assert PHONE not in shown
        assert PHONE[4:] not in shown
        assert NATIONALITY not in shown.lower().split('"')  # never as a value
        for word in ("Guinée", "Guinea", "guinéen", "nationalit", "téléphone", "phone"):
            assert word.lower() not in shown.lower()
    assert not {
        "nationality",
        "birth_year",
        "phone",
        "username",
        "sex",
        "status_in_programme",
    } & set(data.json())


# --- Guessing ---------------------------------------------------------------------------------


def test_lookups_are_rate_limited_per_address(client, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = "3/m/ip"

    statuses = [client.get(f"/verify/{UNKNOWN}/").status_code for _ in range(3)]
    refused = client.get(f"/verify/{UNKNOWN}.json")

    assert statuses == [404, 404, 404]
    assert refused.status_code == 429


def test_many_wrong_codes_from_one_client_are_refused(client, issued, settings):
    settings.CERTIFICATE_VERIFY_MISS_RATE_LIMIT = "10/m/ip"
    guesses = [codes.new_code() for _ in range(10)]

    answers = [client.get(f"/verify/{guess}/").status_code for guess in guesses]
    refused = client.get(f"/verify/{codes.new_code()}/")
    refused_json = client.get(f"/verify/{codes.new_code()}.json")
    right_code = client.get(f"/verify/{issued.code}/")

    assert answers == [404] * 10
    assert refused.status_code == 429
    assert "Trop de vérifications depuis cette adresse" in refused.content.decode()
    assert refused["Retry-After"] == "60"
    assert refused_json.status_code == 429
    assert refused_json.json()["error"] == "too_many_requests"
    assert right_code.status_code == 429  # the address is refused, whatever it tries next
    other_address = client.get(f"/verify/{issued.code}/", REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 200


def test_right_codes_count_less_than_wrong_ones(client, issued, settings):
    settings.CERTIFICATE_VERIFY_MISS_RATE_LIMIT = "3/m/ip"

    answers = [client.get(f"/verify/{issued.code}/").status_code for _ in range(12)]

    assert answers == [200] * 12


def test_the_refusal_speaks_the_visitors_language(client, settings):
    settings.CERTIFICATE_VERIFY_MISS_RATE_LIMIT = "1/m/ip"
    client.get(f"/verify/{UNKNOWN}/")

    page = client.get(f"/verify/{UNKNOWN}/", HTTP_ACCEPT_LANGUAGE="en")
    data = client.get(f"/verify/{UNKNOWN}.json", HTTP_ACCEPT_LANGUAGE="en")

    assert page.status_code == data.status_code == 429
    assert "Too many checks from this address" in page.content.decode()
    assert data.json()["message"].startswith("Too many checks from this address")


def test_the_default_limits_are_stricter_for_wrong_codes():
    from allauth.core.internal.ratelimit import parse_rates

    from certificates.verification import rate_limits

    limits = rate_limits()
    every = min(r.amount for r in parse_rates(limits["verify"]) if r.duration == 60)
    wrong = min(r.amount for r in parse_rates(limits["verify_miss"]) if r.duration == 60)
    assert wrong < every


# --- Everyone gets the same answer ------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_gets_the_same_public_answer(client, request, issued, persona):
    sign_in_as(client, request, persona)
    urls = {
        "form": ("get", "/verify/"),
        "page": ("get", f"/verify/{issued.code}/"),
        "json": ("get", f"/verify/{issued.code}.json"),
        "unknown page": ("get", f"/verify/{UNKNOWN}/"),
        "unknown json": ("get", f"/verify/{UNKNOWN}.json"),
        "post": ("post", f"/verify/{issued.code}/"),
    }

    assert answers(client, urls) == {
        "form": "ok",
        "page": "ok",
        "json": "ok",
        "unknown page": "hidden",
        "unknown json": "hidden",
        "post": "405",
    }
    assert set(client.get(f"/verify/{issued.code}.json").json()) == JSON_KEYS
