"""Pages and documents for content tests, built on top of the demo content."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from content.models import CountryGuidePage, GuideIndexPage, HomePage


def french_guide(slug: str = "mali") -> CountryGuidePage:
    return CountryGuidePage.objects.get(slug=slug, locale__language_code="fr")


def english_guide(slug: str = "mali") -> CountryGuidePage:
    return CountryGuidePage.objects.get(slug=slug, locale__language_code="en")


def french_home() -> HomePage:
    return HomePage.objects.get(locale__language_code="fr")


def french_guide_index() -> GuideIndexPage:
    return GuideIndexPage.objects.get(locale__language_code="fr")


def make_document(title: str = "Fiche pratique du retour"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 sample", name="fiche-pratique.pdf")
    )


def every_guide_block(document) -> list:
    """One block of every type of GuideStreamBlock, each with text found nowhere else."""
    return [
        (
            "key_facts",
            {
                "heading": "Repères essentiels",
                "facts": [{"label": "Fuseau horaire", "value": "GMT+0 zoulou"}],
                "last_verified": datetime.date(2026, 10, 15),
                "source": "Source vérifiée alpha",
            },
        ),
        (
            "section",
            {
                "heading": "Section sur le transport",
                "body": "<p>Le bus part de la gare routière bravo.</p>",
                "last_verified": None,
                "source": "",
            },
        ),
        (
            "contact_card",
            {
                "name": "Guichet charlie",
                "role": "Accueil des personnes de retour",
                "address": "Rue delta",
                "phone": "+000 00 00",
                "email": "guichet@example.org",
                "hours": "Mardi matin echo",
                "website": "https://example.org/guichet",
                "last_verified": None,
                "source": "",
            },
        ),
        (
            "services",
            {
                "heading": "Aides foxtrot",
                "intro": "Aides possibles golf.",
                "services": [
                    {"kind": "psychosocial", "title": "Groupe de parole hotel", "description": ""}
                ],
                "last_verified": None,
                "source": "",
            },
        ),
        (
            "checklist",
            {
                "heading": "Papiers india",
                "items": ["Acte de naissance juliett"],
                "last_verified": None,
                "source": "",
            },
        ),
        (
            "video",
            {
                "title": "Vidéo kilo",
                "url": "https://example.org/video-kilo",
                "duration": "3 min",
                "description": "Transcription lima",
            },
        ),
        ("document", {"document": document, "title": "", "description": "Document mike"}),
        (
            "faq",
            {
                "heading": "Questions november",
                "items": [{"question": "Question oscar ?", "answer": "<p>Réponse papa.</p>"}],
                "last_verified": None,
                "source": "",
            },
        ),
        ("disclaimer", {"kind": "note", "text": "<p>Avertissement quebec.</p>"}),
    ]


# What each block of every_guide_block() must show once rendered.
EXPECTED_TEXT = {
    "key_facts": ["Repères essentiels", "Fuseau horaire", "GMT+0 zoulou", "Source vérifiée alpha"],
    "section": ["Section sur le transport", "Le bus part de la gare routière bravo."],
    "contact_card": [
        "Guichet charlie",
        "Accueil des personnes de retour",
        "Rue delta",
        'href="tel:+0000000"',
        'href="mailto:guichet@example.org"',
        "Mardi matin echo",
        'href="https://example.org/guichet"',
    ],
    "services": [
        "Aides foxtrot",
        "Aides possibles golf.",
        "Psychosociale",
        "Groupe de parole hotel",
    ],
    "checklist": ["Papiers india", "Acte de naissance juliett"],
    "video": [
        "Vidéo kilo",
        'href="https://example.org/video-kilo"',
        "(3 min)",
        "Transcription lima",
    ],
    "document": ["Fiche pratique du retour", "Document mike", "fiche-pratique", "PDF"],
    "faq": ["Questions november", "Question oscar ?", "Réponse papa."],
    "disclaimer": ["Avertissement quebec."],
}


def publish(page, **changes):
    """Change a page's fields and publish the change, as an editor would."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
