"""allauth's rate limits hold on every staff sign-in (lms/settings.py, ACCOUNT_RATE_LIMITS):
5 wrong passwords per e-mail address in 5 minutes, 10 a minute per address, and 30 sign-in
forms posted a minute per address."""

import pytest
from django.urls import reverse

from tests.cohorts import factories

TOO_MANY = "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement."


@pytest.fixture(autouse=True)
def mfa_not_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = False


def sign_in(client, login, password, address="192.0.2.1"):
    return client.post(
        reverse("account_login"), {"login": login, "password": password}, REMOTE_ADDR=address
    )


def errors(response) -> list[str]:
    return list(response.context["form"].non_field_errors()) if response.context else []


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, trainer):
    for attempt in range(5):
        assert TOO_MANY not in errors(sign_in(client, trainer.email, f"wrong-{attempt}"))

    response = sign_in(client, trainer.email, factories.STAFF_PASSWORD)

    assert response.status_code == 200
    assert errors(response) == [TOO_MANY]
    assert "_auth_user_id" not in client.session


def test_the_limit_of_one_address_does_not_lock_out_another_staff_member(
    client, trainer, coordinator
):
    for attempt in range(5):
        sign_in(client, trainer.email, f"wrong-{attempt}", address="198.51.100.7")

    response = sign_in(client, coordinator.email, factories.STAFF_PASSWORD)

    assert response.status_code == 302


def test_ten_wrong_passwords_a_minute_from_one_address_stop_that_address(client, trainer):
    emails = [f"staff{n}@example.org" for n in range(10)]
    for email in emails:
        sign_in(client, email, "wrong", address="203.0.113.9")

    from_there = sign_in(client, trainer.email, factories.STAFF_PASSWORD, address="203.0.113.9")
    from_elsewhere = sign_in(client, trainer.email, factories.STAFF_PASSWORD)

    assert errors(from_there) == [TOO_MANY]
    assert from_elsewhere.status_code == 302


def test_the_31st_sign_in_form_posted_in_a_minute_from_one_address_answers_429(client):
    for _attempt in range(30):
        assert sign_in(client, "", "", address="203.0.113.50").status_code == 200

    assert sign_in(client, "", "", address="203.0.113.50").status_code == 429
