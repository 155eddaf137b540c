from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.check_in import SHORT_CODE_LENGTH


class OpenCheckInForm(forms.Form):
    """How long the check-in stays open, and after how long a trainee is late."""

    minutes = forms.IntegerField(
        label=_("Ouvert pendant (minutes)"),
        min_value=1,
        max_value=240,
        initial=15,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    late_after = forms.IntegerField(
        label=_("En retard après (minutes)"),
        min_value=0,
        max_value=240,
        initial=10,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean(self):
        data = super().clean()
        if (data.get("late_after") or 0) > (data.get("minutes") or 0):
            self.add_error(
                "late_after",
                _("Le retard commence au plus tard quand le pointage se ferme."),
            )
        return data


class CheckInCodeForm(forms.Form):
    """The six digits a trainee types from the trainer's screen."""

    code = forms.CharField(
        label=_("Code affiché à l'écran"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "off",
                "pattern": r"[0-9 ]*",
                "maxlength": SHORT_CODE_LENGTH + 2,
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Tapez les six chiffres affichés à l'écran.")},
    )
