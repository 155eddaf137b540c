"""The trainee's exercise work (the CV, the business plan, whatever exercise comes next):
one versioned document per exercise, with its earlier versions and the trainer's comments.

A document is saved as the trainee types (every few seconds, from a tablet that may be
offline): each save names the version it started from, and a save from an older version is
refused rather than overwriting newer work (learning/exercise_services.py keeps both texts).
What an exercise holds and how it is checked is described in courses/exercises/.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.exercises import KIND_CHOICES


class Status(models.TextChoices):
    DRAFT = "draft", _("En cours")
    SUBMITTED = "submitted", _("Envoyé au formateur")
    RETURNED = "returned", _("À reprendre")
    REVIEWED = "reviewed", _("Relu")


#: The trainee may change the document in these states (a sent one waits for the trainer).
EDITABLE = frozenset({Status.DRAFT, Status.RETURNED, Status.REVIEWED})


class DocumentQuerySet(models.QuerySet):
    def of_kind(self, kind: str):
        return self.filter(kind=kind)


class Document(models.Model):
    """One trainee's work on one exercise. The CV belongs to the trainee (one, carried across
    modules: ``enrolment`` is empty); a business plan to one enrolment."""

    kind = models.CharField(_("exercice"), max_length=20, choices=KIND_CHOICES)
    trainee = models.ForeignKey(
        "cohorts.TraineeProfile",
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("apprenant"),
    )
    enrolment = models.ForeignKey(
        "cohorts.Enrolment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("inscription"),
    )
    data = models.JSONField(_("contenu"), default=dict, blank=True)
    # Bumped on every change: a stale tablet cannot overwrite newer work without knowing.
    version = models.PositiveIntegerField(default=0)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("commencé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    submitted_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("relu le"), null=True, blank=True)
    # When the last earlier version was kept: autosaves keep one every few minutes at most.
    snapshot_at = models.DateTimeField(null=True, blank=True, editable=False)
    photo = models.ImageField(_("photo"), upload_to="exercises/photos/", blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "kind"],
                condition=Q(enrolment__isnull=True),
                name="one_document_per_trainee",
            ),
            models.UniqueConstraint(
                fields=["enrolment", "kind"],
                condition=Q(enrolment__isnull=False),
                name="one_document_per_enrolment",
            ),
        ]
        ordering = ["-updated_at"]
        verbose_name = _("exercice")
        verbose_name_plural = _("exercices")

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE


class VersionReason(models.TextChoices):
    SNAPSHOT = "snapshot", _("Enregistrement automatique")
    SUBMITTED = "submitted", _("Envoi au formateur")
    CONFLICT = "conflict", _("Copie gardée d'une autre tablette")
    BEFORE_RESTORE = "before_restore", _("Avant le retour à une version plus ancienne")


class DocumentVersion(models.Model):
    """An earlier state of a document, kept so that it can be read again and restored."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    #: The document's version this copy was taken from.
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("contenu"), default=dict)
    reason = models.CharField(_("pourquoi"), max_length=20, choices=VersionReason.choices)
    created_at = models.DateTimeField(_("le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("version d'un exercice")
        verbose_name_plural = _("versions d'un exercice")

    def __str__(self):
        return f"{self.document_id} v{self.number} ({self.reason})"


class Comment(models.Model):
    """A trainer's comment on one section of a document; the trainee sees it on that section
    until they send the document again."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("partie"), max_length=40)
    text = models.TextField(_("commentaire"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    #: Set when the trainee sends the document again: the comment was answered.
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")

    def __str__(self):
        return f"{self.document_id} {self.section}"
