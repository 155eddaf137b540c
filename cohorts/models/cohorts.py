from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Modality(models.TextChoices):
    IN_PERSON = "in_person", _("En présentiel")
    VIRTUAL = "virtual", _("À distance")


class CohortStatus(models.TextChoices):
    PLANNED = "planned", _("Prévue")
    RUNNING = "running", _("En cours")
    COMPLETED = "completed", _("Terminée")
    CANCELLED = "cancelled", _("Annulée")


class CohortQuerySet(models.QuerySet):
    def current(self):
        """Cohorts still to run or running (the dashboard's)."""
        return self.exclude(status__in=[CohortStatus.COMPLETED, CohortStatus.CANCELLED])

    def with_counts(self):
        return self.annotate(
            active_count=models.Count(
                "enrolments", filter=~models.Q(enrolments__status="withdrawn")
            )
        )


class Cohort(models.Model):
    name = models.CharField(_("nom"), max_length=120)
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("module"),
    )
    orientation_point = models.ForeignKey(
        "content.OrientationPoint",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("point d'orientation"),
    )
    modality = models.CharField(
        _("modalité"), max_length=12, choices=Modality.choices, default=Modality.IN_PERSON
    )
    start_date = models.DateField(_("début"))
    end_date = models.DateField(_("fin"))
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="cohorts_taught",
        blank=True,
        verbose_name=_("formateurs"),
    )
    capacity = models.PositiveSmallIntegerField(_("places"), default=20)
    status = models.CharField(
        _("statut"), max_length=12, choices=CohortStatus.choices, default=CohortStatus.PLANNED
    )
    # The post-test opens on the last day, or earlier when a trainer opens it
    # (learning.services.open_post_test).
    post_test_opened_at = models.DateTimeField(_("test de fin ouvert le"), null=True, blank=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("cohorte")
        verbose_name_plural = _("cohortes")

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin doit être après le début.")})

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.enrolments.active().count(), 0)


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Inscrit")
    COMPLETED = "completed", _("Terminé")
    WITHDRAWN = "withdrawn", _("Abandon")


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=EnrolmentStatus.WITHDRAWN)


class Enrolment(models.Model):
    trainee = models.ForeignKey(
        "cohorts.TraineeProfile",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("apprenant"),
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("cohorte")
    )
    status = models.CharField(
        _("statut"),
        max_length=12,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    enrolled_on = models.DateField(_("inscrit le"), default=timezone.localdate)
    left_on = models.DateField(_("sorti le"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["trainee__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["trainee", "cohort"], name="one_enrolment_per_cohort")
        ]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")

    def __str__(self):
        return f"{self.trainee} → {self.cohort}"
