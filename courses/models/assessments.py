from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from courses.questions import QuestionStreamBlock


class AssessmentKind(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Test de connaissances")
    SELF_ASSESSMENT = "self_assessment", _("Auto-évaluation")
    SURVEY = "survey", _("Questionnaire de satisfaction (anonyme)")


class Assessment(TranslatableMixin, index.Indexed, models.Model):
    """A pre/post test, a self-assessment or a satisfaction survey, built by editors.

    Kept as a snippet, not a page: nobody browses to it, it is taken from a module.
    """

    title = models.CharField(_("titre"), max_length=160)
    kind = models.CharField(_("type"), max_length=20, choices=AssessmentKind.choices)
    instructions = models.TextField(_("consignes"), blank=True)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("instructions"),
        FieldPanel("questions"),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("évaluation")
        verbose_name_plural = _("évaluations")

    def __str__(self):
        return self.title

    @property
    def is_anonymous(self) -> bool:
        return self.kind == AssessmentKind.SURVEY
