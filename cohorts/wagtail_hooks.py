from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from cohorts import admin_import, admin_views
from cohorts.models import Cohort
from lms.roles import is_coordinator, is_trainer


class CohortViewSet(ModelViewSet):
    """Coordinators create and edit cohorts here; everyone works from the workspace list."""

    model = Cohort
    icon = "group"
    add_to_admin_menu = False
    url_prefix = "cohorts/manage"
    form_fields = [
        "name",
        "module",
        "orientation_point",
        "modality",
        "start_date",
        "end_date",
        "trainers",
        "capacity",
        "status",
    ]
    list_display = ["name", "module", "orientation_point", "start_date", "status"]


cohort_viewset = CohortViewSet("cohorts_manage")


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return cohort_viewset


class CohortsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_trainer(request.user) or is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def register_cohorts_menu_item():
    return CohortsMenuItem(_("Cohortes"), reverse("cohorts_list"), icon_name="group", order=150)


def _workspace_urls():
    urls = [
        path("", admin_views.cohort_list, name="cohorts_list"),
        path("<int:pk>/", admin_views.cohort_detail, name="cohorts_detail"),
        path("<int:pk>/trainees/add/", admin_views.trainee_add, name="cohorts_trainee_add"),
        path("<int:pk>/login-cards.pdf", admin_views.login_cards, name="cohorts_login_cards"),
        path("trainees/<int:pk>/", admin_views.trainee_detail, name="cohorts_trainee"),
        path("trainees/<int:pk>/pin/", admin_views.trainee_reset_pin, name="cohorts_trainee_pin"),
        path(
            "trainees/<int:pk>/pictures/",
            admin_views.trainee_picture_password,
            name="cohorts_trainee_pictures",
        ),
        path(
            "enrolments/<int:pk>/withdraw/",
            admin_views.enrolment_withdraw,
            name="cohorts_enrolment_withdraw",
        ),
    ]
    return urls + admin_import.urlpatterns


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("cohorts/", include(_workspace_urls()))]


class MyCohortsPanel(Component):
    """The dashboard's first panel for trainers and coordinators."""

    name = "my_cohorts"
    template_name = "cohorts/admin/my_cohorts_panel.html"
    order = 50

    def __init__(self, cohorts):
        self.cohorts = cohorts

    def get_context_data(self, parent_context):
        return {"cohorts": self.cohorts}


@hooks.register("construct_homepage_panels")
def add_my_cohorts_panel(request, panels):
    user = request.user
    if is_trainer(user):
        cohorts = Cohort.objects.taught_by(user)
    elif is_coordinator(user):
        cohorts = Cohort.objects.exclude(status__in=["completed", "cancelled"])
    else:
        return
    cohorts = cohorts.with_counts().select_related("module", "orientation_point")[:20]
    panels.insert(0, MyCohortsPanel(cohorts))
