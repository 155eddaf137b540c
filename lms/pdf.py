"""The one PDF service: HTML templates rendered to PDF with WeasyPrint.

Certificates, CVs, business plans, guide print versions and QR posters all come through here.
Stylesheets and images are read from disk, never over the network: a document must render the
same on a server with no outside access, and a template must not be able to make the server
fetch arbitrary URLs.
"""

import mimetypes
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

LOCAL_BASE_URL = "http://foras.local/"


def _local_file(url: str) -> Path | None:
    path = unquote(urlparse(url).path)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        if found:
            return Path(found)
        collected = Path(settings.STATIC_ROOT) / path.removeprefix(settings.STATIC_URL)
        return collected if collected.is_file() else None
    if path.startswith(settings.MEDIA_URL):
        media_root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (media_root / path.removeprefix(settings.MEDIA_URL)).resolve()
        if candidate.is_relative_to(media_root) and candidate.is_file():
            return candidate
    return None


@cache
def fetcher_class():
    """The WeasyPrint fetcher that serves /static/ and /media/ from disk, inline data too, and
    refuses everything else (a class of WeasyPrint's, so made on the first render)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            local = _local_file(url)
            if local is None:
                raise ValueError(f"PDF rendering may only use local static or media files: {url}")
            mime_type, _encoding = mimetypes.guess_type(local.name)
            return URLFetcherResponse(
                url, local.read_bytes(), {"Content-Type": mime_type or "application/octet-stream"}
            )

    return LocalURLFetcher


def render_pdf(template_name: str, context: dict, request=None, **options) -> bytes:
    """Render a Django template to PDF bytes; ``options`` go to WeasyPrint's write_pdf()
    (``pdf_tags=True`` for a tagged PDF that screen readers can follow).

    WeasyPrint (with Pango and fontTools) is imported here, on the first render, not when the
    app starts: most web processes never render a PDF and would carry it for nothing.
    """
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url=LOCAL_BASE_URL, url_fetcher=fetcher_class()())
    return document.write_pdf(**options)
