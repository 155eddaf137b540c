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

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from courses.days import Day, percent, today_day_number
from courses.models import LessonPage, ModulePage
from learning.models import LessonProgress


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


def module_days(module: ModulePage, enrolment) -> list[Day]:
    """The live days of a module (in the module's language), marked done for the enrolment."""
    done = {key for _pk, key in _done_keys([enrolment])}
    return [Day(lesson=lesson, done=lesson.translation_key in done) for lesson in module.lessons()]


def is_done(enrolment, lesson: LessonPage) -> bool:
    return LessonProgress.objects.filter(
        enrolment=enrolment, lesson__translation_key=lesson.translation_key
    ).exists()
