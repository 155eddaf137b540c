"""Admin screens for QR codes: a page's code, its print poster and the scan counts."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from content.models import PageScan
from content.qr import scan_url
from lms.pdf import render_pdf
from lms.permissions import RolePermissionPolicy
from lms.qr import qr_svg
from lms.roles import Role


class PosterPermissionPolicy(RolePermissionPolicy):
    """Who prints a published page's QR code and poster: coordinators, who hand out the flyers
    at the orientation points, beside the page's editors (Wagtail's page permissions)."""

    actions_by_role = {Role.COORDINATOR: frozenset({"print_qr"})}


poster_policy = PosterPermissionPolicy(Page)


def may_print_qr(user, page: Page) -> bool:
    return poster_policy.user_has_permission(user, "print_qr") or (
        page.permissions_for_user(user).can_edit()
    )


def _published_page_for_printing(request, page_id: int) -> Page:
    page = get_object_or_404(Page, id=page_id).specific
    if not may_print_qr(request.user, page):
        raise PermissionDenied
    if not page.live:
        # Wagtail answers PermissionDenied with its generic message: say why first.
        messages.error(request, _("Seules les pages publiées ont un QR code."))
        raise PermissionDenied
    return page


def page_qr(request, page_id: int):
    page = _published_page_for_printing(request, page_id)
    since = timezone.localdate() - datetime.timedelta(days=29)
    scans = PageScan.objects.filter(page=page)
    context = {
        "page": page,
        "target_url": scan_url(page, request),
        "svg": qr_svg(scan_url(page, request)),
        "total_scans": scans.aggregate(total=Sum("count"))["total"] or 0,
        "recent_scans": scans.filter(day__gte=since).order_by("-day"),
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
            {"url": reverse("wagtailadmin_pages:edit", args=[page.id]), "label": page.title},
            {"url": "", "label": _("QR code")},
        ],
        "header_title": _("QR code : %(title)s") % {"title": page.title},
    }
    return TemplateResponse(request, "content/admin/page_qr.html", context)


def page_qr_svg(request, page_id: int):
    page = _published_page_for_printing(request, page_id)
    response = HttpResponse(qr_svg(scan_url(page, request)), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="qr-{slugify(page.title)}.svg"'
    return response


def page_poster(request, page_id: int):
    page = _published_page_for_printing(request, page_id)
    context = {
        "page": page,
        "summary": getattr(page, "summary", "") or getattr(page, "search_description", ""),
        "svg": qr_svg(scan_url(page, request)),
        "target_url": scan_url(page, request),
        "short_url": getattr(page, "short_url", ""),
        "language_code": page.locale.language_code,
    }
    document = render_pdf("content/poster.html", context, request)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="poster-{slugify(page.title)}.pdf"'
    return response


def scan_report(request):
    """Every page with scans, most scanned first (a count only, no personal data)."""
    totals = list(PageScan.objects.totals_by_page())
    pages = Page.objects.in_bulk([row["page"] for row in totals])
    rows = [
        {"page": pages[row["page"]], "total": row["total"]}
        for row in totals
        if row["page"] in pages
    ]
    context = {
        "rows": rows,
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
            {"url": "", "label": _("Scans de QR codes")},
        ],
        "header_title": _("Scans de QR codes"),
    }
    return TemplateResponse(request, "content/admin/scan_report.html", context)
