"""Blocks every page family uses — guides, standard pages, lessons: text, image, video,
document and callout. Defined once; each has its own template and a preview.

Guides are read on cheap phones over slow data, so no block loads a third-party player or
script: a video is either a file of our own (played by the browser) or a link that opens the
provider's page when the reader chooses to.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "ol", "ul", "link"])
        kwargs.setdefault("label", _("Texte"))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "content/blocks/text.html"
        preview_value = "<p>Texte d'exemple : une explication simple, en phrases courtes.</p>"


class FigureBlock(ImageBlock):
    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"

    def get_preview_value(self):
        """An image of the site's own library: an image block has nothing to show without one
        (and no preview at all while the library is empty)."""
        image = get_image_model().objects.order_by("pk").first()
        if image is None:
            return None
        return self.normalize({"image": image, "alt_text": image.title, "decorative": False})


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, label=_("Titre"))
    file = DocumentChooserBlock(required=False, label=_("Fichier vidéo"))
    url = blocks.URLBlock(required=False, label=_("ou adresse de la vidéo"))
    duration = blocks.CharBlock(required=False, max_length=20, label=_("Durée"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    transcript = blocks.TextBlock(required=False, label=_("Transcription"))

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "content/blocks/video.html"
        preview_value = {
            "title": "Témoignage (exemple)",
            "url": "https://example.org/video",
            "duration": "3 min",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value["file"] and not value["url"]:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Un fichier ou une adresse."))}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, max_length=160, label=_("Titre affiché"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document à télécharger")
        template = "content/blocks/document.html"
        # A document must be chosen: the preview shows the block's frame without one.
        preview_value = {
            "document": None,
            "title": "Fiche pratique (exemple)",
            "description": "Une page.",
        }


CALLOUT_KINDS = [
    ("tip", _("Astuce")),
    ("info", _("À savoir")),
    ("warning", _("Attention")),
    ("note", _("Avertissement")),
]


class CalloutValue(blocks.StructValue):
    def kind_label(self) -> str:
        return dict(CALLOUT_KINDS).get(self.get("kind"), "")


class CalloutBlock(blocks.StructBlock):
    """A framed note: a tip in a lesson, a disclaimer under a guide."""

    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="tip", label=_("Type"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Texte"))

    class Meta:
        icon = "help"
        label = _("Encadré")
        template = "content/blocks/callout.html"
        value_class = CalloutValue
        preview_value = {
            "kind": "tip",
            "text": "<p>Vous pouvez toujours dire « je passe ».</p>",
        }
