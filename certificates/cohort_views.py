"""A cohort's certificates in the Wagtail admin (/admin/certificates/cohort/<pk>/).

The cohort's trainees with whether each may be given an attestation and, if not, why
(certificates/evidence.py, a fixed number of queries), what was issued to them, a button to
issue one (an attestation, or a statement of attendance for whoever is below the rule), and
"issue all eligible", a background job whose progress the page shows: a small script asks
the JSON endpoint; without JavaScript its "Actualiser" link reloads the page.

These screens live in certificates, not under the cohort viewset: cohorts may not import
certificates (DESIGN.md), so the cohort page links here through its buttons hook.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from certificates import services
from certificates.evidence import eligibility_for
from certificates.forms import LANGUAGE_CHOICES, IssueForm, LanguageForm
from certificates.models import BulkIssue, Certificate, CertificateKind
from certificates.permissions import (
    certificate_policy,
    get_bulk_issue_for_user,
    get_cohort_certificates_for_user,
)


@dataclass(frozen=True)
class Row:
    enrolment: object
    eligibility: object
    certificates: list

    @property
    def valid_kinds(self) -> set[str]:
        return {c.kind for c in self.certificates if not c.is_revoked}

    @property
    def can_issue_attestation(self) -> bool:
        return self.eligibility.eligible and CertificateKind.ATTESTATION not in self.valid_kinds

    @property
    def can_issue_statement(self) -> bool:
        return self.eligibility.statement_possible and not self.valid_kinds


def cohort_url(cohort) -> str:
    return reverse("certificates:cohort", args=[cohort.pk])


def bulk_state(bulk: BulkIssue | None) -> dict | None:
    if bulk is None:
        return None
    return {
        "id": bulk.pk,
        "percent": bulk.percent,
        "done": bulk.done,
        "skipped": bulk.skipped,
        "total": bulk.total,
        "finished": bulk.finished_at is not None,
    }


def _rows(cohort) -> list[Row]:
    enrolments = list(
        cohort.enrolments.select_related("trainee", "cohort__module").order_by(
            "trainee__display_name"
        )
    )
    eligibility = eligibility_for(cohort, enrolments)
    issued: dict[int, list[Certificate]] = {e.pk: [] for e in enrolments}
    for certificate in Certificate.objects.filter(enrolment__in=enrolments).order_by("issued_at"):
        issued[certificate.enrolment_id].append(certificate)
    return [Row(e, eligibility[e.pk], issued[e.pk]) for e in enrolments]


@require_GET
def cohort_certificates(request, pk: int):
    cohort = get_cohort_certificates_for_user(request.user, pk)
    rows = _rows(cohort)
    bulk = BulkIssue.objects.filter(cohort=cohort).first()
    language = get_language() if get_language() in dict(LANGUAGE_CHOICES) else "fr"
    context = {
        "cohort": cohort,
        "rows": rows,
        "eligible_count": sum(1 for row in rows if row.can_issue_attestation),
        "bulk": bulk_state(bulk),
        "bulk_url": reverse("certificates:bulk", args=[bulk.pk]) if bulk else "",
        "can_issue": certificate_policy.user_has_permission(request.user, "issue"),
        "language_choices": LANGUAGE_CHOICES,
        "language": language,
        "kinds": CertificateKind,
        "header_title": _("Attestations — %(cohort)s") % {"cohort": cohort},
        "header_icon": "doc-full",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
            {"url": reverse("cohorts:detail", args=[cohort.pk]), "label": str(cohort)},
            {"url": "", "label": _("Attestations")},
        ],
    }
    return TemplateResponse(request, "certificates/admin/cohort_certificates.html", context)


@require_POST
def issue_one(request, pk: int):
    cohort = get_cohort_certificates_for_user(request.user, pk, "issue")
    form = IssueForm(request.POST, cohort=cohort)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect(cohort_url(cohort))
    enrolment = form.cleaned_data["enrolment"]
    try:
        certificate = services.issue(
            by=request.user,
            enrolment=enrolment,
            kind=form.cleaned_data["kind"],
            language=form.cleaned_data["language"],
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(kind)s délivrée à %(name)s : %(code)s.")
            % {
                "kind": certificate.get_kind_display(),
                "name": enrolment.trainee,
                "code": certificate.printed_code,
            },
        )
    return redirect(cohort_url(cohort))


@require_POST
def issue_all(request, pk: int):
    cohort = get_cohort_certificates_for_user(request.user, pk, "issue")
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["language"][0])
        return redirect(cohort_url(cohort))
    services.request_bulk_issue(
        by=request.user, cohort=cohort, language=form.cleaned_data["language"]
    )
    messages.success(
        request,
        _("Les attestations des apprenants éligibles sont en cours de délivrance."),
    )
    return redirect(cohort_url(cohort))


@require_GET
def bulk_progress(request, pk: int):
    """How far a bulk issue has gone, for the progress bar's script."""
    return JsonResponse(bulk_state(get_bulk_issue_for_user(request.user, pk)))


urlpatterns = [
    path("cohort/<int:pk>/", cohort_certificates, name="cohort"),
    path("cohort/<int:pk>/issue/", issue_one, name="issue"),
    path("cohort/<int:pk>/issue-all/", issue_all, name="issue_all"),
    path("bulk/<int:pk>/", bulk_progress, name="bulk"),
]
