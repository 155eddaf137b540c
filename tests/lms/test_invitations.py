"""Coordinators invite staff from the admin; the invitee chooses a password from the e-mail."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from lms import audit, tasks
from lms.roles import Role

INVITE_URL = "/admin/staff/invite/"
NEW_PASSWORD = "une-phrase-de-passe-assez-longue"


@pytest.fixture(autouse=True)
def mfa_not_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = False


def invite(client, capture, **fields):
    data = {
        "email": "amina.new@example.org",
        "first_name": "Amina",
        "last_name": "Nouvelle",
        "role": Role.TRAINER.value,
        **fields,
    }
    with capture(execute=True):
        return client.post(INVITE_URL, data)


def link_in(message) -> str:
    return re.search(r"https?://\S+/password/reset/key/\S+", message.body).group(0)


def test_a_coordinator_opens_the_invite_form(client, coordinator):
    client.force_login(coordinator)

    response = client.get(INVITE_URL)

    assert response.status_code == 200
    assert 'name="email"' in response.text
    for role in (Role.TRAINER, Role.COORDINATOR, Role.EDITOR):
        assert f'value="{role.value}"' in response.text
    assert f'value="{Role.TRAINEE.value}"' not in response.text


def test_a_coordinator_invites_a_trainer(client, coordinator, django_capture_on_commit_callbacks):
    client.force_login(coordinator)

    response = invite(client, django_capture_on_commit_callbacks, email="Amina.New@Example.org")

    assert response.status_code == 302
    user = get_user_model().objects.get(email="amina.new@example.org")
    assert user.username == "amina.new@example.org"
    assert (user.first_name, user.last_name) == ("Amina", "Nouvelle")
    assert list(user.groups.values_list("name", flat=True)) == [Role.TRAINER.value]
    assert not user.has_usable_password()
    assert not user.is_superuser
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == (user.email, True, True)
    entries = audit.entries_about(user).order_by("pk")
    assert [(e.user, e.action, e.data) for e in entries] == [
        (coordinator, audit.Action.CREATED, {"role": "Trainer"}),
        (coordinator, audit.Action.INVITED, {"role": "Trainer"}),
        (None, audit.Action.INVITATION_SENT, {}),
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina.new@example.org"]
    assert mail.outbox[0].subject == "Votre compte Foras"
    assert "Formateur" in mail.outbox[0].body


def test_the_invitee_sets_a_password_from_the_link_and_signs_in(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    invite(client, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    client.logout()

    page = client.get(link, follow=True)
    assert page.status_code == 200
    assert "password1" in page.context["form"].fields
    response = client.post(
        page.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302

    signed_in = client.post(
        reverse("account_login"), {"login": "amina.new@example.org", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302
    assert signed_in.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_link_works_once(client, coordinator, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    invite(client, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    client.logout()
    page = client.get(link, follow=True)
    client.post(page.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    again = client.get(link, follow=True)

    assert again.context["token_fail"]


def test_the_link_uses_the_configured_site_address(
    client, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.SITE_BASE_URL = "https://foras.example.org"
    client.force_login(coordinator)

    invite(client, django_capture_on_commit_callbacks)

    assert link_in(mail.outbox[0]).startswith("https://foras.example.org/accounts/password/")


def test_an_address_already_in_use_is_refused(
    client, coordinator, trainer, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    users_before = get_user_model().objects.count()

    response = invite(
        client, django_capture_on_commit_callbacks, email="TRAINER.test.rabat@example.org"
    )

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert get_user_model().objects.count() == users_before
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": "a" * 200 + "@example.org"}, "email"),
        ({"role": "Trainee"}, "role"),
        ({"role": "superuser"}, "role"),
        ({"first_name": ""}, "first_name"),
    ],
)
def test_bad_input_is_refused_with_a_form_error(
    client, coordinator, django_capture_on_commit_callbacks, fields, error_field
):
    client.force_login(coordinator)
    users_before = get_user_model().objects.count()

    response = invite(client, django_capture_on_commit_callbacks, **fields)

    assert response.status_code == 200
    assert error_field in response.context["form"].errors
    assert get_user_model().objects.count() == users_before


@pytest.mark.parametrize("persona", ["trainer", "editor"])
def test_other_staff_cannot_open_the_invite_page(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(INVITE_URL).status_code == 403
    assert client.post(INVITE_URL, {"email": "x@example.org"}).status_code == 403
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_a_trainee_cannot_open_the_invite_page(client, trainee):
    client.force_login(trainee.user)

    response = client.get(INVITE_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(INVITE_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={INVITE_URL}"


def test_only_coordinators_see_the_menu_item(client, coordinator, trainer):
    client.force_login(coordinator)
    assert INVITE_URL in client.get("/admin/").text

    client.force_login(trainer)
    assert INVITE_URL not in client.get("/admin/").text


def test_the_invitation_is_sent_once_even_if_its_job_runs_again(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    invite(client, django_capture_on_commit_callbacks)
    user = get_user_model().objects.get(email="amina.new@example.org")

    tasks.send_invitation(user.pk, "Votre compte Foras", "again")

    assert len(mail.outbox) == 1


def test_a_mail_server_that_fails_keeps_the_account_and_the_retry_sends_it(
    client, coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    def down(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    client.force_login(coordinator)
    monkeypatch.setattr(tasks, "send_mail", down)
    with pytest.raises(ConnectionRefusedError):
        invite(client, django_capture_on_commit_callbacks)
    user = get_user_model().objects.get(email="amina.new@example.org")
    assert not audit.entries_about(user).filter(action=audit.Action.INVITATION_SENT).exists()

    monkeypatch.undo()
    tasks.send_invitation(user.pk, "Votre compte Foras", "le lien")

    assert [message.to for message in mail.outbox] == [["amina.new@example.org"]]
