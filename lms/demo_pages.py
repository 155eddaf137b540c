"""Helpers the demo-data seeders share to build Wagtail page trees in two languages."""

from wagtail.models import Locale, Page


def publish(page: Page) -> None:
    page.save_revision().publish()


def translation_of(page: Page, locale: Locale, **fields) -> Page:
    """The page's translation in ``locale``, created (and published) if missing.

    An existing translation is returned as it is: an editor may have changed it.
    """
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    publish(translated)
    return translated
