"""Bad input to the public forms gets a clear answer, never a 500, and changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from content.models import PageScan

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"

JUNK_LOGINS = {
    "empty": {},
    "blank fields": {"login": "", "password": ""},
    "not an e-mail": {"login": "pas-une-adresse", "password": "x"},
    "unknown account": {"login": "nobody@example.org", "password": "wrong-password"},
    "overlong": {"login": "a" * 5000 + "@example.org", "password": "p" * 100_000},
    "markup": {"login": "<script>alert(1)</script>", "password": "' OR 1=1 --"},
    "nul byte": {"login": "editor\x00@example.org", "password": "x\x00"},
    "list instead of value": {"login": ["a@example.org", "b@example.org"], "password": "x"},
}


@pytest.fixture
def nothing_created():
    users, sessions = get_user_model().objects.count(), Session.objects.count()
    yield
    assert get_user_model().objects.count() == users
    assert Session.objects.count() == sessions


def assert_form_refused(response):
    assert response.status_code == 200
    assert response.context["form"].errors
    assert b'class="errorlist' in response.content
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.parametrize("data", JUNK_LOGINS.values(), ids=JUNK_LOGINS.keys())
def test_junk_sign_in_data_is_refused_with_a_message(client, nothing_created, data):
    assert_form_refused(client.post(LOGIN_URL, data))


def test_non_utf8_sign_in_data_is_refused_with_a_message(client, nothing_created):
    body = b"login=\xff\xfe%C0%AF%80@example.org&password=\xc3\x28"

    response = client.post(
        LOGIN_URL, body, content_type="application/x-www-form-urlencoded; charset=utf-8"
    )

    assert_form_refused(response)


def test_a_sign_in_form_in_another_charset_is_refused_with_a_message(client, nothing_created):
    response = client.post(
        LOGIN_URL, b"login=\xe9t\xe9&password=x", content_type="application/x-www-form-urlencoded"
    )

    assert_form_refused(response)


def test_a_json_body_to_the_sign_in_form_is_refused_with_the_form_errors(client, nothing_created):
    response = client.post(LOGIN_URL, b'{"login": 1}', content_type="application/json")

    # allauth answers a script with a 400 and the form, its errors included, as JSON.
    assert response.status_code == 400
    assert response.json()["form"]["fields"]["login"]["errors"]


@pytest.mark.parametrize(
    "data",
    [{"language": "xx"}, {"language": ""}, {}, {"language": "fr" * 1000}, {"language": "../"}],
    ids=["unknown", "empty", "missing", "overlong", "path"],
)
def test_a_bogus_language_switch_redirects_without_changing_the_language(client, data):
    response = client.post("/i18n/setlang/", {**data, "next": "/fr/guides/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/guides/"
    assert "django_language" not in response.cookies


def test_a_language_switch_to_another_site_stays_on_this_one(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "query",
    ["qr=%00%ff", "qr=" + "1" * 5000, "qr=1&qr=2", "foo=" + "x" * 20_000, "%ff=%fe", "qr"],
    ids=["nul-qr", "long-qr", "repeated-qr", "long-foo", "non-utf8", "bare-qr"],
)
def test_a_guide_with_a_junk_query_string_is_served(client, query):
    response = client.get(f"/fr/guides/mali/?{query}")

    assert response.status_code == 200
    assert b"Mali" in response.content
    assert not PageScan.objects.exists()
