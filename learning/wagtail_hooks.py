from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cohorts.permissions import cohort_policy
from courses.access import LearnerOnlyPageMixin
from courses.models import LessonPage
from learning import admin_views, progress, roster
from learning.permissions import enrolment_for_module, learner_policy


# Innermost of the serve chain (order=100): Wagtail's own checks, such as a page's view
# restrictions, wrap it and still apply to trainees.
@hooks.register("on_serve_page", order=100)
def serve_lessons_to_enrolled_trainees(serve):
    """Modules and lessons, to the trainees enrolled in a cohort running the module.

    Staff and anonymous visitors are left to the page itself (courses/access.py); a trainee
    not enrolled in the module gets a 404, like anyone the page does not serve.
    """

    def serve_page(page, request, serve_args, serve_kwargs):
        if not isinstance(page, LearnerOnlyPageMixin) or not learner_policy.user_has_permission(
            request.user, "learn"
        ):
            return serve(page, request, serve_args, serve_kwargs)
        if isinstance(page, LessonPage):
            # A lesson shows the cohort's dates and whether the day is done: one query.
            enrolment = enrolment_for_module(
                request.user, page.module(), related=("cohort",), done=progress.lesson_done(page)
            )
            if enrolment is None:
                raise Http404
            return page.serve_to_learner(request, progress.lesson_context(enrolment, page))
        enrolment = enrolment_for_module(request.user, page.module())
        if enrolment is None:
            raise Http404
        extra = {"enrolment": enrolment, "days": progress.module_days(page, enrolment)}
        return page.serve_to_learner(request, extra)

    return serve_page


@hooks.register("register_admin_urls")
def register_results_urls():
    return [
        path(
            "cohorts/<int:cohort_id>/",
            include(
                [
                    path("results/", admin_views.results, name="learning_cohort_results"),
                    path(
                        "results.csv",
                        admin_views.results_csv,
                        name="learning_cohort_results_csv",
                    ),
                    path("survey.csv", admin_views.survey_csv, name="learning_cohort_survey_csv"),
                    path(
                        "results/reopen/",
                        admin_views.reopen_attempt,
                        name="learning_reopen_attempt",
                    ),
                    path(
                        "post-test/open/",
                        admin_views.open_post_test,
                        name="learning_open_post_test",
                    ),
                ]
            ),
        )
    ]


@hooks.register("register_cohort_buttons")
def results_button(cohort, user):
    if not cohort_policy.user_has_permission_for_instance(user, "view", cohort):
        return []
    return [
        Button(
            _("Résultats des évaluations"),
            reverse("learning_cohort_results", args=[cohort.pk]),
            icon_name="table",
        )
    ]


# The roster shows each trainee's days done and tests (learning/roster.py).
hooks.register("register_roster_columns", roster.roster_columns)
