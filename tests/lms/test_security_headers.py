"""Production headers: check --deploy, Content-Security-Policy, Permissions-Policy, and a
trainee's session that ends with the browser on a shared tablet."""

import base64
import hashlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from lms.middleware import inlined_stylesheet_hashes
from tests.cohorts import factories

ROOT = Path(__file__).resolve().parents[2]
CSP_HEADER = "Content-Security-Policy"


def directives(response) -> dict[str, list[str]]:
    policy = response[CSP_HEADER]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_check_deploy_passes_with_production_variables():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DJANGO_"))},
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "foras.example.org",
        "DJANGO_SETTINGS_MODULE": "lms.settings",
        # A throwaway key to sign credentials: production refuses to start without one.
        "CREDENTIAL_SIGNING_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- Content-Security-Policy --------------------------------------------------------------------


@pytest.mark.django_db
def test_public_pages_get_a_strict_policy_without_unsafe_inline(client):
    response = client.get("/fr/guides/")
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_inlined_stylesheet_is_allowed_by_its_hash_also_from_the_page_cache(client):
    site_css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    first = client.get("/fr/guides/")
    again = client.get("/fr/guides/")  # answered by the page cache

    for response in (first, again):
        assert sha256_source(site_css) in directives(response)["style-src"]
        styles = BeautifulSoup(response.content, "html.parser").find_all("style")
        assert styles and all(
            sha256_source(s.string) in inlined_stylesheet_hashes() for s in styles
        )


def test_every_stylesheet_under_lms_static_css_has_a_hash():
    assert len(inlined_stylesheet_hashes()) == len(
        list(Path(settings.STATICFILES_DIRS[0]).glob("css/*.css"))
    )


def test_no_template_uses_a_style_attribute_or_an_inline_event_handler():
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        if "/admin/" in str(path) or path.name in {"login_cards.html"}:
            continue  # the admin allows inline styles; login cards are only a PDF
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in html.find_all(True):
            attributes = [a for a in tag.attrs if a == "style" or a.startswith("on")]
            if attributes:
                offenders.append(f"{path.relative_to(ROOT)}: <{tag.name} {attributes}>")
    assert not offenders


def test_trainee_pages_get_the_strict_policy_and_a_nonce_where_a_block_needs_one(client, trainee):
    client.force_login(trainee.user)
    response = client.get("/learn/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["style-src"]

    client.logout()
    sign_in_page = client.get("/accounts/login/")
    nonce = BeautifulSoup(sign_in_page.content, "html.parser").find("style")["nonce"]
    assert f"'nonce-{nonce}'" in directives(sign_in_page)["style-src"]


def test_the_admin_policy_says_what_wagtail_needs_and_allows_its_preview_frame(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response[CSP_HEADER]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


# --- Permissions-Policy ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fr/guides/", "/accounts/trainee/", "/healthz"])
def test_camera_microphone_and_location_are_off_everywhere(client, path):
    header = client.get(path)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in header


@pytest.mark.django_db
def test_a_path_can_be_allowed_the_camera(client, settings):
    settings.PERMISSIONS_POLICY_PATHS = {"/fr/": {"camera": "(self)"}}
    assert "camera=(self)" in client.get("/fr/guides/")["Permissions-Policy"]
    assert "camera=()" in client.get("/healthz")["Permissions-Policy"]


# --- The trainee's session cookie ---------------------------------------------------------------


def test_a_trainees_session_ends_with_the_browser(client, trainee):
    response = client.post(
        "/accounts/trainee/", {"username": trainee.user.username, "pin": factories.PIN}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(trainee.user.pk)
    assert client.session.get_expire_at_browser_close()
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]


def test_staff_keep_the_normal_session_expiry(client, trainer):
    client.force_login(trainer)
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


@pytest.mark.django_db
def test_with_the_https_redirect_on_a_local_health_check_still_gets_its_answer(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    redirected = client.get("/fr/guides/")
    assert redirected.status_code == 301
    assert redirected["Location"].startswith("https://")
