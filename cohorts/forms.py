from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.models import ConsentPurpose, TraineeProfile
from cohorts.pictures import PICTURES


class TraineeForm(forms.ModelForm):
    """A trainer adds a trainee; data-processing consent is the condition of an account."""

    consent_data_processing = forms.BooleanField(
        label=ConsentPurpose.DATA_PROCESSING.label,
        help_text=_("Obligatoire : sans ce consentement, aucun compte n'est créé."),
    )
    consent_share_with_origin = forms.BooleanField(
        label=ConsentPurpose.SHARE_WITH_ORIGIN.label, required=False
    )
    consent_photos = forms.BooleanField(label=ConsentPurpose.PHOTOS.label, required=False)

    class Meta:
        model = TraineeProfile
        fields = ["display_name", "sex", "birth_year", "nationality", "preferred_language", "phone"]
        help_texts = {"display_name": _("Un pseudonyme suffit.")}

    def clean_display_name(self):
        return " ".join(self.cleaned_data["display_name"].split())

    def consents(self) -> dict[str, bool]:
        return {
            ConsentPurpose.DATA_PROCESSING: self.cleaned_data["consent_data_processing"],
            ConsentPurpose.SHARE_WITH_ORIGIN: self.cleaned_data["consent_share_with_origin"],
            ConsentPurpose.PHOTOS: self.cleaned_data["consent_photos"],
        }


PICTURE_CHOICES = [(key, f"{emoji} {label}") for key, (emoji, label) in PICTURES.items()]


class PicturePasswordForm(forms.Form):
    first = forms.ChoiceField(label=_("1re image"), choices=PICTURE_CHOICES)
    second = forms.ChoiceField(label=_("2e image"), choices=PICTURE_CHOICES)
    third = forms.ChoiceField(label=_("3e image"), choices=PICTURE_CHOICES)

    def sequence(self) -> list[str]:
        return [self.cleaned_data[name] for name in ("first", "second", "third")]


class WithdrawForm(forms.Form):
    """Withdrawing a trainee says why; the reason goes to the audit trail, nowhere else."""

    reason = forms.CharField(
        label=_("Motif du retrait"),
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Par exemple : « départ avancé », « ne souhaite plus "
            "suivre ». Aucune information médicale ou juridique."
        ),
    )
