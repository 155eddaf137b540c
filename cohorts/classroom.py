"""Classroom sign-in: a trainer opens a cohort's class list on a tablet, for today.

The trainer, signed in as staff on the tablet, opens it from the cohort's page; a signed
cookie then binds this browser to the cohort and the day. It outlives the trainer's sign-out
(a sign-out empties the session, not this cookie) because trainees sign in one after the other
on the same tablet: each taps their first name and enters their PIN or pictures, no username
to type (cohorts/signin.py). The list shows first names and the initial of the last name only.

The cookie is checked on every use: it must be signed, be today's, and its opener must still
be allowed to print this cohort's login cards (the cohort policy's ``enrol``): a trainer
taken off the cohort closes every tablet they opened. A trainer closes the list on the tablet
from the same page; it closes by itself at midnight. Wrong tries on a classroom tablet count
in a budget of their own (cohorts/guessing.py), so a spray from elsewhere cannot lock the
class out. The trainer's unlock of a trainee locked after wrong tries lives here too.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.widgets import Button

from cohorts import services
from cohorts.models import Cohort, TraineeProfile
from cohorts.permissions import cohort_policy, get_cohort_for_user, get_trainee_for_user
from lms import audit

COOKIE_NAME = "foras_classroom"
SALT = "cohorts.classroom"
# Who may open a cohort's class list: the people who may print its login cards.
ACTION = "enrol"


@dataclass(frozen=True)
class Classroom:
    """The class list opened on this browser: a cohort, for today."""

    cohort: Cohort
    token: str

    def trainees(self):
        """Who appears on the list: the cohort's trainees still enrolled, by name."""
        return TraineeProfile.objects.filter(
            pk__in=self.cohort.enrolments.active().values("trainee")
        ).select_related("user")

    def entries(self) -> list[dict]:
        """The list as shown: each trainee with where tapping their name leads (their
        pictures when they have a picture password, the keypad otherwise)."""
        return [
            {
                "trainee": trainee,
                "url": reverse(
                    "trainee_classroom_pictures"
                    if trainee.picture_password
                    else "trainee_classroom_pin",
                    args=[trainee.pk],
                ),
            }
            for trainee in self.trainees()
        ]

    def get_trainee(self, pk) -> TraineeProfile:
        """A trainee of the list; anyone else is a 404."""
        return get_object_or_404(self.trainees(), pk=pk)


def current_classroom(request: HttpRequest) -> Classroom | None:
    """The class list opened on this browser for today, if any (None when closed, expired,
    tampered with, or its opener may no longer open it)."""
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=SALT, max_age=datetime.timedelta(days=1))
        cohort_id, day, opener_id, token = data["cohort"], data["day"], data["by"], data["token"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    if day != timezone.localdate().isoformat():
        return None
    cohort = Cohort.objects.filter(pk=cohort_id).first()
    opener = get_user_model()._default_manager.filter(pk=opener_id, is_active=True).first()
    if cohort is None or opener is None:
        return None
    if not cohort_policy.user_has_permission_for_instance(opener, ACTION, cohort):
        return None
    return Classroom(cohort=cohort, token=token)


def _seconds_to_midnight() -> int:
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(int((midnight - now).total_seconds()), 1)


@transaction.atomic
def open_classroom(*, by, cohort: Cohort, response: HttpResponse) -> None:
    """Open ``cohort``'s class list on the browser ``response`` goes to, until midnight."""
    value = signing.dumps(
        {
            "cohort": cohort.pk,
            "day": timezone.localdate().isoformat(),
            "by": by.pk,
            "token": secrets.token_urlsafe(16),
        },
        salt=SALT,
    )
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=_seconds_to_midnight(),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    audit.record(by, audit.Action.CLASSROOM_OPENED, cohort)


def close_classroom(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE_NAME, samesite="Lax")


# --- The trainer's screens, in the admin (/admin/cohorts/…) -------------------------------------


def classroom_page(request, pk: int):
    cohort = get_cohort_for_user(request.user, pk, ACTION)
    here = current_classroom(request)
    context = {
        "cohort": cohort,
        "open_here": here is not None and here.cohort.pk == cohort.pk,
        "other_open_here": here is not None and here.cohort.pk != cohort.pk,
        "count": cohort.enrolments.active().count(),
        "trainee_login_url": reverse("trainee_login"),
        "header_title": _("Connexion de la classe"),
        "header_icon": "group",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
            {"url": reverse("cohorts:index"), "label": _("Cohortes")},
            {"url": reverse("cohorts:detail", args=[cohort.pk]), "label": str(cohort)},
            {"url": "", "label": _("Connexion de la classe")},
        ],
    }
    return TemplateResponse(request, "cohorts/admin/classroom.html", context)


@require_POST
def classroom_open(request, pk: int):
    cohort = get_cohort_for_user(request.user, pk, ACTION)
    response = redirect("cohorts:classroom", pk=cohort.pk)
    open_classroom(by=request.user, cohort=cohort, response=response)
    messages.success(
        request,
        _("La liste de la classe est ouverte sur cette tablette jusqu'à ce soir."),
    )
    return response


@require_POST
def classroom_close(request, pk: int):
    cohort = get_cohort_for_user(request.user, pk, ACTION)
    response = redirect("cohorts:classroom", pk=cohort.pk)
    close_classroom(response)
    messages.success(request, _("La liste de la classe est fermée sur cette tablette."))
    return response


@require_POST
def trainee_unlock(request, pk: int):
    """A trainer lets a trainee locked out after wrong tries sign in again
    (templates/cohorts/admin/_sign_in_unlock.html, on the trainee's page)."""
    trainee = get_trainee_for_user(request.user, pk, "change")
    services.unlock_sign_in(by=request.user, trainee=trainee)
    messages.success(request, _("La connexion est débloquée : l'apprenant peut réessayer."))
    return redirect("cohorts:trainee", pk=trainee.pk)


@hooks.register("register_cohort_buttons")
def classroom_button(cohort, user):
    if not cohort_policy.user_has_permission_for_instance(user, ACTION, cohort):
        return []
    return [
        Button(
            _("Connexion de la classe sur cette tablette"),
            reverse("cohorts:classroom", args=[cohort.pk]),
            icon_name="key",
        )
    ]


# Mounted under /admin/cohorts/ by the cohort viewset (cohorts/wagtail_hooks.py).
urlpatterns = [
    path("<int:pk>/classroom/", classroom_page, name="classroom"),
    path("<int:pk>/classroom/open/", classroom_open, name="classroom_open"),
    path("<int:pk>/classroom/close/", classroom_close, name="classroom_close"),
    path("trainees/<int:pk>/unlock/", trainee_unlock, name="trainee_unlock"),
]
