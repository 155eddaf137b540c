"""Whole-page cache for anonymous readers of the public site.

Guides are read far more often than they change, on slow phones: the rendered HTML of a page
is kept in the cache, and any publish, unpublish, move or deletion starts a new "generation"
so that no reader is served an out-of-date page. The cache is shared by every process (files
by default, a database table on PostgreSQL, Redis with REDIS_URL; see lms/settings.py): a
cache of each process's own would forget a page in one process only. Pages behind a view
restriction are never stored (pages.py).
"""

import hashlib
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language_from_path

GENERATION_KEY = "content:page-cache-generation"
# Query parameters that do not change what a page shows (the QR scan marker).
IGNORED_PARAMS = {"qr"}


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def invalidate_pages() -> None:
    """Forget every cached page (called whenever published content changes)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def cache_key_for(request) -> str | None:
    """The cache key of this request's page, or None when it must not be cached."""
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return None
    # Public pages live under a language prefix (/fr/, /en/): the staff and trainee spaces,
    # short links and /healthz never ask the (shared, so not free) cache.
    if not get_language_from_path(request.path_info):
        return None
    if set(request.GET) - IGNORED_PARAMS:
        return None
    # Pages carry absolute links built from the request (canonical URL, printed short link):
    # one copy per scheme and host name, hashed to keep any Host header or path a valid key.
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"content:page:{current_generation()}:{hashlib.sha256(url.encode()).hexdigest()}"


def short_link_key(request, code: str, language: str) -> str:
    """Where the target of the short link /g/<code>/ is kept, for this host and language; a
    new generation (any publish, move or deletion) forgets every target at once."""
    site = hashlib.sha256(f"{request.scheme}://{request.get_host()}".encode()).hexdigest()
    return f"content:short-link:{current_generation()}:{site}:{language}:{code}"


@dataclass(frozen=True)
class CachedPage:
    page_id: int
    content: bytes
    content_type: str
    headers: dict = field(default_factory=dict)

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, content_type=self.content_type)
        for name, value in self.headers.items():
            response[name] = value
        return mark_public(response)


# Headers of a page's answer that must survive the cache (the PDF's file name).
KEPT_HEADERS = ("Content-Disposition",)


def store(key: str, page_id: int, response) -> None:
    if isinstance(response, TemplateResponse):
        response.render()
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    cached = CachedPage(page_id, response.content, response["Content-Type"], headers)
    cache.set(key, cached, settings.PAGE_CACHE_SECONDS)


def lookup(request) -> CachedPage | None:
    key = cache_key_for(request)
    return cache.get(key) if key else None


def mark_public(response):
    # A short browser/proxy lifetime: the server-side copy is what publishing clears.
    response["Cache-Control"] = "public, max-age=60"
    return response
