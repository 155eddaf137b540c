"""Awareness and orientation sessions, and remote orientations with a country's mission.

These reach far more people than the trainings and are counted for the programme's reports:
people reached, split women, men, girls and boys. A session records either who registered
(a first name or pseudonym, sex, age group) or, when nobody's name was taken, the counts alone;
never both, so the figures cannot be counted twice.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cohorts.models.cohorts import Modality
from cohorts.models.people import NATIONALITY_CHOICES, Sex
from content.countries import Country


class AgeGroup(models.TextChoices):
    ADULT = "adult", _("Adulte (18 ans et plus)")
    CHILD = "child", _("Enfant (moins de 18 ans)")


# The four figures of the programme's reports, as (sex, age group) pairs.
REACH_GROUPS = {
    "women": (Sex.FEMALE, AgeGroup.ADULT),
    "men": (Sex.MALE, AgeGroup.ADULT),
    "girls": (Sex.FEMALE, AgeGroup.CHILD),
    "boys": (Sex.MALE, AgeGroup.CHILD),
}


@dataclass(frozen=True)
class Reach:
    """People reached by one session, or by many summed."""

    women: int = 0
    men: int = 0
    girls: int = 0
    boys: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men + self.girls + self.boys


def validate_reach(counts: Mapping[str, int | None], registered: int) -> None:
    """A session says whom it reached: a list of ``registered`` people or counts, not both."""
    counted = sum(value or 0 for value in counts.values())
    if registered and counted:
        raise ValidationError(
            _(
                "Saisissez soit la liste des personnes inscrites, soit les effectifs, pas les "
                "deux : sinon les mêmes personnes seraient comptées deux fois."
            ),
            code="reach_twice",
        )
    if not registered and not counted:
        raise ValidationError(
            _(
                "Indiquez qui a participé : la liste des personnes inscrites ou les effectifs "
                "(femmes, hommes, filles, garçons)."
            ),
            code="reach_missing",
        )


def validate_countries(codes) -> None:
    if not isinstance(codes, list) or any(code not in Country.values for code in codes):
        raise ValidationError(_("Choisissez des pays dans la liste."), code="invalid_country")


class AwarenessSessionQuerySet(models.QuerySet):
    def with_reach(self):
        """Each session with ``reached_women`` … ``reached_boys`` and ``reached_total``.

        A subquery per figure rather than a join, so the result can itself be summed
        (``totals``) and combined with other annotations without multiplying rows.
        """
        annotations = {}
        for name, (sex, age_group) in REACH_GROUPS.items():
            registered = (
                RegisteredPerson.objects.filter(
                    session=models.OuterRef("pk"), sex=sex, age_group=age_group
                )
                .order_by()
                .values("session")
                .annotate(count=models.Count("pk"))
                .values("count")
            )
            annotations[f"reached_{name}"] = models.F(name) + Coalesce(
                models.Subquery(registered, output_field=models.IntegerField()), 0
            )
        total = sum((models.F(f"reached_{name}") for name in REACH_GROUPS), models.Value(0))
        return self.annotate(**annotations).annotate(reached_total=total)

    def totals(self) -> Reach:
        """People reached by all these sessions, by sex and age group."""
        sums = self.with_reach().aggregate(
            **{name: models.Sum(f"reached_{name}") for name in REACH_GROUPS}
        )
        return Reach(**{name: value or 0 for name, value in sums.items()})


class AwarenessSession(ClusterableModel):
    """An awareness or orientation session, held at an orientation point or remotely.

    A remote session belongs to the orientation point that organised it, so each session has
    a site in the reports and its trainers may enter it.
    """

    date = models.DateField(_("date"))
    orientation_point = models.ForeignKey(
        "content.OrientationPoint",
        on_delete=models.PROTECT,
        related_name="awareness_sessions",
        verbose_name=_("point d'orientation"),
        help_text=_("Pour une séance à distance : le point d'orientation qui l'organise."),
    )
    modality = models.CharField(
        _("modalité"), max_length=12, choices=Modality.choices, default=Modality.IN_PERSON
    )
    topic_countries = models.JSONField(
        _("pays abordés"),
        default=list,
        blank=True,
        validators=[validate_countries],
        help_text=_("Les guides de pays présentés pendant la séance."),
    )
    # A role is enough ("conseillère du point d'orientation"): no account and no name needed.
    facilitator = models.CharField(
        _("animée par"),
        max_length=120,
        blank=True,
        help_text=_("Une fonction suffit, par exemple « conseillère du point d'orientation »."),
    )
    women = models.PositiveSmallIntegerField(_("femmes"), default=0)
    men = models.PositiveSmallIntegerField(_("hommes"), default=0)
    girls = models.PositiveSmallIntegerField(_("filles"), default=0)
    boys = models.PositiveSmallIntegerField(_("garçons"), default=0)
    notes = models.CharField(
        _("remarques"),
        max_length=200,
        blank=True,
        help_text=_("Aucune information personnelle."),
    )

    objects = AwarenessSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "orientation_point__city"]
        verbose_name = _("séance de sensibilisation")
        verbose_name_plural = _("séances de sensibilisation")

    def __str__(self):
        return f"{self.orientation_point} — {self.date:%d/%m/%Y}"

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in REACH_GROUPS}

    @property
    def reach(self) -> Reach:
        """People reached: from the annotations of ``with_reach`` when present, else counted."""
        if hasattr(self, "reached_total"):
            return Reach(**{name: getattr(self, f"reached_{name}") for name in REACH_GROUPS})
        people = [(person.sex, person.age_group) for person in self.people.all()]
        return Reach(
            **{
                name: getattr(self, name) + people.count(group)
                for name, group in REACH_GROUPS.items()
            }
        )

    def get_topic_countries_display(self) -> str:
        labels = dict(Country.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.topic_countries)


class RegisteredPerson(models.Model):
    """Someone who registered for an awareness session: what the reports count, nothing more."""

    session = ParentalKey(
        AwarenessSession,
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("séance"),
    )
    name = models.CharField(
        _("nom"), max_length=120, help_text=_("Un prénom ou un pseudonyme suffit.")
    )
    sex = models.CharField(_("sexe"), max_length=1, choices=Sex.choices)
    age_group = models.CharField(_("âge"), max_length=5, choices=AgeGroup.choices)
    country = models.CharField(
        _("pays d'origine"), max_length=5, choices=NATIONALITY_CHOICES, blank=True
    )

    panels = [FieldPanel("name"), FieldRowPanel(["sex", "age_group", "country"])]

    class Meta:
        ordering = ["pk"]
        verbose_name = _("personne inscrite")
        verbose_name_plural = _("personnes inscrites")

    def __str__(self):
        return self.name


class RemoteMode(models.TextChoices):
    VIDEO = "video", _("Appel vidéo")
    PHONE = "phone", _("Téléphone")
    AT_MISSION = "at_mission", _("En personne à la mission")


class RemoteOrientation(models.Model):
    """An orientation with a counsellor of the mission of a country of origin.

    The person oriented is a trainee of the platform or, for someone who is not, a first name
    or pseudonym with the sex and age group the reports count.
    """

    date = models.DateField(_("date"))
    orientation_point = models.ForeignKey(
        "content.OrientationPoint",
        on_delete=models.PROTECT,
        related_name="remote_orientations",
        verbose_name=_("point d'orientation"),
        help_text=_("Le point d'orientation qui a organisé l'entretien."),
    )
    trainee = models.ForeignKey(
        "cohorts.TraineeProfile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remote_orientations",
        verbose_name=_("apprenant"),
    )
    person_name = models.CharField(
        _("personne"),
        max_length=120,
        blank=True,
        help_text=_("Si ce n'est pas un apprenant : un prénom ou un pseudonyme suffit."),
    )
    sex = models.CharField(_("sexe"), max_length=1, choices=Sex.choices, blank=True)
    age_group = models.CharField(_("âge"), max_length=5, choices=AgeGroup.choices, blank=True)
    country = models.CharField(_("pays"), max_length=5, choices=Country.choices)
    mode = models.CharField(_("mode"), max_length=12, choices=RemoteMode.choices)
    counsellor = models.CharField(
        _("conseiller ou conseillère"),
        max_length=120,
        blank=True,
        help_text=_("Une fonction suffit, par exemple « conseiller consulaire »."),
    )
    mission = models.CharField(
        _("mission"), max_length=160, help_text=_("Ambassade ou consulat du pays d'origine.")
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("orientation à distance")
        verbose_name_plural = _("orientations à distance")

    def __str__(self):
        return f"{self.get_country_display()} — {self.date:%d/%m/%Y}"

    def clean(self):
        if self.trainee_id and self.person_name:
            raise ValidationError(
                _("Choisissez un apprenant ou saisissez une personne, pas les deux.")
            )
        if not self.trainee_id and not self.person_name:
            raise ValidationError(_("Choisissez un apprenant ou saisissez une personne."))
        if not self.trainee_id:
            missing = {
                field: _("Obligatoire pour une personne qui n'est pas apprenant.")
                for field in ("sex", "age_group")
                if not getattr(self, field)
            }
            if missing:
                raise ValidationError(missing)
