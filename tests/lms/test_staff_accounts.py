"""Staff sign in at /accounts/login/ with e-mail and password; nobody signs up."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from lms.accounts import ClosedSignupAdapter
from tests.cohorts import factories


@pytest.fixture(autouse=True)
def mfa_not_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = False


def sign_in(client, login, password=factories.STAFF_PASSWORD):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def test_a_staff_member_signs_in_with_email_and_password_and_lands_on_the_admin(client, trainer):
    response = sign_in(client, "trainer.test.rabat@example.org")

    assert response.status_code == 302
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_email_is_not_case_sensitive(client, trainer):
    response = sign_in(client, "Trainer.Test.Rabat@Example.org")

    assert response.status_code == 302
    assert response.url == "/admin/"


def test_a_wrong_password_is_refused_with_a_message(client, trainer):
    response = sign_in(client, trainer.email, "not-the-password")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("login", "password"),
    [
        ("not-an-email", "x"),
        ("a" * 5000 + "@example.org", "x"),
        ("trainer.test.rabat@example.org", "x" * 100_000),
        ("", ""),
        ("<script>@example.org", "'; DROP TABLE auth_user; --"),
    ],
)
def test_junk_or_overlong_input_gets_a_form_error(client, trainer, login, password):
    response = sign_in(client, login, password)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_the_login_page_links_to_the_trainee_sign_in(client, db):
    response = client.get(reverse("account_login"))

    assert response.status_code == 200
    assert f'href="{reverse("trainee_login")}"' in response.text
    assert "Vous êtes apprenant ? Connectez-vous avec votre code" in response.text


def test_the_login_page_is_in_english_for_an_english_visitor(client, db):
    response = client.get(reverse("account_login"), headers={"accept-language": "en"})

    assert "Are you a trainee? Sign in with your code" in response.text


def test_nobody_can_sign_up(client, db):
    users_before = get_user_model().objects.count()

    page = client.get(reverse("account_signup"))
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": "a-good-long-password-2026"},
    )

    assert page.status_code == 200
    assert "Pas d'inscription en ligne" in page.text
    assert response.status_code == 200
    assert get_user_model().objects.count() == users_before
    assert "_auth_user_id" not in client.session


def test_the_wagtail_login_sends_staff_to_the_allauth_login_keeping_next(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/admin/pages/"


def test_signing_out_of_the_admin_needs_allauth_sign_in_again(client, trainer):
    sign_in(client, trainer.email)
    client.post(reverse("account_logout"))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_staff_land_on_the_admin_and_trainees_on_their_learning_space(trainer, trainee):
    adapter = ClosedSignupAdapter()
    request = RequestFactory().get("/")

    request.user = trainer
    assert adapter.get_login_redirect_url(request) == "/admin/"
    request.user = get_user_model().objects.get(pk=trainee.user.pk)
    assert adapter.get_login_redirect_url(request) == "/learn/"
