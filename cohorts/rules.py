"""The enrolment rules that hand entry, the roster import and the demo loader share.

Pure: no database. The services (cohorts/services.py) apply them under a lock on the cohort.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


def fold(text: str) -> str:
    """Lower case, no accents, one space between words: how names and values are compared."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    return " ".join(text.split())


def trainee_key(display_name: str, birth_year: int) -> tuple[str, int]:
    """Two trainees with the same key are the same person (same name, same birth year)."""
    return fold(display_name), int(birth_year)


class CohortFull(ValidationError):
    """The cohort has no place left for one more trainee."""

    def __init__(self, capacity: int):
        super().__init__(
            ngettext_lazy(
                "La cohorte est complète (%(capacity)d place) : augmentez le nombre de places "
                "ou retirez un apprenant avant d'en ajouter un autre.",
                "La cohorte est complète (%(capacity)d places) : augmentez le nombre de places "
                "ou retirez un apprenant avant d'en ajouter un autre.",
                "capacity",
            ),
            code="cohort_full",
            params={"capacity": capacity},
        )


class AlreadyEnrolled(ValidationError):
    """Someone with the same name and birth year is already enrolled in the cohort."""

    def __init__(self, name: str, birth_year: int):
        super().__init__(
            _("« %(name)s », né(e) en %(year)d, est déjà inscrit(e) dans cette cohorte."),
            code="already_enrolled",
            params={"name": name, "year": birth_year},
        )


class CapacityBelowEnrolments(ValidationError):
    """A cohort's places may not be cut below the trainees already enrolled in it."""

    def __init__(self, active: int):
        message = ValidationError(
            ngettext_lazy(
                "%(active)d apprenant est déjà inscrit : le nombre de places ne peut pas être "
                "plus petit.",
                "%(active)d apprenants sont déjà inscrits : le nombre de places ne peut pas "
                "être plus petit.",
                "active",
            ),
            code="capacity_below_enrolments",
            params={"active": active},
        )
        super().__init__({"capacity": [message]})


class CohortHasTrainees(ValidationError):
    """A cohort with trainees is never deleted: their records would go with it."""

    def __init__(self):
        super().__init__(
            _(
                "Des apprenants sont inscrits dans cette cohorte : elle ne peut pas être "
                "supprimée. Donnez-lui le statut « Annulée » à la place."
            ),
            code="cohort_has_trainees",
        )


class ReasonRequired(ValidationError):
    """A withdrawal says why."""

    def __init__(self):
        super().__init__(_("Indiquez le motif du retrait."), code="reason_required")


class AlreadyWithdrawn(ValidationError):
    def __init__(self):
        super().__init__(
            _("Cet apprenant a déjà été retiré de la cohorte."), code="already_withdrawn"
        )


class NotWithdrawn(ValidationError):
    def __init__(self):
        super().__init__(
            _("Cet apprenant suit encore la cohorte : il n'y a rien à réinscrire."),
            code="not_withdrawn",
        )
