"""Demo content for the public site: home, eight country guides in French and English, the
three orientation points.

Country key facts (capital, currency, dialling code) are public facts. Everything else is
sample text and says so: no contact detail, address or figure here is presented as real.
Idempotent: a page or snippet that already exists is left as it is (an editor may have
changed it).
"""

import datetime

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from content.models import (
    CountryGuidePage,
    GuideIndexPage,
    HomePage,
    OrientationPoint,
    OrientationPointsPage,
)
from lms.demo_pages import publish, translation_of

VERIFIED = datetime.date(2026, 11, 1)
SAMPLE_SOURCE = {"fr": "Texte d'exemple — à vérifier", "en": "Sample text — to be checked"}

# iso2: (French name, English name, capital, currency, dialling code, languages fr, languages en)
COUNTRIES = {
    "bf": (
        "Burkina Faso",
        "Burkina Faso",
        "Ouagadougou",
        "Franc CFA (XOF)",
        "+226",
        "Français, mooré, dioula, fulfuldé",
        "French, Mooré, Dioula, Fulfulde",
    ),
    "cm": (
        "Cameroun",
        "Cameroon",
        "Yaoundé",
        "Franc CFA (XAF)",
        "+237",
        "Français, anglais",
        "French, English",
    ),
    "ci": (
        "Côte d'Ivoire",
        "Côte d'Ivoire",
        "Yamoussoukro (capitale politique), Abidjan",
        "Franc CFA (XOF)",
        "+225",
        "Français, dioula, baoulé",
        "French, Dioula, Baoulé",
    ),
    "gn": (
        "Guinée",
        "Guinea",
        "Conakry",
        "Franc guinéen (GNF)",
        "+224",
        "Français, pular, malinké, soussou",
        "French, Pular, Malinke, Susu",
    ),
    "cd": (
        "République démocratique du Congo",
        "Democratic Republic of the Congo",
        "Kinshasa",
        "Franc congolais (CDF)",
        "+243",
        "Français, lingala, swahili, kikongo, tshiluba",
        "French, Lingala, Swahili, Kikongo, Tshiluba",
    ),
    "ml": (
        "Mali",
        "Mali",
        "Bamako",
        "Franc CFA (XOF)",
        "+223",
        "Bambara et autres langues nationales, français",
        "Bambara and other national languages, French",
    ),
    "sn": (
        "Sénégal",
        "Senegal",
        "Dakar",
        "Franc CFA (XOF)",
        "+221",
        "Français, wolof, pulaar, sérère",
        "French, Wolof, Pulaar, Serer",
    ),
    "tg": (
        "Togo",
        "Togo",
        "Lomé",
        "Franc CFA (XOF)",
        "+228",
        "Français, éwé, kabiyè",
        "French, Ewe, Kabiye",
    ),
}

TEXT = {
    "fr": {
        "home_title": "Foras — préparer son retour",
        "home_intro": "<p>Foras accompagne les migrants qui préparent un retour volontaire : "
        "formations avant le départ, guides de réintégration par pays et points d'orientation "
        "à Rabat, Casablanca et Oujda.</p>",
        "guides_title": "Guides pays",
        "guides_slug": "guides",
        "guides_intro": "Choisissez votre pays pour savoir comment se préparer, ce qui se passe à "
        "l'arrivée et quelles aides à la réintégration sont possibles.",
        "points_title": "Où nous trouver",
        "points_slug": "ou-nous-trouver",
        "points_intro": "Les Points d'Orientation de Migrants vous accueillent pour les séances "
        "d'information et les formations.",
        "guide_title": "Guide de réintégration : {name}",
        "summary": "Ce qu'il faut savoir pour préparer son retour {to_name} et sa "
        "réintégration. Contenu d'exemple à vérifier.",
        "sample": "<p><b>Contenu d'exemple.</b> Ce guide montre la structure des guides pays. "
        "Son texte doit être vérifié par l'équipe du programme avant toute utilisation.</p>",
        "key_facts": "Informations clés",
        "capital": "Capitale",
        "languages": "Langues",
        "currency": "Monnaie",
        "dialling": "Indicatif téléphonique",
        "before": "Avant le départ",
        "before_items": [
            "Passeport ou laissez-passer",
            "Copies des diplômes, attestations et certificats de travail",
            "Dossier médical (si vous acceptez qu'il soit partagé)",
            "Attestation de formation Foras",
        ],
        "arrival": "À l'arrivée",
        "arrival_body": "<p>(Exemple) À l'aéroport, une équipe de l'OIM ou de l'administration "
        "peut vous accueillir, vous orienter et organiser le trajet jusqu'à votre ville.</p>",
        "assistance": "Aide à la réintégration (possible, non garantie)",
        "assistance_intro": "Selon votre situation, l'aide peut prendre plusieurs formes. "
        "Aucune n'est automatique.",
        "services": [
            (
                "economic",
                "Appui au démarrage d'une activité",
                "Le plus souvent en nature : équipement, stock.",
            ),
            ("economic", "Formation professionnelle ou placement", ""),
            ("social", "Logement, frais scolaires, soins, documents d'état civil", ""),
            (
                "psychosocial",
                "Écoute et accompagnement",
                "Conseil, groupes de pairs, orientation vers des spécialistes.",
            ),
        ],
        "health": "Santé",
        "health_body": "<p>(Exemple) Comment fonctionne le système de santé, ce que coûtent les "
        "soins et où trouver les médicaments.</p>",
        "housing": "Logement",
        "housing_body": "<p>(Exemple) Comment trouver un logement et à quel coût.</p>",
        "education": "Éducation",
        "education_body": "<p>(Exemple) Le système scolaire et la reconnaissance des diplômes "
        "obtenus à l'étranger.</p>",
        "employment": "Emploi et formation",
        "employment_body": "<p>(Exemple) L'agence publique pour l'emploi, les centres de "
        "formation professionnelle.</p>",
        "business": "Lancer une activité",
        "business_body": "<p>(Exemple) Enregistrer une entreprise, les secteurs porteurs "
        "(agriculture et élevage, artisanat, commerce, services), la microfinance et les "
        "tontines.</p>",
        "contact_name": "Bureau de l'OIM (exemple)",
        "contact_role": "Coordonnées à vérifier auprès du programme avant publication",
        "video": "Vidéos du programme",
        "video_description": "Témoignages et vidéos d'information du projet Foras.",
        "faq": "Questions fréquentes",
        "faq_items": [
            (
                "L'aide à la réintégration est-elle garantie ?",
                "<p>Non. Elle dépend de votre situation et des programmes disponibles.</p>",
            ),
            (
                "Puis-je suivre une formation avant le départ ?",
                "<p>Oui, dans les Points "
                "d'Orientation de Migrants de Rabat, Casablanca et Oujda.</p>",
            ),
        ],
        "disclaimer": "<p>Ces informations sont données à titre indicatif et n'ouvrent aucun "
        "droit.</p>",
    },
    "en": {
        "home_title": "Foras — preparing your return",
        "home_intro": "<p>Foras supports migrants preparing a voluntary return: pre-departure "
        "training, reintegration guides for each country and orientation points in Rabat, "
        "Casablanca and Oujda.</p>",
        "guides_title": "Country guides",
        "guides_slug": "guides",
        "guides_intro": "Choose your country to learn how to prepare, what happens on arrival "
        "and which reintegration support may be possible.",
        "points_title": "Where to find us",
        "points_slug": "where-to-find-us",
        "points_intro": "The Migrant Orientation Points welcome you for information sessions "
        "and training.",
        "guide_title": "Reintegration guide: {name}",
        "summary": "What to know to prepare your return to {to_name} and your reintegration. "
        "Sample content to be checked.",
        "sample": "<p><b>Sample content.</b> This guide shows the structure of the country "
        "guides. Its text must be checked by the programme team before any use.</p>",
        "key_facts": "Key facts",
        "capital": "Capital",
        "languages": "Languages",
        "currency": "Currency",
        "dialling": "Dialling code",
        "before": "Before you leave",
        "before_items": [
            "Passport or travel document",
            "Copies of diplomas, certificates and work references",
            "Medical file (if you agree to share it)",
            "Foras training attestation",
        ],
        "arrival": "On arrival",
        "arrival_body": "<p>(Sample) At the airport, a team from IOM or the authorities may "
        "welcome you, guide you and arrange the journey to your town.</p>",
        "assistance": "Reintegration assistance (possible, not guaranteed)",
        "assistance_intro": "Depending on your situation, support can take several forms. None "
        "is automatic.",
        "services": [
            ("economic", "Support to start an activity", "Usually in kind: equipment, stock."),
            ("economic", "Vocational training or job placement", ""),
            ("social", "Housing, school fees, medical costs, civil documents", ""),
            (
                "psychosocial",
                "Listening and support",
                "Counselling, peer groups, referral to specialists.",
            ),
        ],
        "health": "Health",
        "health_body": "<p>(Sample) How the health system works, what care costs and where to "
        "find medicines.</p>",
        "housing": "Housing",
        "housing_body": "<p>(Sample) How to find housing and what it costs.</p>",
        "education": "Education",
        "education_body": "<p>(Sample) The school system and recognition of diplomas obtained "
        "abroad.</p>",
        "employment": "Employment and training",
        "employment_body": "<p>(Sample) The public employment agency, vocational training "
        "centres.</p>",
        "business": "Starting an activity",
        "business_body": "<p>(Sample) Registering a business, sectors with potential "
        "(agriculture and livestock, crafts, trade, services), microfinance and savings "
        "groups.</p>",
        "contact_name": "IOM office (sample)",
        "contact_role": "Contact details to be checked with the programme before publication",
        "video": "Programme videos",
        "video_description": "Testimonials and information videos from the Foras project.",
        "faq": "Frequently asked questions",
        "faq_items": [
            (
                "Is reintegration assistance guaranteed?",
                "<p>No. It depends on your situation and on the programmes available.</p>",
            ),
            (
                "Can I take a training before I leave?",
                "<p>Yes, at the Migrant Orientation Points in Rabat, Casablanca and Oujda.</p>",
            ),
        ],
        "disclaimer": "<p>This information is for guidance only and gives no entitlement.</p>",
    },
}

KEY_FIGURES = {
    "fr": [
        (
            "1 500",
            "migrants aidés en moyenne chaque année par l'aide au retour volontaire au Maroc",
            "",
            "Dépliant FORAS II",
        ),
        ("11 300+", "migrants aidés depuis 2005", "", "Dépliant FORAS II"),
        (
            "502",
            "migrants (366 hommes, 136 femmes) ont suivi des séances d'orientation à Rabat, "
            "Casablanca et Oujda",
            "2022",
            "Rapport annuel AVRR 2022",
        ),
        (
            "217",
            "migrants (171 hommes, 46 femmes) ont suivi au moins une formation",
            "2022",
            "Rapport annuel AVRR 2022",
        ),
    ],
    "en": [
        (
            "1,500",
            "migrants assisted on average each year by assisted voluntary return in Morocco",
            "",
            "FORAS II leaflet",
        ),
        ("11,300+", "migrants assisted since 2005", "", "FORAS II leaflet"),
        (
            "502",
            "migrants (366 men, 136 women) attended orientation sessions in Rabat, "
            "Casablanca and Oujda",
            "2022",
            "AVRR annual report 2022",
        ),
        (
            "217",
            "migrants (171 men, 46 women) took at least one training",
            "2022",
            "AVRR annual report 2022",
        ),
    ],
}

# "Return to ..." needs the right preposition and article in French.
TO_NAME = {
    "fr": {
        "bf": "au Burkina Faso",
        "cm": "au Cameroun",
        "ci": "en Côte d'Ivoire",
        "gn": "en Guinée",
        "cd": "en République démocratique du Congo",
        "ml": "au Mali",
        "sn": "au Sénégal",
        "tg": "au Togo",
    },
    "en": {
        "bf": "Burkina Faso",
        "cm": "Cameroon",
        "ci": "Côte d'Ivoire",
        "gn": "Guinea",
        "cd": "the Democratic Republic of the Congo",
        "ml": "Mali",
        "sn": "Senegal",
        "tg": "Togo",
    },
}

ORIENTATION_POINTS = [
    ("Rabat", "Point d'Orientation de Migrants — Rabat"),
    ("Casablanca", "Point d'Orientation de Migrants — Casablanca"),
    ("Oujda", "Point d'Orientation de Migrants — Oujda"),
]


def guide_body(language: str, iso2: str) -> list:
    t = TEXT[language]
    name_fr, name_en, capital, currency, dialling, languages_fr, languages_en = COUNTRIES[iso2]
    src = {"last_verified": VERIFIED, "source": SAMPLE_SOURCE[language]}
    return [
        ("disclaimer", {"text": t["sample"]}),
        (
            "key_facts",
            {
                "heading": t["key_facts"],
                "facts": [
                    {"label": t["capital"], "value": capital},
                    {
                        "label": t["languages"],
                        "value": languages_fr if language == "fr" else languages_en,
                    },
                    {"label": t["currency"], "value": currency},
                    {"label": t["dialling"], "value": dialling},
                ],
                "last_verified": VERIFIED,
                "source": "",
            },
        ),
        ("checklist", {"heading": t["before"], "items": t["before_items"], **src}),
        ("section", {"heading": t["arrival"], "body": t["arrival_body"], **src}),
        (
            "services",
            {
                "heading": t["assistance"],
                "intro": t["assistance_intro"],
                "services": [
                    {"kind": kind, "title": title, "description": description}
                    for kind, title, description in t["services"]
                ],
                **src,
            },
        ),
        ("section", {"heading": t["health"], "body": t["health_body"], **src}),
        ("section", {"heading": t["housing"], "body": t["housing_body"], **src}),
        ("section", {"heading": t["education"], "body": t["education_body"], **src}),
        ("section", {"heading": t["employment"], "body": t["employment_body"], **src}),
        ("section", {"heading": t["business"], "body": t["business_body"], **src}),
        (
            "contact_card",
            {"name": t["contact_name"], "role": t["contact_role"], "address": capital, **src},
        ),
        (
            "video",
            {
                "title": t["video"],
                "url": "https://www.foras.ma/",
                "description": t["video_description"],
                "duration": "",
            },
        ),
        (
            "faq",
            {
                "heading": t["faq"],
                "items": [{"question": q, "answer": a} for q, a in t["faq_items"]],
                **src,
            },
        ),
        ("disclaimer", {"text": t["disclaimer"]}),
    ]


def _child(parent: Page, model, slug: str, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    publish(page)
    return page


def _only_child(parent: Page, model, slug: str, **fields) -> Page:
    """The parent's one page of this type, whatever an editor renamed it to; created if missing."""
    return model.objects.child_of(parent).first() or _child(parent, model, slug, **fields)


def _home(language: str) -> dict:
    t = TEXT[language]
    return {
        "title": t["home_title"],
        "intro": t["home_intro"],
        "key_figures": [
            ("figure", {"figure": f, "label": label, "year": year, "source": source})
            for f, label, year, source in KEY_FIGURES[language]
        ],
    }


@transaction.atomic
def seed_content() -> None:
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]

    for city, name in ORIENTATION_POINTS:
        OrientationPoint.objects.get_or_create(
            city=city,
            defaults={
                "name": name,
                "address": "Adresse à confirmer (exemple)",
                "opening_hours": "Du lundi au vendredi (horaires à confirmer)",
                "is_sample": True,
            },
        )

    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        home = HomePage(slug="accueil", locale=french, **_home("fr"))
        root.add_child(instance=home)
        publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Foras"
        )
    elif site.root_page_id != home.id:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Foras"
        site.save()
        # Wagtail's placeholder "Welcome" page is of no use once the site has a home.
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    translation_of(home, english, **_home("en"))

    fr, en = TEXT["fr"], TEXT["en"]
    guides = _only_child(
        home,
        GuideIndexPage,
        fr["guides_slug"],
        title=fr["guides_title"],
        intro=fr["guides_intro"],
        show_in_menus=True,
    )
    translation_of(
        guides, english, title=en["guides_title"], intro=en["guides_intro"], slug=en["guides_slug"]
    )
    points = _only_child(
        home,
        OrientationPointsPage,
        fr["points_slug"],
        title=fr["points_title"],
        intro=fr["points_intro"],
        show_in_menus=True,
    )
    translation_of(
        points, english, title=en["points_title"], intro=en["points_intro"], slug=en["points_slug"]
    )

    for iso2, (name_fr, name_en, *_rest) in COUNTRIES.items():
        guide = CountryGuidePage.objects.filter(country=iso2, locale=french).first()
        if guide is None:
            guide = _child(
                guides,
                CountryGuidePage,
                slugify(name_fr),
                title=fr["guide_title"].format(name=name_fr),
                country=iso2,
                summary=fr["summary"].format(to_name=TO_NAME["fr"][iso2]),
                last_verified=VERIFIED,
                body=guide_body("fr", iso2),
            )
        translation_of(
            guide,
            english,
            title=en["guide_title"].format(name=name_en),
            slug=slugify(name_en),
            summary=en["summary"].format(to_name=TO_NAME["en"][iso2]),
            body=guide_body("en", iso2),
        )
