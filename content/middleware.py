from django.utils.translation import get_language_from_path

from content import cache as page_cache
from content.models import PageScan
from content.qr import is_scan
from content.routing import site_for_request


class PageCacheMiddleware:
    """Answer anonymous readers from the page cache before Wagtail routes the request.

    Routing a page (site, locale, tree, view restrictions) costs about ten queries: a cached
    guide is answered without any. A QR scan is still counted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cached = page_cache.lookup(request)
        if cached is None:
            if get_language_from_path(request.path_info):
                # Wagtail routes the request: its site from the cache rather than a query.
                site_for_request(request)
            return self.get_response(request)
        if is_scan(request):
            PageScan.record(cached.page_id)
        return cached.response()
