"""Signs a trainee out of a shared tablet after settings.TRAINEE_IDLE_SECONDS without a request.

The tablet's own timer (lms/static/js/trainee-session.js) warns first and signs out on time;
this is the server's guarantee for a tablet whose page was closed, put to sleep or tampered with.
And a signed-out visitor sent to sign in from a trainee page (a lesson, /learn/) lands on the
trainee sign-in, not the staff one.
"""

import time
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _

from lms.roles import Role, is_trainee, role_names

LAST_ACTIVITY_KEY = "trainee_last_activity"
# Wipes the browser's copies of pages (HTTP cache, back/forward cache) at every sign-out.
# Not "storage": it would destroy answers still waiting on the tablet for the network. What
# the page scripts stored is wiped by them instead (lms/static/js/offline-queue.js, seal()),
# on the sign-out itself and on the sign-in page that follows: drafts in clear are removed and
# only unsent answers stay, encrypted with a key the next trainee's pages never get. Not
# "cookies" either: the session is already ended on the server, and the tablet's other
# cookies (language, CSRF) belong to the tablet, not to the trainee.
CLEAR_SITE_DATA = '"cache"'


# The stored time of last activity is refreshed at most this often: a page view does not write
# the session each time, and the idle sign-out comes within this many seconds of its due time.
ACTIVITY_GRANULARITY_SECONDS = 60


def mark_active(request: HttpRequest, *, now: float | None = None) -> None:
    """Records activity now; writes the session only if the stored time is older than
    ACTIVITY_GRANULARITY_SECONDS (or missing)."""
    now = time.time() if now is None else now
    last = request.session.get(LAST_ACTIVITY_KEY)
    if last is None or now - last >= ACTIVITY_GRANULARITY_SECONDS:
        request.session[LAST_ACTIVITY_KEY] = now


# A trainee's role, kept in their session at sign-in: each of their requests then saves the
# query of the user's groups (lms.roles.role_names). Only a session whose user is a trainee and
# nothing else is trusted this way: a trainee never gains staff rights from it, and one removed
# from the trainee group keeps at most the access of an active enrolment until the browser
# closes (trainee sessions end with it, cohorts/signals.py).
ROLES_KEY = "trainee_roles"
TRAINEE_ONLY = [str(Role.TRAINEE)]


def remember_trainee_role(request: HttpRequest, user) -> None:
    if sorted(role_names(user)) == TRAINEE_ONLY:
        request.session[ROLES_KEY] = TRAINEE_ONLY


def _known_roles(request: HttpRequest) -> None:
    if request.session.get(ROLES_KEY) == TRAINEE_ONLY and request.user.is_authenticated:
        request.user._role_names = set(TRAINEE_ONLY)


def signed_out_redirect() -> HttpResponse:
    """Where a trainee lands after any sign-out: the sign-in page, with the browser wiped."""
    response = redirect("trainee_login")
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


# The staff's own areas: a sign-in asked for from anywhere else is a trainee's.
STAFF_PATHS = ("/admin/", "/accounts/", "/documents/")


def trainee_sign_in_instead(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Pages send signed-out visitors to settings.LOGIN_URL (the staff sign-in), lessons too
    (courses/access.py): outside the staff's areas, send them to the trainee sign-in."""
    if response.status_code != 302 or request.user.is_authenticated:
        return response
    location = urlsplit(response.get("Location", ""))
    if location.path != resolve_url(settings.LOGIN_URL):
        return response
    next_path = parse_qs(location.query).get("next", ["/"])[0]
    if next_path.startswith(STAFF_PATHS):
        return response
    trainee_sign_in = redirect("trainee_login")
    if "no-store" in response.get("Cache-Control", ""):
        trainee_sign_in["Cache-Control"] = response["Cache-Control"]
    return trainee_sign_in


class TraineeIdleMiddleware:
    """Must come after the authentication and message middlewares."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Visitors without a session (every guide read from a QR code) cost nothing here, and
        # their pages do not start varying on the cookie.
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            _known_roles(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and is_trainee(request.user):
            now = time.time()
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.TRAINEE_IDLE_SECONDS:
                logout(request)
                messages.info(
                    request, _("Vous avez été déconnecté après une période d'inactivité.")
                )
                return signed_out_redirect()
            mark_active(request, now=now)
            # Read by templates/base_trainee.html for the tablet's own timer.
            request.trainee_idle_seconds = settings.TRAINEE_IDLE_SECONDS
        return trainee_sign_in_instead(request, self.get_response(request))
