from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.models import ConsentPurpose, TraineeProfile


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


class LoginCardsForm(forms.Form):
    """Which of a cohort's trainees get a login card, and whether with a new PIN."""

    trainees = forms.ModelMultipleChoiceField(
        label=_("Apprenants"),
        queryset=TraineeProfile.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choisissez au moins un apprenant."),
            "invalid_choice": _("Cet apprenant n'est pas inscrit dans la cohorte."),
            "invalid_pk_value": _("Cet apprenant n'est pas inscrit dans la cohorte."),
        },
    )
    new_pins = forms.BooleanField(
        label=_("Créer un nouveau code pour chacun et l'imprimer sur sa carte"),
        help_text=_(
            "Leurs codes actuels ne marcheront plus. Le PDF ne s'ouvre qu'une fois : "
            "imprimez-le tout de suite."
        ),
        required=False,
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        active = TraineeProfile.objects.filter(
            pk__in=cohort.enrolments.active().values("trainee")
        ).select_related("user")
        field = self.fields["trainees"]
        field.queryset = active
        field.initial = list(active)
        field.label_from_instance = lambda trainee: f"{trainee.display_name} ({trainee.username})"
