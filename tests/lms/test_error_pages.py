"""Own error pages (403, 404, 500): in the style of the part of the site the visitor is in
(public site, trainee space, admin) and in their language, never Django's plain pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PUBLIC, TRAINEE, ADMIN = "", "learn/", "admin/"


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.lms.error_urls"


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


def test_a_missing_public_page_has_the_sites_own_404_in_french(client):
    response = client.get("/fr/cette-page-n-existe-pas/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html
    assert 'class="site-header"' in html
    assert 'href="/fr/guides/"' in html


def test_a_missing_public_page_speaks_english_under_en(client):
    html = client.get("/en/this-page-does-not-exist/").content.decode()

    assert '<html lang="en"' in html
    assert "Page not found" in html
    assert 'href="/en/guides/"' in html


def test_a_404_raised_by_a_public_view_has_the_sites_page(client):
    response = client.get("/test-errors/404/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_403_on_the_public_site_has_the_sites_page(client):
    response = client.get("/test-errors/403/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Accès refusé" in html
    assert 'class="site-header"' in html


def test_a_500_on_the_public_site_is_light_and_needs_no_database(failing_client):
    with CaptureQueriesContext(connection) as queries:
        response = failing_client.get("/test-errors/500/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Something went wrong" in html
    assert len(queries) == 0
    assert len(response.content) < 4000
    assert "<script" not in html
    assert '<link rel="stylesheet"' not in html


def test_a_missing_trainee_page_has_the_trainee_spaces_404(client, trainee):
    client.force_login(trainee.user)

    response = client.get("/learn/assessments/999999/pre/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="learn"' in html
    assert "Retour à mon espace" in html
    assert 'class="site-header"' not in html


def test_a_403_in_the_trainee_space_has_the_trainee_spaces_page(client, trainee):
    client.force_login(trainee.user)

    response = client.get("/learn/test-errors/403/")

    assert response.status_code == 403
    assert "Demandez à votre formateur" in response.content.decode()


def test_a_500_in_the_trainee_space_points_back_to_it(failing_client):
    response = failing_client.get("/learn/test-errors/500/")

    assert response.status_code == 500
    html = response.content.decode()
    assert 'href="/learn/"' in html
    assert "Vos réponses déjà enregistrées ne sont pas perdues." in html


def test_a_missing_admin_page_is_wagtails_admin_404(client, coordinator):
    client.force_login(coordinator)

    for path in ("/admin/nowhere/", "/admin/test-errors/404/"):
        response = client.get(path)

        assert response.status_code == 404
        assert "page404__text" in response.content.decode()


def test_a_403_in_the_admin_is_in_the_admins_style(client, trainer):
    client.force_login(trainer)

    response = client.get("/admin/test-errors/403/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    html = response.content.decode()
    assert "page404__text" in html
    assert "Access denied" in html


def test_a_500_in_the_admin_points_back_to_the_admin(failing_client):
    response = failing_client.get("/admin/test-errors/500/")

    assert response.status_code == 500
    assert 'href="/admin/"' in response.content.decode()
