"""Whole-page cache for anonymous readers of the public site.

Guides are read far more often than they change, on slow phones: the rendered HTML of a page
is kept in the cache, and any publish, unpublish, move or deletion starts a new "generation"
so that no reader is served an out-of-date page. With several app servers the cache must be
shared (REDIS_URL), otherwise each process only forgets its own copy.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache

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
    if set(request.GET) - IGNORED_PARAMS:
        return None
    # Pages carry absolute links built from the request (canonical URL, printed short link):
    # one copy per scheme and host name, hashed to keep any Host header or path a valid key.
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"content:page:{current_generation()}:{hashlib.sha256(url.encode()).hexdigest()}"


def timeout() -> int:
    return settings.PAGE_CACHE_SECONDS
