"""The blocks of a lesson: the common blocks of the one library (content/blocks/) and the few
only a lesson has (an activity, an audio recording, a link to an exercise)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from content.blocks import CalloutBlock, DocumentBlock, FigureBlock, TextBlock, VideoBlock


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, label=_("Titre"))
    duration_minutes = blocks.IntegerBlock(
        required=False, min_value=1, max_value=480, label=_("Durée (minutes)")
    )
    instructions = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul"], label=_("Consignes")
    )

    class Meta:
        icon = "group"
        label = _("Activité")
        template = "courses/blocks/activity.html"
        preview_value = {
            "title": "« L'arbre des réussites »",
            "duration_minutes": 45,
            "instructions": "<p>Dessinez un arbre ; sur chaque branche, une réussite.</p>",
        }


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, label=_("Titre"))
    file = DocumentChooserBlock(label=_("Fichier audio"))

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "courses/blocks/audio.html"
        # A file must be chosen: the preview shows the block's frame without one.
        preview_value = {"title": "Écouter la consigne (exemple)", "file": None}


EXERCISES = [
    ("cv", _("Mon CV")),
    ("business_plan", _("Mon plan d'affaires")),
    ("pre_test", _("Test de début")),
    ("post_test", _("Test de fin")),
    ("survey", _("Questionnaire de satisfaction")),
]

# The exercise (courses/exercises/) each link opens, by the link's name: a lesson's link
# names "business_plan", the exercise's kind is "plan". The tests and the survey are none.
EXERCISE_KINDS = {"cv": "cv", "business_plan": "plan"}


# Where each exercise is taken: a URL name and its arguments after the enrolment, and the
# module's field that must hold the assessment (tests and survey only).
_TARGETS = {
    "pre_test": ("learn_assessment", ("pre",), "pre_test_id"),
    "post_test": ("learn_assessment", ("post",), "post_test_id"),
    "survey": ("learn_assessment", ("survey",), "survey_id"),
    "cv": ("learn_cv", (), None),
    "business_plan": ("learn_business_plan", (), None),
}


def exercise_url(exercise: str, enrolment) -> str | None:
    """The exercise's address for this enrolment, or None when it leads nowhere: its view does
    not exist (yet), or the module has no such test."""
    name, args, module_field = _TARGETS[exercise]
    if module_field and not getattr(enrolment.cohort.module, module_field, None):
        return None
    try:
        return reverse(name, args=[enrolment.pk, *args])
    except NoReverseMatch:
        return None


class ExerciseLinkBlock(blocks.StructBlock):
    """A button to one of the module's exercises, for the trainee the lesson is served to.

    A trainee sees it only where it leads somewhere; staff reading the lesson (and the block
    preview) see what the day holds as plain text.
    """

    exercise = blocks.ChoiceBlock(choices=EXERCISES, label=_("Exercice"))
    text = blocks.CharBlock(required=False, max_length=160, label=_("Texte du lien"))

    class Meta:
        icon = "link"
        label = _("Lien vers un exercice")
        template = "courses/blocks/exercise_link.html"
        preview_value = {"exercise": "pre_test"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        enrolment = (parent_context or {}).get("enrolment")
        context["enrolment"] = enrolment
        context["href"] = exercise_url(value["exercise"], enrolment) if enrolment else None
        return context


class LessonStreamBlock(blocks.StreamBlock):
    text = TextBlock()
    image = FigureBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    activity = ActivityBlock()
    tip = CalloutBlock()
    exercise = ExerciseLinkBlock()
