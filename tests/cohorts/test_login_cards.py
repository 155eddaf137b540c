"""Login cards with new PINs: the trainer chooses trainees, a worker makes their new PINs and
prints them once (cohorts/tasks.py); the PDF opens once, then is gone."""

import re

import pypdfium2
import pytest
from django.contrib.auth.hashers import check_password
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from lms import audit, documents
from lms.models import Document
from tests.cohorts import factories


@pytest.fixture
def classmates(cohort, trainer):
    return [
        factories.TraineeFactory(cohort=cohort, display_name=name, by=trainer)
        for name in ("Binta Sow", "Chérif Diallo")
    ]


def cards_url(cohort):
    return reverse("cohorts:login_cards", args=[cohort.pk])


def pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return " ".join(" ".join(page.get_textpage().get_text_range() for page in pdf).split())


def ask_for_cards(client, cohort, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cards_url(cohort), data)
    assert response.status_code == 302
    waiting = client.get(response["Location"])
    assert waiting.context["document"].is_ready
    return waiting


def test_the_screen_lists_every_active_trainee_ticked(client, trainer, cohort, trainee, classmates):
    client.force_login(trainer)

    form = client.get(cards_url(cohort)).context["form"]

    assert {t.pk for t in form["trainees"].initial} == {trainee.pk, *(c.pk for c in classmates)}
    assert "rabat01" in client.get(cards_url(cohort)).content.decode()


def test_chosen_trainees_get_new_pins_printed_once_on_their_cards(
    client, trainer, cohort, trainee, classmates, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    chosen = [trainee, classmates[0]]
    left_out = classmates[1]

    waiting = ask_for_cards(
        client,
        cohort,
        {"trainees": [t.pk for t in chosen], "new_pins": "on"},
        django_capture_on_commit_callbacks,
    )
    assert "ne s'ouvre qu'une fois" in waiting.content.decode()
    response = client.get(waiting.context["download_url"])

    assert response.status_code == 200
    text = pdf_text(response.content)
    pins = re.findall(r"Code secret : (\d{4})", text)
    assert len(pins) == 2
    assert left_out.display_name not in text
    for person in chosen:
        person.user.refresh_from_db()
        assert person.display_name in text
        assert any(check_password(pin, person.user.password) for pin in pins)
        assert not check_password(factories.PIN, person.user.password) or factories.PIN in pins
    left_out.user.refresh_from_db()
    assert check_password(factories.PIN, left_out.user.password)
    # One download: the PDF and its PINs are gone after it.
    assert client.get(waiting.context["download_url"]).status_code == 404
    assert not Document.objects.filter(pk=waiting.context["document"].pk).exists()
    # One audit entry for the batch, with the ids.
    [entry] = audit.entries_about(cohort).filter(action=audit.Action.PINS_PRINTED)
    assert entry.data["trainees"] == sorted(t.pk for t in chosen)
    assert entry.user == trainer


def test_the_new_pins_let_the_trainees_sign_in(
    client, trainer, cohort, trainee, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    waiting = ask_for_cards(
        client,
        cohort,
        {"trainees": [trainee.pk], "new_pins": "on"},
        django_capture_on_commit_callbacks,
    )
    [pin] = re.findall(
        r"Code secret : (\d{4})", pdf_text(client.get(waiting.context["download_url"]).content)
    )
    client.logout()

    response = client.post("/accounts/trainee/", {"username": trainee.username, "pin": pin})

    assert response.status_code == 302


def test_cards_without_new_pins_carry_no_pin_and_may_be_opened_again(
    client, trainer, cohort, trainee, classmates, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    waiting = ask_for_cards(
        client, cohort, {"trainees": [trainee.pk]}, django_capture_on_commit_callbacks
    )

    text = pdf_text(client.get(waiting.context["download_url"]).content)

    assert "Code secret :" not in text
    assert factories.PIN not in text
    assert classmates[0].display_name not in text
    assert client.get(waiting.context["download_url"]).status_code == 200
    trainee.user.refresh_from_db()
    assert check_password(factories.PIN, trainee.user.password)


@pytest.mark.parametrize("case", ["nobody", "another cohort", "unknown", "not a number"])
def test_a_bad_choice_gets_a_clear_message_and_changes_nothing(
    client, trainer, cohort, trainee, other_trainee, case
):
    client.force_login(trainer)
    chosen = {
        "nobody": [],
        "another cohort": [other_trainee.pk],
        "unknown": [999_999],
        "not a number": ["x"],
    }[case]

    response = client.post(cards_url(cohort), {"trainees": chosen, "new_pins": "on"})

    assert response.status_code == 400
    assert response.context["form"].errors["trainees"]
    assert not Document.objects.exists()
    other_trainee.user.refresh_from_db()
    assert check_password(factories.PIN, other_trainee.user.password)


def test_cards_with_new_pins_left_unopened_are_deleted_after_their_lifetime(
    client, trainer, cohort, trainee, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    ask_for_cards(
        client,
        cohort,
        {"trainees": [trainee.pk], "new_pins": "on"},
        django_capture_on_commit_callbacks,
    )
    [cleanup] = Schedule.objects.filter(func="lms.documents.delete_expired")
    assert cleanup.schedule_type == Schedule.ONCE
    assert cleanup.next_run > timezone.now() + documents.LIFETIME

    Document.objects.update(requested_at=timezone.now() - documents.LIFETIME)
    assert documents.delete_expired() == 1
    assert not Document.objects.exists()
