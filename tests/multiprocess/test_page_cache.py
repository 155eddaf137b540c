"""With 4 gunicorn workers and no Redis, a page made private or unpublished is never served
from the page cache to an anonymous visitor, whichever worker answers."""

import pytest

from tests.multiprocess.gunicorn_conf import HOLD_HEADER
from tests.multiprocess.server import WORKERS, form_action

# django_db: the server's database is a copy of the test database (see conftest.py).
pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db]

PRIVATE_GUIDE = "/fr/guides/mali/"
PRIVATE_TITLE = "Guide de réintégration : Mali"
UNPUBLISHED_GUIDE = "/fr/guides/senegal/"
UNPUBLISHED_TITLE = "Guide de réintégration : Sénégal"
PASSWORD = "mot-de-passe-multiprocess"
REQUESTS = 16  # at least 12, from several connections at once
HOLD_SECONDS = "0.4"  # long enough for WORKERS requests sent at once to meet in the workers

PROTECT_AND_UNPUBLISH = f"""
from wagtail.models import PageViewRestriction
from content.models import CountryGuidePage

mali = CountryGuidePage.objects.get(slug="mali", locale__language_code="fr")
PageViewRestriction.objects.create(
    page=mali, restriction_type=PageViewRestriction.PASSWORD, password="{PASSWORD}"
)
CountryGuidePage.objects.get(slug="senegal", locale__language_code="fr").unpublish()
"""


def asks_for_the_password(response) -> bool:
    return response.status_code == 200 and 'name="password"' in response.text


def shows(response, title: str) -> bool:
    return response.status_code == 200 and title in response.text


def anonymous_visits(server, path: str, count: int = REQUESTS) -> list:
    """``count`` first visits of ``path``, each by a new anonymous visitor, WORKERS at a time,
    each held in its worker a moment: every batch is answered by every worker
    (tests/multiprocess/gunicorn_conf.py), whatever the kernel would have chosen."""
    held = {HOLD_HEADER: HOLD_SECONDS}
    return server.in_parallel(count, lambda _: server.visitor().get(path, headers=held))


def warm_in_every_worker(server, path: str) -> list:
    """Visit ``path`` until every worker has answered it (bounded)."""
    responses = []
    for _ in range(3):
        responses += anonymous_visits(server, path, count=WORKERS)
        answered = set(server.answered_by([r.probe for r in responses]).values())
        if len(answered) == WORKERS:
            return responses
    raise AssertionError(f"only {len(answered)} of {WORKERS} workers answered {path}")


def test_a_page_made_private_or_unpublished_is_not_served_from_any_worker_cache(server):
    warmed = warm_in_every_worker(server, PRIVATE_GUIDE)
    warmed_unpublished = warm_in_every_worker(server, UNPUBLISHED_GUIDE)
    assert all(shows(response, PRIVATE_TITLE) for response in warmed)
    assert all(shows(response, UNPUBLISHED_TITLE) for response in warmed_unpublished)
    assert len(set(server.answered_by([r.probe for r in warmed]).values())) == WORKERS

    server.django(PROTECT_AND_UNPUBLISH)

    private = anonymous_visits(server, PRIVATE_GUIDE)
    unpublished = anonymous_visits(server, UNPUBLISHED_GUIDE)
    assert [asks_for_the_password(response) for response in private] == [True] * REQUESTS
    assert [response.status_code for response in unpublished] == [404] * REQUESTS
    assert not any(UNPUBLISHED_TITLE in response.text for response in unpublished)
    answered = server.answered_by([r.probe for r in private + unpublished])
    assert len(set(answered.values())) == WORKERS, "every worker was asked"

    # One visitor types the password and reads the guide, in every worker...
    insider = server.visitor()
    form = insider.get(PRIVATE_GUIDE)
    typed = insider.post(
        form_action(form.text), {"password": PASSWORD, "return_url": PRIVATE_GUIDE}
    )
    assert typed.status_code == 302
    inside = [insider.get(PRIVATE_GUIDE) for _ in range(REQUESTS)]
    assert all(shows(response, PRIVATE_TITLE) for response in inside)
    assert all("no-store" in response.headers["Cache-Control"] for response in inside)
    assert insider.get(f"{PRIVATE_GUIDE}print/").status_code == 200
    assert insider.get(f"{PRIVATE_GUIDE}pdf/").headers["Content-Type"] == "application/pdf"

    # ... and no other anonymous visitor gets it, nor its print version or PDF.
    for path in (PRIVATE_GUIDE, f"{PRIVATE_GUIDE}print/", f"{PRIVATE_GUIDE}pdf/"):
        others = anonymous_visits(server, path)
        assert [asks_for_the_password(response) for response in others] == [True] * REQUESTS
