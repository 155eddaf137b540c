from urllib.parse import urlencode

from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from cohorts.permissions import cohort_policy
from courses.access import LearnerOnlyPageMixin
from courses.models import LessonPage
from learning import admin_views, progress, review_views, roster
from learning.models import Document
from learning.permissions import document_policy, enrolment_for_module, learner_policy


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
                request.user,
                page.module(),
                related=("cohort",),
                done=progress.lesson_done(page),
                opens_on=progress.lesson_opens_on(page),
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


# --- Exercise review: /admin/exercises/ (learning/review_views.py) ---------------------------


class DocumentURLFinder(ModelAdminURLFinder):
    """Where the audit log and other admin screens link a document: its review screen, for
    whoever may read it (the policy's ``view``; nobody edits a trainee's work in the admin)."""

    edit_url_name = "exercises:review"

    def get_edit_url(self, instance):
        if self.user and not document_policy.user_has_permission_for_instance(
            self.user, "view", instance
        ):
            return None
        return self.construct_edit_url(instance)


class ExerciseViewSet(ModelViewSet):
    """The trainees' CVs and business plans, to read, comment on and return.

    The rows and every action are the document policy's answer (learning/permissions.py,
    registered for the model): a trainer sees the work of the trainees of their cohorts, a
    coordinator everyone's. Only the list is Wagtail's; nothing is added, edited or deleted
    here: the review screens are our own views.
    """

    model = Document
    icon = "doc-full"
    menu_label = _("Exercices")
    menu_order = 160
    add_to_admin_menu = True
    name = "exercises"
    url_prefix = "exercises"
    index_view_class = review_views.DocumentIndexView
    search_fields = ["trainee__display_name"]
    # The trainee's name, searched in the database (the model is not in a search index).
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    sort_order_field = None
    url_finder_class = DocumentURLFinder

    def get_common_view_kwargs(self, **kwargs):
        absent = dict.fromkeys(
            ["add_url_name", "edit_url_name", "delete_url_name", "history_url_name"]
        )
        return super().get_common_view_kwargs(**absent, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            *review_views.urlpatterns,
        ]


@hooks.register("register_admin_viewset")
def register_exercise_viewset():
    return ExerciseViewSet()


@hooks.register("register_cohort_buttons")
def exercises_button(cohort, user):
    """From a cohort's roster to its trainees' exercises."""
    if not document_policy.user_has_permission(user, "view"):
        return []
    url = reverse("exercises:index") + "?" + urlencode({"cohort": cohort.pk})
    return [Button(_("Exercices"), url, icon_name="doc-full")]
