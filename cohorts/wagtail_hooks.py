from django import forms
from django.contrib.auth import get_user_model
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cohorts import (
    admin_import,
    admin_views,
    attendance_reading,
    awareness_services,
    awareness_views,
    check_in_admin,
    classroom,
    days_views,
    holidays,
    register,
    services,
    views,
)
from cohorts.awareness_forms import AwarenessSessionForm, RemoteOrientationForm
from cohorts.models import (
    AwarenessSession,
    Cohort,
    ConsentPurpose,
    RegisteredPerson,
    RemoteOrientation,
)
from cohorts.permissions import cohort_policy, uses_the_workspace
from lms import audit
from lms.roles import Role

# The audit log shows the codes our services write as words (lms/audit.py).
audit.register_detail_values("purpose", dict(ConsentPurpose.choices))
audit.register_detail_values(
    "fields", {name: Cohort._meta.get_field(name).verbose_name for name in services.COHORT_FIELDS}
)
audit.register_detail_values(
    "fields",
    {
        **{
            name: AwarenessSession._meta.get_field(name).verbose_name
            for name in awareness_services.SESSION_FIELDS
        },
        **{
            name: RemoteOrientation._meta.get_field(name).verbose_name
            for name in awareness_services.REMOTE_FIELDS
        },
        "people": RegisteredPerson._meta.verbose_name_plural,
    },
)


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    """The staff screens' own styles (the roster, button rows, results), from a static file."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


class CohortViewSet(ModelViewSet):
    """The cohort list, its filters and exports, the roster and the cohort forms: /admin/cohorts/.

    Which cohorts anyone sees and what they may do to them is the cohort policy's answer
    (cohorts/permissions.py): trainers see the cohorts they teach, coordinators all of them
    and they alone create and edit cohorts.
    """

    model = Cohort
    icon = "group"
    menu_label = _("Cohortes")
    menu_order = 150
    add_to_admin_menu = True
    name = "cohorts"
    url_prefix = "cohorts"
    index_view_class = views.CohortIndexView
    add_view_class = views.CohortCreateView
    edit_view_class = views.CohortEditView
    delete_view_class = views.CohortDeleteView
    # The fields the cohort services take, and the trainers.
    form_fields = [*services.COHORT_FIELDS, "trainers"]
    search_fields = ["name"]
    list_per_page = 50
    export_filename = "cohortes"

    def formfield_for_dbfield(self, db_field, **kwargs):
        # Only trainers can teach a cohort: trainees and editors are not offered.
        if db_field.name == "trainers":
            kwargs["queryset"] = (
                get_user_model().objects.filter(groups__name=Role.TRAINER.value).order_by("email")
            )
        return super().formfield_for_dbfield(db_field, **kwargs)

    def get_urlpatterns(self):
        return (
            super().get_urlpatterns()
            + admin_views.urlpatterns
            + admin_import.urlpatterns
            + classroom.urlpatterns
            + register.urlpatterns
            + check_in_admin.urlpatterns
            + days_views.urlpatterns
            + [
                # The coordinators' screens used to live under manage/.
                path("manage/", RedirectView.as_view(pattern_name="cohorts:index")),
                path("manage/edit/<int:pk>/", RedirectView.as_view(pattern_name="cohorts:edit")),
            ]
        )


cohort_viewset = CohortViewSet()


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return cohort_viewset


@hooks.register("register_admin_viewset")
def register_holiday_viewset():
    return holidays.HolidayViewSet()


class AwarenessSessionViewSet(ModelViewSet):
    """Awareness and orientation sessions: /admin/awareness-sessions/.

    Coordinators enter every orientation point's, trainers their own points' (the awareness
    policy, cohorts/permissions.py); the people reached are a list or counts, never both.
    """

    model = AwarenessSession
    icon = "group"
    menu_label = _("Séances de sensibilisation")
    name = "awareness_sessions"
    url_prefix = "awareness-sessions"
    index_view_class = awareness_views.AwarenessSessionIndexView
    add_view_class = awareness_views.AwarenessSessionCreateView
    edit_view_class = awareness_views.AwarenessSessionEditView
    delete_view_class = awareness_views.AwarenessSessionDeleteView
    history_view_class = awareness_views.ScopedHistoryView
    usage_view_class = awareness_views.ScopedUsageView
    copy_view_enabled = False
    list_per_page = 50
    export_filename = "seances-sensibilisation"
    # Plain selects rather than choosers: a trainer has one or two points, and the choices
    # are the ones the form limits to the user's (cohorts/awareness_forms.py).
    edit_handler = ObjectList(
        [
            FieldRowPanel(["date", "modality"]),
            FieldPanel("orientation_point", widget=forms.Select),
            FieldPanel("topic_countries"),
            FieldPanel("facilitator"),
            MultiFieldPanel(
                [FieldRowPanel(["women", "men", "girls", "boys"])],
                heading=_("Effectifs"),
                help_text=_(
                    "Quand les noms n'ont pas été relevés. Sinon, laissez 0 et remplissez la "
                    "liste des personnes inscrites."
                ),
            ),
            InlinePanel("people", heading=_("Personnes inscrites"), label=_("personne")),
            FieldPanel("notes"),
        ],
        base_form_class=AwarenessSessionForm,
    )


class RemoteOrientationViewSet(ModelViewSet):
    """Orientations with a counsellor of a country of origin's mission:
    /admin/remote-orientations/, with the same access as the awareness sessions."""

    model = RemoteOrientation
    icon = "mobile-alt"
    menu_label = _("Orientations à distance")
    name = "remote_orientations"
    url_prefix = "remote-orientations"
    index_view_class = awareness_views.RemoteOrientationIndexView
    add_view_class = awareness_views.RemoteOrientationCreateView
    edit_view_class = awareness_views.RemoteOrientationEditView
    delete_view_class = awareness_views.RemoteOrientationDeleteView
    history_view_class = awareness_views.ScopedHistoryView
    usage_view_class = awareness_views.ScopedUsageView
    copy_view_enabled = False
    list_per_page = 50
    export_filename = "orientations-a-distance"
    edit_handler = ObjectList(
        [
            FieldRowPanel(["date", "mode"]),
            FieldPanel("orientation_point", widget=forms.Select),
            MultiFieldPanel(
                [
                    FieldPanel("trainee", widget=forms.Select),
                    FieldPanel("person_name"),
                    FieldRowPanel(["sex", "age_group"]),
                ],
                heading=_("Personne orientée"),
                help_text=_("Un apprenant, ou une personne qui n'en est pas un."),
            ),
            FieldPanel("country"),
            FieldRowPanel(["counsellor", "mission"]),
        ],
        base_form_class=RemoteOrientationForm,
    )


class OrientationViewSetGroup(ViewSetGroup):
    items = (AwarenessSessionViewSet, RemoteOrientationViewSet)
    menu_icon = "globe"
    menu_label = _("Orientation")
    menu_order = 155


@hooks.register("register_admin_viewset")
def register_orientation_viewsets():
    return OrientationViewSetGroup()


class MyCohortsPanel(Component):
    """The dashboard's first panel for trainers and coordinators: their current cohorts."""

    name = "my_cohorts"
    template_name = "cohorts/admin/my_cohorts_panel.html"
    order = 50

    def __init__(self, cohorts):
        self.cohorts = cohorts

    def get_context_data(self, parent_context):
        return {"cohorts": self.cohorts}


def dashboard_cohorts(user):
    """The same rows as the cohort list (the same policy), those still running or to come."""
    return (
        cohort_policy.instances_user_has_permission_for(user, "view")
        .current()
        .with_counts()
        .select_related("module", "orientation_point")[:20]
    )


@hooks.register("construct_homepage_panels")
def add_my_cohorts_panel(request, panels):
    if uses_the_workspace(request.user):
        panels.insert(0, MyCohortsPanel(dashboard_cohorts(request.user)))


@hooks.register("register_roster_columns")
def attendance_roster_column(cohort, enrolments):
    """Each trainee's attendance against the module's rule ("7/10 — 1 jour de plus requis"),
    in two queries (the days and the marks) whatever the number of trainees."""
    enrolments = list(enrolments)
    if not enrolments:
        return []
    attendance = attendance_reading.cohort_attendance(cohort, enrolments)
    if not attendance.days:
        return []
    lines = {
        row.enrolment.pk: attendance_reading.standing_parts(row.standing) for row in attendance.rows
    }
    return [admin_views.RosterColumn(_("Présence"), lines, wrap=True)]
