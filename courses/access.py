"""Modules and lessons are not public pages: who may open one.

Anonymous visitors are sent to sign in; staff (trainers, coordinators, editors) read every
one; anyone else gets a 404 (a lesson's existence is not disclosed) unless an app that knows
the person serves it to them first. The learning app does, from Wagtail's ``on_serve_page``
hook, for trainees enrolled in the module (learning/wagtail_hooks.py): this app knows pages,
not enrolments. Without such an app nothing is served to trainees —
access fails closed.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from content.routing import ViewRestrictionsInOneQueryMixin
from lms.roles import is_staff_member


class LearnerOnlyPageMixin(ViewRestrictionsInOneQueryMixin):
    """A page for staff, and for the learners another app serves it to; never cached."""

    def module(self):
        """The module whose enrolment opens this page: the page itself, unless overridden."""
        return self

    def serve(self, request, *args, **kwargs):
        # Never cached, not even the redirect: on a shared tablet, Back must not show the
        # previous trainee's page, and no proxy may keep one.
        response = self._serve_to_staff(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def _serve_to_staff(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_staff_member(request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def serve_to_learner(self, request, extra_context: dict) -> TemplateResponse:
        """The page with what a learner also sees (their progress), for the app that decided
        they may read it."""
        context = self.get_context(request)
        context.update(extra_context)
        response = TemplateResponse(request, self.get_template(request), context)
        add_never_cache_headers(response)
        return response
