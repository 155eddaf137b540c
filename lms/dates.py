"""Dates as French (and English) readers write them, for every page, message and document.

"1er novembre 2026", "lundi 1er novembre", "3 – 14 nov. 2026", "30 nov. – 13 déc. 2026": the
first of the month is "1er" in French (Django's "j" writes "1"), the day and its month never
part at the end of a line (no-break spaces), and the month and weekday names come from Django's
own translations (its "F", "N", "l" and "D" date formats). English reads "1 November 2026".

Templates reach these through the filters of lms/templatetags/lms_tags.py; Python code (flash
messages, PDFs) calls them directly. Django's ``date`` filter is kept for machine formats only
(ISO dates in ``datetime`` attributes and form fields): tests/lms/test_dates.py checks it.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import pgettext, pgettext_lazy

# Translatable strings hold the no-break space itself, not "\u00a0": xgettext copies the escape
# as it is, and the catalogue would then never match the string.
NBSP = "\u00a0"
# Django abbreviates January and February "jan." and "fév."; French typography writes "janv."
# and "févr.": locale/fr corrects Django's two strings, marked here so makemessages keeps them.
CORRECTED_MONTHS = (pgettext_lazy("abbrev. month", "Jan."), pgettext_lazy("abbrev. month", "Feb."))

WEEKDAYS = {"l", "D"}  # "lundi" / "lun."
MONTHS = {"F", "N"}  # "novembre" / "nov."
LONG = "j F Y"
SHORT = "j N Y"


def written_date(value, layout: str = LONG) -> str:
    """``value`` (a date, or a datetime read in the site's time zone) in words, in the active
    language; '' for no date.

    ``layout`` uses Django's letters, separated by spaces, in this order: an optional weekday
    (``l`` or ``D``), the day ``j``, the month (``F`` or ``N``), an optional year ``Y``, then
    for a datetime an optional ", H:i": "l j F" gives "lundi 1er novembre" / "Monday 1
    November", "j F, H:i" gives "1er novembre, 14:05".
    """
    date_layout, _, time_layout = layout.partition(",")
    tokens = date_layout.split()
    weekday = tokens.pop(0) if tokens and tokens[0] in WEEKDAYS else None
    if (
        tokens[:1] != ["j"]
        or not (len(tokens) > 1 and tokens[1] in MONTHS)
        or tokens[2:] not in ([], ["Y"])
        or time_layout.strip() not in ("", "H:i")
    ):
        raise ValueError(f"Not a date layout in words: {layout!r}")
    if not value:
        return ""
    day = _local_date(value)
    text = NBSP.join([_day(day), *(formats.date_format(day, token) for token in tokens[1:])])
    if weekday:
        text = f"{formats.date_format(day, weekday)} {text}"
    if time_layout.strip():
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        text = f"{text}, {formats.time_format(moment, 'H:i')}"
    return text


def long_date(value) -> str:
    """'1er novembre 2026' in French, '1 November 2026' in English; '' for no date."""
    return written_date(value, LONG)


def short_date(value) -> str:
    """'1er nov. 2026' / '1 Nov. 2026'."""
    return written_date(value, SHORT)


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
        first = written_date(start, "j N")
    else:
        pattern = pgettext("dates de deux années", "%(start)s – %(end)s")
        first = short_date(start)
    return pattern % {"start": first, "end": short_date(end)}


def _day(value: datetime.date) -> str:
    if value.day == 1:
        return pgettext("premier jour du mois", "1er")
    return str(value.day)


def _local_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value
