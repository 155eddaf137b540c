"""Two-factor sign-in (TOTP, through allauth.mfa) and the rule that staff must use it."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal import auth as totp
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.cohorts import factories


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


@pytest.fixture
def mfa_optional(settings):
    settings.MFA_REQUIRED_FOR_STAFF = False


def sign_in(client, user):
    return client.post(
        reverse("account_login"), {"login": user.email, "password": factories.STAFF_PASSWORD}
    )


def current_code(secret: str) -> str:
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return totp.format_hotp_value(totp.hotp_value(secret, counter))


def a_wrong_code(secret: str) -> str:
    valid = {
        totp.format_hotp_value(totp.hotp_value(secret, counter))
        for counter in totp.yield_hotp_counters_from_time()
    }
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)


def confirm_password(client):
    """allauth asks for the password again before MFA is turned on, even right after sign-in."""
    response = client.post(
        reverse("account_reauthenticate"), {"password": factories.STAFF_PASSWORD}
    )
    assert response.status_code == 302


def activate_totp(client) -> str:
    """Turn TOTP on for the signed-in user as they would: read the secret, type the code."""
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session[totp.SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    return secret


def test_a_staff_member_turns_on_totp_and_is_then_asked_for_a_code(client, trainer, mfa_optional):
    sign_in(client, trainer)

    secret = activate_totp(client)

    assert Authenticator.objects.filter(user=trainer, type=Authenticator.Type.TOTP).exists()
    client.post(reverse("account_logout"))
    response = sign_in(client, trainer)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    wrong = client.post(reverse("mfa_authenticate"), {"code": a_wrong_code(secret)})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors
    assert "_auth_user_id" not in client.session

    right = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert right.status_code == 302
    assert right.url == "/admin/"
    assert client.session["_auth_user_id"] == str(trainer.pk)


def test_the_activation_page_shows_a_qr_code_and_the_secret(client, trainer, mfa_optional):
    sign_in(client, trainer)
    confirm_password(client)

    response = client.get(reverse("mfa_activate_totp"))

    assert response.status_code == 200
    assert "data:image/svg+xml;base64," in response.text
    assert client.session[totp.SECRET_SESSION_KEY] in response.text


def test_a_wrong_activation_code_turns_nothing_on(client, trainer, mfa_optional):
    sign_in(client, trainer)
    confirm_password(client)
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[totp.SECRET_SESSION_KEY]

    response = client.post(reverse("mfa_activate_totp"), {"code": a_wrong_code(secret)})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Authenticator.objects.filter(user=trainer).exists()


def test_staff_without_totp_are_sent_to_set_it_up(client, trainer, mfa_required):
    sign_in(client, trainer)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("deux étapes est obligatoire" in m for m in messages)


def test_the_activation_page_itself_is_not_redirected(client, coordinator, mfa_required):
    sign_in(client, coordinator)

    response = client.get("/admin/", follow=True)

    activate = reverse("mfa_activate_totp")
    assert [url for url, _status in response.redirect_chain] == [
        activate,
        f"{reverse('account_reauthenticate')}?next={activate.replace('/', '%2F')}",
    ]
    assert response.status_code == 200
    assert "deux étapes est obligatoire" in response.text
    confirm_password(client)
    assert client.get(activate).status_code == 200


def test_staff_reach_the_admin_once_totp_is_on(client, trainer, mfa_required):
    sign_in(client, trainer)
    activate_totp(client)

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "path", ["/healthz", "/fr/", "/accounts/2fa/", "/accounts/password/change/"]
)
def test_the_public_site_and_the_account_pages_stay_open(client, trainer, mfa_required, path):
    client.force_login(trainer)

    response = client.get(path)

    assert response.status_code == 200


def test_staff_can_still_sign_out(client, trainer, mfa_required):
    client.force_login(trainer)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_trainees_are_never_asked_for_a_second_factor(client, trainee, mfa_required):
    client.force_login(trainee.user)

    learning_space = client.get("/learn/")
    admin = client.get("/admin/")

    # The trainee reaches their space; the admin sends them to sign in as staff, not to MFA.
    assert learning_space.status_code == 200
    assert "Bonjour Awa Test" in learning_space.content.decode()
    assert admin.status_code == 302
    assert admin["Location"].startswith(reverse("account_login"))


def test_nothing_is_forced_when_the_setting_is_off(client, trainer, mfa_optional):
    sign_in(client, trainer)

    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_totp_codes_lock_the_second_step_even_for_the_right_code(
    client, trainer, mfa_optional
):
    """allauth.mfa counts wrong codes under its login_failed limit, per account
    (lms/settings.py, ACCOUNT_RATE_LIMITS: 5 in 5 minutes): a stolen password does not buy
    the 10^6 codes' worth of guesses."""
    too_many = "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement."
    sign_in(client, trainer)
    secret = activate_totp(client)
    client.post(reverse("account_logout"))
    assert sign_in(client, trainer).url == reverse("mfa_authenticate")

    for _ in range(5):
        wrong = client.post(reverse("mfa_authenticate"), {"code": a_wrong_code(secret)})
        assert wrong.status_code == 200
        assert wrong.context["form"].errors["code"] == ["Code incorrect."]

    right = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})

    assert right.status_code == 200
    assert right.context["form"].errors["code"] == [too_many]
    assert "_auth_user_id" not in client.session
