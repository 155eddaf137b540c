"""The trainer's roster screens in the Wagtail admin: a cohort's trainees, a trainee's record,
adding a trainee, PINs and picture passwords, login cards.

Each view fetches through the policy helpers of cohorts/permissions.py (403 for a user who may
not take the action at all, 404 for a row outside their scope) and changes state only through
cohorts/services.py.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail import hooks

from cohorts import services
from cohorts.forms import LoginCardsForm, TraineeForm, WithdrawForm
from cohorts.models import ConsentRecord, EnrolmentStatus
from cohorts.permissions import (
    cohort_policy,
    enrolment_policy,
    get_cohort_for_user,
    get_enrolment_for_user,
    get_trainee_for_user,
    session_day_policy,
)
from cohorts.pictures import PICTURES
from cohorts.rules import AlreadyWithdrawn

# A freshly made PIN or picture password is shown once, on the next page, then forgotten.
PIN_SESSION_KEY = "cohorts:new-credentials"
# Other apps add their buttons to a cohort's page (the assessment results…) with this hook:
# a function of (cohort, user) returning a list of wagtail.admin.widgets.Button.
COHORT_BUTTONS_HOOK = "register_cohort_buttons"
# Other apps add columns to the roster (days done, tests…) with this hook: a function of
# (cohort, enrolments) returning a list of RosterColumn. It must read a fixed number of
# queries whatever the number of trainees.
ROSTER_COLUMNS_HOOK = "register_roster_columns"


@dataclass(frozen=True)
class RosterColumn:
    """A column another app adds to the roster: a heading and each enrolment's lines."""

    label: str
    lines: dict[int, list[str]]  # enrolment id → the lines of its cell
    # Lines are kept whole by default ("Début : 40 %"); a column of phrases lets them wrap.
    wrap: bool = False

    def cell(self, enrolment) -> list[str]:
        return self.lines.get(enrolment.pk) or ["—"]


@dataclass(frozen=True)
class RosterRow:
    enrolment: object
    cells: list[tuple[RosterColumn, list[str]]]


def crumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
        {"url": reverse("cohorts:index"), "label": _("Cohortes")},
        *items,
    ]


def cohort_crumb(cohort):
    return {"url": reverse("cohorts:detail", args=[cohort.pk]), "label": str(cohort)}


def _other_buttons(cohort, user):
    return [
        button for hook in hooks.get_hooks(COHORT_BUTTONS_HOOK) for button in hook(cohort, user)
    ]


def _roster_columns(cohort, enrolments) -> list[RosterColumn]:
    return [
        column
        for hook in hooks.get_hooks(ROSTER_COLUMNS_HOOK)
        for column in hook(cohort, enrolments)
    ]


# The attendance screens, from the cohort's page: (url name, label, the session-day policy's
# action it needs). A screen not built yet has no url name: its button is left out.
ATTENDANCE_SCREENS = (
    ("cohorts:register", gettext_lazy("Registre d'appel"), "mark"),
    ("cohorts:check_in", gettext_lazy("Pointage par code QR"), "mark"),
    ("cohorts:attendance_grid", gettext_lazy("Grille des présences"), "view"),
    ("cohorts:session_days", gettext_lazy("Jours de session"), "view"),
)


def attendance_buttons(cohort, user) -> list[tuple[str, str]]:
    """(label, url) of the attendance screens this user may open on this cohort."""
    buttons = []
    for name, label, action in ATTENDANCE_SCREENS:
        if not session_day_policy.user_has_permission(user, action):
            continue
        try:
            buttons.append((label, reverse(name, args=[cohort.pk])))
        except NoReverseMatch:
            continue
    return buttons


def cohort_detail(request, pk: int):
    cohort = get_cohort_for_user(request.user, pk)
    enrolments = list(
        cohort.enrolments.select_related("trainee__user", "cohort__module").order_by(
            "trainee__display_name"
        )
    )
    services.viewed_roster(
        by=request.user, cohort=cohort, trainees=[e.trainee_id for e in enrolments]
    )
    columns = _roster_columns(cohort, enrolments)
    context = {
        "cohort": cohort,
        "rows": [
            RosterRow(e, [(column, column.cell(e)) for column in columns]) for e in enrolments
        ],
        "columns": columns,
        "trainers": cohort.trainers.all(),
        "can_enrol": cohort_policy.user_has_permission_for_instance(request.user, "enrol", cohort),
        "can_edit_cohort": cohort_policy.user_has_permission_for_instance(
            request.user, "change", cohort
        ),
        "can_withdraw": enrolment_policy.user_has_permission(request.user, "change"),
        "other_buttons": _other_buttons(cohort, request.user),
        "attendance_buttons": attendance_buttons(cohort, request.user),
        "header_title": str(cohort),
        "header_icon": "group",
        "breadcrumbs_items": crumbs({"url": "", "label": str(cohort)}),
    }
    return TemplateResponse(request, "cohorts/admin/cohort_detail.html", context)


def trainee_add(request, pk: int):
    cohort = get_cohort_for_user(request.user, pk, "enrol")
    form = TraineeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            trainee, pin = services.create_trainee(
                by=request.user,
                cohort=cohort,
                consents=form.consents(),
                **{name: form.cleaned_data[name] for name in TraineeForm.Meta.fields},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[PIN_SESSION_KEY] = {"trainee": trainee.pk, "pin": pin}
            messages.success(request, _("%(name)s a été inscrit.") % {"name": trainee})
            return redirect("cohorts:trainee", pk=trainee.pk)
    context = {
        "cohort": cohort,
        "form": form,
        "header_title": _("Ajouter un apprenant"),
        "breadcrumbs_items": crumbs(
            cohort_crumb(cohort), {"url": "", "label": _("Ajouter un apprenant")}
        ),
    }
    return TemplateResponse(request, "cohorts/admin/trainee_add.html", context)


def trainee_detail(request, pk: int):
    trainee = get_trainee_for_user(request.user, pk)
    services.viewed_trainee(by=request.user, trainee=trainee)
    credentials = request.session.pop(PIN_SESSION_KEY, None) or {}
    if credentials.get("trainee") != trainee.pk:
        credentials = {}
    enrolments = enrolment_policy.instances_user_has_permission_for(request.user, "view")
    context = {
        "trainee": trainee,
        "enrolments": enrolments.filter(trainee=trainee).select_related("cohort__module"),
        "can_reenrol": enrolment_policy.user_has_permission(request.user, "change"),
        "consents": ConsentRecord.objects.filter(trainee=trainee).select_related("recorded_by"),
        "new_pin": credentials.get("pin"),
        # (emoji, label) in the order the trainee taps them.
        "new_pictures": [PICTURES[key] for key in credentials.get("pictures", [])],
        "header_title": str(trainee),
        "breadcrumbs_items": crumbs({"url": "", "label": str(trainee)}),
    }
    return TemplateResponse(request, "cohorts/admin/trainee_detail.html", context)


@require_POST
def trainee_reset_pin(request, pk: int):
    trainee = get_trainee_for_user(request.user, pk, "change")
    pin = services.reset_pin(by=request.user, trainee=trainee)
    request.session[PIN_SESSION_KEY] = {"trainee": trainee.pk, "pin": pin}
    messages.success(request, _("Nouveau code créé : notez-le et donnez-le à l'apprenant."))
    return redirect("cohorts:trainee", pk=trainee.pk)


@require_POST
def trainee_picture_password(request, pk: int):
    """A new picture password, drawn by the platform like a PIN (nothing posted is read: a
    chosen sequence would be a guessable one), shown once on the trainee's page."""
    trainee = get_trainee_for_user(request.user, pk, "change")
    pictures = services.set_picture_password(by=request.user, trainee=trainee)
    request.session[PIN_SESSION_KEY] = {"trainee": trainee.pk, "pictures": pictures}
    messages.success(request, _("Nouveau mot de passe en images créé : montrez-le à l'apprenant."))
    return redirect("cohorts:trainee", pk=trainee.pk)


@require_http_methods(["GET", "POST"])
def enrolment_withdraw(request, pk: int):
    """GET: a confirmation asking why; POST: the withdrawal, with its reason (audited)."""
    enrolment = get_enrolment_for_user(request.user, pk, "change")
    if request.method == "GET" and enrolment.status == EnrolmentStatus.WITHDRAWN:
        messages.info(request, AlreadyWithdrawn().messages[0])
        return redirect("cohorts:trainee", pk=enrolment.trainee_id)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.withdraw(
                    by=request.user, enrolment=enrolment, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(name)s ne suit plus cette cohorte.") % {"name": enrolment.trainee},
                )
                return redirect("cohorts:detail", pk=enrolment.cohort_id)
        status = 400
    context = {
        "enrolment": enrolment,
        "form": form,
        "header_title": _("Retirer %(name)s de la cohorte") % {"name": enrolment.trainee},
        "breadcrumbs_items": crumbs(
            cohort_crumb(enrolment.cohort), {"url": "", "label": _("Retirer un apprenant")}
        ),
    }
    return TemplateResponse(
        request, "cohorts/admin/enrolment_withdraw.html", context, status=status
    )


@require_POST
def enrolment_reenrol(request, pk: int):
    """A withdrawn trainee back in the same cohort, if a place is left."""
    enrolment = get_enrolment_for_user(request.user, pk, "change")
    try:
        services.reenrol(by=request.user, enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(name)s suit de nouveau la cohorte %(cohort)s.")
            % {"name": enrolment.trainee, "cohort": enrolment.cohort},
        )
    return redirect("cohorts:trainee", pk=enrolment.trainee_id)


@require_http_methods(["GET", "POST"])
def login_cards(request, pk: int):
    """GET: the trainees (all ticked) and a button; POST: a worker renders their cards, with
    a new PIN for each when asked (cohorts/tasks.py)."""
    cohort = get_cohort_for_user(request.user, pk, "enrol")
    form = LoginCardsForm(request.POST if request.method == "POST" else None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        document = services.request_login_cards(
            by=request.user,
            cohort=cohort,
            base_url=request.build_absolute_uri("/"),
            language=get_language(),
            trainees=form.cleaned_data["trainees"],
            new_pins=form.cleaned_data["new_pins"],
        )
        return redirect("lms_document", pk=document.pk)
    context = {
        "cohort": cohort,
        "form": form,
        "header_title": _("Cartes de connexion"),
        "breadcrumbs_items": crumbs(
            cohort_crumb(cohort), {"url": "", "label": _("Cartes de connexion")}
        ),
    }
    status = 400 if form.is_bound else 200
    return TemplateResponse(
        request, "cohorts/admin/login_cards_request.html", context, status=status
    )


# Mounted under /admin/cohorts/ by the cohort viewset (cohorts/wagtail_hooks.py).
urlpatterns = [
    path("<int:pk>/", cohort_detail, name="detail"),
    path("<int:pk>/trainees/add/", trainee_add, name="trainee_add"),
    path("<int:pk>/login-cards/", login_cards, name="login_cards"),
    path("trainees/<int:pk>/", trainee_detail, name="trainee"),
    path("trainees/<int:pk>/pin/", trainee_reset_pin, name="trainee_pin"),
    path("trainees/<int:pk>/pictures/", trainee_picture_password, name="trainee_pictures"),
    path("enrolments/<int:pk>/withdraw/", enrolment_withdraw, name="enrolment_withdraw"),
    path("enrolments/<int:pk>/reenrol/", enrolment_reenrol, name="enrolment_reenrol"),
]
