"""The forms of the session-days screen: a date to move a day to or add, a note to cancel."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """The browser's own date picker: no typing of a format on a tablet."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MoveDayForm(forms.Form):
    date = forms.DateField(label=_("Nouvelle date"), widget=DateInput)


class AddDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    note = forms.CharField(label=_("Remarque"), max_length=200, required=False)


class CancelDayForm(forms.Form):
    note = forms.CharField(
        label=_("Pourquoi ?"),
        max_length=200,
        required=False,
        help_text=_("Par exemple : grève des transports, fête religieuse."),
    )
