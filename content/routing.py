"""What Wagtail reads to route a request to a page and to check its view restrictions, read in
fewer queries.

Wagtail's routing reads each level of a URL twice (the child, then its specific type) and its
view-restriction check two more times (the page's ancestors, then their restrictions): on a
lesson, half of the page's queries. The helpers here read the same rows, and decide the same,
in fewer queries; a page type opts in.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site

from content import cache as page_cache

# Sites seldom change, and each change starts a new generation anyway: a bounded lifetime only
# keeps stale entries from piling up in the cache.
SITE_CACHE_SECONDS = 60 * 60


class RoutesOnTreeFieldsMixin:
    """A page whose ``route()`` reads only Page's own fields (path, depth, slug, url_path) while
    a URL goes on below it: its parent routes through it without reading its specific fields
    (``specific_deferred``: no query). A field read anyway is still loaded, lazily."""

    routes_on_tree_fields = True


def route_to_children(parent: Page, request, path_components):
    """Wagtail's ``Page.route`` for ``parent``, but a child that the URL goes on below and that
    routes on its tree fields alone (RoutesOnTreeFieldsMixin) is not read a second time in its
    specific type."""
    if len(path_components) < 2:
        return Page.route(parent, request, path_components)
    try:
        child = parent.get_children().get(slug=path_components[0])
    except Page.DoesNotExist as missing:
        raise Http404 from missing
    child._cached_parent_obj = parent  # as Page.route does: no query for get_parent()
    if getattr(child.specific_class, "routes_on_tree_fields", False):
        child = child.specific_deferred
    else:
        child = child.specific
    return child.route(request, path_components[1:])


class ViewRestrictionsInOneQueryMixin:
    """``get_view_restrictions()`` in one query when, as almost always, no page from the root
    down to this one is restricted or an alias; Wagtail's own answer (two queries or more)
    otherwise, so that the restrictions that apply are exactly Wagtail's."""

    def get_view_restrictions(self):
        # The page and its ancestors, root included, as Page.get_ancestors() reads them.
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
        # An alias takes its source's restrictions (Wagtail follows alias_of): left to Wagtail.
        needs_wagtail = Page.objects.filter(path__in=paths).filter(
            Q(alias_of__isnull=False) | Exists(restricted)
        )
        if not needs_wagtail.exists():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def site_for_request(request) -> Site | None:
    """Wagtail's ``Site.find_for_request`` read from the shared cache, and kept on the request
    where Wagtail looks first: its lookup costs a query on every page served.

    The copy (the site and its root page, in its specific type) belongs to the page cache's
    generation (content/cache.py): a publish, move or deletion of a page and any change to a
    site start a new one (content/signals.py), as for the cached pages themselves.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        host = hashlib.sha256(f"{hostname}:{request.get_port()}".encode()).hexdigest()
        key = f"content:site:{page_cache.current_generation()}:{host}"
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                # Routing starts from the root page in its specific type (Wagtail's
                # route_for_request): kept with it, read once per generation.
                site.root_page.specific  # noqa: B018 (fills the cached property)
                cache.set(key, site, SITE_CACHE_SECONDS)
        request._wagtail_site = site
    return request._wagtail_site
