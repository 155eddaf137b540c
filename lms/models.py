from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEWED = "viewed", _("consulté")
    CREATED = "created", _("créé")
    CHANGED = "changed", _("modifié")
    EXPORTED = "exported", _("exporté")


class AuditEntry(models.Model):
    """Who viewed, changed or exported a trainee's record, and when (read by coordinators)."""

    at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("par"),
    )
    action = models.CharField(_("action"), max_length=10, choices=AuditAction.choices)
    subject_type = models.CharField(_("type"), max_length=60)
    subject_id = models.CharField(_("identifiant"), max_length=40)
    subject_label = models.CharField(_("dossier"), max_length=200)
    detail = models.CharField(_("détail"), max_length=255, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
        verbose_name = _("entrée du journal d'audit")
        verbose_name_plural = _("journal d'audit")

    def __str__(self):
        action = self.get_action_display()
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {action} {self.subject_label}"
