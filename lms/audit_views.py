"""The audit log screen: coordinators see who viewed, changed or exported trainee records."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.models import AuditEntry
from lms.roles import is_coordinator

PAGE_SIZE = 50


def audit_log(request):
    if not is_coordinator(request.user):
        raise PermissionDenied
    entries = AuditEntry.objects.select_related("actor")
    subject = request.GET.get("subject", "").strip()[:40]
    if subject:
        entries = entries.filter(subject_id=subject)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("p"))
    context = {
        "page_obj": page,
        "subject": subject,
        "header_title": _("Journal d'audit"),
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
            {"url": "", "label": _("Journal d'audit")},
        ],
    }
    return TemplateResponse(request, "lms/admin/audit_log.html", context)
