"""What trainees do: lessons done, test attempts, survey answers.

Learning records belong to an enrolment (cohorts.Enrolment). Survey answers belong to nobody:
SurveyResponse has no link to a trainee or an enrolment and a random id (no insertion order to
match against SurveyCompletion), which only records that someone answered.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(
        "cohorts.Enrolment",
        on_delete=models.CASCADE,
        related_name="lessons_done",
        verbose_name=_("inscription"),
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("leçon")
    )
    completed_at = models.DateTimeField(_("terminée le"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="lesson_done_once")
        ]
        verbose_name = _("leçon terminée")
        verbose_name_plural = _("leçons terminées")

    def __str__(self):
        return f"{self.enrolment_id}: {self.lesson_id}"


class Phase(models.TextChoices):
    PRE = "pre", _("Début de formation")
    POST = "post", _("Fin de formation")


class AttemptQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)


class Attempt(models.Model):
    """One pre-test or post-test of one enrolment: saved as the trainee goes, submitted once."""

    enrolment = models.ForeignKey(
        "cohorts.Enrolment",
        on_delete=models.CASCADE,
        related_name="attempts",
        verbose_name=_("inscription"),
    )
    assessment = models.ForeignKey(
        "courses.Assessment",
        on_delete=models.PROTECT,
        related_name="attempts",
        verbose_name=_("évaluation"),
    )
    phase = models.CharField(_("moment"), max_length=4, choices=Phase.choices)
    answers = models.JSONField(_("réponses"), default=dict, blank=True)
    # Bumped on every save: a stale tablet cannot overwrite newer answers without knowing.
    version = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(_("commencé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)
    submitted_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    points = models.FloatField(_("points"), null=True, blank=True)
    max_points = models.FloatField(_("points possibles"), null=True, blank=True)
    score = models.FloatField(_("score (%)"), null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "phase"], name="one_attempt_per_phase")
        ]
        verbose_name = _("tentative")
        verbose_name_plural = _("tentatives")

    def __str__(self):
        return f"{self.enrolment_id} {self.phase}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class SurveyResponse(models.Model):
    """Anonymous survey answers: the cohort and the day, never the person."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    assessment = models.ForeignKey(
        "courses.Assessment", on_delete=models.PROTECT, related_name="responses"
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="survey_responses"
    )
    answers = models.JSONField(default=dict)
    submitted_on = models.DateField(_("envoyé le"))

    class Meta:
        verbose_name = _("réponse au questionnaire")
        verbose_name_plural = _("réponses au questionnaire")

    def __str__(self):
        return f"{self.cohort_id} {self.submitted_on}"


class SurveyCompletion(models.Model):
    """That an enrolment answered the survey — nothing about what it answered."""

    enrolment = models.ForeignKey(
        "cohorts.Enrolment", on_delete=models.CASCADE, related_name="survey_completions"
    )
    assessment = models.ForeignKey("courses.Assessment", on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "assessment"], name="survey_answered_once")
        ]
        verbose_name = _("questionnaire rempli")
        verbose_name_plural = _("questionnaires remplis")

    def __str__(self):
        return f"{self.enrolment_id}"
