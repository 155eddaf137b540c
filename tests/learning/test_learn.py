"""The trainee's learning space: only their own training, and a way out on every page."""

import pytest
from bs4 import BeautifulSoup

from cohorts import services
from cohorts.models import Enrolment

LEARN = "/learn/"


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(LEARN)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/trainee/"


def test_a_trainee_sees_their_name_module_dates_and_place(client, trainee, cohort):
    client.force_login(trainee.user)

    response = client.get(LEARN)

    assert response.status_code == 200
    html = page(response)
    assert html.h1.get_text(strip=True) == "Bonjour Awa Test"
    card = html.select_one(".enrolment")
    assert "Développement personnel" in card.get_text()
    assert "Rabat" in card.get_text()
    assert str(cohort.end_date.year) in card.get_text()


def test_a_trainee_never_sees_another_trainees_name_or_training(client, trainee, other_trainee):
    client.force_login(trainee.user)

    content = client.get(LEARN).content.decode()

    assert "Awa Test" in content
    assert "Moussa Test" not in content
    assert "Entrepreneuriat" not in content
    assert "Casablanca" not in content


def test_a_withdrawn_enrolment_is_not_shown(client, trainee, trainer):
    services.withdraw(by=trainer, enrolment=Enrolment.objects.get(trainee=trainee), reason="Départ")
    client.force_login(trainee.user)

    html = page(client.get(LEARN))

    assert not html.select(".enrolment")
    assert html.select_one(".notice")


@pytest.mark.parametrize("staff", ["trainer", "coordinator"])
def test_staff_are_sent_to_the_admin(client, request, staff):
    client.force_login(request.getfixturevalue(staff))

    response = client.get(LEARN)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_user_who_is_neither_trainee_nor_staff_is_refused_with_a_friendly_page(client, outsider):
    client.force_login(outsider)

    response = client.get(LEARN)

    assert response.status_code == 403
    assert page(response).h1.get_text(strip=True) == "Accès réservé"


def test_every_trainee_page_starts_with_a_sign_out_button(client, trainee):
    client.force_login(trainee.user)

    html = page(client.get(LEARN))

    form = html.select_one("header form[data-signout]")
    assert form["method"] == "post"
    assert form["action"] == "/accounts/trainee/logout/"
    assert "Ce n'est pas vous ? Se déconnecter" in form.get_text(" ", strip=True)
    assert html.select_one('script[src="/static/js/trainee-session.js"][defer]')


def test_the_page_gives_the_tablet_its_idle_limit_and_is_never_cached(client, trainee, settings):
    client.force_login(trainee.user)

    response = client.get(LEARN)

    assert page(response).body["data-idle-seconds"] == str(settings.TRAINEE_IDLE_SECONDS)
    assert "no-store" in response["Cache-Control"]
