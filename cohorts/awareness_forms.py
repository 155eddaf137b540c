"""The admin forms of awareness sessions and remote orientations (built from the viewsets'
panels on these bases): they offer only the orientation points, and the trainees, the user
may act on, and check a session's people or counts before the service is asked."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.awareness_services import PERSON_FIELDS
from cohorts.models import REACH_GROUPS, validate_reach
from cohorts.permissions import orientation_points_for, trainee_policy
from content.countries import Country

INVALID_POINT = _("Choisissez un point d'orientation où vous intervenez.")


class OrientationPointChoiceMixin:
    def limit_orientation_points(self):
        field = self.fields["orientation_point"]
        field.queryset = orientation_points_for(self.for_user) if self.for_user else field.queryset
        field.error_messages["invalid_choice"] = INVALID_POINT
        # A trainer at one point has one choice: offer it already chosen.
        if not self.instance.pk and len(field.queryset) == 1:
            field.initial = field.queryset[0].pk


class AwarenessSessionForm(OrientationPointChoiceMixin, WagtailAdminModelForm):
    topic_countries = forms.MultipleChoiceField(
        label=_("Pays abordés"),
        choices=Country.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Les guides de pays présentés pendant la séance."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_orientation_points()
        for name in REACH_GROUPS:
            self.fields[name].widget.attrs.update(min=0, inputmode="numeric")

    def people(self) -> list[dict]:
        """The registered people the form holds, without the rows marked for deletion."""
        formset = self.formsets["people"]
        if not formset.is_valid():
            return []
        return [
            {name: form.cleaned_data.get(name, "") for name in PERSON_FIELDS}
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        cleaned = super().clean()
        counts = {name: cleaned.get(name) for name in REACH_GROUPS}
        if None not in counts.values() and self.formsets["people"].is_valid():
            try:
                validate_reach(counts, len(self.people()))
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned


class RemoteOrientationForm(OrientationPointChoiceMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_orientation_points()
        if self.for_user:
            trainees = trainee_policy.instances_user_has_permission_for(self.for_user, "view")
            self.fields["trainee"].queryset = trainees.order_by("display_name")
