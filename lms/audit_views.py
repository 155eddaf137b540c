"""The audit log screen: coordinators see who viewed, changed or exported which record.

A Wagtail report over the one audit trail (Wagtail's log, see lms/audit.py), with its filters
and its CSV and XLSX exports.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry

from lms import audit
from lms.exports import SemicolonCsvMixin
from lms.permissions import RolePermissionPolicy
from lms.roles import STAFF_ROLES, Role


class AuditPermissionPolicy(RolePermissionPolicy):
    actions_by_role = {Role.COORDINATOR: frozenset({"view", "export"})}


audit_policy = AuditPermissionPolicy(ModelLogEntry)


def staff_users(request):
    User = get_user_model()
    return User.objects.filter(groups__name__in=[role.value for role in STAFF_ROLES]).distinct()


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(choices=audit.Action.choices, label=_("Action"))
    user = django_filters.ModelChoiceFilter(queryset=staff_users, label=_("Par"))
    label = django_filters.CharFilter(lookup_expr="iexact", label=_("Dossier"))
    timestamp = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = ["action", "user", "label", "timestamp"]


class AuditLogView(SemicolonCsvMixin, ReportView):
    page_title = _("Journal d'audit")
    header_icon = "history"
    results_template_name = "lms/admin/audit_log_results.html"
    filterset_class = AuditFilterSet
    index_url_name = "lms_audit_log"
    index_results_url_name = "lms_audit_log_results"
    permission_policy = audit_policy
    any_permission_required = ["view"]
    export_filename = "journal-audit"
    list_export = ["timestamp", "user_display_name", "action_label", "subject", "details"]
    export_headings = {
        "timestamp": _("Date"),
        "user_display_name": _("Par"),
        "action_label": _("Action"),
        "subject": _("Dossier"),
        "details": _("Détail"),
    }

    def get_queryset(self):
        rows = audit_policy.instances_user_has_permission_for(self.request.user, "view")
        return rows.select_related("user", "content_type").order_by("-timestamp", "-pk")

    def decorate_paginated_queryset(self, object_list):
        return [self.decorate(entry) for entry in object_list]

    def to_row_dict(self, item):
        return super().to_row_dict(self.decorate(item))

    @staticmethod
    def decorate(entry):
        """What the screen and the exports show: the action, subject and details as phrases
        in the reader's language (the entry itself holds codes and ids)."""
        entry.action_label = audit.action_label(entry.action)
        entry.subject = audit.subject_text(entry)
        entry.detail_lines = audit.describe(entry.data)
        entry.details = " · ".join(entry.detail_lines)
        return entry
