from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from wagtail.models import Locale

from content.countries import Country
from content.models import CountryGuidePage


@cache_control(public=True, max_age=300)
def guide_short_link(request, code: str):
    """/g/<iso2>/: the country's guide in the reader's language (French if not translated).

    Looked up by country code, never by path, so printed links survive page moves and renames.
    """
    code = code.lower()
    if code not in Country.values:
        raise Http404("Unknown country code")
    guides = CountryGuidePage.objects.live().filter(country=code).select_related("locale")
    by_language = {guide.locale.language_code: guide for guide in guides}
    guide = by_language.get(get_language()) or by_language.get(Locale.get_default().language_code)
    if guide is None:
        raise Http404("No published guide for this country")
    return redirect(guide.get_url(request))
