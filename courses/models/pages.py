from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class CourseIndexPage(Page):
    """Holds the training modules of the programme."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["content.HomePage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("index des modules")
        verbose_name_plural = _("index des modules")


class ModulePage(Page):
    """A training module (e.g. the 10-day Développement personnel); cohorts run a module."""

    code = models.SlugField(_("code"), max_length=20)
    summary = models.TextField(_("résumé"), blank=True)
    duration_days = models.PositiveSmallIntegerField(_("durée en jours"), default=10)

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("summary"),
        FieldPanel("duration_days"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
