"""The project's URLs plus pages that show templates/components/qr_scanner.html, until the
check-in pages use it: one allowed to scan (lms.middleware.scans_qr_codes), one left with the
camera off as every other page is, and the address its form posts to."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from lms.middleware import scans_qr_codes
from lms.urls import urlpatterns as project_urlpatterns

# As the public pages do: the site's stylesheet inlined, allowed by its hash.
PAGE = engines["django"].from_string(
    '{% load lms_tags %}<!doctype html><html lang="fr"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    '<title>Lecteur de code QR</title><style>{% inline_static "css/site.css" %}</style></head>'
    "<body><main><h1>Lecteur de code QR</h1>"
    '{% include "components/qr_scanner.html" %}</main></body></html>'
)


def scanner_page(request):
    context = {
        "target_url": reverse("test-scanned"),
        "native_off": request.GET.get("native") == "off",
    }
    return HttpResponse(PAGE.render(context, request))


@require_POST
def scanned(request):
    return HttpResponse(
        format_html(
            '<!doctype html><html lang="fr"><head><title>Lu</title></head><body><main>'
            '<p id="scanned">{}</p></main></body></html>',
            request.POST.get("code", ""),
        )
    )


urlpatterns = [
    path("test-scanner/", scans_qr_codes(scanner_page)),
    path("test-scanner-without-camera/", scanner_page),
    path("test-scanned/", scanned, name="test-scanned"),
    *project_urlpatterns,
]
