"""What the demo trainees did (data/people.yaml, per cohort): scored pre- and post-test
attempts and anonymous survey answers, submitted through learning.services as a trainee's
tablet would submit them; and the days they marked done (``load_days_done``).

An attempt or a survey answer that exists is left as it is: the trainee may have made it.
"""

import datetime
from collections.abc import Iterable

from django.utils import timezone

from cohorts.models import AttendanceMark, AttendanceStatus, Cohort, Enrolment
from courses.questions import OpenQuestionBlock, ScaleBlock
from learning import services
from learning.models import Attempt

# The post-test's right answers are three questions further round than the pre-test's, so a
# trainee does not get the very same questions right twice.
POST_TEST_SHIFT = 3


def load(cohort: Cohort, spec: dict) -> None:
    """Submit the cohort's demo attempts and survey answers that are not there yet."""
    if any("post" in trainee.get("right_answers", {}) for trainee in spec["trainees"]):
        # Taken before the cohort's last day: its trainer opened the post-test early.
        services.open_post_test(cohort, by=None)
    enrolments = []
    for position, trainee in enumerate(spec["trainees"]):
        enrolment = (
            Enrolment.objects.active()
            .filter(cohort=cohort, trainee__user__username=trainee["username"])
            .select_related("trainee__user", "cohort__module")
            .first()
        )
        if enrolment is None:  # withdrawn, or an account of that name that is not the demo's
            continue
        enrolments.append(enrolment)
        right = trainee.get("right_answers", {})
        for phase, shift in ((services.PRE, position), (services.POST, position + POST_TEST_SHIFT)):
            if phase in right:
                _attempt(enrolment, phase, right[phase], shift)
    _survey_answers(cohort, enrolments, spec.get("survey_answers", []))


def load_days_done(cohort: Cohort, *, today: datetime.date | None = None) -> None:
    """In a finished cohort, a trainee present or late on a session day marked its lesson done
    that day (after the demo's attendance is loaded). The cohorts still running are left to
    the trainees who try the demo. Marking a day done twice changes nothing."""
    today = today or timezone.localdate()
    if today <= cohort.schedule().last_day:
        return
    marks = (
        AttendanceMark.objects.filter(
            session_day__cohort=cohort,
            session_day__lesson__isnull=False,
            status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE],
            enrolment__in=Enrolment.objects.active(),
        )
        .select_related(
            "session_day__lesson", "enrolment__cohort__module", "enrolment__trainee__user"
        )
        .order_by("session_day__date", "enrolment_id")
    )
    for mark in marks:
        day = mark.session_day
        services.mark_lesson_done(
            mark.enrolment, day.lesson, by=mark.enrolment.trainee.user, today=day.date
        )


def _answers_with(questions: Iterable, right: int, shift: int) -> dict[str, object]:
    """Answers to a test that get exactly ``right`` questions right, in a row from ``shift``.

    Each answer is the question block's own example, so every kind of question is answered
    in the shape it stores.
    """
    questions = list(questions)
    chosen = {(shift + step) % len(questions) for step in range(right)}
    answers = {}
    for index, question in enumerate(questions):
        answer = question.block.example_answer(question.value, right=index in chosen)
        if answer is not None:
            answers[question.id] = answer
    return answers


def _attempt(enrolment: Enrolment, phase: str, right: int, shift: int) -> None:
    if Attempt.objects.filter(enrolment=enrolment, phase=phase).exists():
        return
    attempt = services.get_or_start_attempt(enrolment, phase)
    if attempt is None:  # the module has no test for this phase (an editor removed it)
        return
    answers = _answers_with(attempt.assessment.questions, right, shift)
    services.submit_attempt(attempt, answers, attempt.version, by=enrolment.trainee.user)


def _survey_answers(cohort: Cohort, enrolments: list[Enrolment], rows: list[dict]) -> None:
    """Each row answered by one of the cohort's first trainees; nothing ties it to them after."""
    survey = cohort.module.survey
    if survey is None:
        return
    scale = [q for q in survey.questions if isinstance(q.block, ScaleBlock)]
    opened = [q for q in survey.questions if isinstance(q.block, OpenQuestionBlock)]
    for enrolment, row in zip(enrolments, rows, strict=False):
        if services.has_answered_survey(enrolment, survey):
            continue
        # Not strict: an editor may have added or removed a question since.
        answers = {q.id: value for q, value in zip(scale, row["scale"], strict=False)}
        answers |= {q.id: text for q, text in zip(opened, row["open"], strict=False) if text}
        services.submit_survey(enrolment, survey, answers)
