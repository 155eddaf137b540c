import datetime

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.countries import Country


class Sex(models.TextChoices):
    FEMALE = "F", _("Femme")
    MALE = "M", _("Homme")


NATIONALITY_CHOICES = [*Country.choices, ("other", _("Autre"))]
LANGUAGE_CHOICES = [("fr", _("Français")), ("en", _("English"))]


class TraineeProfile(models.Model):
    """A trainee: training data only — no case-file, legal, medical or vulnerability data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trainee",
        verbose_name=_("compte"),
    )
    display_name = models.CharField(_("nom affiché"), max_length=120)
    sex = models.CharField(_("sexe"), max_length=1, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(
        _("année de naissance"), validators=[MinValueValidator(1930), MaxValueValidator(2020)]
    )
    nationality = models.CharField(_("nationalité"), max_length=5, choices=NATIONALITY_CHOICES)
    preferred_language = models.CharField(
        _("langue préférée"), max_length=2, choices=LANGUAGE_CHOICES, default="fr"
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    # A sequence of picture names, hashed like a password (see cohorts/pictures.py).
    picture_password = models.CharField(max_length=128, blank=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("apprenant")
        verbose_name_plural = _("apprenants")

    def __str__(self):
        return self.display_name

    @property
    def username(self) -> str:
        return self.user.username

    @property
    def short_name(self) -> str:
        """The first name and the initial of the last ("Awa T."): what a class list shows."""
        first, *rest = self.display_name.split() or [""]
        return f"{first} {rest[-1][0]}." if rest else first

    @property
    def initial(self) -> str:
        return self.display_name[:1].upper()

    @property
    def age(self) -> int:
        return datetime.date.today().year - self.birth_year

    def set_picture_password(self, pictures: list[str]) -> None:
        self.picture_password = make_password("-".join(pictures))

    def check_picture_password(self, pictures: list[str]) -> bool:
        return bool(self.picture_password) and check_password(
            "-".join(pictures), self.picture_password
        )


class ConsentPurpose(models.TextChoices):
    DATA_PROCESSING = "data_processing", _("Traitement des données de formation")
    SHARE_WITH_ORIGIN = (
        "share_with_origin",
        _("Partage du dossier de formation avec l'équipe de réintégration du pays d'origine"),
    )
    PHOTOS = "photos", _("Photos")


CONSENT_TEXT_VERSION = "2026-11"


class ConsentRecordQuerySet(models.QuerySet):
    def current_for(self, trainee) -> dict[str, bool]:
        """The latest answer per purpose (a later record replaces an earlier one)."""
        answers = {}
        for record in self.filter(trainee=trainee).order_by("recorded_at", "id"):
            answers[record.purpose] = record.granted
        return answers


class ConsentRecord(models.Model):
    """What a trainee consented to (or withdrew), when, under which text, recorded by whom."""

    trainee = models.ForeignKey(
        TraineeProfile,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("apprenant"),
    )
    purpose = models.CharField(_("finalité"), max_length=30, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("accordé"))
    text_version = models.CharField(_("version du texte"), max_length=20)
    recorded_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("enregistré par"),
    )

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at"]
        verbose_name = _("consentement")

    def __str__(self):
        return f"{self.trainee} {self.purpose}={self.granted}"
