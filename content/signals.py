"""Keep the public page cache honest: any change to published content clears it."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_q.tasks import async_task
from wagtail.signals import page_published, page_unpublished, post_page_move

from content.cache import invalidate_pages as _invalidate_now
from content.models import CountryGuidePage, OrientationPoint


def invalidate_pages():
    """Clear now and again once the change is committed: a reader arriving between the two
    could otherwise put the old page back in the cache."""
    _invalidate_now()
    transaction.on_commit(_invalidate_now)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_cache_on_page_change(sender, **kwargs):
    invalidate_pages()


@receiver(page_published, sender=CountryGuidePage)
def render_the_new_guide_pdf(sender, instance, **kwargs):
    """A worker renders the guide's PDF for its new version, once the publication commits.

    Only where the site knows the address it prints (SITE_BASE_URL, set in production): a
    PDF rendered for another address would never be asked for.
    """
    if settings.SITE_BASE_URL:
        transaction.on_commit(lambda: async_task("content.tasks.render_guide_pdf", instance.pk))


@receiver(post_delete, sender="wagtailcore.Page")
def clear_cache_on_page_delete(sender, **kwargs):
    invalidate_pages()


@receiver(post_save, sender=OrientationPoint)
@receiver(post_delete, sender=OrientationPoint)
@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_delete, sender="wagtailcore.Site")
@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
def clear_cache_on_snippet_site_or_restriction_change(sender, **kwargs):
    # Sites too: the site that routes each host is kept in the cache (content/routing.py).
    invalidate_pages()
