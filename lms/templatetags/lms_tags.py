"""Template helpers shared by every app."""

import datetime
from functools import cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext, pgettext_lazy

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


# --- Dates as French (and English) readers write them ------------------------------------
# "1er novembre 2026", "3 – 14 nov. 2026", "30 nov. – 13 déc. 2026": the day and its month
# never part at the end of a line (non-breaking spaces), and the month names come from
# Django's own translations (the "N" and "F" date formats).

# Translatable strings hold the no-break space itself, not "\u00a0": xgettext copies the escape
# as it is, and the catalogue would then never match the string.
NBSP = "\u00a0"
# Django abbreviates January and February "jan." and "fév."; French typography writes "janv."
# and "févr.": locale/fr corrects Django's two strings, marked here so makemessages keeps them.
CORRECTED_MONTHS = (pgettext_lazy("abbrev. month", "Jan."), pgettext_lazy("abbrev. month", "Feb."))


def _day(value: datetime.date) -> str:
    if value.day == 1:
        return pgettext("premier jour du mois", "1er")
    return str(value.day)


def _day_month(value: datetime.date, month_format: str) -> str:
    return f"{_day(value)}{NBSP}{formats.date_format(value, month_format)}"


@register.filter
def long_date(value) -> str:
    """'1er novembre 2026' in French, '1 November 2026' in English; '' for no date."""
    if not value:
        return ""
    value = _local_date(value)
    return f"{_day_month(value, 'F')}{NBSP}{value.year}"


@register.filter
def short_date(value) -> str:
    """'1er nov. 2026' / '1 Nov. 2026'."""
    if not value:
        return ""
    value = _local_date(value)
    return f"{_day_month(value, 'N')}{NBSP}{value.year}"


@register.simple_tag
def date_range(start, end) -> str:
    """'3 – 14 nov. 2026', '30 nov. – 13 déc. 2026', '28 déc. 2026 – 9 janv. 2027'."""
    if not start or not end:
        return short_date(start or end)
    start, end = _local_date(start), _local_date(end)
    if start == end:
        return short_date(start)
    if (start.year, start.month) == (end.year, end.month):
        # Within a month, French writes "3 – 14 nov." and English "3–14 Nov.".
        pattern = pgettext("dates dans un même mois", "%(start)s – %(end)s")
        first = _day(start)
    elif start.year == end.year:
        pattern = pgettext("dates d'une même année", "%(start)s – %(end)s")
        first = _day_month(start, "N")
    else:
        pattern = pgettext("dates de deux années", "%(start)s – %(end)s")
        first = short_date(start)
    return pattern % {"start": first, "end": short_date(end)}


def _local_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value
