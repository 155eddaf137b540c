from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from wagtail.models import Locale

from content import cache as page_cache
from content.countries import Country
from content.models import CountryGuidePage, GuideIndexPage


@cache_control(public=True, max_age=300)
def guide_short_link(request, code: str):
    """/g/<iso2>/: the country's guide in the reader's language (French if not translated).

    Looked up by country code, never by path, so printed links survive page moves and renames.
    A mistyped code, or a country whose guide is offline, leads to the list of guides.
    """
    code = code.lower()
    if code not in Country.values:
        return redirect(_guide_index_url(request))
    # Printed on posters and flyers, so asked far more often than guides change: the target is
    # kept with the cached pages, whose generation any publish, move or deletion renews.
    key = page_cache.short_link_key(request, code, get_language())
    target = cache.get(key)
    if target is None:
        target = _guide_url(request, code)
        cache.set(key, target, settings.PAGE_CACHE_SECONDS)
    return redirect(target)


def _guide_url(request, code: str) -> str:
    guides = CountryGuidePage.objects.live().filter(country=code).select_related("locale")
    guide = _in_reader_language(guides)
    return guide.get_url(request) if guide else _guide_index_url(request)


def _in_reader_language(pages):
    """The page in the reader's language, else in the default language, else None."""
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(get_language()) or by_language.get(Locale.get_default().language_code)


def _guide_index_url(request) -> str:
    indexes = GuideIndexPage.objects.live().select_related("locale")
    index = _in_reader_language(indexes)
    return index.get_url(request) if index else f"/{get_language()}/"
