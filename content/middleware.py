from content import cache as page_cache
from content.models import PageScan
from content.qr import is_scan


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
            return self.get_response(request)
        if is_scan(request):
            PageScan.record(cached.page_id)
        return cached.response()
