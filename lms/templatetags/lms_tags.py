"""Template helpers shared by every app."""

from functools import cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


@cache
def _read_static(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"Static file not found: {path}")
    return Path(found).read_text(encoding="utf-8")


@register.simple_tag
def inline_static(path: str):
    """The content of a small static file, inlined.

    Guides are opened on slow mobile data from a QR code: a separate stylesheet would cost a
    blocking round trip before anything shows, so the small site stylesheet goes in the page.
    """
    return mark_safe(_read_static(path))  # noqa: S308 (our own static file)
