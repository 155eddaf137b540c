from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms import audit, audit_views, invitations, views
from lms.audit_views import audit_policy
from lms.roles import is_coordinator


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return audit_policy.user_has_permission(request.user, "view")


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register_actions(actions)


@hooks.register("register_admin_urls")
def register_lms_admin_urls():
    audit_log = audit_views.AuditLogView.as_view()
    return [
        path("staff/invite/", invitations.invite_staff_view, name="lms_invite_staff"),
        path("audit/", audit_log, name="lms_audit_log"),
        path(
            "audit/results/",
            audit_views.AuditLogView.as_view(results_only=True),
            name="lms_audit_log_results",
        ),
        path("documents/<uuid:pk>/", views.document_status, name="lms_document"),
        path(
            "documents/<uuid:pk>/download/",
            views.document_download,
            name="lms_document_download",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_invitation_menu_item():
    return CoordinatorMenuItem(
        _("Inviter du personnel"),
        reverse_lazy("lms_invite_staff"),
        name="lms-invite-staff",
        icon_name="user",
        order=900,
    )


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return AuditMenuItem(
        _("Journal d'audit"),
        reverse_lazy("lms_audit_log"),
        name="lms-audit-log",
        icon_name="history",
        order=910,
    )
