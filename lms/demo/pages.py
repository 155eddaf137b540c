"""Building the demo's Wagtail page trees in two languages: create what is missing, publish it,
translate it into English. A page that exists is never changed: an editor may have."""

from wagtail.models import Locale, Page


def locales() -> tuple[Locale, Locale]:
    """The French locale (the source of every translation) and the English one."""
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    return french, english


def publish(page: Page) -> None:
    page.save_revision().publish()


def add_child(parent: Page, page: Page) -> Page:
    """``page`` placed under ``parent`` and published."""
    parent.add_child(instance=page)
    publish(page)
    return page


def child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The parent's child of this type at ``slug``, created (and published) if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    return add_child(parent, model(slug=slug, locale=parent.locale, **fields))


def only_child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The parent's one page of this type, whatever an editor renamed it to; created if missing."""
    return model.objects.child_of(parent).first() or child(parent, model, slug, **fields)


def translation_of(page: Page, locale: Locale, **fields) -> Page:
    """The page's translation in ``locale``, created (with ``fields``) and published if missing.

    An existing translation is returned as it is.
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
