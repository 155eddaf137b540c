from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import admin_views
from courses.models import Assessment


class AssessmentViewSet(SnippetViewSet):
    """Editors write the pre/post tests and surveys here; modules point at them."""

    model = Assessment
    icon = "clipboard-list"
    menu_label = _("Évaluations")
    menu_name = "assessments"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "kind", "locale"]
    list_filter = ["kind"]
    search_fields = ["title"]


register_snippet(AssessmentViewSet)


def _results_urls():
    return [
        path(
            "cohorts/<int:cohort_id>/results/",
            admin_views.results,
            name="courses_cohort_results",
        ),
        path(
            "cohorts/<int:cohort_id>/results.csv",
            admin_views.results_csv,
            name="courses_cohort_results_csv",
        ),
        path(
            "cohorts/<int:cohort_id>/survey.csv",
            admin_views.survey_csv,
            name="courses_cohort_survey_csv",
        ),
    ]


@hooks.register("register_admin_urls")
def register_results_urls():
    return [path("courses/", include(_results_urls()))]
