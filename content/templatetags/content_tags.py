from django import template
from django.conf import settings
from wagtail.models import Locale, Page

from content.models import GuideIndexPage, HomePage

register = template.Library()


def _current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


@register.simple_tag
def locale_home():
    """The home page in the current language (or the default one)."""
    locale = _current_locale()
    home = HomePage.objects.live().filter(locale=locale).first()
    return home or HomePage.objects.live().first()


@register.simple_tag
def locale_guide_index():
    """The list of guides in the current language (or the default one), or None."""
    indexes = GuideIndexPage.objects.live()
    return indexes.filter(locale=_current_locale()).first() or indexes.first()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language to this same page in that language (or that language's home)."""
    request = context.get("request")
    page = context.get("page")
    current = _current_locale().language_code
    subpath = ""
    if isinstance(page, Page) and request is not None:
        page_path = page.get_url(request=request) or ""
        if page_path and request.path.startswith(page_path):
            subpath = request.path[len(page_path) :]
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request=request) + subpath
        else:
            home = HomePage.objects.live().filter(locale__language_code=code).first()
            url = home.get_url(request=request) if home else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}
