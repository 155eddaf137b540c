from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class OrientationPoint(index.Indexed, models.Model):
    """A Migrant Orientation Point (Point d'Orientation de Migrants) where the programme runs.

    Shown on the public "where to find us" page and referred to by cohorts.
    """

    name = models.CharField(_("nom"), max_length=120)
    city = models.CharField(_("ville"), max_length=80, unique=True)
    address = models.TextField(_("adresse"), blank=True)
    opening_hours = models.CharField(_("horaires d'ouverture"), max_length=200, blank=True)
    map_url = models.URLField(_("lien vers la carte"), blank=True)
    is_sample = models.BooleanField(
        _("données d'exemple"),
        default=False,
        help_text=_("Cochez tant que l'adresse et les horaires n'ont pas été vérifiés."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("city"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("map_url"),
        FieldPanel("is_sample"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("city")]

    class Meta:
        ordering = ["city"]
        verbose_name = _("point d'orientation")
        verbose_name_plural = _("points d'orientation")

    def __str__(self):
        return self.name
