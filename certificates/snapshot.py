"""What a certificate certifies, read once when it is issued and frozen in its snapshot.

Only what the paper shows: the holder's name as printed, the module and its topics, the
dates, the duration in days and hours, the place and modality, the issuer and signatory.
Never nationality, birth year, phone, username or programme status.
"""

import datetime

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from cohorts.attendance_rule import ATTENDED
from cohorts.models import AttendanceMark, SessionDay
from courses.models import LessonPage, ModulePage


def _in_language(page, language: str):
    """The page's translation in ``language`` where it exists (the source page otherwise)."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) or page


def take(enrolment, *, kind: str, language: str) -> dict:
    cohort = enrolment.cohort
    module = _in_language(ModulePage.objects.get(pk=cohort.module_id), language)
    days = list(
        SessionDay.objects.held().filter(cohort=cohort).select_related("lesson").order_by("date")
    )
    lessons = [_in_language(day.lesson, language) for day in days if day.lesson_id]
    if not days:
        lessons = [_in_language(lesson, language) for lesson in cohort.module.lessons()]
    minutes = {day.pk: (day.lesson.duration_minutes if day.lesson else 360) for day in days}
    attended = set(
        AttendanceMark.objects.filter(
            enrolment=enrolment, session_day__in=days, status__in=ATTENDED
        ).values_list("session_day_id", flat=True)
    )
    point = cohort.orientation_point
    with translation.override(language):
        modality = str(cohort.get_modality_display())
    snapshot = {
        "holder_name": enrolment.trainee.display_name,
        "module": module.title,
        "topics": [lesson.title for lesson in lessons if isinstance(lesson, LessonPage)],
        "start_date": (days[0].date if days else cohort.start_date).isoformat(),
        "end_date": (days[-1].date if days else cohort.end_date).isoformat(),
        "days": len(days) or module.duration_days,
        "hours": round(sum(minutes.values()) / 60, 1) if days else None,
        "place": point.name,
        "city": point.city,
        "modality": modality,
        "issuer": settings.CERTIFICATE_ISSUER,
        "signatory": settings.CERTIFICATE_SIGNATORY,
        "signatory_title": settings.CERTIFICATE_SIGNATORY_TITLE,
        "language": language,
    }
    if kind == "statement":
        snapshot["days_attended"] = len(attended)
        snapshot["hours_attended"] = round(sum(minutes[pk] for pk in attended) / 60, 1)
    return snapshot


def date_in(snapshot: dict, key: str) -> datetime.date | None:
    """A date the snapshot keeps ("start_date", "end_date": ISO text in its JSON), or None
    when it has none or an unreadable one."""
    value = (snapshot or {}).get(key)
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
