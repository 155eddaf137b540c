import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """A PDF rendered by a background worker for one person to download (login cards…).

    The bytes live in the database, so every web and worker process sees them without a shared
    file system; documents are short-lived (see lms/documents.py) because they may carry
    trainees' names.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("demandé par"),
    )
    filename = models.CharField(_("nom du fichier"), max_length=120)
    content = models.BinaryField(_("contenu"), null=True, editable=False)
    requested_at = models.DateTimeField(_("demandé le"), auto_now_add=True, db_index=True)
    ready_at = models.DateTimeField(_("prêt le"), null=True, blank=True)
    # Holds secrets (login cards with new PINs): deleted once downloaded.
    single_download = models.BooleanField(_("un seul téléchargement"), default=False)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.filename

    @property
    def is_ready(self) -> bool:
        return self.ready_at is not None
