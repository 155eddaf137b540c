"""The sections of country guides and standard pages, built on the common blocks."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content.blocks.common import CalloutBlock, DocumentBlock, VideoBlock


class SourceMixin(blocks.StructBlock):
    """Every guide section says when it was last checked and where the facts come from."""

    last_verified = blocks.DateBlock(
        required=False, label=_("Dernière vérification"), help_text=_("Date du dernier contrôle")
    )
    source = blocks.CharBlock(required=False, max_length=255, label=_("Source"))


class SectionBlock(SourceMixin):
    heading = blocks.CharBlock(max_length=120, label=_("Titre"))
    body = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3"], label=_("Texte")
    )

    class Meta:
        icon = "doc-full"
        label = _("Section de texte")
        template = "content/blocks/section.html"
        preview_value = {
            "heading": "Avant le départ",
            "body": "<p>Texte d'exemple : ce que vous devez préparer.</p>",
            "last_verified": datetime.date(2026, 11, 1),
            "source": "OIM Maroc",
        }


class KeyFactBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, label=_("Intitulé"))
    value = blocks.CharBlock(max_length=200, label=_("Valeur"))

    class Meta:
        preview_value = {"label": "Capitale", "value": "Bamako"}


class KeyFactsBlock(SourceMixin):
    heading = blocks.CharBlock(max_length=120, label=_("Titre"))
    facts = blocks.ListBlock(KeyFactBlock(), label=_("Faits"))

    class Meta:
        icon = "list-ul"
        label = _("Informations clés")
        template = "content/blocks/key_facts.html"
        preview_value = {
            "heading": "Informations clés",
            "facts": [{"label": "Capitale", "value": "Bamako"}],
        }


class ContactCardBlock(SourceMixin):
    name = blocks.CharBlock(max_length=160, label=_("Nom"))
    role = blocks.CharBlock(required=False, max_length=160, label=_("Rôle ou service"))
    address = blocks.TextBlock(required=False, label=_("Adresse"))
    phone = blocks.CharBlock(required=False, max_length=40, label=_("Téléphone"))
    email = blocks.EmailBlock(required=False, label=_("E-mail"))
    hours = blocks.CharBlock(required=False, max_length=160, label=_("Horaires"))
    website = blocks.URLBlock(required=False, label=_("Site web"))

    class Meta:
        icon = "user"
        label = _("Fiche contact")
        template = "content/blocks/contact_card.html"
        preview_value = {"name": "Bureau de l'OIM (exemple)", "role": "Réintégration"}


SERVICE_KINDS = [
    ("economic", _("Économique")),
    ("social", _("Sociale")),
    ("psychosocial", _("Psychosociale")),
    ("other", _("Autre")),
]


class ServiceValue(blocks.StructValue):
    def kind_label(self):
        return dict(SERVICE_KINDS).get(self.get("kind"), "")


class ServiceBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=SERVICE_KINDS, default="economic", label=_("Type d'aide"))
    title = blocks.CharBlock(max_length=160, label=_("Service"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        value_class = ServiceValue
        preview_value = {"kind": "economic", "title": "Appui au démarrage d'activité"}


class ServicesBlock(SourceMixin):
    heading = blocks.CharBlock(max_length=120, label=_("Titre"))
    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    services = blocks.ListBlock(ServiceBlock(), label=_("Services"))

    class Meta:
        icon = "tasks"
        label = _("Liste de services")
        template = "content/blocks/services.html"
        preview_value = {
            "heading": "Aide à la réintégration",
            "services": [{"kind": "economic", "title": "Appui au démarrage d'activité"}],
        }


class ChecklistBlock(SourceMixin):
    heading = blocks.CharBlock(max_length=120, label=_("Titre"))
    items = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("Documents"))

    class Meta:
        icon = "form"
        label = _("Liste de documents")
        template = "content/blocks/checklist.html"
        preview_value = {
            "heading": "Documents à préparer",
            "items": ["Passeport ou laissez-passer"],
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255, label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Réponse"))

    class Meta:
        preview_value = {"question": "L'aide est-elle garantie ?", "answer": "<p>Non.</p>"}


class FAQBlock(SourceMixin):
    heading = blocks.CharBlock(max_length=120, label=_("Titre"))
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions fréquentes")
        template = "content/blocks/faq.html"
        preview_value = {
            "heading": "Questions fréquentes",
            "items": [{"question": "L'aide est-elle garantie ?", "answer": "<p>Non.</p>"}],
        }


class GuideStreamBlock(blocks.StreamBlock):
    """The sections of a country guide (see shared/curriculum.md §2)."""

    key_facts = KeyFactsBlock()
    section = SectionBlock()
    contact_card = ContactCardBlock()
    services = ServicesBlock()
    checklist = ChecklistBlock()
    video = VideoBlock()
    document = DocumentBlock()
    faq = FAQBlock()
    disclaimer = CalloutBlock(default={"kind": "note"}, label=_("Avertissement"))


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, label=_("Chiffre"))
    label = blocks.CharBlock(max_length=200, label=_("Intitulé"))
    year = blocks.CharBlock(required=False, max_length=20, label=_("Année"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("Source"))

    class Meta:
        icon = "pick"
        label = _("Chiffre clé")
        template = "content/blocks/key_figure.html"
        preview_value = {"figure": "502", "label": "migrants orientés", "year": "2022"}


class StandardStreamBlock(blocks.StreamBlock):
    """Body of standard pages: text, contacts, FAQ, videos and documents."""

    section = SectionBlock()
    contact_card = ContactCardBlock()
    faq = FAQBlock()
    video = VideoBlock()
    document = DocumentBlock()
    disclaimer = CalloutBlock(default={"kind": "note"}, label=_("Avertissement"))
