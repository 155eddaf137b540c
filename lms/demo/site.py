"""The public site of the demo: home page with its key figures, guides index, the eight country
guides, the "where to find us" page and the three orientation points (data/site.yaml and
data/guides/).

A guide's own file holds the country's public facts (capital, currency…); its sections are
the shared sample ones, marked as such, with those facts filled in.
"""

from typing import Any

from wagtail.models import Locale, Page, Site

from content.models import (
    CountryGuidePage,
    GuideIndexPage,
    HomePage,
    OrientationPoint,
    OrientationPointsPage,
)
from lms.demo import files, pages


def load() -> HomePage:
    """Create what is missing of the public site; return the French home page."""
    data = files.read("site.yaml")
    french, english = pages.locales()
    for point in data["orientation_points"]:
        OrientationPoint.objects.get_or_create(
            city=point["city"], defaults={k: v for k, v in point.items() if k != "city"}
        )
    home = _home(data["home"], french)
    _serve_from_default_site(home, data["site"])
    pages.translation_of(home, english, **_home_fields(data["home"], "en"))
    guides = _section(home, GuideIndexPage, data["guides_index"], english)
    _section(home, OrientationPointsPage, data["orientation_points_page"], english)
    for guide in files.records("guides"):
        _guide(guides, guide, french, english)
    return home


def _home_fields(spec: dict, language: str) -> dict[str, Any]:
    text = files.localise(spec, language)
    return {
        "title": text["title"],
        "intro": text["intro"],
        "key_figures": [("figure", figure) for figure in text["key_figures"]],
    }


def _home(spec: dict, french: Locale) -> HomePage:
    # Found by type, not slug: an editor may have renamed it.
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        home = HomePage(slug=spec["slug"], locale=french, **_home_fields(spec, "fr"))
        pages.add_child(Page.get_first_root_node(), home)
    return home


def _serve_from_default_site(home: HomePage, spec: dict) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=spec["hostname"], root_page=home, is_default_site=True, site_name=spec["name"]
        )
    elif site.root_page_id != home.id:
        old_root = site.root_page
        site.root_page = home
        site.site_name = spec["name"]
        site.save()
        # Wagtail's placeholder "Welcome" page is of no use once the site has a home.
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()


def _section(home: HomePage, model: type[Page], spec: dict, english: Locale) -> Page:
    french_text, english_text = (files.localise(spec, language) for language in files.LANGUAGES)
    section = pages.only_child(
        home,
        model,
        french_text["slug"],
        title=french_text["title"],
        intro=french_text["intro"],
        show_in_menus=True,
    )
    pages.translation_of(
        section,
        english,
        title=english_text["title"],
        intro=english_text["intro"],
        slug=english_text["slug"],
    )
    return section


def _guide_fields(spec: dict, sections: list[dict], language: str) -> dict[str, Any]:
    text = files.localise(spec, language)
    body = files.localise(sections, language, fill=text["facts"])
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "body": [(s["type"], {k: v for k, v in s.items() if k != "type"}) for s in body],
    }


def _guide(index: Page, spec: dict, french: Locale, english: Locale) -> None:
    sections = files.read(f"guides/{spec['sections']}")["sections"]
    # Found by country: the short links /g/<iso2>/ rely on it, whatever the slug became.
    guide = CountryGuidePage.objects.filter(country=spec["country"], locale=french).first()
    if guide is None:
        fields = _guide_fields(spec, sections, "fr")
        guide = pages.child(
            index,
            CountryGuidePage,
            fields.pop("slug"),
            country=spec["country"],
            last_verified=spec["last_verified"],
            **fields,
        )
    pages.translation_of(guide, english, **_guide_fields(spec, sections, "en"))
