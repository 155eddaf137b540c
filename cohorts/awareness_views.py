"""The admin screens of awareness sessions and remote orientations: Wagtail's generic views,
scoped by the sessions' policy (cohorts/permissions.py), saving through
cohorts/awareness_services.py.

Lists show the rows the policy gives the user; edit, delete, history and usage fetch the row
among those the user may act on, so another orientation point's session is a 404, and an
action the user may never take (a trainer deleting) is refused as everywhere else.
"""

from django.core.exceptions import PermissionDenied
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

from cohorts import awareness_services as services
from cohorts.filters import AwarenessSessionFilterSet, RemoteOrientationFilterSet
from cohorts.views import ServiceErrorsMixin
from lms.exports import SemicolonCsvMixin


def _rows_for(view, action: str):
    """The rows ``view``'s user may take ``action`` on; PermissionDenied if none ever."""
    user = view.request.user
    if not view.permission_policy.user_has_permission(user, action):
        raise PermissionDenied
    return view.permission_policy.instances_user_has_permission_for(user, action)


class ScopedObjectMixin:
    """Edit and delete views: the object is looked up among the user's rows only."""

    def get_queryset(self):
        return _rows_for(self, self.permission_required)


class ScopedHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return _rows_for(self, "change")


class ScopedUsageView(UsageView):
    def get_base_object_queryset(self):
        return _rows_for(self, "change")


class ScopedIndexView(SemicolonCsvMixin, generic.IndexView):
    def get_base_queryset(self):
        return _rows_for(self, "view").select_related("orientation_point")


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    """Deletes through ``service``, called as ``service(by=user, <object_kwarg>=object)``."""

    service = None
    object_kwarg = None

    def delete_action(self):
        self.service(by=self.request.user, **{self.object_kwarg: self.object})


def short_date(row) -> str:
    return date_format(row.date, "SHORT_DATE_FORMAT")


# --- Awareness sessions ---------------------------------------------------------------------


class ReachColumn(Column):
    """People reached, "12 (4 F · 6 H · 1 f · 1 g)": one short cell for the tablet."""

    cell_template_name = "cohorts/admin/reach_cell.html"


class AwarenessSessionIndexView(ScopedIndexView):
    filterset_class = AwarenessSessionFilterSet
    default_ordering = "-date"
    list_export = [
        "date",
        "orientation_point.city",
        "get_modality_display",
        "get_topic_countries_display",
        "reached_women",
        "reached_men",
        "reached_girls",
        "reached_boys",
        "reached_total",
    ]
    export_headings = {
        "date": _("Date"),
        "orientation_point.city": _("Point d'orientation"),
        "get_modality_display": _("Modalité"),
        "get_topic_countries_display": _("Pays abordés"),
        "reached_women": _("Femmes"),
        "reached_men": _("Hommes"),
        "reached_girls": _("Filles"),
        "reached_boys": _("Garçons"),
        "reached_total": _("Total"),
    }

    def get_base_queryset(self):
        return super().get_base_queryset().with_reach()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "date",
                label=_("Date"),
                sort_key="date",
                classname="lms-nowrap",
                get_url=lambda session: self.get_edit_url(session),
                accessor=short_date,
            ),
            Column("orientation_point", label=_("Lieu"), accessor="orientation_point.city"),
            Column("modality", label=_("Modalité"), accessor="get_modality_display"),
            ReachColumn("reached_total", label=_("Personnes"), sort_key="reached_total"),
        ]


def _session_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.SESSION_FIELDS}


class AwarenessSessionCreateView(ServiceErrorsMixin, generic.CreateView):
    def save_instance(self):
        return services.create_awareness_session(
            by=self.request.user, people=self.form.people(), **_session_fields(self.form)
        )


class AwarenessSessionEditView(ServiceErrorsMixin, ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        return services.update_awareness_session(
            by=self.request.user,
            session=self.object,
            people=self.form.people(),
            **_session_fields(self.form),
        )


class AwarenessSessionDeleteView(ScopedDeleteView):
    object_kwarg = "session"
    service = staticmethod(services.delete_awareness_session)


# --- Remote orientations --------------------------------------------------------------------


class RemoteOrientationIndexView(ScopedIndexView):
    filterset_class = RemoteOrientationFilterSet
    default_ordering = "-date"
    list_export = [
        "date",
        "orientation_point.city",
        "get_country_display",
        "get_mode_display",
        "mission",
    ]
    export_headings = {
        "date": _("Date"),
        "orientation_point.city": _("Point d'orientation"),
        "get_country_display": _("Pays"),
        "get_mode_display": _("Mode"),
        "mission": _("Mission"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "date",
                label=_("Date"),
                sort_key="date",
                classname="lms-nowrap",
                get_url=lambda orientation: self.get_edit_url(orientation),
                accessor=short_date,
            ),
            Column("orientation_point", label=_("Lieu"), accessor="orientation_point.city"),
            Column("country", label=_("Pays"), accessor="get_country_display"),
            Column("mode", label=_("Mode"), accessor="get_mode_display"),
        ]


def _remote_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.REMOTE_FIELDS}


class RemoteOrientationCreateView(ServiceErrorsMixin, generic.CreateView):
    def save_instance(self):
        return services.create_remote_orientation(by=self.request.user, **_remote_fields(self.form))


class RemoteOrientationEditView(ServiceErrorsMixin, ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        return services.update_remote_orientation(
            by=self.request.user, orientation=self.object, **_remote_fields(self.form)
        )


class RemoteOrientationDeleteView(ScopedDeleteView):
    object_kwarg = "orientation"
    service = staticmethod(services.delete_remote_orientation)
