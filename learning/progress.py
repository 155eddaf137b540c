"""A trainee's way through the days of a module: what is done, what is today, what is left,
and which of the module's tests are open.

Progress is kept against the lessons of the cohort's module (French, the source tree) and read
through ``translation_key``, so a lesson marked done in English counts in French too. The
helpers for the trainee home run a fixed number of queries whatever the number of enrolments
and lessons.

Tests open on the cohort's dates (the rules are in courses/days.py): the pre-test on the
first session day, the post-test on the last one or when the trainer opens it, the survey
once the post-test is submitted. A test already submitted is done whatever the date.
"""

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from cohorts.models import SessionDay, load_schedules
from courses import gains
from courses.days import (
    Day,
    Opening,
    percent,
    post_test_opening,
    pre_test_opening,
    survey_opening,
)
from courses.models import LessonPage, ModulePage
from learning.models import Attempt, Document, LessonProgress, Phase, SurveyCompletion

SURVEY = "survey"
# A test card's state on /learn/: still to do, done, or not open yet.
TO_DO, DONE, NOT_OPEN = "todo", "done", "not_open"


@dataclass
class ModuleProgress:
    """One enrolment's module, in the reader's language, with its days."""

    enrolment: object
    module: ModulePage
    days: list[Day] = field(default_factory=list)
    tests: list["AssessmentCard"] = field(default_factory=list)
    exercises: list["ExerciseCard"] = field(default_factory=list)
    # The cohort's last session day once it is over: the days left are no longer "left".
    finished_on: datetime.date | None = None

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


@dataclass
class AssessmentCard:
    """One of an enrolment's tests (``pre``, ``post``) or its survey, as the home shows it."""

    phase: str
    opening: Opening
    attempt: Attempt | None = None
    answered: bool = False  # the survey's: no attempt is kept with the enrolment
    pre_score: float | None = None  # on the post-test's card, to compare

    @property
    def done(self) -> bool:
        return self.answered or (self.attempt is not None and self.attempt.is_submitted)

    @property
    def state(self) -> str:
        if self.done:
            return DONE
        return TO_DO if self.opening.is_open else NOT_OPEN

    @property
    def score(self) -> float | None:
        return self.attempt.score if self.done and self.attempt else None

    @property
    def gain(self) -> float | None:
        """Points gained since the pre-test, once both are submitted (post-test only)."""
        return gains.absolute_gain(self.pre_score, self.score) if self.phase == Phase.POST else None


def _opening(enrolment, phase: str, today: datetime.date, post_test_done) -> Opening | None:
    """The opening of the enrolment's test for ``phase``, None if the module has none.
    ``post_test_done`` is called only for the survey, once the post-test is open (it may cost
    a query)."""
    cohort, module = enrolment.cohort, enrolment.cohort.module
    if phase == Phase.PRE:
        return pre_test_opening(cohort.opens_on, today) if module.pre_test_id else None
    post = post_test_opening(
        cohort.closes_on, today, opened_by_trainer=cohort.post_test_opened_at is not None
    )
    if phase == Phase.POST:
        return post if module.post_test_id else None
    if not module.survey_id:
        return None
    has_post_test = module.post_test_id is not None
    return survey_opening(
        post,
        has_post_test=has_post_test,
        post_test_done=has_post_test and post.is_open and post_test_done(),
    )


def _test_cards(
    enrolment, attempts: dict, answered: set, today: datetime.date
) -> list[AssessmentCard]:
    """The cards of the tests the enrolment's module has, from the attempts and survey
    completions already read (``{(enrolment_id, phase): attempt}``, ``{enrolment_id}``)."""
    pre = attempts.get((enrolment.pk, Phase.PRE))
    post = attempts.get((enrolment.pk, Phase.POST))
    pre_score = pre.score if pre is not None and pre.is_submitted else None
    cards = [
        AssessmentCard(Phase.PRE, _opening(enrolment, Phase.PRE, today, None), pre),
        AssessmentCard(
            Phase.POST, _opening(enrolment, Phase.POST, today, None), post, pre_score=pre_score
        ),
        AssessmentCard(
            SURVEY,
            _opening(enrolment, SURVEY, today, lambda: post is not None and post.is_submitted),
            answered=enrolment.pk in answered,
        ),
    ]
    return [card for card in cards if card.opening is not None]


def _attempts_and_answers(enrolments) -> tuple[dict, set]:
    attempts = {
        (attempt.enrolment_id, attempt.phase): attempt
        for attempt in Attempt.objects.filter(enrolment__in=enrolments)
    }
    answered = set(
        SurveyCompletion.objects.filter(enrolment__in=enrolments).values_list(
            "enrolment_id", flat=True
        )
    )
    return attempts, answered


def _submitted(enrolment, phase: str) -> bool:
    return Attempt.objects.submitted().filter(enrolment=enrolment, phase=phase).exists()


def not_yet_open(enrolment, phase: str, *, today: datetime.date | None = None) -> Opening | None:
    """The opening of the enrolment's test for ``phase`` if it is not open yet and not done
    (a test already submitted stays readable); None otherwise, or if the module has none.

    Asked by every request of the test pages, autosave included: no query while the test is
    open, one or two to tell a closed test from one already done.
    """
    today = today or timezone.localdate()
    opening = _opening(enrolment, phase, today, lambda: _submitted(enrolment, Phase.POST))
    if opening is None or opening.is_open:
        return None
    if phase == SURVEY:
        done = SurveyCompletion.objects.filter(enrolment=enrolment).exists()
    else:
        done = _submitted(enrolment, phase)
    return None if done else opening


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
    load_schedules([enrolment.cohort for enrolment in enrolments])
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
    attempts, answered = _attempts_and_answers(enrolments)
    documents = _documents(enrolments)

    result = []
    for enrolment in enrolments:
        module = enrolment.cohort.module
        module_lessons = by_module.get(module.path, [])
        schedule = enrolment.cohort.schedule()
        today_number = schedule.today_number(today, len(module_lessons))
        days = [
            Day(
                lesson=lesson_names.get(lesson.translation_key, lesson),
                done=(enrolment.pk, lesson.translation_key) in done,
                is_today=position == today_number,
                upcoming=not schedule.can_mark_done(today, lesson.day_number),
            )
            for position, lesson in enumerate(module_lessons, start=1)
        ]
        result.append(
            ModuleProgress(
                enrolment=enrolment,
                module=module_names.get(module.translation_key, module),
                days=days,
                tests=_test_cards(enrolment, attempts, answered, today),
                exercises=_exercise_cards(enrolment, _exercises_linked(module_lessons), documents),
                finished_on=schedule.last_day if today > schedule.last_day else None,
            )
        )
    return result


# --- The module's exercises (the CV, the business plan) --------------------------------------
# A module has the exercises its days link to (LessonPage.linked_exercises); the pages'
# addresses by the exercise's kind.
_EXERCISE_PAGES = {"cv": "learn_cv", "plan": "learn_business_plan"}


@dataclass(frozen=True)
class ExerciseCard:
    """An exercise of the module on /learn/: where it is, and where the trainee's work stands
    (``status`` None: not started; ``comments``: the trainer's, not answered yet)."""

    kind: str
    url: str
    status: str | None = None
    comments: int = 0


def _exercises_linked(lessons) -> list[str]:
    """The exercise kinds the lessons link to, in the order of the days."""
    kinds: list[str] = []
    for lesson in lessons:
        kinds += [kind for kind in lesson.linked_exercises() if kind not in kinds]
    return kinds


def _documents(enrolments) -> dict[tuple[str, int | None], Document]:
    """The trainees' exercise work, by (kind, enrolment) — enrolment None for the CV."""
    trainees = {enrolment.trainee_id for enrolment in enrolments}
    documents = (
        Document.objects.filter(trainee_id__in=trainees)
        .filter(Q(enrolment__isnull=True) | Q(enrolment__in=enrolments))
        .annotate(open_comments=Count("comments", filter=Q(comments__resolved_at__isnull=True)))
        .only("kind", "enrolment_id", "status")
    )
    return {(document.kind, document.enrolment_id): document for document in documents}


def _exercise_cards(enrolment, kinds: list[str], documents) -> list[ExerciseCard]:
    cards = []
    for kind in kinds:
        document = documents.get((kind, None if kind == "cv" else enrolment.pk))
        cards.append(
            ExerciseCard(
                kind=kind,
                url=reverse(_EXERCISE_PAGES[kind], args=[enrolment.pk]),
                status=document.status if document else None,
                comments=document.open_comments if document else 0,
            )
        )
    return cards


def module_days(module: ModulePage, enrolment, *, today: datetime.date | None = None) -> list[Day]:
    """The live days of a module (in the module's language), marked done for the enrolment."""
    today = today or timezone.localdate()
    schedule = enrolment.cohort.schedule()
    done = {key for _pk, key in _done_keys([enrolment])}
    return [
        Day(
            lesson=lesson,
            done=lesson.translation_key in done,
            upcoming=not schedule.can_mark_done(today, lesson.day_number),
        )
        for lesson in module.lessons()
    ]


def _progress_of(enrolment, lesson: LessonPage):
    return LessonProgress.objects.filter(
        enrolment=enrolment, lesson__translation_key=lesson.translation_key
    )


def is_done(enrolment, lesson: LessonPage) -> bool:
    return _progress_of(enrolment, lesson).exists()


def lesson_opens_on(lesson: LessonPage) -> Subquery:
    """The date of the enrolment's session day that teaches ``lesson`` (in any language), as
    an annotation of enrolments: the lesson page reads it with the enrolment."""
    return Subquery(
        SessionDay.objects.held()
        .filter(cohort=OuterRef("cohort"), lesson__translation_key=lesson.translation_key)
        .values("date")[:1]
    )


def lesson_done(lesson: LessonPage) -> Exists:
    """``is_done`` as an annotation of enrolments (``enrolment_for_module(..., done=...)``):
    the lesson page reads the enrolment and its progress in one query."""
    return Exists(_progress_of(OuterRef("pk"), lesson))


def lesson_context(enrolment, lesson: LessonPage, *, today: datetime.date | None = None) -> dict:
    """What a trainee's lesson page adds: whether the day is done, or from when it may be.
    The enrolment's ``done`` annotation (``lesson_done``) is used when it was read."""
    today = today or timezone.localdate()
    opens_on = getattr(enrolment, "opens_on", None) or enrolment.cohort.schedule().opens_on(
        lesson.day_number
    )
    done = getattr(enrolment, "done", None)
    return {
        "enrolment": enrolment,
        "done": is_done(enrolment, lesson) if done is None else done,
        "can_mark_done": today >= opens_on,
        "opens_on": opens_on,
    }
