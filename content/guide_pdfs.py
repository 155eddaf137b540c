"""Guide PDFs, rendered once per published version and kept in the cache.

A guide's PDF changes only when the guide is published again, so it is kept under a key made
of the page, the time it was last published and the address it prints; a worker renders it
as soon as the guide is published (content/tasks.py), and a reader who comes first renders
it themselves. The cache is shared by every process (files, a table or Redis), so the worker's
copy serves them all.
"""

import hashlib

from django.core.cache import cache
from django.utils import translation

from lms.pdf import render_pdf

# Long: a new publication changes the key, so an old copy is never served.
KEEP_SECONDS = 30 * 24 * 60 * 60


def cache_key(page, base_url: str) -> str:
    published = page.last_published_at.isoformat() if page.last_published_at else "draft"
    where = hashlib.sha256(base_url.encode()).hexdigest()[:16]
    return f"content:guide-pdf:{page.pk}:{published}:{where}"


def render(page, request) -> bytes:
    """The guide's print version as a tagged PDF (headings, lists and reading order for
    screen readers), with its QR code and short link."""
    context = page.get_context(request)
    context.update(page.print_context(request), for_pdf=True)
    with translation.override(page.locale.language_code):
        return render_pdf("content/country_guide_page_print.html", context, request, pdf_tags=True)


def get_or_render(page, request) -> bytes:
    key = cache_key(page, request.build_absolute_uri("/"))
    document = cache.get(key)
    if document is None:
        document = render(page, request)
        cache.set(key, document, KEEP_SECONDS)
    return document
