"""The trainee's learning space (/learn/): server-rendered, tablet first."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import LessonPage
from learning import progress, services
from learning.decorators import trainee_required
from learning.permissions import enrolment_for_module, learner_enrolments


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
        },
    )


@require_POST
@trainee_required
def lesson_done(request, trainee, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    enrolment = enrolment_for_module(request.user, lesson.module())
    if enrolment is None:
        raise Http404
    if services.mark_lesson_done(enrolment, lesson, by=request.user):
        messages.success(request, _("Bravo ! Jour %(day)s terminé.") % {"day": lesson.day_number})
    return redirect(lesson.get_url(request))
