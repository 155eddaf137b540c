"""lms/account_urls.py lays allauth's URLs out as allauth.urls does, MFA views imported late."""

import importlib

from django.urls import URLPattern, URLResolver, resolve, reverse

from lms import account_urls


def routes(patterns, prefix=""):
    """(route, name) of every view under ``patterns``, nested includes flattened."""
    found = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found |= routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            found.add((route, pattern.name))
    return found


def test_the_account_urls_are_allauths_own():
    allauth_urls = importlib.import_module("allauth.urls")

    assert routes(account_urls.urlpatterns) == routes(allauth_urls.urlpatterns)


def test_a_deferred_mfa_view_answers_as_allauths_own(client, trainer):
    client.force_login(trainer)

    response = client.get(reverse("mfa_index"))

    assert response.status_code == 200
    assert "mfa/index.html" in [t.name for t in response.templates]
    assert resolve("/accounts/2fa/authenticate/").url_name == "mfa_authenticate"
