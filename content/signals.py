"""Keep the public page cache honest: any change to published content clears it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from content.cache import invalidate_pages as _invalidate_now
from content.models import OrientationPoint


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


@receiver(post_delete, sender="wagtailcore.Page")
def clear_cache_on_page_delete(sender, **kwargs):
    invalidate_pages()


@receiver(post_save, sender=OrientationPoint)
@receiver(post_delete, sender=OrientationPoint)
@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
def clear_cache_on_snippet_or_restriction_change(sender, **kwargs):
    invalidate_pages()
