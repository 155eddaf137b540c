"""The roster's columns, accepted spellings, limits and result types."""

import re
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from cohorts.rules import fold, trainee_key

MAX_BYTES = 1024 * 1024
MAX_ROWS = 500
# Cells read per row: a real roster has nine columns; this only bounds a hostile file.
MAX_COLUMNS = 64
# An XLSX is a zip: refuse one that unpacks to far more than a 500-row roster ever needs.
MAX_XLSX_UNPACKED_BYTES = 20 * 1024 * 1024
# The template's example lives on this sheet; only the first sheet is ever read.
EXAMPLE_SHEET_TITLE = "Exemple"


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...]
    required: bool
    help_text: Promise


COLUMNS = (
    Column(
        "nom",
        ("name", "nom_complet", "full_name", "display_name", "nom_affiche"),
        True,
        gettext_lazy("Nom affiché de l'apprenant."),
    ),
    Column(
        "sexe",
        ("sex", "genre", "gender"),
        True,
        gettext_lazy("F ou M (femme, homme, H, female, male acceptés)."),
    ),
    Column(
        "annee_naissance",
        ("annee_de_naissance", "birth_year", "year_of_birth"),
        True,
        gettext_lazy("Année de naissance, de 1930 à 2020."),
    ),
    Column(
        "nationalite",
        ("nationality", "pays", "country"),
        True,
        gettext_lazy(
            "Code du pays (bf, cm, ci, gn, cd, ml, sn, tg) ou son nom en français ou en "
            "anglais ; « autre » pour un autre pays."
        ),
    ),
    Column(
        "langue",
        ("language", "langue_preferee", "preferred_language"),
        False,
        gettext_lazy("fr ou en ; fr si la cellule est vide."),
    ),
    Column(
        "telephone",
        ("phone", "tel", "numero_de_telephone", "phone_number"),
        False,
        gettext_lazy("Facultatif. Des chiffres et des espaces, un + au début."),
    ),
    Column(
        "consentement_donnees",
        ("consentement_traitement", "data_consent", "consent_data", "consent_data_processing"),
        True,
        gettext_lazy(
            "oui ou non. « oui » est obligatoire : sans ce consentement, "
            "l'apprenant ne peut pas être inscrit."
        ),
    ),
    Column(
        "consentement_partage",
        ("share_consent", "consent_share", "consent_share_with_origin"),
        True,
        gettext_lazy(
            "oui ou non : partage du dossier de formation avec l'équipe de réintégration "
            "du pays d'origine. Vide = non."
        ),
    ),
    Column(
        "consentement_photos",
        ("photo_consent", "photos_consent", "consent_photos"),
        True,
        gettext_lazy("oui ou non. Vide = non."),
    ),
)

# The field of TraineeRowForm each column fills.
FORM_FIELDS = {
    "nom": "display_name",
    "sexe": "sex",
    "annee_naissance": "birth_year",
    "nationalite": "nationality",
    "langue": "preferred_language",
    "telephone": "phone",
    "consentement_donnees": "consent_data_processing",
    "consentement_partage": "consent_share_with_origin",
    "consentement_photos": "consent_photos",
}
COLUMN_OF_FORM_FIELD = {form_field: column for column, form_field in FORM_FIELDS.items()}


def _spellings(values: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map every accepted spelling, folded, to the value it stands for."""
    return {fold(spelling): value for value, names in values.items() for spelling in names}


SEXES = _spellings(
    {"F": ("f", "femme", "female", "woman"), "M": ("m", "h", "homme", "male", "man")}
)
LANGUAGES = _spellings({"fr": ("fr", "français", "french"), "en": ("en", "anglais", "english")})
YES_NO = _spellings(
    {
        "oui": ("oui", "o", "yes", "y", "vrai", "true", "1"),
        "non": ("non", "n", "no", "faux", "false", "0"),
    }
)
# The programme's countries (content.countries.Country), by code and by name in both languages.
NATIONALITIES = _spellings(
    {
        "bf": ("bf", "Burkina Faso", "Burkina"),
        "cm": ("cm", "Cameroun", "Cameroon"),
        "ci": ("ci", "Côte d'Ivoire", "Cote dIvoire", "Ivory Coast"),
        "gn": ("gn", "Guinée", "Guinea", "Guinée-Conakry"),
        "cd": (
            "cd",
            "RDC",
            "RD Congo",
            "République démocratique du Congo",
            "DRC",
            "DR Congo",
            "Democratic Republic of the Congo",
            "Congo-Kinshasa",
        ),
        "ml": ("ml", "Mali"),
        "sn": ("sn", "Sénégal", "Senegal"),
        "tg": ("tg", "Togo"),
        "other": ("autre", "other"),
    }
)

FORMULA_STARTS = ("=", "+", "-", "@")
PHONE_WITH_PLUS = re.compile(r"\+[0-9 ]+")
PHONE = re.compile(r"\+?[0-9][0-9 .()-]*")


class RosterFileError(Exception):
    """The file cannot be read as a roster at all; the message says why, for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RosterError:
    """One problem; ``row`` and ``column`` are empty when it concerns the whole file."""

    message: str
    row: int | None = None
    column: str = ""


@dataclass(frozen=True)
class TraineeRow:
    """A checked row, ready for ``services.create_trainee``."""

    row: int
    display_name: str
    sex: str
    birth_year: int
    nationality: str
    preferred_language: str
    phone: str
    consents: dict[str, bool]

    @property
    def key(self) -> tuple[str, int]:
        return trainee_key(self.display_name, self.birth_year)


@dataclass
class RosterCheck:
    trainees: list[TraineeRow] = field(default_factory=list)
    errors: list[RosterError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.trainees)

    @property
    def file_errors(self) -> list[RosterError]:
        return [error for error in self.errors if error.row is None]

    @property
    def row_errors(self) -> list[RosterError]:
        return [error for error in self.errors if error.row is not None]


# A table is the file's non-blank rows, each with its spreadsheet row number.
Table = list[tuple[int, list[str]]]


def header_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")


COLUMN_BY_KEY = {key: column for column in COLUMNS for key in (column.name, *column.aliases)}
