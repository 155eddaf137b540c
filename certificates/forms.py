from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.verification import normalise


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Code de l'attestation"),
        help_text=_("Il est imprimé sous le code QR de l'attestation."),
        max_length=80,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _(
                    "Ce code n'a pas la forme d'un code d'attestation : 16 lettres et chiffres, "
                    "par exemple 7Q2K-9XW4-M3FA-0RTB."
                )
            )
        return code
