"""The CV exercise (shared/curriculum.md §6): a one-page, skills-first CV for people who read
little, with careers made of informal work and work abroad.

The data kept (other code seeds and benchmarks with exactly this shape)::

    {"name", "phone", "town", "birth_year" ("" or four digits), "objective",
     "skills": {"technical": [ids], "personal": [ids]},
     "experience": [{"what", "where", "how_long" (an id of DURATIONS or "")}],
     "languages": [{"language", "speak", "understand", "read", "write" (0..3)}],
     "trainings": [{"title", "where", "year"}],
     "education": an id of EDUCATION or "", "driving_licence": [ids of LICENCES],
     "referees": [{"name", "contact"}]}

Deliberately absent: nationality, migration or legal status, religion, health. A CV goes to
employers back home, and the platform keeps no case-file data (DESIGN.md "Least data").
Anything else a tablet sends is dropped, not kept. Rows left empty on the page are kept (the
page shows them again) and skipped when the CV is shown (``view``).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.functional import Promise

# Lazy throughout: the lists are read at import, the messages in the language of the request.
from django.utils.translation import gettext_lazy as _

from courses.exercises.base import Exercise, ExerciseError, Section, clean_text


@dataclass(frozen=True)
class Choice:
    """One entry of an illustrated list: what is kept (``id``), what is shown."""

    id: str
    label: str | Promise
    icon: str = ""


# K-par-Cas-style skill cards: names for what people can do without a diploma to show for it.
TECHNICAL_SKILLS = (
    Choice("masonry", _("Maçonnerie"), "🧱"),
    Choice("tiling", _("Carrelage"), "🔲"),
    Choice("painting", _("Peinture en bâtiment"), "🖌️"),
    Choice("carpentry", _("Menuiserie"), "🪚"),
    Choice("welding", _("Soudure"), "🔥"),
    Choice("electricity", _("Électricité"), "💡"),
    Choice("plumbing", _("Plomberie"), "🚰"),
    Choice("mechanics", _("Mécanique"), "🔧"),
    Choice("driving", _("Conduite"), "🚗"),
    Choice("farming", _("Agriculture"), "🌾"),
    Choice("livestock", _("Élevage"), "🐄"),
    Choice("fishing", _("Pêche"), "🎣"),
    Choice("cooking", _("Cuisine"), "🍳"),
    Choice("baking", _("Boulangerie, pâtisserie"), "🥖"),
    Choice("tailoring", _("Couture"), "🧵"),
    Choice("hairdressing", _("Coiffure"), "💇"),
    Choice("cleaning", _("Nettoyage"), "🧹"),
    Choice("child_care", _("Garde d'enfants"), "👶"),
    Choice("sales", _("Vente, commerce"), "🛒"),
    Choice("phone_repair", _("Réparation de téléphones"), "📱"),
    Choice("it_basics", _("Informatique de base"), "💻"),
    Choice("accounts", _("Tenir des comptes"), "🧮"),
)

PERSONAL_SKILLS = (
    Choice("teamwork", _("Travail en équipe"), "🤝"),
    Choice("punctuality", _("Ponctualité"), "⏰"),
    Choice("reliability", _("Fiabilité"), "✅"),
    Choice("learning_fast", _("J'apprends vite"), "📚"),
    Choice("customers", _("Parler avec les clients"), "🗣️"),
    Choice("organisation", _("Organisation"), "📋"),
    Choice("problem_solving", _("Trouver des solutions"), "🧩"),
    Choice("adaptability", _("Je m'adapte"), "🔄"),
    Choice("hard_work", _("Courage au travail"), "💪"),
    Choice("leading", _("Diriger une équipe"), "🧭"),
)

#: Roughly how long: no exact dates, so informal work and work abroad count as well.
DURATIONS = (
    Choice("lt6m", _("Moins de 6 mois")),
    Choice("6-12m", _("6 mois à 1 an")),
    Choice("1-2y", _("1 à 2 ans")),
    Choice("2-5y", _("2 à 5 ans")),
    Choice("5y+", _("Plus de 5 ans")),
)

LANGUAGE_SKILLS = (
    Choice("speak", _("Parler"), "🗣️"),
    Choice("understand", _("Comprendre"), "👂"),
    Choice("read", _("Lire"), "📖"),
    Choice("write", _("Écrire"), "✍️"),
)

#: A language level, 0 to 3: its word, and dots for those who read the dots more easily.
LEVELS = (
    Choice("0", _("Pas du tout"), "○○○"),
    Choice("1", _("Un peu"), "●○○"),
    Choice("2", _("Assez bien"), "●●○"),
    Choice("3", _("Bien"), "●●●"),
)

EDUCATION = (
    Choice("none", _("Pas d'école"), "🏠"),
    Choice("primary", _("École primaire"), "✏️"),
    Choice("secondary", _("Collège ou lycée"), "📘"),
    Choice("vocational", _("Formation professionnelle"), "🛠️"),
    Choice("university", _("Université"), "🎓"),
)

LICENCES = (
    Choice("A", _("A — moto"), "🏍️"),
    Choice("B", _("B — voiture"), "🚗"),
    Choice("C", _("C — camion"), "🚚"),
    Choice("D", _("D — bus"), "🚌"),
    Choice("E", _("E — remorque"), "🚛"),
)

SECTIONS = (
    Section(
        "identity",
        _("Qui je suis"),
        _(
            "Votre nom, un numéro de téléphone ou WhatsApp (vous le changerez après le retour) "
            "et la ville où vous allez vivre."
        ),
        "👤",
    ),
    Section(
        "objective",
        _("Ce que je cherche"),
        _("En une ou deux phrases : je cherche quel travail, ou quel projet ?"),
        "🎯",
    ),
    Section(
        "skills",
        _("Ce que je sais faire"),
        _("Touchez les images de ce que vous savez faire. Vous pouvez en choisir plusieurs."),
        "🧰",
    ),
    Section(
        "experience",
        _("Mon expérience"),
        _(
            "Ce que vous avez fait, où, et à peu près combien de temps. Le travail sans contrat "
            "et le travail à l'étranger comptent aussi."
        ),
        "💼",
    ),
    Section(
        "languages",
        _("Mes langues"),
        _("Pour chaque langue : parler, comprendre, lire, écrire. Choisissez votre niveau."),
        "💬",
    ),
    Section(
        "trainings",
        _("Mes formations et attestations"),
        _("Les formations que vous avez suivies, ici ou ailleurs, et les attestations reçues."),
        "📜",
    ),
    Section(
        "education",
        _("École et permis de conduire"),
        _("Jusqu'où êtes-vous allé à l'école ? Avez-vous un permis de conduire ?"),
        "🎓",
    ),
    Section(
        "referees",
        _("Personnes qui me recommandent"),
        _(
            "Une ou deux personnes qui peuvent dire que vous travaillez bien, et comment les "
            "joindre."
        ),
        "🙋",
    ),
    Section(
        "photo",
        _("Ma photo"),
        _("Une photo n'est pas obligatoire. Vous pouvez en ajouter une si vous le voulez."),
        "📷",
    ),
)

MAX_NAME = 120
MAX_FIELD = 500
MAX_OBJECTIVE = 1000
MAX_ROWS = 20
YEAR = re.compile(r"[0-9]{4}")
EARLIEST_YEAR = 1930

# Each list of rows: its fields and their longest text (levels are checked apart).
ROWS = {
    "experience": {"what": MAX_FIELD, "where": MAX_FIELD},
    "trainings": {"title": MAX_FIELD, "where": MAX_FIELD},
    "referees": {"name": MAX_NAME, "contact": MAX_FIELD},
    "languages": {"language": MAX_NAME},
}


def _ids(choices) -> frozenset[str]:
    return frozenset(choice.id for choice in choices)


def empty() -> dict:
    return {
        "name": "",
        "phone": "",
        "town": "",
        "birth_year": "",
        "objective": "",
        "skills": {"technical": [], "personal": []},
        "experience": [],
        "languages": [],
        "trainings": [],
        "education": "",
        "driving_licence": [],
        "referees": [],
    }


def _clean_year(value: object, path: str, errors: dict) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = clean_text(value, path, errors, max_length=4)
    if path in errors or not text:
        return ""
    if not YEAR.fullmatch(text) or not EARLIEST_YEAR <= int(text) <= datetime.date.today().year:
        errors[path] = _("Écrivez une année avec 4 chiffres, par exemple 2019.")
        return ""
    return text


def _clean_choice(value: object, path: str, errors: dict, allowed: frozenset[str]) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or value not in allowed:
        errors[path] = _("Ce choix n'existe pas.")
        return ""
    return value


def _clean_choices(value: object, path: str, errors: dict, allowed: frozenset[str]) -> list:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        errors[path] = _("Cette liste est illisible.")
        return []
    kept = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or item not in allowed:
            errors[f"{path}.{index}"] = _("Ce choix n'existe pas.")
        elif item not in kept:
            kept.append(item)
    return kept


def _clean_level(value: object, path: str, errors: dict) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, str) and value in _ids(LEVELS):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3:
        return value
    errors[path] = _("Choisissez un niveau de 0 à 3.")
    return 0


def _clean_row(kind: str, row: object, path: str, errors: dict) -> dict:
    if not isinstance(row, dict):
        errors[path] = _("Cette ligne est illisible.")
        return {}
    kept = {
        field: clean_text(row.get(field), f"{path}.{field}", errors, max_length)
        for field, max_length in ROWS[kind].items()
    }
    if kind == "experience":
        kept["how_long"] = _clean_choice(
            row.get("how_long"), f"{path}.how_long", errors, _ids(DURATIONS)
        )
    elif kind == "trainings":
        kept["year"] = _clean_year(row.get("year"), f"{path}.year", errors)
    elif kind == "languages":
        for skill in LANGUAGE_SKILLS:
            kept[skill.id] = _clean_level(row.get(skill.id), f"{path}.{skill.id}", errors)
    return kept


def _clean_rows(kind: str, value: object, errors: dict) -> list[dict]:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        errors[kind] = _("Cette liste est illisible.")
        return []
    if len(value) > MAX_ROWS:
        errors[kind] = _("Pas plus de %(max)s lignes ici.") % {"max": MAX_ROWS}
        return []
    return [_clean_row(kind, row, f"{kind}.{index}", errors) for index, row in enumerate(value)]


def clean(data: object) -> dict:
    """What a tablet sent, as the CV kept; ExerciseError with a message per path otherwise.
    Missing parts are empty (a page saves what it has); unknown parts are dropped."""
    if not isinstance(data, dict):
        raise ExerciseError({"": _("Le CV envoyé est illisible.")})
    errors: dict[str, str] = {}
    skills = data.get("skills") or {}
    if not isinstance(skills, dict):
        errors["skills"] = _("Cette liste est illisible.")
        skills = {}
    cleaned = {
        "name": clean_text(data.get("name"), "name", errors, MAX_NAME),
        "phone": clean_text(data.get("phone"), "phone", errors, MAX_NAME),
        "town": clean_text(data.get("town"), "town", errors, MAX_NAME),
        "birth_year": _clean_year(data.get("birth_year"), "birth_year", errors),
        "objective": clean_text(data.get("objective"), "objective", errors, MAX_OBJECTIVE),
        "skills": {
            "technical": _clean_choices(
                skills.get("technical"), "skills.technical", errors, _ids(TECHNICAL_SKILLS)
            ),
            "personal": _clean_choices(
                skills.get("personal"), "skills.personal", errors, _ids(PERSONAL_SKILLS)
            ),
        },
        "experience": _clean_rows("experience", data.get("experience"), errors),
        "languages": _clean_rows("languages", data.get("languages"), errors),
        "trainings": _clean_rows("trainings", data.get("trainings"), errors),
        "education": _clean_choice(data.get("education"), "education", errors, _ids(EDUCATION)),
        "driving_licence": _clean_choices(
            data.get("driving_licence"), "driving_licence", errors, _ids(LICENCES)
        ),
        "referees": _clean_rows("referees", data.get("referees"), errors),
    }
    if errors:
        raise ExerciseError(errors)
    return cleaned


CV = Exercise(
    kind="cv",
    title=_("Mon CV"),
    sections=SECTIONS,
    clean=clean,
    empty=empty,
    template="learning/exercises/cv.html",
    preview_template="learning/exercises/cv_preview.html",
    pdf_template="learning/exercises/cv_pdf.html",
)
