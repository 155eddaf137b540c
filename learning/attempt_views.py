"""The trainee takes a pre-test, a post-test or the satisfaction survey (/learn/assessments/).

One page with every question, a plain form that works without JavaScript; with it, the page
autosaves through ``save`` (JSON, version-checked) and keeps offline drafts on the tablet
(lms/static/js/offline-queue.js). Surveys are never saved on the server before they are sent.
Sending with questions left blank asks first (``confirm_unanswered``), in the plain form as
in the page's dialog. Answers left on a tablet after a sign-out arrive through ``deliver``
(learning/delivery.py); a test page reloaded offline comes from ``service_worker``.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from courses.scoring import AnswerError, answers_from_form, form_field
from learning import delivery, exercise_views, services, views
from learning.decorators import trainee_required
from learning.permissions import get_attempt_for_learner, get_enrolment_for_learner
from lms.json_body import BadBody, read_json_object, read_version

SURVEY = services.SURVEY
#: The service worker's copies of test pages; offline-queue.js deletes every "foras-" cache
#: at sign-out.
PAGE_CACHE = "foras-pages"


def _check_phase(phase: str) -> None:
    if phase not in services.PHASES:
        raise Http404


def _translated(assessment):
    """The assessment in the active language if it is translated (block ids are the same)."""
    return assessment.get_translation_or_none(Locale.get_active()) or assessment


def _missing(request, enrolment, phase):
    return render(
        request,
        "learning/assessment.html",
        {"enrolment": enrolment, "phase": phase, "assessment": None},
        status=404,
    )


def _done(request, enrolment, phase, attempt=None, status=200):
    return render(
        request,
        "learning/assessment_done.html",
        {
            "enrolment": enrolment,
            "phase": phase,
            "attempt": attempt,
            "draft_key": _draft_key(enrolment, phase),
        },
        status=status,
    )


def _draft_key(enrolment, phase: str) -> str:
    """The offline draft's name on the tablet (offline-queue.js adds "foras:<user id>:")."""
    return f"assessment-{enrolment.pk}-{phase}"


def _delivery(request, attempt) -> dict:
    """What the page's offline queue needs to deliver answers left after a sign-out."""
    return {
        "url": reverse("learn_deliver"),
        "token": delivery.token_for(attempt, request.user.pk),
        "key": delivery.key_for(attempt, request.user.pk),
    }


def _unanswered_message(count: int) -> str:
    return ngettext(
        "%(count)s question sans réponse. Envoyer quand même ?",
        "%(count)s questions sans réponse. Envoyer quand même ?",
        count,
    ) % {"count": count}


def _form_page(
    request,
    enrolment,
    phase,
    assessment,
    answers,
    version,
    errors=None,
    conflict=False,
    unanswered=0,
    status=200,
    attempt=None,
):
    shown = _translated(assessment)
    errors = errors or {}
    questions = [
        {
            "block": question,
            "field": form_field(question.id),
            "answer": answers.get(question.id),
            "error": errors.get(question.id),
        }
        for question in shown.questions
    ]
    return render(
        request,
        "learning/assessment.html",
        {
            "enrolment": enrolment,
            "phase": phase,
            "assessment": shown,
            "questions": questions,
            "version": version,
            "errors": errors,
            "conflict": conflict,
            # The plain form's confirmation step, and the same question asked by
            # assessment.js before it sends (one message per possible count: plural rules
            # stay with gettext).
            "unanswered": _unanswered_message(unanswered) if unanswered else "",
            "unanswered_messages": {
                count: _unanswered_message(count) for count in range(1, len(questions) + 1)
            },
            "draft_key": _draft_key(enrolment, phase),
            # Survey drafts never reach the server: the page keeps them on the tablet only.
            "save_url": ""
            if phase == SURVEY
            else reverse("learn_assessment_save", args=[enrolment.pk, phase]),
            "delivery": None if attempt is None else _delivery(request, attempt),
        },
        status=status,
    )


@require_GET
@trainee_required
def assessment_page(request, trainee, enrolment_id: int, phase: str):
    _check_phase(phase)
    enrolment = get_enrolment_for_learner(request.user, enrolment_id)
    if closed := views.not_open_response(request, enrolment, phase):
        return closed
    if phase == SURVEY:
        survey = services.assessment_for(enrolment, phase)
        if survey is None:
            return _missing(request, enrolment, phase)
        if services.has_answered_survey(enrolment, survey):
            return _done(request, enrolment, phase)
        return _form_page(request, enrolment, phase, survey, {}, 0)
    attempt = services.get_or_start_attempt(enrolment, phase)
    if attempt is None:
        return _missing(request, enrolment, phase)
    if attempt.is_submitted:
        return _done(request, enrolment, phase, attempt)
    return _form_page(
        request,
        enrolment,
        phase,
        attempt.assessment,
        attempt.answers,
        attempt.version,
        attempt=attempt,
    )


def _json_error(message: str, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


@require_POST
@trainee_required
def save(request, trainee, enrolment_id: int, phase: str):
    """Autosave: JSON {version, answers} in, {version} out; 409 with the server's answers."""
    _check_phase(phase)
    # The test page started the attempt: its enrolment comes with it, in the same query.
    attempt = (
        None if phase == SURVEY else get_attempt_for_learner(request.user, enrolment_id, phase)
    )
    if attempt is not None:
        enrolment = attempt.enrolment
    else:
        enrolment = get_enrolment_for_learner(request.user, enrolment_id)
    if closed := views.not_open_response(request, enrolment, phase, as_json=True):
        return closed
    if phase == SURVEY:
        # Nothing of a survey is kept with the enrolment before it is sent, anonymously.
        return HttpResponse(status=204)
    if attempt is None:
        attempt = services.get_or_start_attempt(enrolment, phase)
    if attempt is None:
        return _json_error(_("Ce test n'existe pas."), status=404)
    try:
        payload = read_json_object(request)
        version = read_version(payload)
    except BadBody as error:
        return _json_error(error.message)
    try:
        attempt = services.save_answers(attempt, payload.get("answers"), version)
    except AnswerError as error:
        return _json_error(error.message, errors=error.errors)
    except services.VersionConflict as conflict:
        current = conflict.attempt
        return JsonResponse(
            {"version": current.version, "answers": current.answers, "conflict": True},
            status=409,
        )
    except services.AlreadySubmitted as submitted:
        current = submitted.attempt
        return JsonResponse(
            {
                "version": current.version,
                "answers": current.answers,
                "location": reverse("learn_assessment", args=[enrolment.pk, phase]),
            },
            status=409,
        )
    return JsonResponse({"version": attempt.version})


def _posted_version(request) -> int | None:
    try:
        return max(int(request.POST.get("version", "")), 0)
    except ValueError:
        return None


def _unanswered(questions, answers: dict) -> int:
    return sum(1 for question in questions if question.id not in answers)


@require_POST
@trainee_required
def submit(request, trainee, enrolment_id: int, phase: str):
    """Sends the answers; with unanswered questions, asks first (``confirm_unanswered``)."""
    _check_phase(phase)
    enrolment = get_enrolment_for_learner(request.user, enrolment_id)
    if closed := views.not_open_response(request, enrolment, phase):
        return closed
    page = redirect("learn_assessment", enrolment.pk, phase)
    confirmed = request.POST.get("confirm_unanswered") == "1"
    if phase == SURVEY:
        survey = services.assessment_for(enrolment, phase)
        if survey is None:
            return _missing(request, enrolment, phase)
        if services.has_answered_survey(enrolment, survey):
            return page
        try:
            answers = answers_from_form(survey.questions, request.POST)
        except AnswerError as error:
            return _form_page(
                request, enrolment, phase, survey, {}, 0, errors=error.errors, status=400
            )
        missing = _unanswered(survey.questions, answers)
        if missing and not confirmed:
            # Shown again as answered; nothing of a survey is kept before it is sent.
            return _form_page(request, enrolment, phase, survey, answers, 0, unanswered=missing)
        services.submit_survey(enrolment, survey, answers)
        return page

    attempt = services.get_or_start_attempt(enrolment, phase)
    if attempt is None:
        return _missing(request, enrolment, phase)
    if attempt.is_submitted:
        return page
    questions = attempt.assessment.questions
    version = _posted_version(request)
    try:
        answers = answers_from_form(questions, request.POST)
        missing = _unanswered(questions, answers)
        if missing and not confirmed:
            # Kept as an autosave would (nothing is lost if the trainee leaves), then asked.
            if version is not None:
                attempt = services.save_answers(attempt, answers, version)
            return _form_page(
                request,
                enrolment,
                phase,
                attempt.assessment,
                attempt.answers if version is not None else answers,
                attempt.version,
                unanswered=missing,
                attempt=attempt,
            )
        services.submit_attempt(attempt, answers, version, by=request.user)
    except services.AlreadySubmitted:
        return page
    except AnswerError as error:
        return _form_page(
            request,
            enrolment,
            phase,
            attempt.assessment,
            attempt.answers,
            attempt.version,
            errors=error.errors,
            status=400,
            attempt=attempt,
        )
    except services.VersionConflict as conflict:
        current = conflict.attempt
        return _form_page(
            request,
            enrolment,
            phase,
            current.assessment,
            current.answers,
            current.version,
            conflict=True,
            status=409,
            attempt=current,
        )
    return page


@csrf_exempt  # authenticated by the token in the body, never by a cookie: see delivery.py
@require_POST
def deliver(request):
    """Answers a tablet kept after its trainee signed out: {token, iv, data} in.

    200 when the server has them (now or already), 409 when they are superseded (newer
    answers, or the test sent) and 400 when they can never be kept: in both cases the tablet
    forgets them. Anything else (offline, 5xx) and it tries again later.
    """
    try:
        sent = delivery.open_delivery(read_json_object(request), secure=request.is_secure())
        if sent.document is not None:
            return exercise_views.deliver(sent)
        attempt = services.save_answers(sent.attempt, sent.answers, sent.version)
    except BadBody as error:
        return _json_error(error.message)
    except AnswerError as error:
        return _json_error(error.message, errors=error.errors)
    except (services.VersionConflict, services.AlreadySubmitted):
        return _json_error(_("Des réponses plus récentes sont déjà enregistrées."), status=409)
    return JsonResponse({"version": attempt.version})


# Browsers check a service worker for updates on every page of its scope; cached for a day
# (their own cap), that costs one request a day, not one per page.
@cache_control(max_age=24 * 3600)
@require_GET
def service_worker(request):
    """Lets a test page reloaded offline come back (templates/learning/offline-sw.js)."""
    return render(
        request,
        "learning/offline-sw.js",
        {"cache_name": PAGE_CACHE, "idle_seconds": settings.TRAINEE_IDLE_SECONDS},
        content_type="text/javascript",
    )
