"""Check-in by card: the trainer's tablet reads the trainees' printed login cards
(cohorts/card_check_in.py, cohorts/check_in_admin.py)."""

import pytest
from django.urls import reverse

from cohorts.card_check_in import username_on_card
from cohorts.models import AttendanceMark, AttendanceStatus, MarkSource
from lms import audit
from tests.cohorts.check_in_helpers import open_window
from tests.cohorts.test_signin import page
from tests.permissions import COHORT_TEACHERS_ONLY, PERSONAS, answers, sign_in_as

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def card(trainee) -> str:
    """What a login card's QR code holds (cohorts/tasks.py)."""
    return f"http://testserver{reverse('trainee_login')}?username={trainee.username}"


def scan(client, cohort, text, **headers):
    return client.post(reverse("cohorts:card_scan", args=[cohort.pk]), {"code": text}, **headers)


def mark_of(trainee, day):
    return AttendanceMark.objects.filter(enrolment__trainee=trainee, session_day=day).first()


def test_a_card_of_the_cohort_marks_its_trainee_present(client, trainer, trainee, cohort, today):
    client.force_login(trainer)

    response = scan(client, cohort, card(trainee), **JSON)

    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert response.json()["message"] == "Awa Test\u00a0: présent(e)."
    mark = mark_of(trainee, today)
    assert (mark.status, mark.source, mark.marked_by) == (
        AttendanceStatus.PRESENT,
        MarkSource.CARD,
        trainer,
    )
    assert audit.entries_about(today).filter(action=audit.Action.ATTENDANCE_MARKED).exists()


def test_the_scanned_trainees_are_listed(client, trainer, trainee, cohort, today):
    client.force_login(trainer)
    scan(client, cohort, card(trainee), **JSON)

    html = page(client.get(reverse("cohorts:card_scan", args=[cohort.pk])))

    assert "Awa Test — Présent" in html.select_one("[data-card-scan-list]").get_text()


def test_a_card_scanned_twice_counts_once(client, trainer, trainee, cohort, today):
    client.force_login(trainer)
    scan(client, cohort, card(trainee), **JSON)

    response = scan(client, cohort, card(trainee), **JSON)

    assert response.json()["new"] is False
    assert mark_of(trainee, today).entries.count() == 1


def test_after_the_check_ins_set_time_a_card_marks_late(
    client, clock, trainer, trainee, cohort, today
):
    open_window(trainer, today, late_after=5)
    clock.advance(5 * 60 + 1)
    client.force_login(trainer)

    response = scan(client, cohort, card(trainee), **JSON)

    assert response.json()["message"] == "Awa Test\u00a0: en retard."
    assert mark_of(trainee, today).status == AttendanceStatus.LATE


def test_a_card_of_another_cohort_is_refused(client, trainer, cohort, today, other_trainee):
    client.force_login(trainer)

    response = scan(client, cohort, card(other_trainee), **JSON)

    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "message": "Cette carte n'est pas celle d'un apprenant de cette cohorte.",
    }
    assert not AttendanceMark.objects.exists()


@pytest.mark.parametrize("text", ["", "http://testserver/accounts/trainee/", "x" * 5000, "é%00"])
def test_unreadable_cards_are_refused_with_a_message(client, trainer, cohort, today, text):
    client.force_login(trainer)

    response = scan(client, cohort, text, **JSON)

    assert response.status_code == 400
    assert response.json()["ok"] is False


def test_a_typed_username_works_without_javascript(client, trainer, trainee, cohort, today):
    client.force_login(trainer)

    response = scan(client, cohort, trainee.username, follow=True)

    assert response.redirect_chain[-1][0] == reverse("cohorts:card_scan", args=[cohort.pk])
    assert "Awa Test\u00a0: présent(e)." in page(response).get_text()
    assert mark_of(trainee, today).status == AttendanceStatus.PRESENT


def test_the_scan_page_may_use_the_camera(client, trainer, cohort, today):
    client.force_login(trainer)

    response = client.get(reverse("cohorts:card_scan", args=[cohort.pk]))

    assert "camera=(self)" in response["Permissions-Policy"]
    assert page(response).select_one("[data-qr-scanner]") is not None


def test_without_a_session_today_no_card_is_taken(client, trainer, trainee, cohort):
    client.force_login(trainer)

    response = scan(client, cohort, card(trainee), **JSON)

    assert response.status_code == 400
    assert not AttendanceMark.objects.exists()


def test_a_trainer_of_another_cohort_cannot_scan_cards_into_this_cohort(
    client, other_trainer, trainee, cohort, today
):
    client.force_login(other_trainer)

    response = scan(client, cohort, card(trainee), **JSON)

    assert response.status_code == 404
    assert not AttendanceMark.objects.exists()


@pytest.mark.parametrize(
    ("text", "username"),
    [
        ("https://foras.example.org/accounts/trainee/?username=rabat07", "rabat07"),
        ("http://x/accounts/trainee/?username=casa01&lang=en", "casa01"),
        ("  rabat03 ", "rabat03"),
        ("http://x/accounts/trainee/", ""),
    ],
)
def test_the_username_is_read_from_the_card(text, username):
    assert username_on_card(text) == username


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_cohorts_trainers_and_coordinators_scan_its_cards(
    client, request, persona, cohort, today, trainee, other_trainee
):
    sign_in_as(client, request, persona)
    urls = {
        "page": ("get", reverse("cohorts:card_scan", args=[cohort.pk])),
        "scan": ("post", reverse("cohorts:card_scan", args=[cohort.pk])),
    }

    assert answers(client, urls) == dict.fromkeys(urls, COHORT_TEACHERS_ONLY[persona])
