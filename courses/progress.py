"""A trainee's way through the days of a module: what is done, what is today, what is left.

Progress is kept against the lessons of the cohort's module (French, the source tree) and read
through ``translation_key``, so a lesson marked done in English counts in French too. The
helpers for the trainee home run a fixed number of queries whatever the number of enrolments
and lessons.
"""

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from courses.models import LessonPage, LessonProgress, ModulePage


def today_day_number(start_date: datetime.date, today: datetime.date, lesson_count: int):
    """The day of the module a cohort is on ``today``, from 1 to ``lesson_count``.

    Kept simple on purpose: calendar days since the cohort's start (the start date is day 1),
    never before day 1 nor past the last lesson. Weekends and days off are not skipped: the
    trainer can always point trainees to another day. ``None`` when the module has no lesson.
    """
    if lesson_count < 1:
        return None
    return min(max(1, (today - start_date).days + 1), lesson_count)


def percent(done: int, total: int) -> int:
    return round(100 * done / total) if total else 0


@dataclass
class Day:
    lesson: LessonPage
    done: bool = False
    is_today: bool = False

    @property
    def number(self) -> int:
        return self.lesson.day_number


@dataclass
class ModuleProgress:
    """One enrolment's module, in the reader's language, with its days."""

    enrolment: object
    module: ModulePage
    days: list[Day] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.days)

    @property
    def done_count(self) -> int:
        return sum(day.done for day in self.days)

    @property
    def percent(self) -> int:
        return percent(self.done_count, self.total)

    @property
    def today(self) -> Day | None:
        return next((day for day in self.days if day.is_today), None)

    @property
    def left(self) -> list[Day]:
        return [day for day in self.days if not day.done]


def _children_of(modules) -> Q:
    return reduce(or_, (Q(path__startswith=m.path, depth=m.depth + 1) for m in modules))


def _translations(model, pages, locale) -> dict:
    """``{translation_key: page}`` of the pages' translations in ``locale`` (one query)."""
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    if not keys:
        return {}
    found = model.objects.live().filter(translation_key__in=keys, locale=locale)
    return {page.translation_key: page for page in found.select_related("locale")}


def _done_keys(enrolments) -> set[tuple[int, object]]:
    return set(
        LessonProgress.objects.filter(enrolment__in=enrolments).values_list(
            "enrolment_id", "lesson__translation_key"
        )
    )


def progress_for_enrolments(enrolments, *, today: datetime.date | None = None):
    """The ``ModuleProgress`` of each enrolment (cohort and module selected), in the active
    language where a translation exists."""
    enrolments = list(enrolments)
    if not enrolments:
        return []
    today = today or timezone.localdate()
    locale = Locale.get_active()
    modules = {e.cohort.module_id: e.cohort.module for e in enrolments}
    lessons = (
        LessonPage.objects.live()
        .filter(_children_of(modules.values()))
        .select_related("locale")
        .order_by("day_number", "path")
    )
    by_module = {}
    for lesson in lessons:
        by_module.setdefault(lesson.path[: -LessonPage.steplen], []).append(lesson)
    module_names = _translations(ModulePage, modules.values(), locale)
    lesson_names = _translations(LessonPage, lessons, locale)
    done = _done_keys(enrolments)

    result = []
    for enrolment in enrolments:
        module = enrolment.cohort.module
        module_lessons = by_module.get(module.path, [])
        today_number = today_day_number(enrolment.cohort.start_date, today, len(module_lessons))
        days = [
            Day(
                lesson=lesson_names.get(lesson.translation_key, lesson),
                done=(enrolment.pk, lesson.translation_key) in done,
                is_today=position == today_number,
            )
            for position, lesson in enumerate(module_lessons, start=1)
        ]
        result.append(
            ModuleProgress(
                enrolment=enrolment,
                module=module_names.get(module.translation_key, module),
                days=days,
            )
        )
    return result


def module_days(module: ModulePage, enrolment=None) -> list[Day]:
    """The live days of a module (in the module's language), marked done for the enrolment."""
    lessons = LessonPage.objects.live().child_of(module).order_by("day_number", "path")
    done = {key for _pk, key in _done_keys([enrolment])} if enrolment else set()
    return [Day(lesson=lesson, done=lesson.translation_key in done) for lesson in lessons]


def neighbours(lesson: LessonPage):
    """The previous and next live days of the lesson's module, or ``None``."""
    siblings = LessonPage.objects.live().sibling_of(lesson, inclusive=False)
    previous = (
        siblings.filter(day_number__lt=lesson.day_number).order_by("-day_number", "-path").first()
    )
    following = siblings.filter(day_number__gt=lesson.day_number).order_by("day_number").first()
    return previous, following


def is_done(enrolment, lesson: LessonPage) -> bool:
    return LessonProgress.objects.filter(
        enrolment=enrolment, lesson__translation_key=lesson.translation_key
    ).exists()


def mark_lesson_done(enrolment, lesson: LessonPage) -> bool:
    """Record that the enrolment finished the lesson; ``True`` if this is new.

    Idempotent, in any language: the record points at the lesson of the cohort's own module
    where it has one, so staff reports count one lesson once.
    """
    if is_done(enrolment, lesson):
        return False
    module = enrolment.cohort.module
    if lesson.locale_id != module.locale_id:
        lesson = (
            LessonPage.objects.filter(
                translation_key=lesson.translation_key, locale_id=module.locale_id
            ).first()
            or lesson
        )
    try:
        with transaction.atomic():
            LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)
    except IntegrityError:  # a double tap: the other request recorded it
        return False
    return True
