import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.models.attendance import SessionDay
from courses.days import Schedule
from courses.models import ModulePage


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
    # The first and last held session days, kept by the attendance services whenever the
    # days change: the tests open on them, and every request of a test page asks (no query).
    first_session_day = models.DateField(null=True, blank=True, editable=False)
    last_session_day = models.DateField(null=True, blank=True, editable=False)

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
    def opens_on(self) -> datetime.date:
        """The first session day (the start date until the days are planned)."""
        return self.first_session_day or self.start_date

    @property
    def closes_on(self) -> datetime.date:
        """The last session day (the end date until the days are planned)."""
        return self.last_session_day or self.end_date

    def schedule(self) -> Schedule:
        """The cohort's held session days (read once per instance; ``load_schedules`` reads
        those of many cohorts in one query)."""
        if not hasattr(self, "_schedule"):
            load_schedules([self])
        return self._schedule

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.enrolments.active().count(), 0)


def load_schedules(cohorts) -> None:
    """Read the session days of ``cohorts`` in one query and keep each one's schedule."""
    cohorts = [cohort for cohort in cohorts if not hasattr(cohort, "_schedule")]
    dates: dict[int, list] = {cohort.pk: [] for cohort in cohorts}
    # A cohort whose days are not planned has none to read.
    planned = {cohort.pk for cohort in cohorts if cohort.first_session_day is not None}
    if not planned:
        for cohort in cohorts:
            cohort._schedule = Schedule(cohort.start_date, cohort.end_date)
        return
    rows = (
        SessionDay.objects.held()
        .filter(cohort__in=planned)
        .order_by("date")
        .values_list("cohort_id", "date")
    )
    for cohort_id, date in rows:
        dates[cohort_id].append(date)
    for cohort in cohorts:
        cohort._schedule = Schedule(cohort.start_date, cohort.end_date, tuple(dates[cohort.pk]))


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Inscrit")
    COMPLETED = "completed", _("Terminé")
    WITHDRAWN = "withdrawn", _("Abandon")


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=EnrolmentStatus.WITHDRAWN)

    def offering_exercise(self, kind: str):
        """The enrolments in a module that has the exercise ``kind`` (a business plan belongs
        to an enrolment in a module that has it: courses/models/pages.py)."""
        return self.filter(cohort__module__in=ModulePage.objects.offering_exercise(kind))


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
