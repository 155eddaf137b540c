"""Trainee sign-in on shared tablets: a username with a PIN typed on a keypad, or with three
pictures; and a sign-out that leaves nothing of one trainee for the next.

Only members of the Trainee group get in here; staff sign in at /accounts/login/ with MFA.
Every failure answers with the same message, and failures are rate limited per username and
per address through allauth's limiter (ACCOUNT_RATE_LIMITS["trainee_login_failed"]).
"""

from collections.abc import Callable
from http import HTTPStatus

# The public allauth.core.ratelimit.consume() answers only yes or no. The internal one returns
# the usage, so an attempt can be counted *before* the check and handed back on success, as
# allauth does for its own sign-in form: parallel guesses cannot slip between a check and a
# count, and a classroom signing in behind one address does not use up the limit.
from allauth.core.internal import ratelimit as allauth_ratelimit
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from cohorts.middleware import mark_active, signed_out_redirect
from cohorts.signin_forms import PictureSignInForm, PinSignInForm
from lms.roles import is_trainee

RATE_LIMIT_ACTION = "trainee_login_failed"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
USERNAME_MAX_LENGTH = 150


@sensitive_post_parameters("pin")
@never_cache
@require_http_methods(["GET", "POST"])
def pin_login(request: HttpRequest) -> HttpResponse:
    def check(form: PinSignInForm):
        # The model backend only: trainee usernames are not e-mail addresses.
        return ModelBackend().authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["pin"],
        )

    return _sign_in(request, PinSignInForm, "cohorts/signin/pin.html", check)


@sensitive_post_parameters("picture1", "picture2", "picture3")
@never_cache
@require_http_methods(["GET", "POST"])
def picture_login(request: HttpRequest) -> HttpResponse:
    def check(form: PictureSignInForm):
        user = (
            get_user_model()
            ._default_manager.filter(username=form.cleaned_data["username"], is_active=True)
            .select_related("trainee")
            .first()
        )
        trainee = getattr(user, "trainee", None)
        if trainee is None or not trainee.picture_password:
            # Take as long as a real check, so the answer's timing does not tell who has one.
            make_password("-".join(form.sequence))
            return None
        return user if trainee.check_picture_password(form.sequence) else None

    return _sign_in(request, PictureSignInForm, "cohorts/signin/pictures.html", check)


@never_cache
@require_http_methods(["GET", "POST"])
def trainee_logout(request: HttpRequest) -> HttpResponse:
    """GET asks for confirmation (nothing changes on GET); POST signs out."""
    if request.method == "POST":
        logout(request)
        return signed_out_redirect()
    if not request.user.is_authenticated:
        return redirect("trainee_login")
    return render(request, "cohorts/signin/logout.html")


@never_cache
@require_GET
def still_here(request: HttpRequest) -> HttpResponse:
    """Called by trainee-session.js while a trainee works on a page without loading another,
    so the server's inactivity clock (cohorts/middleware.py) agrees with the tablet's."""
    if not is_trainee(request.user):
        return HttpResponse(status=HTTPStatus.FORBIDDEN)
    return HttpResponse(status=HTTPStatus.NO_CONTENT)


def _sign_in(
    request: HttpRequest,
    form_class: type[forms.Form],
    template: str,
    check: Callable[[forms.Form], object | None],
) -> HttpResponse:
    if request.method != "POST":
        username = request.GET.get("username", "")[:USERNAME_MAX_LENGTH]
        return _render(request, template, form_class(initial={"username": username}))

    form = form_class(request.POST)
    if not form.is_valid():
        return _render(request, template, form)

    username = form.cleaned_data["username"]
    fresh_form = form_class(initial={"username": username})
    attempt = allauth_ratelimit.consume(
        request, app="allauth.account", action=RATE_LIMIT_ACTION, key=username
    )
    if attempt is None:
        error = _("Trop d'essais. Attendez quelques minutes, puis réessayez.")
        return _render(
            request, template, fresh_form, error=error, status=HTTPStatus.TOO_MANY_REQUESTS
        )

    user = check(form)
    if user is None or not is_trainee(user) or getattr(user, "trainee", None) is None:
        error = _("Nom d'utilisateur ou code incorrect.")
        return _render(request, template, fresh_form, error=error)

    attempt.rollback()
    return _signed_in(request, user)


def _signed_in(request: HttpRequest, user) -> HttpResponse:
    login(request, user, backend=MODEL_BACKEND)
    mark_active(request)
    language = user.trainee.preferred_language
    translation.activate(language)
    response = redirect("learn_home")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def _render(request, template, form, *, error: str = "", status=HTTPStatus.OK) -> HttpResponse:
    return render(request, template, {"form": form, "error": error}, status=status)
