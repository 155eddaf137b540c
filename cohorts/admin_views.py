"""The trainer's workspace in the Wagtail admin: cohorts, rosters, trainees, login cards."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cohorts import services
from cohorts.forms import CohortFilterForm, PicturePasswordForm, TraineeForm
from cohorts.models import Cohort, ConsentRecord
from cohorts.permissions import (
    get_cohort_for_user,
    get_enrolment_for_user,
    get_trainee_for_user,
    require_workspace,
)
from lms import audit
from lms.models import AuditAction
from lms.pdf import render_pdf
from lms.qr import qr_svg

# A freshly set PIN is shown once, on the next page, then forgotten.
PIN_SESSION_KEY = "cohorts:new-credentials"


def _crumbs(*items):
    return [{"url": reverse("wagtailadmin_home"), "label": _("Accueil")}, *items]


def _cohorts_crumb():
    return {"url": reverse("cohorts_list"), "label": _("Cohortes")}


def cohort_list(request):
    require_workspace(request.user)
    cohorts = Cohort.objects.visible_to(request.user)
    filter_form = CohortFilterForm(request.GET or None)
    if filter_form.is_bound:
        cohorts = filter_form.filter(cohorts)
    cohorts = cohorts.with_counts().select_related("module", "orientation_point")
    context = {
        "cohorts": cohorts,
        "filter_form": filter_form,
        "can_add_cohort": request.user.has_perm("cohorts.add_cohort"),
        "header_title": _("Cohortes"),
        "breadcrumbs_items": _crumbs({"url": "", "label": _("Cohortes")}),
    }
    return TemplateResponse(request, "cohorts/admin/cohort_list.html", context)


def cohort_detail(request, pk: int):
    cohort = get_cohort_for_user(request.user, pk)
    enrolments = cohort.enrolments.select_related("trainee__user").order_by("trainee__display_name")
    context = {
        "cohort": cohort,
        "enrolments": enrolments,
        "trainers": cohort.trainers.all(),
        "can_edit_cohort": request.user.has_perm("cohorts.change_cohort"),
        "header_title": str(cohort),
        "breadcrumbs_items": _crumbs(_cohorts_crumb(), {"url": "", "label": str(cohort)}),
    }
    return TemplateResponse(request, "cohorts/admin/cohort_detail.html", context)


def trainee_add(request, pk: int):
    cohort = get_cohort_for_user(request.user, pk)
    form = TraineeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        trainee, pin = services.create_trainee(
            by=request.user,
            cohort=cohort,
            consents=form.consents(),
            **{name: form.cleaned_data[name] for name in TraineeForm.Meta.fields},
        )
        request.session[PIN_SESSION_KEY] = {"trainee": trainee.pk, "pin": pin}
        messages.success(request, _("%(name)s a été inscrit.") % {"name": trainee})
        return redirect("cohorts_trainee", pk=trainee.pk)
    context = {
        "cohort": cohort,
        "form": form,
        "header_title": _("Ajouter un apprenant"),
        "breadcrumbs_items": _crumbs(
            _cohorts_crumb(),
            {"url": reverse("cohorts_detail", args=[cohort.pk]), "label": str(cohort)},
            {"url": "", "label": _("Ajouter un apprenant")},
        ),
    }
    return TemplateResponse(request, "cohorts/admin/trainee_add.html", context)


def trainee_detail(request, pk: int):
    trainee = get_trainee_for_user(request.user, pk)
    audit.record(request.user, AuditAction.VIEWED, trainee)
    credentials = request.session.pop(PIN_SESSION_KEY, None)
    if credentials and credentials.get("trainee") != trainee.pk:
        credentials = None
    context = {
        "trainee": trainee,
        "enrolments": trainee.enrolments.visible_to(request.user).select_related("cohort__module"),
        "consents": ConsentRecord.objects.filter(trainee=trainee).select_related("recorded_by"),
        "new_pin": credentials["pin"] if credentials else None,
        "picture_form": PicturePasswordForm(),
        "header_title": str(trainee),
        "breadcrumbs_items": _crumbs(_cohorts_crumb(), {"url": "", "label": str(trainee)}),
    }
    return TemplateResponse(request, "cohorts/admin/trainee_detail.html", context)


@require_POST
def trainee_reset_pin(request, pk: int):
    trainee = get_trainee_for_user(request.user, pk)
    pin = services.reset_pin(by=request.user, trainee=trainee)
    request.session[PIN_SESSION_KEY] = {"trainee": trainee.pk, "pin": pin}
    messages.success(request, _("Nouveau code créé : notez-le et donnez-le à l'apprenant."))
    return redirect("cohorts_trainee", pk=trainee.pk)


@require_POST
def trainee_picture_password(request, pk: int):
    trainee = get_trainee_for_user(request.user, pk)
    form = PicturePasswordForm(request.POST)
    if form.is_valid():
        services.set_picture_password(by=request.user, trainee=trainee, pictures=form.sequence())
        messages.success(request, _("Le mot de passe en images est enregistré."))
    else:
        messages.error(request, _("Choisissez trois images dans la liste."))
    return redirect("cohorts_trainee", pk=trainee.pk)


@require_POST
def enrolment_withdraw(request, pk: int):
    enrolment = get_enrolment_for_user(request.user, pk)
    services.withdraw(by=request.user, enrolment=enrolment)
    messages.success(
        request, _("%(name)s ne suit plus cette cohorte.") % {"name": enrolment.trainee}
    )
    return redirect("cohorts_detail", pk=enrolment.cohort_id)


def login_cards(request, pk: int):
    """A4 sheets of login cards: name, username and a QR to the sign-in page. Never the PIN."""
    cohort = get_cohort_for_user(request.user, pk)
    enrolments = cohort.enrolments.active().select_related("trainee__user")
    sign_in = request.build_absolute_uri(reverse("trainee_login"))
    cards = []
    for enrolment in enrolments:
        url = f"{sign_in}?username={enrolment.trainee.username}"
        cards.append({"trainee": enrolment.trainee, "url": url, "svg": qr_svg(url, box_size=6)})
        audit.record(request.user, AuditAction.EXPORTED, enrolment.trainee, "login card")
    document = render_pdf(
        "cohorts/admin/login_cards.html", {"cohort": cohort, "cards": cards}, request
    )
    response = HttpResponse(document, content_type="application/pdf")
    filename = f"cartes-{slugify(cohort.name)}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
