"""The countries of origin the programme serves, keyed by ISO 3166-1 alpha-2 code.

The codes are the stable part of every printed short link (/g/<code>/), so they never change.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    BURKINA_FASO = "bf", _("Burkina Faso")
    CAMEROON = "cm", _("Cameroun")
    COTE_DIVOIRE = "ci", _("Côte d'Ivoire")
    GUINEA = "gn", _("Guinée")
    DR_CONGO = "cd", _("République démocratique du Congo")
    MALI = "ml", _("Mali")
    SENEGAL = "sn", _("Sénégal")
    TOGO = "tg", _("Togo")
