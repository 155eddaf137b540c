"""The guessing policy of the trainee sign-in (cohorts/guessing.py): its figures, a class behind
one router, a locked trainee and the trainer who unlocks them, a stranger's spray."""

import math
from collections import Counter

import pytest
from allauth.account import app_settings as account_settings
from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.urls import reverse

from cohorts import guessing, services
from cohorts.pictures import PICTURES, SEQUENCE_LENGTH
from lms import audit
from tests.cohorts import factories
from tests.cohorts.test_signin import (
    GENERIC_ERROR,
    LOCKED,
    SIGN_IN,
    SIGN_OUT,
    alerts,
    sign_in,
    signed_in_user_id,
)
from tests.permissions import COHORT_TEACHERS_ONLY, PERSONAS, answer, sign_in_as

WEEK = 7 * 24 * 3600
ROUTER = "192.0.2.10"
STRANGER = "198.51.100.66"


# --- The figures ----------------------------------------------------------------------------


def test_guessing_one_trainees_secret_has_under_one_percent_chance_a_week():
    """Recomputed from the configured limits: any sliding window of D seconds lets N tries
    through, so a week lets N × ⌈week / D⌉ through; the trainee's two budgets add up."""
    limits = settings.ACCOUNT_RATE_LIMITS
    tries = 0
    for action in ("trainee_login_failed", "trainee_classroom_login_failed"):
        per_trainee = [rate for rate in parse_rates(limits[action]) if rate.per == "key"]
        assert per_trainee, f"{action} must count per trainee"
        tries += min(rate.amount * math.ceil(WEEK / rate.duration) for rate in per_trainee)
    keyspace = min(10**services.PIN_LENGTH, len(PICTURES) ** SEQUENCE_LENGTH)

    assert tries / keyspace < 0.01
    # The module's own figures, quoted in its docstring, agree.
    assert (tries, keyspace) == (60, 10_000)
    assert guessing.wrong_tries_per_week() == tries
    assert guessing.weekly_chance() == pytest.approx(0.006)


def test_the_limits_allauth_applies_are_the_configured_ones():
    for action in ("trainee_login_failed", "trainee_classroom_login_failed", "login_failed"):
        assert account_settings.RATE_LIMITS[action] == settings.ACCOUNT_RATE_LIMITS[action]


def test_a_picture_password_is_at_least_as_strong_as_a_pin():
    """The keyspace only counts if every sequence is as likely: the platform draws them
    (the two tests below), nobody chooses (tests/cohorts/test_workspace_access.py)."""
    assert len(PICTURES) ** SEQUENCE_LENGTH >= 10**services.PIN_LENGTH
    assert len(PICTURES) ** SEQUENCE_LENGTH == 20_736


def test_picture_passwords_are_drawn_with_the_secrets_module_one_picture_at_a_time(monkeypatch):
    offered = []

    def choice(sequence):
        offered.append(list(sequence))
        return sequence[-1]

    monkeypatch.setattr(guessing.secrets, "choice", choice)

    assert guessing.generate_pictures() == ["bird"] * SEQUENCE_LENGTH
    # Each position from the whole grid, the picture before it still allowed (like digits).
    assert offered == [list(PICTURES)] * SEQUENCE_LENGTH


def test_picture_passwords_cover_the_whole_12_to_the_4_space():
    draws = [tuple(guessing.generate_pictures()) for _ in range(20_736)]

    assert {len(draw) for draw in draws} == {SEQUENCE_LENGTH}
    for position in range(SEQUENCE_LENGTH):
        counts = Counter(draw[position] for draw in draws)
        assert set(counts) == set(PICTURES)
        # 1 728 expected for each picture in each position (σ ≈ 40).
        assert all(1_450 < count < 2_000 for count in counts.values()), counts
    # Repeats as in a PIN: 1 − 12·11·10·9 / 12⁴ ≈ 42.7 % of sequences repeat a picture, and
    # one in 1 728 is four times the same (≈ 12 here), as 1111 is a PIN.
    repeating = sum(len(set(draw)) < SEQUENCE_LENGTH for draw in draws) / len(draws)
    assert 0.40 < repeating < 0.455
    assert any(len(set(draw)) == 1 for draw in draws)
    # 20 736 draws from 20 736 sequences give ≈ 63 % distinct ones; a smaller space gives fewer.
    assert len(set(draws)) > 12_500


def test_set_picture_password_draws_the_sequence_returns_it_and_audits(trainer, trainee):
    first = services.set_picture_password(by=trainer, trainee=trainee)
    trainee.refresh_from_db()
    assert trainee.check_picture_password(first)
    assert audit.entries_about(trainee).filter(action=audit.Action.PICTURES_SET).count() == 1


# --- A class behind one router --------------------------------------------------------------


@pytest.fixture
def class_of_30(trainer):
    cohort = factories.CohortFactory(
        name="Rabat — 30", orientation_point__city="Rabat", trainers=[trainer], capacity=30
    )
    return [factories.TraineeFactory(cohort=cohort, by=trainer) for _ in range(30)]


def test_a_class_of_30_behind_one_address_each_with_one_wrong_pin_all_get_in(client, class_of_30):
    for trainee in class_of_30:
        wrong = client.post(
            SIGN_IN, {"username": trainee.username, "pin": "1111"}, REMOTE_ADDR=ROUTER
        )
        assert alerts(wrong) == [GENERIC_ERROR]

        right = client.post(
            SIGN_IN, {"username": trainee.username, "pin": factories.PIN}, REMOTE_ADDR=ROUTER
        )

        assert right.status_code == 302, trainee.username
        assert signed_in_user_id(client) == str(trainee.user.pk)
        client.post(SIGN_OUT, REMOTE_ADDR=ROUTER)


def test_one_address_is_stopped_after_150_wrong_tries_an_hour_whoever_it_tries(client, class_of_30):
    usernames = [trainee.username for trainee in class_of_30]
    for n in range(150):
        sign_in_from(client, usernames[n % 30], "1111", STRANGER)

    response = sign_in_from(client, usernames[0], factories.PIN, STRANGER)

    assert response.status_code == 429
    assert alerts(response)[0].startswith("Trop d'essais sur cet appareil.")
    # Elsewhere (the classroom's router), the class signs in.
    assert sign_in_from(client, usernames[0], factories.PIN, ROUTER).status_code == 302


def sign_in_from(client, username, pin, address):
    return client.post(SIGN_IN, {"username": username, "pin": pin}, REMOTE_ADDR=address)


# --- A locked trainee, and the trainer who unlocks them -------------------------------------


def lock(client, trainee):
    for _attempt in range(10):
        assert alerts(sign_in(client, username=trainee.username, pin="1111")) == [GENERIC_ERROR]


def test_a_trainee_with_10_wrong_pins_is_locked_and_a_trainer_unlocks_them(
    client, trainee, trainer
):
    lock(client, trainee)
    locked = sign_in(client, username=trainee.username)
    assert locked.status_code == 429
    assert alerts(locked)[0].startswith(LOCKED)
    assert guessing.is_locked(trainee.username)

    client.force_login(trainer)
    detail = client.get(reverse("cohorts:trainee", args=[trainee.pk]))
    assert "Débloquer la connexion" in detail.content.decode()
    response = client.post(reverse("cohorts:trainee_unlock", args=[trainee.pk]))
    assert response.status_code == 302
    client.logout()

    assert not guessing.is_locked(trainee.username)
    assert sign_in(client, username=trainee.username).status_code == 302
    assert signed_in_user_id(client) == str(trainee.user.pk)
    entry = audit.entries_about(trainee).get(action=audit.Action.SIGN_IN_UNLOCKED)
    assert entry.user == trainer
    assert trainee.display_name not in entry.label


def test_a_trainee_who_is_not_locked_has_no_unlock_button(client, trainee, trainer):
    client.force_login(trainer)

    detail = client.get(reverse("cohorts:trainee", args=[trainee.pk])).content.decode()

    assert "La connexion n'est pas bloquée." in detail
    assert "Débloquer la connexion" not in detail


EXPECTED_UNLOCK = COHORT_TEACHERS_ONLY


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_cohorts_trainer_and_coordinators_may_unlock_a_trainee(
    client, request, trainee, other_trainee, persona
):
    lock(client, trainee)
    sign_in_as(client, request, persona)

    response = client.post(reverse("cohorts:trainee_unlock", args=[trainee.pk]))

    assert answer(response) == EXPECTED_UNLOCK[persona]
    assert guessing.is_locked(trainee.username) is (EXPECTED_UNLOCK[persona] != "ok")


def test_unlocking_is_refused_on_get(client, trainer, trainee):
    client.force_login(trainer)

    assert client.get(reverse("cohorts:trainee_unlock", args=[trainee.pk])).status_code == 405


def test_the_lock_message_is_in_the_tablets_language(client, trainee):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for _attempt in range(10):
        sign_in(client, username=trainee.username, pin="1111")

    [message] = alerts(sign_in(client, username=trainee.username))

    assert message.startswith("Too many tries: this account is locked. Try again in 2")
    assert message.endswith("or ask your trainer to unlock it.")


def test_a_new_pin_also_unlocks_the_trainee(client, trainee, trainer):
    lock(client, trainee)

    pin = services.reset_pin(by=trainer, trainee=trainee)

    assert sign_in(client, username=trainee.username, pin=pin).status_code == 302
