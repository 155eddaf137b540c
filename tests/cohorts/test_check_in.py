"""QR self check-in: the trainer's rotating screen (cohorts/check_in_admin.py) and the
trainee's pages (cohorts/check_in_views.py): a current code marks present, late after the set
time; an expired code, a code of another session, a code replayed by someone else, a trainee
not enrolled and a closed window are refused with a clear message and change nothing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohorts import attendance_services
from cohorts import check_in as codes
from cohorts.attendance_errors import CheckInRefused
from cohorts.models import AttendanceMark, AttendanceStatus, CheckInWindow, MarkSource
from lms import audit
from tests.cohorts import factories
from tests.cohorts.check_in_helpers import open_window, qr_path, short, token
from tests.cohorts.test_signin import alerts, page, sign_in
from tests.content.pdfs import decode_qr_codes, svg_to_pdf
from tests.permissions import COHORT_TEACHERS_ONLY, PERSONAS, answer, answers, sign_in_as

pytestmark = pytest.mark.django_db

CHECK_IN = "/checkin/"
CLOSED = "Le pointage est fermé. Demandez à votre formateur."
EXPIRED = "Ce code a changé. Scannez ou tapez le code affiché maintenant."
REPLAYED = "Ce code a déjà servi à quelqu'un d'autre. Scannez le code affiché maintenant."
OTHER_SESSION = "Ce code est celui d'une autre session."
NOT_ENROLLED = "Vous n'êtes pas inscrit dans cette cohorte."
WRONG = "Ce code n'est pas le bon. Vérifiez le code affiché à l'écran."
TOO_MANY = (
    "Trop de codes erronés. Attendez quelques minutes, ou demandez à votre formateur de vous "
    "marquer présent."
)


@pytest.fixture(autouse=True)
def no_fixed_base_url(settings):
    settings.SITE_BASE_URL = ""


@pytest.fixture
def window(clock, trainer, today):
    return open_window(trainer, today)


@pytest.fixture
def classmate(cohort, trainer):
    return factories.TraineeFactory(cohort=cohort, display_name="Binta Classe", by=trainer)


def mark_of(trainee, day):
    return AttendanceMark.objects.filter(enrolment__trainee=trainee, session_day=day).first()


# --- The trainee checks in -----------------------------------------------------------------


def test_a_current_typed_code_marks_the_trainee_present(client, trainee, window, today):
    client.force_login(trainee.user)

    response = client.post(CHECK_IN, {"code": short(window)})

    assert response.status_code == 200
    assert "Présent\u00a0: votre présence est notée." in page(response).get_text()
    mark = mark_of(trainee, today)
    assert (mark.status, mark.source) == (AttendanceStatus.PRESENT, MarkSource.CHECK_IN)
    assert audit.entries_about(today).filter(action=audit.Action.CHECKED_IN).count() == 1


def test_the_qr_address_shows_a_button_and_its_get_changes_nothing(client, trainee, window, today):
    client.force_login(trainee.user)
    path = qr_path(window)

    response = client.get(path)

    assert response.status_code == 200
    button = page(response).select_one("button.check-in-here")
    assert "Je suis là" in button.get_text()
    assert mark_of(trainee, today) is None

    response = client.post(path)

    assert response.status_code == 200
    assert mark_of(trainee, today).status == AttendanceStatus.PRESENT


def test_after_the_set_time_the_trainee_is_marked_late(client, clock, trainee, window, today):
    clock.advance(10 * 60 + 1)  # the window's late_after: ten minutes
    client.force_login(trainee.user)

    response = client.post(qr_path(window))

    assert "En retard\u00a0: votre présence est notée." in page(response).get_text()
    assert mark_of(trainee, today).status == AttendanceStatus.LATE


def test_just_before_the_set_time_the_trainee_is_present(clock, trainee, window, today):
    now = window.late_after
    code = codes.short_code(window.secret, codes.step_at(now.timestamp()))

    mark = attendance_services.check_in(trainee=trainee, window=window, code=code, now=now)

    assert mark.status == AttendanceStatus.PRESENT


def test_checking_in_twice_keeps_the_first_answer(client, clock, trainee, window, today):
    client.force_login(trainee.user)
    client.post(qr_path(window))
    clock.advance(11 * 60)

    client.post(qr_path(window))

    assert mark_of(trainee, today).status == AttendanceStatus.PRESENT
    assert mark_of(trainee, today).entries.count() == 1


# --- Refusals ---------------------------------------------------------------------------------


def test_an_expired_code_is_refused(client, clock, trainee, window, today):
    client.force_login(trainee.user)
    old = short(window)
    clock.advance(2 * codes.STEP_SECONDS)

    response = client.post(CHECK_IN, {"code": old})

    assert response.status_code == 400
    assert alerts(response) == [EXPIRED]
    assert mark_of(trainee, today) is None


def test_an_expired_qr_address_is_refused(client, clock, trainee, window, today):
    client.force_login(trainee.user)
    path = qr_path(window)
    clock.advance(2 * codes.STEP_SECONDS)

    response = client.post(path)

    assert response.status_code == 400
    assert alerts(response) == [EXPIRED]
    assert mark_of(trainee, today) is None


def test_a_code_of_another_session_is_refused(
    client, trainee, window, today, other_trainer, other_today
):
    other_window = open_window(other_trainer, other_today)
    client.force_login(trainee.user)

    # The other session's code, on this session's address.
    response = client.post(reverse("check_in_qr", args=[window.pk, token(other_window)]))

    assert response.status_code == 400
    assert alerts(response) == [OTHER_SESSION]
    assert mark_of(trainee, today) is None


def test_a_window_of_another_day_is_refused(clock, trainee, window, today):
    tomorrow = clock.now + datetime.timedelta(days=1)
    code = codes.short_code(window.secret, codes.step_at(tomorrow.timestamp()))

    with pytest.raises(CheckInRefused) as refused:
        attendance_services.check_in(trainee=trainee, window=window, code=code, now=tomorrow)

    assert refused.value.reason == "other_session"


def test_a_code_replayed_later_by_someone_else_is_refused(
    client, clock, trainee, classmate, window, today
):
    client.force_login(trainee.user)
    path = qr_path(window)
    assert client.post(path).status_code == 200
    # The address, sent to a classmate, reaches them in the next step.
    clock.advance(codes.STEP_SECONDS)
    client.force_login(classmate.user)

    response = client.post(path)

    assert response.status_code == 400
    assert alerts(response) == [REPLAYED]
    assert mark_of(classmate, today) is None


def test_the_same_code_used_by_two_trainees_in_its_own_step_counts_for_both(
    client, trainee, classmate, window, today
):
    path = qr_path(window)
    for person in (trainee, classmate):
        client.force_login(person.user)
        assert client.post(path).status_code == 200

    assert mark_of(classmate, today).status == AttendanceStatus.PRESENT


def test_a_trainee_not_enrolled_is_refused(client, other_trainee, window, today):
    client.force_login(other_trainee.user)

    response = client.post(qr_path(window))

    assert response.status_code == 400
    assert alerts(response) == [NOT_ENROLLED]
    assert not AttendanceMark.objects.exists()


def test_a_trainee_not_enrolled_who_types_the_code_is_told_so(client, other_trainee, window):
    client.force_login(other_trainee.user)

    response = client.post(CHECK_IN, {"code": short(window)})

    assert response.status_code == 400
    assert alerts(response) == [NOT_ENROLLED]


def test_a_closed_window_is_refused(client, trainer, trainee, window, today):
    attendance_services.close_check_in(by=trainer, window=window)
    client.force_login(trainee.user)

    response = client.post(qr_path(window))

    assert response.status_code == 400
    assert alerts(response) == [CLOSED]
    assert mark_of(trainee, today) is None


def test_a_day_cancelled_while_its_window_is_open_takes_no_check_in(
    client, trainer, trainee, window, today
):
    attendance_services.cancel_session_day(by=trainer, day=window.session_day)
    client.force_login(trainee.user)

    response = client.post(qr_path(window))

    assert response.status_code == 400
    assert alerts(response) == [CLOSED]
    assert mark_of(trainee, today) is None


def test_the_window_closes_by_itself_at_its_time(client, clock, trainee, window, today):
    client.force_login(trainee.user)
    clock.advance(15 * 60)

    response = client.post(qr_path(window))

    assert response.status_code == 400
    assert alerts(response) == [CLOSED]


def test_a_wrong_code_is_refused_with_a_message(client, trainee, window):
    client.force_login(trainee.user)

    response = client.post(CHECK_IN, {"code": "12345x"})

    assert response.status_code == 400
    assert alerts(response) == [WRONG]


@pytest.mark.parametrize("code", ["", " ", "9" * 40, "<script>", "%00"])
def test_bad_input_gets_a_message_never_an_error(client, trainee, window, code):
    client.force_login(trainee.user)

    response = client.post(CHECK_IN, {"code": code})

    assert response.status_code == 400
    assert not AttendanceMark.objects.exists()


def test_a_qr_address_with_a_made_up_token_is_refused(client, trainee, window):
    client.force_login(trainee.user)

    response = client.post(reverse("check_in_qr", args=[window.pk, "x" * 300]))

    assert response.status_code == 400
    assert alerts(response) == [WRONG]


def a_wrong_code(window) -> str:
    """Six digits that are not the window's code now (nor the step before)."""
    current = {short(window), short(window, codes.step_at(timezone.now().timestamp()) - 1)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in current)


def test_a_trainee_trying_codes_one_after_another_is_stopped(client, trainee, window, today):
    client.force_login(trainee.user)
    for _ in range(5):
        assert client.post(CHECK_IN, {"code": a_wrong_code(window)}).status_code == 400

    response = client.post(CHECK_IN, {"code": short(window)})

    assert response.status_code == 429
    assert alerts(response) == [TOO_MANY]
    assert mark_of(trainee, today) is None


def test_made_up_qr_addresses_count_as_wrong_codes(client, trainee, window, today):
    client.force_login(trainee.user)
    for n in range(5):
        made_up = reverse("check_in_qr", args=[window.pk, f"madeup{n}"])
        assert client.post(made_up).status_code == 400

    response = client.post(qr_path(window))

    assert response.status_code == 429
    assert alerts(response) == [TOO_MANY]
    assert mark_of(trainee, today) is None


def test_one_trainee_stopped_never_stops_the_class_behind_the_same_router(
    client, trainee, classmate, window, today
):
    client.force_login(trainee.user)
    for _ in range(6):
        client.post(CHECK_IN, {"code": a_wrong_code(window)})

    client.force_login(classmate.user)
    response = client.post(CHECK_IN, {"code": short(window)})

    assert response.status_code == 200
    assert mark_of(classmate, today).status == AttendanceStatus.PRESENT


def test_a_few_mistakes_never_stop_a_trainee(client, trainee, window, today):
    client.force_login(trainee.user)
    for _ in range(4):
        client.post(CHECK_IN, {"code": a_wrong_code(window)})

    assert client.post(CHECK_IN, {"code": short(window)}).status_code == 200
    assert mark_of(trainee, today).status == AttendanceStatus.PRESENT


# --- Signed out when scanning ------------------------------------------------------------------


def test_a_trainee_signed_out_signs_in_and_comes_back_to_the_code(
    client, clock, trainee, window, today
):
    path = qr_path(window)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == reverse("trainee_login")
    # Signing in takes longer than a code lives.
    clock.advance(3 * codes.STEP_SECONDS)
    response = sign_in(client, username=trainee.username)
    assert response["Location"] == path
    assert client.post(path).status_code == 200
    mark = mark_of(trainee, today)
    assert mark.status == AttendanceStatus.PRESENT
    # The time the code was seen counts.
    assert mark.marked_at == window.opened_at


def test_the_remembered_code_lasts_a_short_while_only(client, clock, trainee, window, today):
    path = qr_path(window)
    client.get(path)
    clock.advance(3 * 60)
    sign_in(client, username=trainee.username)

    response = client.post(path)

    assert response.status_code == 400
    assert alerts(response) == [EXPIRED]


def test_a_code_opened_once_expired_is_never_remembered(client, clock, trainee, window, today):
    path = qr_path(window)
    clock.advance(2 * codes.STEP_SECONDS)
    client.get(path)
    sign_in(client, username=trainee.username)

    response = client.post(path)

    assert response.status_code == 400
    assert mark_of(trainee, today) is None


def test_a_staff_member_is_told_check_in_is_for_trainees(client, trainer, window):
    client.force_login(trainer)

    response = client.get(CHECK_IN)

    assert response.status_code == 403


# --- The trainer's screen ---------------------------------------------------------------------


def test_the_trainer_opens_the_check_in_for_today(client, trainer, cohort, today):
    client.force_login(trainer)
    url = reverse("cohorts:check_in", args=[cohort.pk])
    assert "Ouvrir le pointage" in page(client.get(url)).get_text()

    response = client.post(url, {"minutes": "20", "late_after": "5"})

    assert response.status_code == 302
    window = CheckInWindow.objects.get(session_day=today)
    assert window.closes_at - window.opened_at == datetime.timedelta(minutes=20)
    assert window.late_after - window.opened_at == datetime.timedelta(minutes=5)
    assert audit.entries_about(today).filter(action=audit.Action.CHECK_IN_OPENED).count() == 1


@pytest.mark.parametrize(
    ("minutes", "late_after", "error"),
    [
        ("5", "10", "Le retard commence au plus tard quand le pointage se ferme."),
        ("5", "abc", "Saisissez un nombre entier."),
        ("0", "0", "Assurez-vous que cette valeur est supérieure ou égale à 1."),
    ],
)
def test_bad_settings_are_refused_with_a_message(
    client, trainer, cohort, today, minutes, late_after, error
):
    client.force_login(trainer)

    response = client.post(
        reverse("cohorts:check_in", args=[cohort.pk]),
        {"minutes": minutes, "late_after": late_after},
    )

    assert response.status_code == 400
    assert error in page(response).get_text()
    assert not CheckInWindow.objects.exists()


def test_without_a_session_today_the_screen_says_so(client, trainer, cohort):
    client.force_login(trainer)
    url = reverse("cohorts:check_in", args=[cohort.pk])

    response = client.post(url, {"minutes": "20", "late_after": "5"})

    assert "Pas de jour de session aujourd'hui" in page(response).get_text()
    assert not CheckInWindow.objects.exists()


def test_the_screens_qr_code_decodes_to_the_check_in_address(client, trainer, cohort, window):
    client.force_login(trainer)

    response = client.get(reverse("cohorts:check_in", args=[cohort.pk]))

    html = page(response)
    svg = str(html.select_one("[data-check-in-qr] svg"))
    [url] = decode_qr_codes(svg_to_pdf(svg))
    assert url == f"http://testserver{qr_path(window)}"
    assert html.select_one("[data-check-in-code]").get_text(strip=True) == short(window)


def test_the_code_changes_every_step_and_writes_nothing(client, clock, trainer, cohort, window):
    client.force_login(trainer)
    url = reverse("cohorts:check_in_code", args=[cohort.pk])
    first = client.get(url).json()

    clock.advance(codes.STEP_SECONDS)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url).json()

    assert first["open"] and second["open"]
    assert first["code"] != second["code"] and first["url"] != second["url"]
    assert second["code"] == short(window) and second["url"].endswith(qr_path(window))
    assert decode_qr_codes(svg_to_pdf(second["svg"])) == [second["url"]]
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == [], writes


def test_the_screen_counts_the_arrivals(client, trainer, trainee, cohort, window):
    attendance_services.check_in(trainee=trainee, window=window, code=short(window))
    client.force_login(trainer)

    data = client.get(reverse("cohorts:check_in_code", args=[cohort.pk])).json()

    assert data["count"] == 1


def test_the_close_button_closes_the_window(client, trainer, cohort, window):
    client.force_login(trainer)

    client.post(reverse("cohorts:check_in_close", args=[cohort.pk]))

    window.refresh_from_db()
    assert window.closed_at is not None
    assert client.get(reverse("cohorts:check_in_code", args=[cohort.pk])).json() == {"open": False}


def test_the_screen_says_closed_once_its_time_is_over(client, clock, trainer, cohort, window):
    client.force_login(trainer)
    clock.advance(15 * 60)

    assert client.get(reverse("cohorts:check_in_code", args=[cohort.pk])).json() == {"open": False}
    assert (
        "Ouvrir le pointage"
        in page(client.get(reverse("cohorts:check_in", args=[cohort.pk]))).get_text()
    )


def test_a_trainer_of_another_cohort_cannot_open_this_cohorts_check_in(
    client, other_trainer, cohort, today
):
    client.force_login(other_trainer)

    response = client.post(
        reverse("cohorts:check_in", args=[cohort.pk]), {"minutes": "20", "late_after": "5"}
    )

    assert response.status_code == 404
    assert not CheckInWindow.objects.exists()


def test_a_trainer_of_another_cohort_cannot_read_or_close_this_cohorts_code(
    client, other_trainer, cohort, window
):
    client.force_login(other_trainer)

    assert client.get(reverse("cohorts:check_in_code", args=[cohort.pk])).status_code == 404
    assert client.post(reverse("cohorts:check_in_close", args=[cohort.pk])).status_code == 404
    window.refresh_from_db()
    assert window.closed_at is None


# --- Who may: the seven personas ---------------------------------------------------------------

TRAINEES_ONLY = {
    "anonymous": "login",
    "trainee": "ok",
    "other_trainee": "ok",
    "trainer": "denied",
    "other_trainer": "denied",
    "coordinator": "denied",
    "editor": "denied",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_cohorts_trainers_and_coordinators_use_the_check_in_screen(
    client, request, persona, cohort, window, trainee, other_trainee
):
    sign_in_as(client, request, persona)
    urls = {
        "screen": ("get", reverse("cohorts:check_in", args=[cohort.pk])),
        "code": ("get", reverse("cohorts:check_in_code", args=[cohort.pk])),
        "close": ("post", reverse("cohorts:check_in_close", args=[cohort.pk])),
    }

    assert answers(client, urls) == dict.fromkeys(urls, COHORT_TEACHERS_ONLY[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_trainees_use_the_check_in_pages(
    client, request, persona, cohort, window, trainee, other_trainee, trainer
):
    sign_in_as(client, request, persona)
    urls = {
        "type the code": ("get", CHECK_IN),
        "the qr address": ("get", qr_path(window)),
    }

    assert answers(client, urls) == dict.fromkeys(urls, TRAINEES_ONLY[persona])


# Checking in (the POSTs): the trainee of the cohort is marked; a trainee of another cohort is
# refused with a message (400: "not enrolled in this cohort"); staff get the 403 page, and
# nobody signed in is sent to sign in. Only the cohort's trainee ends with a mark.
CHECKS_IN = {
    "anonymous": "login",
    "trainee": "ok",
    "other_trainee": "400",
    "trainer": "denied",
    "other_trainer": "denied",
    "coordinator": "denied",
    "editor": "denied",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_cohorts_trainees_check_in(
    client, request, persona, cohort, window, trainee, other_trainee, trainer
):
    sign_in_as(client, request, persona)

    got = {
        "type the code": answer(client.post(CHECK_IN, {"code": short(window)})),
        "the qr button": answer(client.post(qr_path(window))),
    }

    assert got == dict.fromkeys(got, CHECKS_IN[persona])
    marked = set(AttendanceMark.objects.values_list("enrolment__trainee__display_name", flat=True))
    assert marked == ({trainee.display_name} if persona == "trainee" else set())
