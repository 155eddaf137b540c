"""Who may open a module or a lesson: the one place that answers it.

Modules and lessons are not public pages. Anonymous visitors are sent to sign in; staff
(trainers, coordinators, editors, superusers) may read every one; a trainee may read the
module of a cohort they are actively enrolled in, and its lessons, in any language (the
cohort points at the French module, its translations share the ``translation_key``).
Anyone else gets a 404: a lesson's existence is not disclosed.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers

from lms.roles import is_staff_member, is_trainee


def enrolment_for(user, module):
    """The user's active enrolment in a cohort running ``module`` (or a translation of it)."""
    trainee = getattr(user, "trainee", None)
    if trainee is None or not is_trainee(user):
        return None
    return (
        trainee.enrolments.active()
        .filter(cohort__module__translation_key=module.translation_key)
        .select_related("cohort__module")
        .order_by("-cohort__start_date")
        .first()
    )


def get_lesson_for_trainee(trainee, lesson_id: int):
    """The live lesson and the trainee's enrolment that opens it, or a 404."""
    from courses.models import LessonPage  # courses.models imports this module's mixins

    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    enrolment = enrolment_for(trainee.user, lesson.get_parent())
    if enrolment is None:
        raise Http404
    return lesson, enrolment


class EnrolledOnlyMixin:
    """Serve the page to staff and to trainees enrolled in its module only; never cache it.

    The enrolment that opened the page (``None`` for staff) is left on the request as
    ``request.learn_enrolment`` for ``get_context``.
    """

    def access_module(self):
        """The module whose enrolment opens this page: the page itself, unless overridden."""
        return self

    def serve(self, request, *args, **kwargs):
        # Never cached, not even the redirect: on a shared tablet, Back must not show the
        # previous trainee's page, and no proxy may keep one.
        response = self._serve_if_allowed(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def _serve_if_allowed(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if is_staff_member(user):
            request.learn_enrolment = None
        else:
            request.learn_enrolment = enrolment_for(user, self.access_module())
            if request.learn_enrolment is None:
                raise Http404
        return super().serve(request, *args, **kwargs)


def _progress():
    from courses import progress  # it reads courses.models, which imports this module

    return progress


class ModuleAccessMixin(EnrolledOnlyMixin):
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        enrolment = getattr(request, "learn_enrolment", None)
        context["enrolment"] = enrolment
        context["days"] = _progress().module_days(self, enrolment)
        return context


class LessonAccessMixin(EnrolledOnlyMixin):
    def access_module(self):
        return self.get_parent()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        enrolment = getattr(request, "learn_enrolment", None)
        context["enrolment"] = enrolment
        context["module"] = self.get_parent().specific
        context["done"] = _progress().is_done(enrolment, self) if enrolment else False
        context["previous"], context["next"] = _progress().neighbours(self)
        return context
