"""Template helpers shared by every app."""

from functools import cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

from lms.dates import date_range, long_date, short_date, written_date

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


# --- Dates as French (and English) readers write them (lms/dates.py) ----------------------
# Every human-facing date of a template goes through one of these, never through Django's
# ``date`` filter with a format in words ("j F" writes "1 novembre", not "1er novembre").

register.filter(long_date)
register.filter(short_date)
# {{ day|written_date:"l j F" }}: "lundi 1er novembre" / "Monday 1 November".
register.filter(written_date)
register.simple_tag(date_range)
