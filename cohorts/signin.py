"""Trainee sign-in on shared tablets: a username with a PIN typed on a keypad, or with four
pictures; on a classroom tablet, the trainee's first name tapped in the class list instead of
the username; and a sign-out that leaves nothing of one trainee for the next.

Only members of the Trainee group get in here; staff sign in at /accounts/login/ with MFA.
Every failure answers with the same message. Wrong tries are counted before the secret is
checked, per trainee and per address or classroom tablet (cohorts/guessing.py, which states
the figures of the guessing policy).
"""

from collections.abc import Callable
from http import HTTPStatus

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from cohorts import guessing
from cohorts.classroom import current_classroom
from cohorts.middleware import mark_active, signed_out_redirect
from cohorts.pictures import SEQUENCE_LENGTH
from cohorts.signin_forms import PictureForm, PictureSignInForm, PinForm, PinSignInForm
from lms.roles import is_trainee

# Where a trainee sent to sign in from a page outside /learn/ (a check-in QR code) goes back
# to once signed in: a path kept in the session, never a parameter anyone could forge.
AFTER_SIGN_IN_KEY = "cohorts:after-sign-in"
# The session's user is loaded with their profile (cohorts/backends.py).
SESSION_BACKEND = "cohorts.backends.TraineeSessionBackend"
USERNAME_MAX_LENGTH = 150


PICTURE_FIELDS = tuple(f"picture{n}" for n in range(1, SEQUENCE_LENGTH + 1))


def _check_pin(request: HttpRequest, username: str, form: PinForm):
    # The model backend only: trainee usernames are not e-mail addresses.
    return ModelBackend().authenticate(
        request, username=username, password=form.cleaned_data["pin"]
    )


def _check_pictures(request: HttpRequest, username: str, form: PictureForm):
    user = (
        get_user_model()
        ._default_manager.filter(username=username, is_active=True)
        .select_related("trainee")
        .first()
    )
    trainee = getattr(user, "trainee", None)
    if trainee is None or not trainee.picture_password:
        # Take as long as a real check, so the answer's timing does not tell who has one.
        make_password("-".join(form.sequence))
        return None
    return user if trainee.check_picture_password(form.sequence) else None


@sensitive_post_parameters("pin")
@never_cache
@require_http_methods(["GET", "POST"])
def pin_login(request: HttpRequest) -> HttpResponse:
    """The sign-in page (/accounts/trainee/, printed on login cards): the class list on a
    tablet where a trainer opened it today, the username and PIN everywhere else (and there
    too, from the list's "another account" link: ?username=)."""
    if request.method == "GET" and "username" not in request.GET:
        classroom = current_classroom(request)
        if classroom is not None:
            context = {"cohort": classroom.cohort, "entries": classroom.entries()}
            return render(request, "cohorts/signin/classroom.html", context)
    return _sign_in(request, PinSignInForm, "cohorts/signin/pin.html", _check_pin)


@sensitive_post_parameters(*PICTURE_FIELDS)
@never_cache
@require_http_methods(["GET", "POST"])
def picture_login(request: HttpRequest) -> HttpResponse:
    return _sign_in(request, PictureSignInForm, "cohorts/signin/pictures.html", _check_pictures)


@sensitive_post_parameters("pin")
@never_cache
@require_http_methods(["GET", "POST"])
def classroom_pin_login(request: HttpRequest, pk: int) -> HttpResponse:
    """The PIN of the trainee whose name was tapped in the class list."""
    return _classroom_sign_in(request, pk, PinForm, "cohorts/signin/pin.html", _check_pin)


@sensitive_post_parameters(*PICTURE_FIELDS)
@never_cache
@require_http_methods(["GET", "POST"])
def classroom_picture_login(request: HttpRequest, pk: int) -> HttpResponse:
    """The pictures of the trainee whose name was tapped in the class list."""
    return _classroom_sign_in(
        request, pk, PictureForm, "cohorts/signin/pictures.html", _check_pictures
    )


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


def _classroom_sign_in(request, pk, form_class, template, check) -> HttpResponse:
    classroom = current_classroom(request)
    if classroom is None:
        # Closed (by the trainer, or at midnight) while the trainee was on the keypad.
        return redirect("trainee_login")
    trainee = classroom.get_trainee(pk)
    pin_url = reverse("trainee_classroom_pin", args=[trainee.pk])
    pictures_url = reverse("trainee_classroom_pictures", args=[trainee.pk])
    return _sign_in(
        request,
        form_class,
        template,
        check,
        username=trainee.username,
        budget=guessing.classroom_budget(trainee.username, classroom.token),
        context={
            "tapped": trainee,
            "other_way_url": pictures_url if form_class is PinForm else pin_url,
        },
    )


def _sign_in(
    request: HttpRequest,
    form_class: type[forms.Form],
    template: str,
    check: Callable[[HttpRequest, str, forms.Form], object | None],
    *,
    username: str | None = None,
    budget: list[tuple[str, str]] | None = None,
    context: dict | None = None,
) -> HttpResponse:
    """``username`` and ``budget`` are given by the classroom sign-in; otherwise the username
    is typed and its tries counted in the username sign-in's budget."""
    context = context or {}
    if request.method != "POST":
        initial = {"username": request.GET.get("username", "")[:USERNAME_MAX_LENGTH]}
        return _render(request, template, form_class(initial=initial), context)

    form = form_class(request.POST)
    if not form.is_valid():
        return _render(request, template, form, context)

    username = username or form.cleaned_data["username"]
    fresh_form = form_class(initial={"username": username})
    attempt = guessing.count_try(request, budget or guessing.username_budget(username))
    if isinstance(attempt, guessing.Locked):
        return _render(
            request,
            template,
            fresh_form,
            context,
            error=attempt.message,
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )

    user = check(request, username, form)
    if user is None or not is_trainee(user) or getattr(user, "trainee", None) is None:
        return _render(
            request, template, fresh_form, context, error=_("Nom d'utilisateur ou code incorrect.")
        )

    attempt.succeeded()
    return _signed_in(request, user)


def sign_in_then_return(request: HttpRequest) -> HttpResponse:
    """Send an anonymous visitor to the trainee sign-in, and back to this page once signed in."""
    request.session[AFTER_SIGN_IN_KEY] = request.get_full_path()
    return redirect("trainee_login")


def _return_path(request: HttpRequest) -> str | None:
    # login() keeps an anonymous session's data (it only changes its key).
    path = request.session.pop(AFTER_SIGN_IN_KEY, None)
    if path and url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return path
    return None


def _signed_in(request: HttpRequest, user) -> HttpResponse:
    login(request, user, backend=SESSION_BACKEND)
    mark_active(request)
    language = user.trainee.preferred_language
    translation.activate(language)
    response = redirect(_return_path(request) or "learn_home")
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


def _render(
    request, template, form, context, *, error: str = "", status=HTTPStatus.OK
) -> HttpResponse:
    return render(request, template, {**context, "form": form, "error": error}, status=status)
