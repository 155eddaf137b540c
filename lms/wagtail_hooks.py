from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms import audit_views, invitations
from lms.roles import is_coordinator


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_urls")
def register_invitation_urls():
    return [path("staff/invite/", invitations.invite_staff_view, name="lms_invite_staff")]


@hooks.register("register_admin_menu_item")
def register_invitation_menu_item():
    return CoordinatorMenuItem(
        _("Inviter du personnel"),
        reverse_lazy("lms_invite_staff"),
        name="lms-invite-staff",
        icon_name="user",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_audit_log_url():
    return [path("audit/", audit_views.audit_log, name="lms_audit_log")]


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return CoordinatorMenuItem(
        _("Journal d'audit"),
        reverse_lazy("lms_audit_log"),
        name="lms-audit-log",
        icon_name="history",
        order=910,
    )
