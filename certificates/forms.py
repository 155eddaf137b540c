from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.models import CertificateKind, RevocationReason
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


# --- Staff forms (certificates/admin_views.py, certificates/cohort_views.py) ----------------

# Each language by its own name: the reader picks the language of the paper.
LANGUAGE_CHOICES = [("fr", "Français"), ("en", "English")]
# Replacing is reissuing's own reason: a coordinator revoking chooses one of these.
REVOKE_REASONS = [
    (reason.value, reason.label)
    for reason in (RevocationReason.ISSUED_IN_ERROR, RevocationReason.WITHDRAWN)
]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Langue de l'attestation"),
        choices=LANGUAGE_CHOICES,
        initial="fr",
        error_messages={"invalid_choice": _("Choisissez le français ou l'anglais.")},
    )


class ReissueForm(LanguageForm):
    """The language of the new paper, and why it is issued again (kept in the audit trail)."""

    reason = forms.CharField(
        label=_("Pourquoi la délivrer à nouveau ?"),
        help_text=_("Par exemple : papier perdu, nom corrigé. Sans autre détail personnel."),
        max_length=200,
        error_messages={
            "required": _("Dites pourquoi l'attestation est délivrée à nouveau."),
            "max_length": _("200 caractères au plus."),
        },
    )


class IssueForm(LanguageForm):
    """One trainee of the cohort, and which paper: the attestation or a statement."""

    enrolment = forms.ModelChoiceField(
        queryset=None,
        error_messages={"invalid_choice": _("Cet apprenant n'est pas dans la cohorte.")},
    )
    kind = forms.ChoiceField(
        choices=CertificateKind.choices,
        error_messages={"invalid_choice": _("Choisissez le type d'attestation.")},
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = cohort.enrolments.select_related("trainee", "cohort")


class RevokeForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Motif (affiché à qui vérifie le code)"),
        choices=REVOKE_REASONS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez le motif."),
            "invalid_choice": _("Choisissez le motif."),
        },
    )
