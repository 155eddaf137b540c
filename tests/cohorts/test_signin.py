"""Trainee sign-in on shared tablets: PIN keypad, picture password, sign-out, idle sign-out."""

import time

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from cohorts import services
from cohorts.middleware import LAST_ACTIVITY_KEY
from lms.roles import Role
from tests.cohorts import factories

# Printed on login cards and flyers: the paths themselves are the contract.
SIGN_IN = "/accounts/trainee/"
PICTURES = "/accounts/trainee/pictures/"
SIGN_OUT = "/accounts/trainee/logout/"
STILL_HERE = "/accounts/trainee/still-here/"

GENERIC_ERROR = "Nom d'utilisateur ou code incorrect."
LOCKED = "Trop d'essais\u00a0: ce compte est bloqué."
PIN_ERROR = "Tapez votre code à 4 chiffres."
SEQUENCE = ["sun", "goat", "mango", "bird"]


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def alerts(response) -> list[str]:
    return [alert.get_text(strip=True) for alert in page(response).select('[role="alert"]')]


def form_errors(response) -> list[str]:
    return [error.get_text(strip=True) for error in page(response).select(".errorlist li")]


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def sign_in(client, username="rabat01", pin=factories.PIN):
    return client.post(SIGN_IN, {"username": username, "pin": pin})


def sign_in_with_pictures(client, pictures, username="rabat01"):
    data = {"username": username}
    data.update({f"picture{n}": key for n, key in enumerate(pictures, start=1)})
    return client.post(PICTURES, data)


@pytest.fixture
def trainee_with_pictures(trainee, trainer):
    services.set_picture_password(by=trainer, trainee=trainee, pictures=SEQUENCE)
    return trainee


# --- The sign-in page ---------------------------------------------------------------------------


def test_the_login_card_qr_code_prefills_the_username_and_starts_on_the_pin(client):
    response = client.get(SIGN_IN, {"username": "rabat01"})

    assert response.status_code == 200
    html = page(response)
    assert html.select_one('input[name="username"]')["value"] == "rabat01"
    pin = html.select_one('input[name="pin"]')
    assert pin["type"] == "password"
    assert pin["inputmode"] == "numeric"
    assert pin["autocomplete"] == "off"
    assert pin.has_attr("autofocus")


def test_the_keypad_has_ten_digits_erase_and_ok_all_labelled(client):
    keypad = page(client.get(SIGN_IN)).select_one("[data-keypad]")

    digits = sorted(button["data-digit"] for button in keypad.select("button[data-digit]"))
    assert digits == list("0123456789")
    assert keypad.select_one("button[data-erase]")["aria-label"]
    assert keypad.select_one('button[type="submit"]')["aria-label"]
    assert all(button.get("aria-label") for button in keypad.select("button"))


def test_the_sign_in_pages_link_to_each_other_and_keep_the_username(client):
    pin_page = page(client.get(SIGN_IN, {"username": "rabat01"}))
    picture_page = page(client.get(PICTURES, {"username": "rabat01"}))

    assert pin_page.select_one(f'a[href="{PICTURES}?username=rabat01"]')
    assert picture_page.select_one(f'a[href="{SIGN_IN}?username=rabat01"]')


def test_the_language_switch_brings_the_trainee_back_to_the_same_sign_in_page(client):
    form = page(client.get(SIGN_IN, {"username": "rabat01"})).select_one(
        'form[action="/i18n/setlang/"]'
    )
    assert form.select_one('input[name="next"]')["value"] == f"{SIGN_IN}?username=rabat01"
    assert form.select_one('button[name="language"]')["value"] == "en"

    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": f"{SIGN_IN}?username=rabat01"}, follow=True
    )

    assert response.redirect_chain[-1][0] == f"{SIGN_IN}?username=rabat01"
    assert page(response).html["lang"] == "en"
    assert "Username" in response.content.decode()


# --- Username and PIN ---------------------------------------------------------------------------


def test_a_trainee_signs_in_with_username_and_pin_and_lands_on_their_learning_space(
    client, trainee
):
    response = sign_in(client)

    assert response.status_code == 302
    assert response["Location"] == "/learn/"
    assert signed_in_user_id(client) == str(trainee.user.pk)
    learn = client.get("/learn/")
    assert "Bonjour Awa Test" in learn.content.decode()
    assert "Développement personnel" in learn.content.decode()


def test_the_username_is_read_without_capitals_and_spaces(client, trainee):
    response = sign_in(client, username="  Rabat01 ")

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(trainee.user.pk)


def test_signing_in_switches_to_the_trainees_preferred_language(client, trainee):
    trainee.preferred_language = "en"
    trainee.save()

    response = sign_in(client)

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    learn = client.get("/learn/")
    assert page(learn).html["lang"] == "en"
    assert "Hello Awa Test" in learn.content.decode()


@pytest.fixture
def staff_with_a_pin_like_password(db):
    user = factories.StaffFactory(email="trainer.pin@example.org", role=Role.TRAINER)
    user.set_password("2468")
    user.save()
    return user


@pytest.mark.parametrize(
    "who",
    ["wrong PIN", "unknown user", "inactive trainee", "staff member"],
)
def test_wrong_credentials_get_one_generic_message_and_sign_nobody_in(
    client, trainee, other_trainee, staff_with_a_pin_like_password, who
):
    if who == "inactive trainee":
        trainee.user.is_active = False
        trainee.user.save()
    username, pin = {
        "wrong PIN": ("rabat01", "1357"),
        "unknown user": ("nobody99", "2468"),
        "inactive trainee": ("rabat01", "2468"),
        "staff member": ("trainer.pin@example.org", "2468"),
    }[who]

    response = sign_in(client, username=username, pin=pin)

    assert response.status_code == 200
    assert alerts(response) == [GENERIC_ERROR]
    assert signed_in_user_id(client) is None
    # Nothing is revealed back, not even the PIN that was tried.
    assert page(response).select_one('input[name="pin"]').get("value") is None


@pytest.mark.parametrize(
    ("username", "pin", "error"),
    [
        ("rabat01", "", PIN_ERROR),
        ("", "2468", "Tapez votre nom d'utilisateur."),
        ("rabat01", "2" * 10_000, PIN_ERROR),
        ("r" * 10_000, "2468", None),
        ("rabat01", "24a8", PIN_ERROR),
        ("rabat01", "246", PIN_ERROR),
        ("rabat01", "٢٤٦٨", PIN_ERROR),  # Arabic-Indic digits
        ("rabat01", "２４６８", PIN_ERROR),  # full-width digits
        ("rabat01", "2468\x00", None),
        ("rabat01\x00", "2468", None),
        ("rabat01 🌳", "2468", GENERIC_ERROR),
    ],
)
def test_bad_input_gets_a_clear_form_error_and_signs_nobody_in(
    client, trainee, username, pin, error
):
    response = sign_in(client, username=username, pin=pin)

    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    messages = form_errors(response) + alerts(response)
    assert messages
    if error:
        assert error in messages


def test_after_ten_failures_the_next_attempt_is_refused_even_with_the_right_pin(client, trainee):
    for _attempt in range(10):
        assert alerts(sign_in(client, pin="1111")) == [GENERIC_ERROR]

    response = sign_in(client)

    assert response.status_code == 429
    [message] = alerts(response)
    assert message.startswith(LOCKED)
    assert "Réessayez dans 2 jours" in message.replace("\xa0", " ")
    assert "demandez à votre formateur de le débloquer" in message
    assert signed_in_user_id(client) is None


def test_failures_count_whatever_the_capitals_of_the_username(client, trainee):
    for username in ["RABAT01", "Rabat01", "rabat01", "rAbat01", "RaBaT01"] * 2:
        sign_in(client, username=username, pin="1111")

    assert sign_in(client).status_code == 429


def test_successful_sign_ins_do_not_use_up_the_limit(client, trainee):
    """A class signs in one after the other behind one address."""
    for _attempt in range(12):
        assert sign_in(client).status_code == 302
        client.post(SIGN_OUT)


def test_the_limit_of_one_trainee_does_not_lock_out_another(client, trainee, other_trainee):
    for _attempt in range(10):
        sign_in(client, pin="1111")

    response = sign_in(client, username=other_trainee.username)

    assert response.status_code == 302


# --- Picture password ---------------------------------------------------------------------------


def test_the_picture_page_shows_the_twelve_pictures_in_four_groups(client):
    html = page(client.get(PICTURES, {"username": "rabat01"}))

    groups = html.select("fieldset[data-step]")
    assert len(groups) == 4
    assert all(len(group.select('input[type="radio"]')) == 12 for group in groups)
    assert "🐐" in groups[0].get_text()
    assert "chèvre" in groups[0].get_text()


def test_a_trainee_signs_in_with_the_right_pictures_in_order(client, trainee_with_pictures):
    response = sign_in_with_pictures(client, SEQUENCE)

    assert response.status_code == 302
    assert response["Location"] == "/learn/"
    assert signed_in_user_id(client) == str(trainee_with_pictures.user.pk)


def test_the_right_pictures_in_the_wrong_order_fail(client, trainee_with_pictures):
    response = sign_in_with_pictures(client, list(reversed(SEQUENCE)))

    assert alerts(response) == [GENERIC_ERROR]
    assert signed_in_user_id(client) is None
    # The choice is not shown back.
    assert not page(response).select("input[checked]")


def test_a_trainee_without_a_picture_password_cannot_use_pictures(client, trainee):
    response = sign_in_with_pictures(client, SEQUENCE)

    assert alerts(response) == [GENERIC_ERROR]
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize(
    "pictures",
    [
        ["sun", "goat", "mango", "dragon"],
        ["sun", "goat", "mango"],
        ["sun", "goat", "mango", ""],
        ["sun", "goat", "mango", "x" * 10_000],
    ],
)
def test_missing_or_unknown_pictures_get_a_form_error(client, trainee_with_pictures, pictures):
    response = sign_in_with_pictures(client, pictures)

    assert response.status_code == 200
    assert alerts(response)
    assert GENERIC_ERROR not in alerts(response)
    assert signed_in_user_id(client) is None


def test_picture_failures_share_the_limit_of_pin_failures(client, trainee_with_pictures):
    for _attempt in range(5):
        sign_in(client, pin="1111")
    for _attempt in range(5):
        sign_in_with_pictures(client, ["sun", "sun", "sun", "sun"])

    response = sign_in_with_pictures(client, SEQUENCE)

    assert response.status_code == 429
    assert alerts(response)[0].startswith(LOCKED)
    assert signed_in_user_id(client) is None


# --- Sign-out -----------------------------------------------------------------------------------


def test_signing_out_wipes_the_browser_and_returns_to_the_sign_in_page(client, trainee):
    client.force_login(trainee.user)

    response = client.post(SIGN_OUT)

    assert response.status_code == 302
    assert response["Location"] == SIGN_IN
    assert response["Clear-Site-Data"] == '"cache"'
    assert signed_in_user_id(client) is None


def test_opening_the_sign_out_address_only_asks_for_confirmation(client, trainee):
    client.force_login(trainee.user)

    response = client.get(SIGN_OUT)

    assert response.status_code == 200
    assert page(response).select_one(f'form[method="post"][action="{SIGN_OUT}"]')
    assert signed_in_user_id(client) == str(trainee.user.pk)


def test_the_sign_out_page_sends_a_signed_out_visitor_to_the_sign_in_page(client):
    response = client.get(SIGN_OUT)

    assert response.status_code == 302
    assert response["Location"] == SIGN_IN


# --- Inactivity -----------------------------------------------------------------------------------


def set_last_activity(client, seconds_ago: float) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - seconds_ago
    session.save()


def test_an_idle_trainee_is_signed_out_on_their_next_request(client, trainee):
    client.force_login(trainee.user)
    set_last_activity(client, settings.TRAINEE_IDLE_SECONDS + 5)

    response = client.get("/learn/")

    assert response.status_code == 302
    assert response["Location"] == SIGN_IN
    assert response["Clear-Site-Data"] == '"cache"'
    assert signed_in_user_id(client) is None
    notices = page(client.get(SIGN_IN)).select(".notice")
    assert [n.get_text(strip=True) for n in notices] == [
        "Vous avez été déconnecté après une période d'inactivité."
    ]


def test_a_trainee_active_within_the_limit_stays_signed_in(client, trainee):
    client.force_login(trainee.user)
    set_last_activity(client, settings.TRAINEE_IDLE_SECONDS - 60)

    assert client.get("/learn/").status_code == 200
    assert client.session[LAST_ACTIVITY_KEY] > time.time() - 5


def test_staff_are_not_signed_out_by_the_trainees_idle_timer(client, trainer):
    client.force_login(trainer)
    set_last_activity(client, settings.TRAINEE_IDLE_SECONDS + 5)

    client.get("/learn/")

    assert signed_in_user_id(client) == str(trainer.pk)


def test_the_tablet_tells_the_server_a_trainee_is_still_there(client, trainee):
    client.force_login(trainee.user)
    set_last_activity(client, settings.TRAINEE_IDLE_SECONDS - 10)

    response = client.get(STILL_HERE)

    assert response.status_code == 204
    assert client.session[LAST_ACTIVITY_KEY] > time.time() - 5


def test_only_a_signed_in_trainee_can_say_they_are_still_there(client, trainer):
    assert client.get(STILL_HERE).status_code == 403
    client.force_login(trainer)
    assert client.get(STILL_HERE).status_code == 403


# --- Where a signed-out visitor is sent ----------------------------------------------------------


def test_a_signed_out_trainee_opening_their_space_lands_on_the_trainee_sign_in(client):
    response = client.get("/learn/")

    assert response.status_code == 302
    assert response["Location"] == SIGN_IN


def test_a_signed_out_visitor_of_the_admin_still_goes_to_the_staff_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")
