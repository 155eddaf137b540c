"""Put back what Wagtail's migrations and our post-migrate step create, once a flush removed it.

Browser tests run in a transactional database that is flushed after each of them; the last
flush leaves the reused test database (``make test`` keeps it between runs) without Wagtail's
root page, default locale and root collection, and the Editors group without its page
permissions (they were granted on a root that no longer existed).
"""

from django.conf import settings
from wagtail.models import Collection, Locale, Page

from lms.groups import ensure_groups


def restore_wagtail_roots() -> None:
    locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    missing = Page.get_first_root_node() is None
    if missing:
        Page.add_root(title="Root", slug="root", locale=locale)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
        missing = True
    if missing:
        ensure_groups()
