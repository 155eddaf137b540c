"""The certificates in the Wagtail admin (/admin/certificates/): the list, one certificate's
page, its PDF, revoking and reissuing.

The list is Wagtail's generic index view over the certificates the policy lets the user see
(certificates/permissions.py: a trainer's cohorts, every one for a coordinator), with filters,
a search by code and XLSX/CSV exports, each export written to the audit trail. Every other
screen fetches through ``get_certificate_for_user`` (403 for whoever may not take the action,
404 outside the user's scope) and changes state only through certificates/services.py.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic

from certificates import codes, services
from certificates.filters import CertificateFilterSet
from certificates.forms import ReissueForm, RevokeForm
from certificates.links import verification_url
from certificates.permissions import certificate_policy, get_certificate_for_user
from certificates.snapshot import date_in
from lms import audit
from lms.exports import SemicolonCsvMixin

# What the certificate page lists as its history: what was done to it, not who read it
# (the readings are in the audit log for the coordinators).
HISTORY_HIDDEN = {audit.Action.VIEWED}


def detail_url(certificate) -> str:
    return reverse("certificates:detail", args=[certificate.pk])


def crumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
        {"url": reverse("certificates:index"), "label": _("Attestations")},
        *items,
    ]


def status_text(certificate) -> str:
    if certificate.is_revoked:
        return _("Révoquée")
    return _("Valide")


class CodeColumn(TitleColumn):
    """The code, a link to the certificate, with the holder and the cohort beneath: the list
    must fit a trainer's tablet."""

    cell_template_name = "certificates/admin/code_cell.html"


class CertificateIndexView(SemicolonCsvMixin, generic.IndexView):
    filterset_class = CertificateFilterSet
    default_ordering = "-issued_at"
    page_title = gettext_lazy("Attestations")
    any_permission_required = ["view"]
    search_fields = ["code"]
    # Codes are searched in the database (the model is not in a search index).
    search_backend_name = None
    list_export = [
        "printed_code",
        "holder_name",
        "enrolment.cohort.name",
        "get_kind_display",
        "language",
        "issued_at",
        "status_text",
        "revoked_at",
        "get_revocation_reason_display",
        "duplicate_of_code",
    ]
    export_headings = {
        "printed_code": gettext_lazy("Code"),
        "holder_name": gettext_lazy("Titulaire"),
        "enrolment.cohort.name": gettext_lazy("Cohorte"),
        "get_kind_display": gettext_lazy("Type"),
        "language": gettext_lazy("Langue"),
        "issued_at": gettext_lazy("Délivrée le"),
        "status_text": gettext_lazy("État"),
        "revoked_at": gettext_lazy("Révoquée le"),
        "get_revocation_reason_display": gettext_lazy("Motif de révocation"),
        "duplicate_of_code": gettext_lazy("Duplicata de"),
    }

    def get_base_queryset(self):
        return certificate_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("enrolment__cohort", "duplicate_of")

    def search_queryset(self, queryset):
        # A code is typed as printed, with dashes, spaces or lower case: search its stored form.
        if not self.is_searching:
            return queryset
        folded = codes.fold(self.search_query)
        return queryset.filter(code__icontains=folded) if folded else queryset.none()

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not certificate_policy.user_has_permission(self.request.user, "export"):
            return redirect("certificates:index")
        services.exported_list(
            by=self.request.user,
            rows=queryset.values_list("enrolment__cohort_id", "enrolment__trainee_id"),
            document=f"certificates {spreadsheet_format}",
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def to_row_dict(self, item):
        item.holder_name = item.snapshot.get("holder_name", "")
        item.status_text = status_text(item)
        item.duplicate_of_code = item.duplicate_of.printed_code if item.duplicate_of else ""
        return super().to_row_dict(item)

    @cached_property
    def columns(self):
        return [
            CodeColumn(
                "code",
                label=gettext_lazy("Code"),
                accessor="printed_code",
                sort_key="code",
                get_url=detail_url,
            ),
            Column("kind", label=gettext_lazy("Type"), accessor="get_kind_display"),
            StatusTagColumn(
                "status",
                label=gettext_lazy("État"),
                accessor=status_text,
                primary=lambda certificate: not certificate.is_revoked,
            ),
            DateColumn("issued_at", label=gettext_lazy("Délivrée le"), sort_key="issued_at"),
        ]


def _history(certificate):
    entries = (
        audit.entries_about(certificate)
        .exclude(action__in=[str(action) for action in HISTORY_HIDDEN])
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    return [
        {
            "timestamp": entry.timestamp,
            "user": entry.user,
            "action": audit.action_label(entry.action),
            "details": audit.describe(entry.data),
        }
        for entry in entries
    ]


@require_GET
def certificate_detail(request, pk: int):
    certificate = get_certificate_for_user(request.user, pk)
    services.viewed(by=request.user, certificate=certificate)
    user = request.user
    context = {
        "certificate": certificate,
        "snapshot": certificate.snapshot,
        "start_date": date_in(certificate.snapshot, "start_date"),
        "end_date": date_in(certificate.snapshot, "end_date"),
        "verification_url": verification_url(certificate.code),
        "replaced_by": certificate.duplicates.order_by("-issued_at").first(),
        "history": _history(certificate),
        "can_revoke": not certificate.is_revoked
        and certificate_policy.user_has_permission(user, "revoke"),
        "can_reissue": certificate_policy.user_has_permission(user, "reissue"),
        "header_title": _("Attestation %(code)s") % {"code": certificate.printed_code},
        "header_icon": "doc-full",
        "breadcrumbs_items": crumbs({"url": "", "label": certificate.printed_code}),
    }
    return TemplateResponse(request, "certificates/admin/certificate_detail.html", context)


@require_GET
def certificate_pdf(request, pk: int):
    certificate = get_certificate_for_user(request.user, pk)
    if not certificate.pdf:
        services.request_pdf(certificate)  # the worker's render may have been lost: ask again
        messages.info(request, _("Le PDF est en préparation : réessayez dans un instant."))
        return redirect(detail_url(certificate))
    services.downloaded_pdf(by=request.user, certificate=certificate)
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"attestation-{certificate.printed_code}.pdf",
        content_type="application/pdf",
    )


def _confirm_page(request, certificate, template, form, title, status=200):
    context = {
        "certificate": certificate,
        "form": form,
        "header_title": title,
        "breadcrumbs_items": crumbs(
            {"url": detail_url(certificate), "label": certificate.printed_code},
            {"url": "", "label": title},
        ),
    }
    return TemplateResponse(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
def certificate_revoke(request, pk: int):
    """GET: a confirmation asking the (neutral) reason; POST: the revocation, audited."""
    certificate = get_certificate_for_user(request.user, pk, "revoke")
    if certificate.is_revoked:
        messages.info(request, _("Cette attestation est déjà révoquée."))
        return redirect(detail_url(certificate))
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke(
                by=request.user, certificate=certificate, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("L'attestation %(code)s est révoquée : la vérification le montre dès maintenant.")
                % {"code": certificate.printed_code},
            )
            return redirect(detail_url(certificate))
    title = _("Révoquer l'attestation %(code)s") % {"code": certificate.printed_code}
    status = 400 if form.is_bound else 200
    return _confirm_page(
        request, certificate, "certificates/admin/revoke.html", form, title, status
    )


@require_http_methods(["GET", "POST"])
def certificate_reissue(request, pk: int):
    """GET: a confirmation asking the language and why; POST: a new certificate printed as a
    duplicate, the old one revoked as replaced, the reason in both histories."""
    certificate = get_certificate_for_user(request.user, pk, "reissue")
    data = request.POST if request.method == "POST" else None
    form = ReissueForm(data, initial={"language": certificate.language})
    if request.method == "POST" and form.is_valid():
        try:
            new = services.reissue(
                by=request.user,
                certificate=certificate,
                reason=form.cleaned_data["reason"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Nouvelle attestation %(new)s délivrée (duplicata) ; %(old)s est révoquée.")
                % {"new": new.printed_code, "old": certificate.printed_code},
            )
            return redirect(detail_url(new))
    title = _("Délivrer à nouveau l'attestation %(code)s") % {"code": certificate.printed_code}
    status = 400 if form.is_bound else 200
    return _confirm_page(
        request, certificate, "certificates/admin/reissue.html", form, title, status
    )


urlpatterns = [
    path("<int:pk>/", certificate_detail, name="detail"),
    path("<int:pk>/pdf/", certificate_pdf, name="pdf"),
    path("<int:pk>/revoke/", certificate_revoke, name="revoke"),
    path("<int:pk>/reissue/", certificate_reissue, name="reissue"),
]
