"""The certificates' place in the Wagtail admin: /admin/certificates/ (the list, a
certificate's page, a cohort's certificates), a button on the cohort's page and a column on
its roster. Cohorts may not import certificates, so everything is attached from here through
the cohort page's hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from certificates import admin_views, cohort_views, roster
from certificates.models import Certificate, CertificateKind, RevocationReason
from certificates.permissions import certificate_policy
from lms import audit

# The audit log shows the codes the certificate services write as words (lms/audit.py).
audit.register_detail_values("reason", dict(RevocationReason.choices))
audit.register_detail_values("certificate_type", dict(CertificateKind.choices))
audit.register_detail_values(
    "document",
    {
        "certificates csv": _("liste des attestations (CSV)"),
        "certificates xlsx": _("liste des attestations (XLSX)"),
        "pdf": _("PDF"),
    },
)


class CertificateURLFinder(ModelAdminURLFinder):
    """Where the audit log links a certificate: its page, for whoever may see it."""

    edit_url_name = "certificates:detail"

    def get_edit_url(self, instance):
        if self.user and not certificate_policy.user_has_permission_for_instance(
            self.user, "view", instance
        ):
            return None
        return self.construct_edit_url(instance)


class CertificateViewSet(ModelViewSet):
    """The certificates the policy lets the user see (certificates/permissions.py): a
    trainer's cohorts', every one for a coordinator. Only the list is Wagtail's; nothing is
    added, edited or deleted here: issuing, revoking and reissuing are our own views, through
    certificates/services.py."""

    model = Certificate
    permission_policy = certificate_policy
    icon = "doc-full"
    menu_label = _("Attestations")
    menu_order = 170
    add_to_admin_menu = True
    name = "certificates"
    url_prefix = "certificates"
    index_view_class = admin_views.CertificateIndexView
    list_per_page = 50
    export_filename = "attestations"
    copy_view_enabled = False
    inspect_view_enabled = False
    sort_order_field = None
    url_finder_class = CertificateURLFinder

    def get_common_view_kwargs(self, **kwargs):
        absent = dict.fromkeys(
            ["add_url_name", "edit_url_name", "delete_url_name", "history_url_name"]
        )
        return super().get_common_view_kwargs(**absent, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            *admin_views.urlpatterns,
            *cohort_views.urlpatterns,
        ]


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()


@hooks.register("register_cohort_buttons")
def certificates_button(cohort, user):
    """From a cohort's roster to its certificates (the cohort page shows only what its user
    may see, so the cohort is theirs)."""
    if not certificate_policy.user_has_permission(user, "view"):
        return []
    return [
        Button(
            _("Attestations"),
            reverse("certificates:cohort", args=[cohort.pk]),
            icon_name="doc-full",
        )
    ]


# The roster shows who may be given an attestation and why not (certificates/roster.py).
hooks.register("register_roster_columns", roster.roster_columns)
