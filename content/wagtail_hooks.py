from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content import admin_views
from content.models import OrientationPoint, PageScan
from content.qr import is_scan


class OrientationPointViewSet(SnippetViewSet):
    model = OrientationPoint
    icon = "site"
    menu_label = _("Points d'orientation")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "city", "opening_hours", "is_sample"]
    search_fields = ["name", "city"]


register_snippet(OrientationPointViewSet)


@hooks.register("register_admin_urls")
def register_qr_urls():
    return [
        path("qr/<int:page_id>/", admin_views.page_qr, name="content_page_qr"),
        path("qr/<int:page_id>/qr.svg", admin_views.page_qr_svg, name="content_page_qr_svg"),
        path("qr/<int:page_id>/poster.pdf", admin_views.page_poster, name="content_page_poster"),
        path("qr/scans/", admin_views.scan_report, name="content_scan_report"),
    ]


def _qr_button(page, user):
    if page.live and admin_views.may_print_qr(user, page):
        return Button(
            _("QR code et affiche"),
            reverse("content_page_qr", args=[page.id]),
            icon_name="crosshairs",
            priority=45,
        )
    return None


@hooks.register("register_page_header_buttons")
def page_header_qr_button(page, user, view_name, next_url=None):
    if button := _qr_button(page, user):
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_qr_button(page, user, next_url=None):
    if button := _qr_button(page, user):
        yield button


@hooks.register("register_reports_menu_item")
def register_scan_report_menu_item():
    return MenuItem(
        _("Scans de QR codes"), reverse("content_scan_report"), icon_name="crosshairs", order=900
    )


@hooks.register("before_serve_page")
def count_qr_scan(page, request, serve_args, serve_kwargs):
    """Count a visit that came through a printed QR code (the marker in its URL)."""
    if is_scan(request):
        PageScan.record(page)
