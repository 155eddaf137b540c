"""Background work of the public site (django-q2). A task may run twice: each is idempotent."""

from urllib.parse import urlsplit

from django.conf import settings
from django.test import RequestFactory

from content import guide_pdfs
from content.models import CountryGuidePage


def render_guide_pdf(page_id: int) -> None:
    """Render a just-published guide's PDF into the cache, for the address QR codes print.

    Rendering the same version twice only stores the same bytes under the same key again.
    """
    page = CountryGuidePage.objects.live().filter(pk=page_id).first()
    base_url = settings.SITE_BASE_URL
    if page is None or not base_url:
        return
    parts = urlsplit(base_url)
    # The print template builds its links from a request, as when a reader asks for it.
    request = RequestFactory().get(
        page.url + "pdf/", HTTP_HOST=parts.netloc, secure=parts.scheme == "https"
    )
    guide_pdfs.get_or_render(page, request)
