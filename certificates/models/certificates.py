"""Issued certificates: what each one certifies is frozen in its snapshot when it is issued.

A certificate never reads the trainee, the cohort or the module again to show itself: the
verification page, the PDF and the signed credential all read ``snapshot``, so editing a
module or anonymising a trainee afterwards changes none of them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates import codes


class CertificateKind(models.TextChoices):
    ATTESTATION = "attestation", _("Attestation de participation")
    STATEMENT = "statement", _("Attestation d'assiduité")


class RevocationReason(models.TextChoices):
    """Neutral reasons, shown to anyone who checks the code: nothing about the person."""

    ISSUED_IN_ERROR = "issued_in_error", _("Délivrée par erreur")
    REPLACED = "replaced", _("Remplacée par une nouvelle attestation")
    WITHDRAWN = "withdrawn", _("Retirée par l'organisme")


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


def _new_unique_code() -> str:
    return codes.new_code()


class Certificate(models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True, default=_new_unique_code)
    enrolment = models.ForeignKey(
        "cohorts.Enrolment",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("inscription"),
    )
    kind = models.CharField(
        _("type"),
        max_length=12,
        choices=CertificateKind.choices,
        default=CertificateKind.ATTESTATION,
    )
    language = models.CharField(_("langue"), max_length=2, default="fr")
    snapshot = models.JSONField(_("contenu certifié"), default=dict, editable=False)
    issued_at = models.DateTimeField(_("délivrée le"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("délivrée par"),
    )
    # A reissue (a lost paper, a corrected name) is a new certificate, printed "duplicate".
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicata de"),
    )
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("révoquée par"),
    )
    revocation_reason = models.CharField(
        _("motif de révocation"), max_length=20, choices=RevocationReason.choices, blank=True
    )
    # The certificate's bit in the published status list (certificates/credentials/).
    status_index = models.PositiveIntegerField(null=True, blank=True, unique=True, editable=False)
    pdf = models.FileField(_("PDF"), upload_to="certificates/", blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            # Issuing twice (a bulk run retried, two clicks) gives one certificate per kind.
            models.UniqueConstraint(
                fields=["enrolment", "kind"],
                condition=Q(duplicate_of__isnull=True),
                name="one_certificate_per_enrolment_and_kind",
            )
        ]
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")

    def __str__(self):
        return self.printed_code

    @property
    def printed_code(self) -> str:
        return codes.grouped(self.code)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of_id is not None


class BulkIssue(models.Model):
    """A cohort issued at once in the background, and how far it has gone (the progress bar)."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="+", verbose_name=_("cohorte")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    language = models.CharField(max_length=2, default="fr")
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("délivrance groupée")
        verbose_name_plural = _("délivrances groupées")

    def __str__(self):
        return f"{self.cohort_id} @ {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def percent(self) -> int:
        return round(100 * (self.done + self.skipped) / self.total) if self.total else 100
