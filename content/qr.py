"""QR codes for public pages: the URL they encode and how a scan is recognised."""

from django.conf import settings

# Query parameter added to every printed QR code: a scan is a visit that carries it.
SCAN_PARAM = "qr"
SCAN_VALUE = "1"


def public_url(page, request=None) -> str:
    """The absolute URL of a page as printed on paper."""
    path = page.get_url(request=request)
    if path.startswith("http"):
        return path
    if settings.SITE_BASE_URL:
        return settings.SITE_BASE_URL + path
    if request is not None:
        return request.build_absolute_uri(path)
    return page.get_full_url()


def scan_url(page, request=None) -> str:
    """The URL a page's QR code encodes: the page's URL with the scan marker."""
    return f"{public_url(page, request)}?{SCAN_PARAM}={SCAN_VALUE}"


def is_scan(request) -> bool:
    return request.method == "GET" and request.GET.get(SCAN_PARAM) == SCAN_VALUE
