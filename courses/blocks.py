"""The block library of the teaching side: lesson content and assessment questions.

Question blocks keep the stable ids Wagtail gives every stream child: answers are stored
against those ids, so editing the wording of a question keeps the answers attached, and a
translated copy of an assessment (which keeps the ids) is scored the same way.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, required=False, label=_("Texte"))
    image = ImageBlock(required=False, label=_("Image"))
    correct = blocks.BooleanBlock(required=False, label=_("Bonne réponse"))


class QuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Question"))
    read_aloud = blocks.TextBlock(
        required=False,
        label=_("Texte lu à voix haute"),
        help_text=_("Si vide, la question est lue telle quelle."),
    )
    image = ImageBlock(required=False, label=_("Image"))
    points = blocks.IntegerBlock(default=1, min_value=0, max_value=10, label=_("Points"))


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2, max_num=8, label=_("Réponses"))
    multiple = False

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if value["points"] and correct == 0:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Cochez au moins une bonne réponse."))}
            )
        if not self.multiple and correct > 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Une seule bonne réponse possible."))}
            )
        for choice in value["choices"]:
            if not choice["text"] and not choice["image"]:
                raise StructBlockValidationError(
                    block_errors={
                        "choices": ValidationError(_("Chaque réponse a un texte ou une image."))
                    }
                )
        return value


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = _("Choix unique")
        template = "courses/questions/single_choice.html"


class MultipleChoiceBlock(ChoiceQuestionBlock):
    multiple = True

    class Meta:
        icon = "tasks"
        label = _("Choix multiple")
        template = "courses/questions/multiple_choice.html"


class PictureChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "image"
        label = _("Choix d'images")
        template = "courses/questions/picture_choice.html"


class TrueFalseBlock(QuestionBlock):
    answer = blocks.BooleanBlock(required=False, label=_("La bonne réponse est « vrai »"))

    class Meta:
        icon = "tick"
        label = _("Vrai ou faux")
        template = "courses/questions/true_false.html"


class ScaleBlock(QuestionBlock):
    """A 1–5 scale (smileys): self-assessment and satisfaction items; never scored."""

    points = blocks.IntegerBlock(default=0, min_value=0, max_value=0, label=_("Points"))
    low_label = blocks.CharBlock(required=False, max_length=60, label=_("Libellé de 1"))
    high_label = blocks.CharBlock(required=False, max_length=60, label=_("Libellé de 5"))
    overall = blocks.BooleanBlock(
        required=False,
        label=_("Question de satisfaction globale"),
        help_text=_("Sert au calcul de la part des apprenants satisfaits."),
    )

    class Meta:
        icon = "pick"
        label = _("Échelle de 1 à 5")
        template = "courses/questions/scale.html"


class OpenQuestionBlock(QuestionBlock):
    """A short free answer (survey: "most useful part", "what to improve"); never scored."""

    points = blocks.IntegerBlock(default=0, min_value=0, max_value=0, label=_("Points"))

    class Meta:
        icon = "edit"
        label = _("Question ouverte")
        template = "courses/questions/open.html"


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    picture_choice = PictureChoiceBlock()
    scale = ScaleBlock()
    open = OpenQuestionBlock()


class TipBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Astuce")), ("warning", _("Attention")), ("info", _("À savoir"))],
        default="tip",
        label=_("Type"),
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Texte"))

    class Meta:
        icon = "help"
        label = _("Encadré")
        template = "courses/blocks/tip.html"


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


class LessonVideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, label=_("Titre"))
    file = DocumentChooserBlock(required=False, label=_("Fichier vidéo"))
    url = blocks.URLBlock(required=False, label=_("ou adresse de la vidéo"))
    transcript = blocks.TextBlock(required=False, label=_("Transcription"))

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "courses/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if not value["file"] and not value["url"]:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Un fichier ou une adresse."))}
            )
        return value


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, label=_("Titre"))
    file = DocumentChooserBlock(label=_("Fichier audio"))

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "courses/blocks/audio.html"


class LessonDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, max_length=160, label=_("Titre affiché"))

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "courses/blocks/document.html"


class ExerciseLinkBlock(blocks.StructBlock):
    exercise = blocks.ChoiceBlock(
        choices=[
            ("cv", _("Mon CV")),
            ("business_plan", _("Mon plan d'affaires")),
            ("pre_test", _("Test de début")),
            ("post_test", _("Test de fin")),
            ("survey", _("Questionnaire de satisfaction")),
        ],
        label=_("Exercice"),
    )
    text = blocks.CharBlock(required=False, max_length=160, label=_("Texte du lien"))

    class Meta:
        icon = "link"
        label = _("Lien vers un exercice")
        template = "courses/blocks/exercise_link.html"


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        label=_("Texte"),
        template="courses/blocks/text.html",
    )
    image = ImageBlock(label=_("Image"), template="courses/blocks/image.html")
    video = LessonVideoBlock()
    audio = AudioBlock()
    document = LessonDocumentBlock()
    activity = ActivityBlock()
    tip = TipBlock()
    exercise = ExerciseLinkBlock()
