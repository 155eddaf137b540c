"""The register (cohorts/register.py): who may open it, marking by form and by the tablet's
outbox, events sent twice, two trainers at once, bad bodies, and a page whose queries do not
grow with the class."""

import datetime
import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from cohorts.models import AttendanceEntry, AttendanceMark, Cohort, SessionDay
from lms.json_body import MAX_BYTES
from lms.roles import Role
from tests.cohorts.factories import StaffFactory, TraineeFactory
from tests.concurrency import at_once
from tests.permissions import COHORT_TEACHERS_ONLY, PERSONAS, answers, sign_in_as


@pytest.fixture
def today(cohort):
    return SessionDay.objects.create(cohort=cohort, date=timezone.localdate())


def register_url(cohort, day=None):
    url = reverse("cohorts:register", args=[cohort.pk])
    return f"{url}?day={day.pk}" if day else url


def events_url(cohort, day):
    return reverse("cohorts:register_events", args=[cohort.pk]) + f"?day={day.pk}"


def event(enrolment, status="present", at=None, event_id=None):
    at = at or timezone.now()
    return {
        "id": str(event_id or uuid.uuid4()),
        "enrolment": enrolment.pk,
        "status": status,
        "at": int(at.timestamp() * 1000),
    }


def send(client, cohort, day, events):
    return client.post(
        events_url(cohort, day), json.dumps({"events": events}), content_type="application/json"
    )


# --- Access -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_register_url(
    persona, client, request, cohort, trainee, other_trainee, today
):
    enrolment = trainee.enrolments.get()
    urls = {
        "register": ("get", register_url(cohort)),
        "register of a day": ("get", register_url(cohort, today)),
        "mark by form": ("post", register_url(cohort, today)),
        "events": ("post", events_url(cohort, today)),
        "worker": ("get", reverse("cohorts:register_worker", args=[cohort.pk])),
    }
    sign_in_as(client, request, persona)

    got = answers(client, urls)

    expected = COHORT_TEACHERS_ONLY[persona]
    # A post without a mark or a body changes nothing: the form goes back to the register,
    # the outbox endpoint says the body is unreadable — after the same access checks.
    assert got == {
        name: ("400" if expected == "ok" and name == "events" else expected) for name in urls
    }
    assert not AttendanceMark.objects.filter(enrolment=enrolment).exists()


def test_another_trainer_can_neither_read_nor_mark_the_register(
    client, cohort, trainee, other_trainer, today
):
    client.force_login(other_trainer)
    enrolment = trainee.enrolments.get()
    assert client.get(register_url(cohort, today)).status_code == 404
    assert send(client, cohort, today, [event(enrolment)]).status_code == 404
    response = client.post(register_url(cohort, today), {"mark": f"{enrolment.pk}:present"})
    assert response.status_code == 404
    assert not AttendanceMark.objects.exists()


def test_a_day_of_another_cohort_is_not_found(client, cohort, other_cohort, trainer):
    other_day = SessionDay.objects.create(cohort=other_cohort, date=timezone.localdate())
    client.force_login(trainer)
    assert client.get(register_url(cohort, other_day)).status_code == 404


# --- The page -----------------------------------------------------------------------------


def test_the_register_shows_todays_trainees_with_four_buttons_each(
    client, cohort, trainer, trainee, today
):
    client.force_login(trainer)
    response = client.get(register_url(cohort))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Awa Test" in page
    for label in ("Présent", "En retard", "Excusé", "Absent", "Tout le monde est présent"):
        assert label in page
    assert "Pas encore marqué" in page
    assert f"Registre de présence\u00a0: {cohort.name}" in page  # a trainer may teach several


def test_without_a_session_today_the_register_says_so_and_links_the_days_around(
    client, cohort, trainer
):
    today = timezone.localdate()
    before = SessionDay.objects.create(cohort=cohort, date=today - datetime.timedelta(days=2))
    after = SessionDay.objects.create(cohort=cohort, date=today + datetime.timedelta(days=3))
    client.force_login(trainer)
    page = client.get(register_url(cohort)).content.decode()
    assert "Pas de session de cette cohorte aujourd" in page
    assert f"?day={before.pk}" in page
    assert f"?day={after.pk}" in page


def test_a_day_still_to_come_is_shown_without_buttons(client, cohort, trainer, trainee):
    later = SessionDay.objects.create(
        cohort=cohort, date=timezone.localdate() + datetime.timedelta(days=1)
    )
    client.force_login(trainer)
    page = client.get(register_url(cohort, later)).content.decode()
    assert "On ne marque pas une présence avant le jour de la session." in page
    assert 'name="mark"' not in page


def test_the_register_speaks_english_to_an_english_reader(client, cohort, trainer, trainee, today):
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(trainer)
    page = client.get(register_url(cohort)).content.decode()
    for label in ("Present", "Late", "Excused", "Absent", "Everyone is present", "Not marked yet"):
        assert label in page
    assert f"Attendance register: {cohort.name}" in page


# --- Marking without JavaScript -----------------------------------------------------------


def test_a_button_marks_the_trainee_and_the_page_shows_who_and_when(
    client, cohort, trainer, trainee, today
):
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    response = client.post(register_url(cohort, today), {"mark": f"{enrolment.pk}:late"})
    assert response.status_code == 302
    mark = AttendanceMark.objects.get(enrolment=enrolment, session_day=today)
    assert (mark.status, mark.marked_by) == ("late", trainer)
    page = client.get(register_url(cohort, today)).content.decode()
    assert f"En retard — par {trainer.get_full_name() or trainer.email}" in page


def test_a_correction_keeps_its_history(client, cohort, trainer, trainee, today):
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    client.post(register_url(cohort, today), {"mark": f"{enrolment.pk}:absent"})
    client.post(register_url(cohort, today), {"mark": f"{enrolment.pk}:late"})
    mark = AttendanceMark.objects.get(enrolment=enrolment)
    assert mark.status == "late"
    assert [e.status for e in mark.entries.all()] == ["absent", "late"]
    page = client.get(register_url(cohort, today)).content.decode()
    assert "Historique" in page


def test_everyone_present_marks_only_those_still_unmarked(client, cohort, trainer, trainee, today):
    other = TraineeFactory(cohort=cohort, by=trainer).enrolments.get()
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    client.post(register_url(cohort, today), {"mark": f"{enrolment.pk}:absent"})
    client.post(register_url(cohort, today), {"everyone": "1"})
    statuses = dict(AttendanceMark.objects.values_list("enrolment_id", "status"))
    assert statuses == {enrolment.pk: "absent", other.pk: "present"}


@pytest.mark.parametrize("value", ["", "x:present", "999999:present", "{pk}:asleep", "{pk}"])
def test_an_unreadable_mark_changes_nothing_and_says_so(
    value, client, cohort, trainer, trainee, other_trainee, today
):
    client.force_login(trainer)
    pk = trainee.enrolments.get().pk
    response = client.post(register_url(cohort, today), {"mark": value.format(pk=pk)}, follow=True)
    assert response.status_code == 200
    assert "rien n&#x27;a changé" in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_a_trainee_of_another_cohort_cannot_be_marked_here(
    client, cohort, trainer, other_trainee, today
):
    client.force_login(trainer)
    pk = other_trainee.enrolments.get().pk
    client.post(register_url(cohort, today), {"mark": f"{pk}:present"})
    assert not AttendanceMark.objects.exists()


def test_a_cancelled_day_refuses_marks_with_a_message(client, cohort, trainer, trainee, today):
    SessionDay.objects.filter(pk=today.pk).update(cancelled=True)
    client.force_login(trainer)
    pk = trainee.enrolments.get().pk
    response = client.post(register_url(cohort, today), {"mark": f"{pk}:present"}, follow=True)
    assert "annulé" in response.content.decode()
    assert not AttendanceMark.objects.exists()


# --- The outbox ----------------------------------------------------------------------------


def test_events_are_applied_with_the_time_they_were_made(client, cohort, trainer, trainee, today):
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    made = timezone.now() - datetime.timedelta(minutes=20)
    response = send(client, cohort, today, [event(enrolment, "late", at=made)])
    assert response.status_code == 200
    body = response.json()
    assert (body["applied"], body["known"], body["refused"]) == (1, 0, {})
    assert body["marks"][str(enrolment.pk)]["status"] == "late"
    mark = AttendanceMark.objects.get(enrolment=enrolment)
    assert abs((mark.marked_at - made).total_seconds()) < 0.01
    entry = mark.entries.get()
    assert (entry.received_at - entry.marked_at).total_seconds() > 19 * 60


def test_the_same_event_sent_twice_counts_once(client, cohort, trainer, trainee, today):
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    sent = event(enrolment, "absent")
    first = send(client, cohort, today, [sent]).json()
    again = send(client, cohort, today, [sent, sent]).json()
    assert (first["applied"], again["applied"], again["known"]) == (1, 0, 1)
    assert again["received"] == [sent["id"], sent["id"]]
    assert AttendanceEntry.objects.count() == 1


def test_a_later_mark_wins_by_its_own_time_not_its_arrival(client, cohort, trainer, trainee, today):
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    now = timezone.now()
    send(client, cohort, today, [event(enrolment, "late", at=now - datetime.timedelta(minutes=1))])
    send(
        client, cohort, today, [event(enrolment, "absent", at=now - datetime.timedelta(minutes=5))]
    )
    assert AttendanceMark.objects.get(enrolment=enrolment).status == "late"
    assert AttendanceEntry.objects.count() == 2


def test_a_bad_event_is_refused_alone(client, cohort, trainer, trainee, other_trainee, today):
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    stranger = event(other_trainee.enrolments.get())
    broken = {**event(enrolment), "status": "asleep"}
    good = event(enrolment, "excused")
    body = send(client, cohort, today, [stranger, broken, good, {"no": "id"}, "text"]).json()
    assert body["applied"] == 1
    assert set(body["refused"]) == {stranger["id"], broken["id"]}
    assert "inscrit" in body["refused"][stranger["id"]]
    assert AttendanceMark.objects.get().status == "excused"


def test_a_tablet_clock_before_the_day_is_taken_as_now(client, cohort, trainer, trainee, today):
    client.force_login(trainer)
    enrolment = trainee.enrolments.get()
    send(client, cohort, today, [{**event(enrolment), "at": 0}])
    mark = AttendanceMark.objects.get()
    assert abs((mark.marked_at - timezone.now()).total_seconds()) < 60


def test_events_for_a_cancelled_day_are_refused_with_the_reason(
    client, cohort, trainer, trainee, today
):
    SessionDay.objects.filter(pk=today.pk).update(cancelled=True)
    client.force_login(trainer)
    sent = event(trainee.enrolments.get())
    body = send(client, cohort, today, [sent]).json()
    assert sent["id"] in body["refused"] and "annulé" in body["error"]
    assert not AttendanceMark.objects.exists()


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"{not json", "application/json"),
        (b"[1, 2]", "application/json"),
        (b'{"events": "all"}', "application/json"),
        (b'{"events": []}', "text/plain"),
        (b"\xff\xfe", "application/json"),
        (b'{"events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json"),
        (b'{"events": [' + b"1," * (MAX_BYTES // 2) + b"1]}", "application/json"),
        (b'{"events": [' + b",".join([b"{}"] * 501) + b"]}", "application/json"),
        (
            b'{"events": [{"id": "' + str(uuid.uuid4()).encode() + b'", "at": NaN}]}',
            "application/json",
        ),
    ],
    ids=[
        "broken",
        "list",
        "not a list",
        "not json",
        "not utf-8",
        "deep",
        "huge",
        "too many",
        "nan",
    ],
)
def test_a_bad_body_gets_a_clear_400_and_changes_nothing(
    body, content_type, client, cohort, trainer, trainee, today
):
    client.force_login(trainer)
    response = client.post(events_url(cohort, today), body, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["error"]
    assert not AttendanceMark.objects.exists()


def test_events_without_a_day_are_refused(client, cohort, trainer, trainee):
    client.force_login(trainer)
    response = client.post(
        reverse("cohorts:register_events", args=[cohort.pk]),
        json.dumps({"events": []}),
        content_type="application/json",
    )
    assert response.status_code == 400


@pytest.mark.django_db(transaction=True)
def test_two_trainers_marking_the_same_trainee_at_once_end_with_one_mark_and_two_entries(
    cohort, trainer, trainee, today
):
    second = StaffFactory(email="trainer.second@example.org", role=Role.TRAINER)
    cohort.trainers.add(second)
    enrolment = trainee.enrolments.get()
    now = timezone.now()
    browsers = []
    for user in (trainer, second):
        browser = Client()
        browser.force_login(user)
        browsers.append(browser)
    first, later = at_once(
        *(
            lambda browser=browser, status=status: send(
                browser, cohort, today, [event(enrolment, status, at=now)]
            )
            for browser, status in zip(browsers, ("present", "late"), strict=True)
        )
    )
    statuses = {"present": first, "late": later}
    assert {s: a.status_code for s, a in statuses.items()} == {"present": 200, "late": 200}
    assert AttendanceMark.objects.filter(enrolment=enrolment).count() == 1
    assert sorted(AttendanceEntry.objects.values_list("status", flat=True)) == ["late", "present"]
    # The page shows the mark and both entries (who marked what), no error.
    browser = Client()
    browser.force_login(trainer)
    response = browser.get(register_url(cohort, today))
    assert response.status_code == 200
    row = BeautifulSoup(response.content, "html.parser").select_one(f"#trainee-{enrolment.pk}")
    history = row.select_one("[data-history]")
    assert not history.has_attr("hidden")
    entries = sorted(" ".join(li.get_text().split())[6:] for li in history.select("li"))
    assert entries == sorted([f"Présent — {trainer.email}", f"En retard — {second.email}"])
    mark = AttendanceMark.objects.get(enrolment=enrolment)
    shown = " ".join(row.select_one("[data-mark]").get_text().split())
    assert shown.startswith(f"{mark.get_status_display()} — par {mark.marked_by.email}")


@pytest.mark.django_db(transaction=True)
def test_the_same_event_sent_from_two_requests_at_once_counts_once(cohort, trainer, trainee, today):
    enrolment = trainee.enrolments.get()
    sent = event(enrolment, "late")
    browsers = []
    for _ in range(2):
        browser = Client()
        browser.force_login(trainer)
        browsers.append(browser)
    responses = at_once(
        *(lambda browser=browser: send(browser, cohort, today, [sent]) for browser in browsers)
    )
    bodies = [(response.status_code, response.json()) for response in responses]
    assert [status for status, _body in bodies] == [200, 200]
    assert sorted((body["applied"], body["known"]) for _status, body in bodies) == [(0, 1), (1, 0)]
    assert all(body["received"] == [sent["id"]] for _status, body in bodies)
    assert AttendanceEntry.objects.filter(event_id=sent["id"]).count() == 1
    assert AttendanceMark.objects.get(enrolment=enrolment).status == "late"


# --- Cost -----------------------------------------------------------------------------------


def queries_of(client, method, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    assert response.status_code == 200
    return len(queries)


def test_the_page_and_a_mark_cost_the_same_queries_for_3_and_30_trainees(
    client, cohort, trainer, today
):
    Cohort.objects.filter(pk=cohort.pk).update(capacity=31)
    client.force_login(trainer)
    send(client, cohort, today, [event(TraineeFactory(cohort=cohort, by=trainer).enrolments.get())])
    counts = []
    for size in (3, 30):
        while cohort.enrolments.count() < size:
            TraineeFactory(cohort=cohort, by=trainer)
        queries_of(client, "get", register_url(cohort))  # warm (sessions, profile)
        page = queries_of(client, "get", register_url(cohort))
        unmarked = cohort.enrolments.filter(attendance_marks__isnull=True).first()
        mark = queries_of(
            client,
            "post",
            events_url(cohort, today),
            data=json.dumps({"events": [event(unmarked, "late")]}),
            content_type="application/json",
        )
        counts.append((page, mark))
    assert counts[0] == counts[1]


def test_the_worker_is_scoped_to_the_register_and_never_cached_for_long(client, cohort, trainer):
    client.force_login(trainer)
    response = client.get(reverse("cohorts:register_worker", args=[cohort.pk]))
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    script = response.content.decode()
    assert f'var PAGE = "/admin/cohorts/{cohort.pk}/register/"' in script
    assert response.wsgi_request.path.startswith(f"/admin/cohorts/{cohort.pk}/register/")
