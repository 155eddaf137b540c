"""The holiday list in the admin, /admin/holidays/: coordinators add, change and delete the
days off that planned schedules skip; trainers read it (cohorts/permissions.py,
holiday_policy). Writes go through cohorts/attendance_services.py.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cohorts import attendance_services as services
from cohorts.models import Holiday
from cohorts.permissions import holiday_policy


class ServiceErrorsMixin:
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class HolidayIndexView(generic.IndexView):
    default_ordering = "date"


class HolidayCreateView(ServiceErrorsMixin, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.save_holiday(by=self.request.user, date=data["date"], name=data["name"])


class HolidayEditView(ServiceErrorsMixin, generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.save_holiday(
            by=self.request.user, date=data["date"], name=data["name"], holiday=self.form.instance
        )


class HolidayDeleteView(generic.DeleteView):
    def delete_action(self):
        services.delete_holiday(by=self.request.user, holiday=self.object)


class HolidayViewSet(ModelViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Jours fériés")
    menu_order = 152
    add_to_admin_menu = True
    name = "holidays"
    url_prefix = "holidays"
    permission_policy = holiday_policy
    index_view_class = HolidayIndexView
    add_view_class = HolidayCreateView
    edit_view_class = HolidayEditView
    delete_view_class = HolidayDeleteView
    form_fields = ["date", "name"]
    list_display = ["name", Column("date", label=_("Date"), sort_key="date")]
    list_per_page = 100
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["name"]
    search_backend_name = None
