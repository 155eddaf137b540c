"""The trainee's learning space (/learn/): server-rendered, tablet first."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses import progress
from courses.access import get_lesson_for_trainee
from lms.roles import is_staff_member, is_trainee


def trainee_required(view):
    """Lets only trainees in and hands the view their profile.

    Anonymous visitors go to the sign-in page, staff to their admin; anyone else gets a 403.
    Pages are never cached: on a shared tablet, Back must not show the previous trainee's page.
    """

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_staff_member(request.user):
            return redirect("wagtailadmin_home")
        trainee = getattr(request.user, "trainee", None)
        if trainee is None or not is_trainee(request.user):
            return render(request, "learn/forbidden.html", status=403)
        return view(request, trainee, *args, **kwargs)

    return wrapper


@trainee_required
def home(request, trainee):
    enrolments = (
        trainee.enrolments.active()
        .select_related("cohort__module", "cohort__orientation_point")
        .order_by("-cohort__start_date")
    )
    return render(
        request,
        "learn/home.html",
        {
            "trainee": trainee,
            "enrolments": enrolments,
            "modules": progress.progress_for_enrolments(enrolments),
        },
    )


@require_POST
@trainee_required
def lesson_done(request, trainee, lesson_id):
    lesson, enrolment = get_lesson_for_trainee(trainee, lesson_id)
    if progress.mark_lesson_done(enrolment, lesson):
        messages.success(request, _("Bravo ! Jour %(day)s terminé.") % {"day": lesson.day_number})
    return redirect(lesson.get_url(request))
