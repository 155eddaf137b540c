"""Classroom sign-in: a trainer opens the class list on a tablet for today; trainees tap their
name and enter their PIN or pictures (cohorts/classroom.py, cohorts/signin.py)."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from cohorts import services
from cohorts.classroom import COOKIE_NAME, SALT
from lms import audit
from tests.cohorts import factories
from tests.cohorts.test_signin import (
    GENERIC_ERROR,
    LOCKED,
    SEQUENCE,
    SIGN_IN,
    alerts,
    page,
    sign_in,
    signed_in_user_id,
)
from tests.permissions import COHORT_TEACHERS_ONLY, PERSONAS, answer, sign_in_as

STRANGER = "198.51.100.66"


def classroom_url(cohort):
    return reverse("cohorts:classroom", args=[cohort.pk])


def open_on_this_tablet(client, trainer, cohort):
    """The trainer signs in on the tablet, opens the list and signs out (as in class)."""
    client.force_login(trainer)
    response = client.post(reverse("cohorts:classroom_open", args=[cohort.pk]))
    assert response.status_code == 302
    client.post(reverse("account_logout"))
    assert signed_in_user_id(client) is None


def names_listed(client) -> list[str]:
    html = page(client.get(SIGN_IN))
    return [link.get_text(" ", strip=True) for link in html.select(".class-list a")]


def tap(client, trainee):
    return reverse("trainee_classroom_pin", args=[trainee.pk])


@pytest.fixture
def classmate(cohort, trainer):
    return factories.TraineeFactory(cohort=cohort, display_name="Binta Diallo Sow", by=trainer)


# --- Who may open it --------------------------------------------------------------------------

EXPECTED = COHORT_TEACHERS_ONLY


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_cohorts_trainers_and_coordinators_may_open_its_class_list(
    client, request, cohort, trainee, other_trainee, persona
):
    sign_in_as(client, request, persona)

    page_answer = answer(client.get(classroom_url(cohort)))
    opened = client.post(reverse("cohorts:classroom_open", args=[cohort.pk]))
    closed = client.post(reverse("cohorts:classroom_close", args=[cohort.pk]))

    assert [page_answer, answer(opened), answer(closed)] == [EXPECTED[persona]] * 3
    assert (COOKIE_NAME in opened.cookies and opened.cookies[COOKIE_NAME].value != "") is (
        EXPECTED[persona] == "ok"
    )


def test_the_cohort_page_offers_the_class_list_to_its_trainer(client, trainer, cohort):
    client.force_login(trainer)

    response = client.get(reverse("cohorts:detail", args=[cohort.pk]))

    assert classroom_url(cohort) in response.content.decode()


def test_opening_the_list_is_audited(client, trainer, cohort):
    open_on_this_tablet(client, trainer, cohort)

    entry = audit.entries_about(cohort).get(action=audit.Action.CLASSROOM_OPENED)
    assert entry.user == trainer


# --- The class list ---------------------------------------------------------------------------


def test_after_the_trainer_signs_out_the_tablet_shows_first_names_and_initials_only(
    client, trainer, cohort, trainee, classmate, other_trainee
):
    open_on_this_tablet(client, trainer, cohort)

    response = client.get(SIGN_IN)

    assert response.status_code == 200
    assert names_listed(client) == ["A Awa T.", "B Binta S."]
    content = response.content.decode()
    for hidden in (trainee.username, classmate.username, "Diallo", "Test", "Moussa"):
        assert hidden not in content
    assert other_trainee.username not in content
    assert not page(response).select('input[name="username"]')


def test_a_trainee_taps_their_name_enters_their_pin_and_lands_on_their_space(
    client, trainer, cohort, trainee
):
    open_on_this_tablet(client, trainer, cohort)
    keypad = client.get(tap(client, trainee))
    assert keypad.status_code == 200
    html = page(keypad)
    assert html.select_one(".tapped").get_text(" ", strip=True) == "A Awa T."
    assert not html.select('input[name="username"]')
    assert html.select_one("[data-keypad]")

    response = client.post(tap(client, trainee), {"pin": factories.PIN})

    assert response.status_code == 302
    assert response["Location"] == "/learn/"
    assert signed_in_user_id(client) == str(trainee.user.pk)


def test_trainees_sign_in_one_after_the_other_on_the_same_tablet(
    client, trainer, cohort, trainee, classmate
):
    open_on_this_tablet(client, trainer, cohort)
    for person in (trainee, classmate, trainee):
        assert client.post(tap(client, person), {"pin": factories.PIN}).status_code == 302
        client.post(reverse("trainee_logout"))
        # The list is still there for the next one.
        assert len(names_listed(client)) == 2


def test_a_wrong_pin_on_the_class_list_signs_nobody_in(client, trainer, cohort, trainee):
    open_on_this_tablet(client, trainer, cohort)

    response = client.post(tap(client, trainee), {"pin": "1111"})

    assert response.status_code == 200
    assert alerts(response) == [GENERIC_ERROR]
    assert signed_in_user_id(client) is None


def test_a_trainee_with_pictures_taps_their_name_and_gets_the_pictures(
    client, trainer, cohort, trainee, classmate
):
    services.set_picture_password(by=trainer, trainee=trainee, pictures=SEQUENCE)
    open_on_this_tablet(client, trainer, cohort)
    url = reverse("trainee_classroom_pictures", args=[trainee.pk])
    links = [a["href"] for a in page(client.get(SIGN_IN)).select(".class-list a")]
    assert links == [url, tap(client, classmate)]
    # The keypad is one tap away too.
    assert tap(client, trainee) in client.get(url).content.decode()

    response = client.post(url, {f"picture{n}": key for n, key in enumerate(SEQUENCE, start=1)})

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(trainee.user.pk)


def test_a_trainee_of_another_cohort_cannot_be_reached_from_the_list(
    client, trainer, cohort, trainee, other_trainee
):
    open_on_this_tablet(client, trainer, cohort)

    assert client.get(tap(client, other_trainee)).status_code == 404
    assert client.post(tap(client, other_trainee), {"pin": factories.PIN}).status_code == 404
    assert signed_in_user_id(client) is None


def test_a_withdrawn_trainee_is_not_on_the_list(client, trainer, cohort, trainee, classmate):
    services.withdraw(by=trainer, enrolment=classmate.enrolments.get(), reason="Départ")
    open_on_this_tablet(client, trainer, cohort)

    assert names_listed(client) == ["A Awa T."]
    assert client.get(tap(client, classmate)).status_code == 404


def test_the_username_sign_in_stays_one_tap_away(client, trainer, cohort, trainee):
    open_on_this_tablet(client, trainer, cohort)
    link = page(client.get(SIGN_IN)).select_one(f'a[href="{SIGN_IN}?username="]')
    assert link

    response = client.get(link["href"])

    assert page(response).select_one('input[name="username"]')
    assert sign_in(client).status_code == 302


# --- Only where and when a trainer opened it ----------------------------------------------------


def test_without_a_trainer_opening_it_the_sign_in_asks_for_the_username(client, trainee):
    assert page(client.get(SIGN_IN)).select_one('input[name="username"]')
    assert client.get(tap(client, trainee))["Location"] == SIGN_IN


def forged_cookie(cohort, opener, day):
    value = {"cohort": cohort.pk, "day": day.isoformat(), "by": opener.pk, "token": "t"}
    return signing.dumps(value, salt=SALT)


@pytest.mark.parametrize("case", ["yesterday", "tampered", "unsigned", "garbage"])
def test_a_list_of_another_day_or_a_forged_one_is_not_shown(client, trainer, cohort, trainee, case):
    today = timezone.localdate()
    client.cookies[COOKIE_NAME] = {
        "yesterday": forged_cookie(cohort, trainer, today - datetime.timedelta(days=1)),
        "tampered": forged_cookie(cohort, trainer, today)[:-2] + "xx",
        "unsigned": f'{{"cohort": {cohort.pk}, "day": "{today}", "by": {trainer.pk}}}',
        "garbage": "\x00" * 3000,
    }[case]

    assert page(client.get(SIGN_IN)).select_one('input[name="username"]')
    assert client.post(tap(client, trainee), {"pin": factories.PIN})["Location"] == SIGN_IN
    assert signed_in_user_id(client) is None


def test_a_list_opened_by_someone_who_no_longer_teaches_the_cohort_closes(
    client, trainer, other_trainer, cohort, trainee
):
    cohort.trainers.add(other_trainer)
    open_on_this_tablet(client, other_trainer, cohort)
    assert names_listed(client)

    cohort.trainers.remove(other_trainer)

    assert names_listed(client) == []
    assert page(client.get(SIGN_IN)).select_one('input[name="username"]')


def test_the_trainer_closes_the_list_on_the_tablet(client, trainer, cohort, trainee):
    open_on_this_tablet(client, trainer, cohort)
    closing = page(client.get(SIGN_IN)).select_one(".trainer-only a")["href"]
    assert closing == f"/accounts/login/?next={classroom_url(cohort)}"
    client.force_login(trainer)
    assert "Fermer la liste" in client.get(classroom_url(cohort)).content.decode()

    client.post(reverse("cohorts:classroom_close", args=[cohort.pk]))
    client.logout()

    assert names_listed(client) == []
    assert page(client.get(SIGN_IN)).select_one('input[name="username"]')


def test_the_list_lasts_until_midnight_only(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(reverse("cohorts:classroom_open", args=[cohort.pk]))

    cookie = response.cookies[COOKIE_NAME]
    assert 0 < cookie["max-age"] <= 24 * 3600
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


# --- A stranger cannot lock the class out ------------------------------------------------------


def test_a_stranger_who_locks_a_trainees_username_sign_in_does_not_lock_the_class_list(
    client, trainer, cohort, trainee
):
    for _attempt in range(12):
        client.post(SIGN_IN, {"username": trainee.username, "pin": "1111"}, REMOTE_ADDR=STRANGER)
    assert (
        client.post(SIGN_IN, {"username": trainee.username, "pin": factories.PIN}).status_code
        == 429
    )

    open_on_this_tablet(client, trainer, cohort)
    response = client.post(tap(client, trainee), {"pin": factories.PIN})

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(trainee.user.pk)


def test_ten_wrong_pins_on_the_class_list_lock_it_for_that_trainee_until_unlocked(
    client, trainer, cohort, trainee, classmate
):
    open_on_this_tablet(client, trainer, cohort)
    for _attempt in range(10):
        assert alerts(client.post(tap(client, trainee), {"pin": "1111"})) == [GENERIC_ERROR]

    locked = client.post(tap(client, trainee), {"pin": factories.PIN})
    assert locked.status_code == 429
    assert alerts(locked)[0].startswith(LOCKED)
    # The classmate is not locked out.
    assert client.post(tap(client, classmate), {"pin": factories.PIN}).status_code == 302
    client.post(reverse("trainee_logout"))

    services.unlock_sign_in(by=trainer, trainee=trainee)

    assert client.post(tap(client, trainee), {"pin": factories.PIN}).status_code == 302


def test_a_spray_from_the_classrooms_own_router_does_not_lock_the_class_list(
    client, settings, trainer, cohort, trainee, classmate
):
    """The address's budget of the username sign-in (150 an hour; 3 here) is not the tablet's."""
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "trainee_login_failed": "3/h/ip,10/3d/key",
    }
    router = "192.0.2.10"
    for n in range(3):
        client.post(SIGN_IN, {"username": f"rabat{n + 50}", "pin": "1111"}, REMOTE_ADDR=router)
    refused = client.post(
        SIGN_IN, {"username": trainee.username, "pin": factories.PIN}, REMOTE_ADDR=router
    )
    assert refused.status_code == 429

    open_on_this_tablet(client, trainer, cohort)

    for person in (trainee, classmate):
        response = client.post(tap(client, person), {"pin": factories.PIN}, REMOTE_ADDR=router)
        assert response.status_code == 302
        client.post(reverse("trainee_logout"), REMOTE_ADDR=router)


def test_a_tablet_left_open_stops_after_its_own_budget_of_wrong_tries(
    client, settings, trainer, cohort, trainee, classmate
):
    """300 wrong tries a day per opening (3 here), whoever they are for."""
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "classroom_login_failed": "3/d/key",
    }
    open_on_this_tablet(client, trainer, cohort)
    for person in (trainee, classmate, trainee):
        client.post(tap(client, person), {"pin": "1111"})

    response = client.post(tap(client, classmate), {"pin": factories.PIN})

    assert response.status_code == 429
    assert alerts(response)[0].startswith("Trop d'essais sur cet appareil.")
    # Opening the list again (the trainer, in person) gives the tablet a new budget.
    open_on_this_tablet(client, trainer, cohort)
    assert client.post(tap(client, classmate), {"pin": factories.PIN}).status_code == 302
