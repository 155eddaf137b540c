"""The trainee takes a pre-test, a post-test or the satisfaction survey (/learn/assessments/).

One page with every question, a plain form that works without JavaScript; with it, the page
autosaves through ``save`` (JSON, version-checked) and keeps offline drafts on the tablet
(lms/static/js/offline-queue.js). Surveys are never saved on the server before they are sent.
"""

import json

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from courses.scoring import AnswerError, answers_from_form, form_field
from learning import services, views
from learning.decorators import trainee_required
from learning.permissions import get_enrolment_for_learner

SURVEY = services.SURVEY


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


def _form_page(
    request, enrolment, phase, assessment, answers, version, errors=None, conflict=False, status=200
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
            "draft_key": _draft_key(enrolment, phase),
            # Survey drafts never reach the server: the page keeps them on the tablet only.
            "save_url": ""
            if phase == SURVEY
            else reverse("learn_assessment_save", args=[enrolment.pk, phase]),
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
        request, enrolment, phase, attempt.assessment, attempt.answers, attempt.version
    )


def _json_error(message: str, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


@require_POST
@trainee_required
def save(request, trainee, enrolment_id: int, phase: str):
    """Autosave: JSON {version, answers} in, {version} out; 409 with the server's answers."""
    _check_phase(phase)
    enrolment = get_enrolment_for_learner(request.user, enrolment_id)
    if closed := views.not_open_response(request, enrolment, phase, as_json=True):
        return closed
    if phase == SURVEY:
        # Nothing of a survey is kept with the enrolment before it is sent, anonymously.
        return HttpResponse(status=204)
    attempt = services.get_or_start_attempt(enrolment, phase)
    if attempt is None:
        return _json_error(_("Ce test n'existe pas."), status=404)
    try:
        payload = json.loads(request.body)
    except (ValueError, RequestDataTooBig):
        return _json_error(_("Les réponses envoyées sont illisibles."))
    version = payload.get("version") if isinstance(payload, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        return _json_error(_("Les réponses envoyées sont illisibles."))
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


@require_POST
@trainee_required
def submit(request, trainee, enrolment_id: int, phase: str):
    _check_phase(phase)
    enrolment = get_enrolment_for_learner(request.user, enrolment_id)
    if closed := views.not_open_response(request, enrolment, phase):
        return closed
    page = redirect("learn_assessment", enrolment.pk, phase)
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
        services.submit_survey(enrolment, survey, answers)
        return page

    attempt = services.get_or_start_attempt(enrolment, phase)
    if attempt is None:
        return _missing(request, enrolment, phase)
    if attempt.is_submitted:
        return page
    questions = attempt.assessment.questions
    try:
        answers = answers_from_form(questions, request.POST)
        services.submit_attempt(attempt, answers, _posted_version(request), by=request.user)
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
        )
    return page
