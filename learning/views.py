"""The trainee's learning space (/learn/): server-rendered, tablet first."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import LessonPage
from learning import home_panels, progress, services
from learning.decorators import trainee_required
from learning.permissions import enrolment_for_module, learner_enrolments
from lms.dates import long_date, written_date


@trainee_required
def home(request, trainee):
    enrolments = learner_enrolments(request.user)
    return render(
        request,
        "learning/home.html",
        {
            "trainee": trainee,
            "enrolments": enrolments,
            "modules": progress.progress_for_enrolments(enrolments),
            "panels": home_panels.panels_for(trainee),
        },
    )


def _lesson_and_enrolment(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    enrolment = enrolment_for_module(request.user, lesson.module())
    if enrolment is None:
        raise Http404
    return lesson, enrolment


def _not_yet(request, message: str, back_url: str, status: int):
    return render(
        request,
        "learning/not_yet_open.html",
        {"message": message, "back_url": back_url},
        status=status,
    )


@require_POST
@trainee_required
def lesson_done(request, trainee, lesson_id):
    lesson, enrolment = _lesson_and_enrolment(request, lesson_id)
    try:
        done_now = services.mark_lesson_done(enrolment, lesson, by=request.user)
    except services.DayNotYetOpen as refused:
        message = _(
            "Le jour %(day)s ne peut pas encore être marqué comme terminé : il arrive le %(date)s."
        ) % {"day": lesson.day_number, "date": written_date(refused.opens_on, "j F")}
        return _not_yet(request, message, lesson.get_url(request), status=400)
    if done_now:
        messages.success(request, _("Bravo ! Jour %(day)s terminé.") % {"day": lesson.day_number})
    return redirect(lesson.get_url(request))


@require_POST
@trainee_required
def lesson_undone(request, trainee, lesson_id):
    lesson, enrolment = _lesson_and_enrolment(request, lesson_id)
    if services.unmark_lesson_done(enrolment, lesson, by=request.user):
        messages.info(
            request, _("Le jour %(day)s n'est plus marqué terminé.") % {"day": lesson.day_number}
        )
    return redirect(lesson.get_url(request))


def not_open_response(request, enrolment, phase: str, *, as_json: bool = False):
    """The answer to a test or survey that is not open yet for the enrolment, else ``None``.

    The attempt views ask this first: a test opens on the cohort's dates (learning/progress.py),
    whatever the address a tablet remembers.
    """
    opening = progress.not_yet_open(enrolment, phase)
    if opening is None:
        return None
    if opening.opens_on is not None:
        message = _("Ce test n'est pas encore ouvert : il ouvrira le %(date)s.") % {
            "date": long_date(opening.opens_on)
        }
    else:
        message = _("Le questionnaire ouvrira une fois le test de fin envoyé.")
    if as_json:
        return JsonResponse({"error": message}, status=403)
    return _not_yet(request, message, "", status=403)
