"""What a trainee does, as changes of state: a day marked done, a test saved and submitted,
the survey answered. Views, the demo loader and tests all come through here.

Audit: submitting a test, marking a day done or undoing the mark, opening the post-test early
and reopening a submitted attempt write one entry each. Autosaves do not (the
attempt's version number is their trail, and a tablet autosaves every few seconds), nor does
the survey: an entry would tie a person to the moment of an anonymous answer.

Pre/post tests are saved as the trainee goes (``save_answers``, with a version number so a
stale tablet cannot overwrite newer answers) and submitted once (``submit_attempt``, scored
here, never by the browser). Survey answers are never stored with the enrolment:
``submit_survey`` writes the anonymous SurveyResponse and the SurveyCompletion together, and
survey drafts live only in the trainee's browser.
"""

import copy
import datetime
import threading
from collections import OrderedDict

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.blocks import StreamValue

from cohorts.models import Cohort, Enrolment
from courses.gains import score_percent
from courses.models import Assessment, LessonPage
from courses.scoring import normalise_answers, score_answers
from learning.models import Attempt, LessonProgress, SurveyCompletion, SurveyResponse
from learning.progress import is_done
from lms import audit

REASON_MAX_LENGTH = 500

PRE, POST, SURVEY = "pre", "post", "survey"
PHASES = (PRE, POST, SURVEY)
_MODULE_FIELDS = {PRE: "pre_test", POST: "post_test", SURVEY: "survey"}


class VersionConflict(Exception):
    """The answers were changed elsewhere since the version the client knows."""

    def __init__(self, attempt: Attempt):
        super().__init__(f"attempt {attempt.pk} is at version {attempt.version}")
        self.attempt = attempt


class DayNotYetOpen(Exception):
    """A day marked done before its calendar day has come."""

    def __init__(self, opens_on: datetime.date):
        super().__init__(f"the day opens on {opens_on}")
        self.opens_on = opens_on


class NotSubmitted(Exception):
    """Only a submitted attempt can be reopened."""


class ReasonRequired(Exception):
    """Reopening an attempt needs a reason (kept in the audit trail)."""


class AlreadySubmitted(Exception):
    def __init__(self, attempt: Attempt):
        super().__init__(f"attempt {attempt.pk} was submitted")
        self.attempt = attempt


def assessment_for(enrolment: Enrolment, phase: str) -> Assessment | None:
    """The module's assessment for this phase, or None when the module has none."""
    field = _MODULE_FIELDS.get(phase)
    return getattr(enrolment.cohort.module, field) if field else None


def get_or_start_attempt(enrolment: Enrolment, phase: str) -> Attempt | None:
    """The enrolment's attempt at the pre or post test, started if need be.

    An attempt keeps the assessment it was started with, even if the module changes later.
    None when the module has no test for this phase.
    """
    assert phase in (PRE, POST), phase
    attempt = (
        Attempt.objects.filter(enrolment=enrolment, phase=phase)
        .select_related("assessment")
        .first()
    )
    if attempt is not None:
        return attempt
    assessment = assessment_for(enrolment, phase)
    if assessment is None:
        return None
    try:
        with transaction.atomic():
            return Attempt.objects.create(enrolment=enrolment, assessment=assessment, phase=phase)
    except IntegrityError:  # started at the same moment from another tablet
        return Attempt.objects.get(enrolment=enrolment, phase=phase)


# Parsed question sets, by assessment, with the raw data they were parsed from: turning the
# stream's JSON into blocks took about a quarter of an autosave. Comparing the raw data of the
# assessment just read with the one kept (~15 µs for a test) tells an edited assessment, which
# is parsed again; hashing its JSON took ten times as long. The few kept are a few kilobytes.
_QUESTION_SETS: OrderedDict[int, tuple[list, StreamValue]] = OrderedDict()
_QUESTION_SETS_KEPT = 64
_question_sets_lock = threading.Lock()


def questions_of(assessment: Assessment) -> StreamValue:
    """The assessment's questions, parsed once per process for each version of them."""
    raw = list(assessment.questions.raw_data)
    with _question_sets_lock:
        kept = _QUESTION_SETS.get(assessment.pk)
        if kept is not None and kept[0] == raw:
            _QUESTION_SETS.move_to_end(assessment.pk)
            return kept[1]
    # A copy: converting the blocks may fill in the raw data they came from.
    raw = copy.deepcopy(raw)
    questions = assessment.questions
    list(questions)  # converts every block now, outside the lock
    with _question_sets_lock:
        _QUESTION_SETS[assessment.pk] = (raw, questions)
        _QUESTION_SETS.move_to_end(assessment.pk)
        while len(_QUESTION_SETS) > _QUESTION_SETS_KEPT:
            _QUESTION_SETS.popitem(last=False)
    return questions


def save_answers(attempt: Attempt, answers: object, version: int) -> Attempt:
    """Keeps the answers of an attempt in progress and returns it at its new version.

    ``version`` is the version the client's answers were based on. Raises AnswerError (bad
    answers), VersionConflict (changed elsewhere since) or AlreadySubmitted; nothing changes
    then. Re-sending answers the server already has is not a conflict: a tablet whose
    connection dropped before the reply arrived sends them again.
    """
    clean = normalise_answers(questions_of(attempt.assessment), answers)
    if attempt.is_submitted:
        raise AlreadySubmitted(attempt)
    if clean == attempt.answers:
        return attempt
    # One conditional UPDATE (a tablet autosaves every few seconds): it only applies to the
    # version the client knew, on an attempt still open, so no lock and no transaction needed.
    now = timezone.now()
    updated = Attempt.objects.filter(
        pk=attempt.pk, version=version, submitted_at__isnull=True
    ).update(answers=clean, version=F("version") + 1, updated_at=now)
    if updated:
        attempt.answers, attempt.version, attempt.updated_at = clean, version + 1, now
        return attempt
    current = Attempt.objects.select_related("assessment").get(pk=attempt.pk)
    if current.is_submitted:
        raise AlreadySubmitted(current)
    if clean == current.answers:
        return current
    raise VersionConflict(current)


def submit_attempt(
    attempt: Attempt, answers: object = None, version: int | None = None, *, by=None
) -> tuple[Attempt, bool]:
    """Scores and closes the attempt, once; returns it and whether it was submitted now.

    With ``answers`` (the plain form), they are saved first under the same rules as
    ``save_answers``. Submitting an attempt already submitted changes nothing.
    """
    questions = attempt.assessment.questions
    clean = None if answers is None else normalise_answers(questions, answers)
    with transaction.atomic():
        current = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if current.is_submitted:
            return current, False
        if clean is not None and clean != current.answers:
            if version is not None and version != current.version:
                raise VersionConflict(current)
            current.answers = clean
            current.version += 1
        current.points, current.max_points = score_answers(questions, current.answers)
        current.score = score_percent(current.points, current.max_points)
        current.submitted_at = timezone.now()
        current.save()
        audit.record(by, audit.Action.SUBMITTED, current, enrolment=current.enrolment_id)
    return current, True


def has_answered_survey(enrolment: Enrolment, assessment: Assessment) -> bool:
    return SurveyCompletion.objects.filter(enrolment=enrolment, assessment=assessment).exists()


def submit_survey(enrolment: Enrolment, assessment: Assessment, answers: object) -> bool:
    """Records anonymous survey answers and that this enrolment answered; once.

    Returns False (and changes nothing) if the enrolment had already answered. The response
    carries the cohort and the day only; nothing else links it to the completion (no audit
    entry, no log). There is no server-side draft to discard: survey drafts stay in the
    browser, which forgets them once the survey is sent.
    """
    clean = normalise_answers(assessment.questions, answers)
    with transaction.atomic():
        # Serialises two submissions of the same enrolment (two tabs, a double tap).
        Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
        if has_answered_survey(enrolment, assessment):
            return False
        SurveyResponse.objects.create(
            assessment=assessment,
            cohort_id=enrolment.cohort_id,
            answers=clean,
            submitted_on=timezone.localdate(),
        )
        SurveyCompletion.objects.create(enrolment=enrolment, assessment=assessment)
    return True


def mark_lesson_done(
    enrolment: Enrolment, lesson: LessonPage, *, by=None, today: datetime.date | None = None
) -> bool:
    """Record that the enrolment finished the lesson; ``True`` if this is new.

    Idempotent, in any language: the record points at the lesson of the cohort's own module
    where it has one, so staff reports count one lesson once. Raises DayNotYetOpen for a day
    whose session day has not come.
    """
    today = today or timezone.localdate()
    schedule = enrolment.cohort.schedule()
    if not schedule.can_mark_done(today, lesson.day_number):
        raise DayNotYetOpen(schedule.opens_on(lesson.day_number))
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
            progress = LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)
            audit.record(by, audit.Action.LESSON_DONE, progress, enrolment=enrolment.pk)
    except IntegrityError:  # a double tap: the other request recorded it
        return False
    return True


def unmark_lesson_done(enrolment: Enrolment, lesson: LessonPage, *, by=None) -> bool:
    """Undo a day's done mark (in any language); ``True`` if there was one."""
    with transaction.atomic():
        progress = (
            LessonProgress.objects.select_for_update()
            .filter(enrolment=enrolment, lesson__translation_key=lesson.translation_key)
            .first()
        )
        if progress is None:
            return False
        audit.record(
            by,
            audit.Action.LESSON_UNDONE,
            progress,
            enrolment=enrolment.pk,
            lesson=progress.lesson_id,
        )
        progress.delete()
    return True


def open_post_test(cohort: Cohort, *, by) -> bool:
    """The trainer opens the cohort's post-test before its last day; ``True`` if this is new."""
    with transaction.atomic():
        current = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if current.post_test_opened_at is not None:
            cohort.post_test_opened_at = current.post_test_opened_at
            return False
        current.post_test_opened_at = timezone.now()
        current.save(update_fields=["post_test_opened_at"])
        cohort.post_test_opened_at = current.post_test_opened_at
        audit.record(by, audit.Action.POST_TEST_OPENED, current)
    return True


def reopen_attempt(attempt: Attempt, reason: str, *, by) -> Attempt:
    """A trainer reopens a submitted attempt so the trainee can answer again and resubmit.

    The answers stay (the trainee corrects them rather than starting over); the score is
    cleared until the next submission and kept, with the reason, in the audit entry. Raises
    ReasonRequired (blank reason) or NotSubmitted; nothing changes then.
    """
    reason = " ".join((reason or "").split())[:REASON_MAX_LENGTH]
    if not reason:
        raise ReasonRequired
    with transaction.atomic():
        current = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not current.is_submitted:
            raise NotSubmitted
        audit.record(
            by,
            audit.Action.REOPENED,
            current,
            enrolment=current.enrolment_id,
            phase=current.phase,
            reason=reason,
            previous_score=current.score,
            previous_points=current.points,
            previous_max_points=current.max_points,
            previous_submitted_at=current.submitted_at.isoformat(),
        )
        current.submitted_at = None
        current.points = current.max_points = current.score = None
        current.version += 1
        current.save()
    return current
