"""The trainee's idle timer without a session write on every page view."""

import time

from django.conf import settings
from django.contrib.sessions.models import Session

from cohorts.middleware import ACTIVITY_GRANULARITY_SECONDS, LAST_ACTIVITY_KEY


def set_last_activity(client, seconds_ago: float) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - seconds_ago
    session.save()


def stored_session(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_a_page_view_soon_after_the_last_does_not_write_the_session(client, trainee):
    client.force_login(trainee.user)
    set_last_activity(client, 5)
    before = stored_session(client)

    assert client.get("/learn/").status_code == 200

    after = stored_session(client)
    assert (after.session_data, after.expire_date) == (before.session_data, before.expire_date)


def test_activity_older_than_the_granularity_is_recorded(client, trainee):
    client.force_login(trainee.user)
    set_last_activity(client, ACTIVITY_GRANULARITY_SECONDS + 1)

    assert client.get("/learn/").status_code == 200

    assert client.session[LAST_ACTIVITY_KEY] > time.time() - 5


def test_the_idle_sign_out_still_comes_on_time(client, trainee):
    client.force_login(trainee.user)
    set_last_activity(client, settings.TRAINEE_IDLE_SECONDS + 1)

    response = client.get("/learn/")

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") is None
