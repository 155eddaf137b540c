"""What the attendance services refuse, as messages in the reader's language."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.dates import long_date


class DayTaken(ValidationError):
    def __init__(self, date):
        super().__init__(
            _("La cohorte a déjà un jour de session le %(date)s.") % {"date": long_date(date)},
            code="day_taken",
        )


class DayOutsideCohort(ValidationError):
    def __init__(self):
        super().__init__(
            _("Ce jour tombe en dehors des dates de la cohorte : changez d'abord ses dates."),
            code="day_outside_cohort",
        )


class DayCancelled(ValidationError):
    def __init__(self):
        super().__init__(
            _("Ce jour de session est annulé : on n'y marque pas de présence."),
            code="day_cancelled",
        )


class NotEnrolledThatDay(ValidationError):
    def __init__(self):
        super().__init__(
            _("Cet apprenant n'est pas inscrit dans la cohorte de ce jour."),
            code="not_enrolled",
        )


class MarkTooEarly(ValidationError):
    def __init__(self):
        super().__init__(
            _("On ne marque pas une présence avant le jour de la session."), code="too_early"
        )


class CheckInRefused(ValidationError):
    """A check-in that cannot be taken; ``code`` says why (the tests read it)."""

    MESSAGES = {
        "closed": _("Le pointage est fermé. Demandez à votre formateur."),
        "expired": _("Ce code a changé. Scannez ou tapez le code affiché maintenant."),
        "replayed": _(
            "Ce code a déjà servi à quelqu'un d'autre. Scannez le code affiché maintenant."
        ),
        "wrong_code": _("Ce code n'est pas le bon. Vérifiez le code affiché à l'écran."),
        "other_session": _("Ce code est celui d'une autre session."),
        "not_enrolled": _("Vous n'êtes pas inscrit dans cette cohorte."),
        "too_many_tries": _(
            "Trop de codes erronés. Attendez quelques minutes, ou demandez à votre formateur "
            "de vous marquer présent."
        ),
    }

    def __init__(self, reason: str):
        super().__init__(self.MESSAGES[reason], code=reason)
        self.reason = reason
