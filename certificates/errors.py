"""What the certificate services refuse, in the reader's language."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class NotEligible(ValidationError):
    def __init__(self, reasons):
        super().__init__(
            _("Pas d'attestation de participation : %(reasons)s.")
            % {"reasons": ", ".join(reasons)},
            code="not_eligible",
        )


class NoAttendance(ValidationError):
    def __init__(self):
        super().__init__(
            _("Pas d'attestation d'assiduité sans aucun jour de présence."), code="no_attendance"
        )


class AlreadyRevoked(ValidationError):
    def __init__(self):
        super().__init__(_("Cette attestation est déjà révoquée."), code="already_revoked")


class ReasonRequired(ValidationError):
    def __init__(self):
        super().__init__(_("Choisissez le motif."), code="reason_required")


class ReissueReasonRequired(ValidationError):
    def __init__(self):
        super().__init__(
            _("Dites pourquoi l'attestation est délivrée à nouveau."), code="reason_required"
        )
