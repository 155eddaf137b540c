"""Roster import: a CSV or XLSX list of trainees, every row checked, all created or none.

Reading (``read_table``) and checking (``check_rows``) are pure: bytes in, rows and errors
out, no database. ``import_roster`` adds what needs the database — who is already enrolled,
the places left — and creates every trainee in one transaction, or nothing at all.

Row numbers are the ones the user sees in their spreadsheet: the header is row 1.
"""

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

import openpyxl
from django import forms
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from openpyxl.styles import Font

from cohorts import services
from cohorts.forms import TraineeForm
from cohorts.models import Cohort, TraineeProfile

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


def fold(text: str) -> str:
    """Lower case, no accents, one space between words: how names and values are compared."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    return " ".join(text.split())


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


def trainee_key(display_name: str, birth_year: int) -> tuple[str, int]:
    """Two rows with the same key are the same person (same name, same birth year)."""
    return fold(display_name), int(birth_year)


COLUMN_BY_KEY = {key: column for column in COLUMNS for key in (column.name, *column.aliases)}


# Reading ------------------------------------------------------------------------------------


def _encoding_error() -> RosterFileError:
    return RosterFileError(
        _(
            "Le fichier n'est ni en UTF-8 ni en Windows-1252 : impossible de lire ses "
            "caractères. Enregistrez-le au format « CSV UTF-8 » ou en XLSX."
        )
    )


def _not_a_table_error() -> RosterFileError:
    return RosterFileError(
        _("Ce fichier n'est pas un tableau CSV ou XLSX. Utilisez le modèle à télécharger.")
    )


def _corrupt_xlsx_error() -> RosterFileError:
    return RosterFileError(
        _(
            "Ce classeur XLSX est illisible ou endommagé. Ouvrez-le dans votre tableur "
            "et enregistrez-le à nouveau, ou utilisez le format CSV."
        )
    )


def too_big_error() -> RosterFileError:
    return RosterFileError(
        _("Le fichier est trop gros (%(max)d Mo au plus).") % {"max": MAX_BYTES // 2**20}
    )


def _too_many_rows_error() -> RosterFileError:
    return RosterFileError(
        _("Le fichier dépasse %(max)d apprenants : découpez-le en plusieurs fichiers.")
        % {"max": MAX_ROWS}
    )


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte is zero and the text reads."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4 or max(sample[0::2].count(0), sample[1::2].count(0)) < len(sample) / 4:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        latin = sum(1 for char in text if ord(char) < 0x250)
        if latin > 0.9 * len(text):
            return True
    return False


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_like_utf16(data):
        raise _encoding_error()
    if b"\x00" in data:
        raise _not_a_table_error()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _encoding_error() from None
    # Text files hold no control characters but tabs and line ends: anything else is binary.
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
        raise _not_a_table_error()
    return text


def _delimiter(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _collect(rows) -> Table:
    """Keep non-blank rows, numbered; stop as soon as there are too many."""
    table: Table = []
    for number, cells in rows:
        if any(cell.strip() for cell in cells):
            table.append((number, cells))
            if len(table) > MAX_ROWS + 1:  # the header plus MAX_ROWS trainees
                raise _too_many_rows_error()
    return table


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return _collect((number, row[:MAX_COLUMNS]) for number, row in enumerate(reader, start=1))
    except csv.Error:
        raise RosterFileError(
            _("Le fichier CSV est mal formé près de la ligne %(row)d.") % {"row": reader.line_num}
        ) from None


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if getattr(cell, "data_type", None) == "f" and not isinstance(value, str):
        # Array and data-table formulas come as objects: still formulas.
        return "=" + str(getattr(value, "text", "") or "")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _corrupt_xlsx_error() from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise RosterFileError(
            _("Le classeur est trop volumineux une fois décompressé pour être importé.")
        )
    if "xl/workbook.xml" not in names:
        raise _not_a_table_error()
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of errors on a damaged file.
        raise _corrupt_xlsx_error() from None
    try:
        if not workbook.worksheets:
            raise _corrupt_xlsx_error()
        rows = workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS)
        return _collect(
            (number, [_cell_text(cell) for cell in row]) for number, row in enumerate(rows, 1)
        )
    except RosterFileError:
        raise
    except Exception:
        raise _corrupt_xlsx_error() from None
    finally:
        workbook.close()


def read_table(filename: str, data: bytes) -> Table:
    """The non-blank rows of a CSV or XLSX file; raise ``RosterFileError`` if unreadable."""
    if len(data) > MAX_BYTES:
        raise too_big_error()
    if not data.strip():
        raise RosterFileError(_("Le fichier est vide."))
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        table = _read_xlsx(data)  # whatever its name says, a zip can only be a workbook
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterFileError(
            _(
                "L'ancien format Excel (.xls) n'est pas pris en charge : "
                "enregistrez le fichier en XLSX ou en CSV."
            )
        )
    elif suffix == ".xlsx":
        raise _corrupt_xlsx_error()
    elif suffix in (".csv", ".txt"):
        table = _read_csv(data)
    else:
        raise RosterFileError(_("Format non pris en charge : envoyez un fichier CSV ou XLSX."))
    if not table:
        raise RosterFileError(_("Le fichier est vide."))
    if len(table) == 1:
        raise RosterFileError(
            _("Le fichier ne contient que la ligne d'en-tête : aucun apprenant à importer.")
        )
    return table


# Checking -----------------------------------------------------------------------------------

YES_NO_CHOICES = [("oui", gettext_lazy("oui")), ("non", gettext_lazy("non"))]


def _is_yes(value: str) -> bool:
    return value == "oui"


class TraineeRowForm(TraineeForm):
    """A row is checked by the form of a trainee added by hand, so the rules and Django's
    translated messages are the same; a file's consents are written oui or non."""

    consent_data_processing = forms.TypedChoiceField(choices=YES_NO_CHOICES, coerce=_is_yes)
    consent_share_with_origin = forms.TypedChoiceField(choices=YES_NO_CHOICES, coerce=_is_yes)
    consent_photos = forms.TypedChoiceField(choices=YES_NO_CHOICES, coerce=_is_yes)

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Saisissez des chiffres et des espaces, avec un + au début si besoin.")
            )
        return phone

    def clean_consent_data_processing(self) -> bool:
        if not self.cleaned_data["consent_data_processing"]:
            raise forms.ValidationError(
                _(
                    "Sans consentement au traitement des données, "
                    "l'apprenant ne peut pas être inscrit."
                )
            )
        return True


def is_formula(value: str, column: str) -> bool:
    """A cell a spreadsheet would run: it starts with = + - @, a tab or a carriage return.

    A phone number in international form (+221 77…) is the one legitimate leading +.
    """
    if value[:1] in ("\t", "\r"):
        return True
    stripped = value.strip()
    if not stripped.startswith(FORMULA_STARTS):
        return False
    return not (column == "telephone" and PHONE_WITH_PLUS.fullmatch(stripped))


def _form_data(values: Mapping[str, str]) -> dict[str, str]:
    """Turn the accepted spellings (femme, Sénégal, Oui…) into the form's values."""

    def value(column: str) -> str:
        return values.get(column, "").strip()

    def mapped(column: str, choices: Mapping[str, str], blank: str = "") -> str:
        raw = value(column)
        return choices.get(fold(raw), raw) if raw else blank

    return {
        "display_name": " ".join(value("nom").split()),
        "sex": mapped("sexe", SEXES),
        "birth_year": value("annee_naissance"),
        "nationality": mapped("nationalite", NATIONALITIES),
        "preferred_language": mapped("langue", LANGUAGES, blank="fr"),
        "phone": value("telephone"),
        "consent_data_processing": mapped("consentement_donnees", YES_NO),
        "consent_share_with_origin": mapped("consentement_partage", YES_NO, blank="non"),
        "consent_photos": mapped("consentement_photos", YES_NO, blank="non"),
    }


def _read_header(cells: list[str]) -> tuple[dict[int, Column], list[RosterError]]:
    columns: dict[int, Column] = {}
    unknown, repeated = [], []
    for index, text in enumerate(cells):
        if not text.strip():
            continue
        column = COLUMN_BY_KEY.get(header_key(text))
        if column is None:
            unknown.append(text.strip())
        elif column in columns.values():
            repeated.append(text.strip())
        else:
            columns[index] = column
    errors = []
    missing = [c.name for c in COLUMNS if c.required and c not in columns.values()]
    if missing:
        errors.append(
            RosterError(_("Colonnes manquantes : %(names)s.") % {"names": ", ".join(missing)})
        )
    if unknown:
        errors.append(
            RosterError(
                _("Colonnes inconnues : %(names)s. Colonnes acceptées : %(accepted)s.")
                % {
                    "names": ", ".join(unknown),
                    "accepted": ", ".join(column.name for column in COLUMNS),
                }
            )
        )
    if repeated:
        errors.append(
            RosterError(_("Colonnes en double : %(names)s.") % {"names": ", ".join(repeated)})
        )
    return columns, errors


def _check_row(
    number: int, cells: list[str], columns: dict[int, Column], labels: dict[str, str]
) -> TraineeRow | list[RosterError]:
    """One data row: the trainee it describes, or everything wrong with it."""
    values = {
        column.name: cells[index] if index < len(cells) else "" for index, column in columns.items()
    }
    errors = [
        RosterError(
            _(
                "Formule interdite : une cellule ne peut pas commencer par =, +, -, @ ni "
                "par une tabulation."
            ),
            number,
            labels[column.name],
        )
        for column in COLUMNS
        if values.get(column.name) and is_formula(values[column.name], column.name)
    ]
    formulas = {error.column for error in errors}
    if any(text.strip() for index, text in enumerate(cells) if index not in columns):
        errors.append(
            RosterError(_("Cette ligne a des valeurs dans une colonne sans en-tête."), number)
        )
    form = TraineeRowForm(data=_form_data(values))
    if not form.is_valid():
        for field_name, messages in form.errors.items():
            label = labels.get(COLUMN_OF_FORM_FIELD.get(field_name, ""), "")
            if label not in formulas:
                errors.extend(RosterError(message, number, label) for message in messages)
    if errors:
        return errors
    data = form.cleaned_data
    return TraineeRow(
        row=number,
        display_name=data["display_name"],
        sex=data["sex"],
        birth_year=data["birth_year"],
        nationality=data["nationality"],
        preferred_language=data["preferred_language"],
        phone=data["phone"],
        consents={str(purpose): granted for purpose, granted in form.consents().items()},
    )


def check_rows(
    table: Table,
    *,
    existing: Mapping[tuple[str, int], str] | None = None,
    places_left: int | None = None,
) -> RosterCheck:
    """Check every row of ``table`` (header first) and report every problem found.

    ``existing`` maps ``trainee_key`` to the name of each trainee already enrolled in the
    cohort; ``places_left`` is the cohort's free places (``None``: no limit).
    """
    existing = existing or {}
    header = table[0][1]
    columns, errors = _read_header(header)
    if errors:
        return RosterCheck(errors=errors)
    labels = {column.name: header[index].strip() for index, column in columns.items()}
    data_rows = table[1:]
    check = RosterCheck()
    if places_left is not None and len(data_rows) > places_left:
        check.errors.append(
            RosterError(
                ngettext(
                    "Le fichier contient %(rows)d apprenants, mais il ne reste que %(places)d "
                    "place dans la cohorte.",
                    "Le fichier contient %(rows)d apprenants, mais il ne reste que %(places)d "
                    "places dans la cohorte.",
                    places_left,
                )
                % {"rows": len(data_rows), "places": places_left}
            )
        )
    first_row_of: dict[tuple[str, int], int] = {}
    for number, cells in data_rows:
        row = _check_row(number, cells, columns, labels)
        if isinstance(row, list):
            check.errors.extend(row)
        elif row.key in first_row_of:
            check.errors.append(
                RosterError(
                    _(
                        "Doublon des lignes %(first)d et %(second)d : même nom et même année "
                        "de naissance."
                    )
                    % {"first": first_row_of[row.key], "second": number},
                    number,
                    labels["nom"],
                )
            )
        elif row.key in existing:
            first_row_of[row.key] = number
            check.errors.append(
                RosterError(
                    _("« %(name)s », né(e) en %(year)d, est déjà inscrit(e) dans cette cohorte.")
                    % {"name": existing[row.key], "year": row.birth_year},
                    number,
                    labels["nom"],
                )
            )
        else:
            first_row_of[row.key] = number
            check.trainees.append(row)
    return check


def check_file(
    filename: str,
    data: bytes,
    *,
    existing: Mapping[tuple[str, int], str] | None = None,
    places_left: int | None = None,
) -> RosterCheck:
    """Read and check a whole file; an unreadable file gives one error for the whole file."""
    try:
        table = read_table(filename, data)
    except RosterFileError as error:
        return RosterCheck(errors=[RosterError(error.message)])
    return check_rows(table, existing=existing, places_left=places_left)


# Template -----------------------------------------------------------------------------------

EXAMPLE_ROW = {
    "nom": "Awa Exemple",
    "sexe": "F",
    "annee_naissance": "1998",
    "nationalite": "sn",
    "langue": "fr",
    "telephone": "+221 77 000 00 00",
    "consentement_donnees": "oui",
    "consentement_partage": "non",
    "consentement_photos": "non",
}


def template_csv() -> bytes:
    """The header row only, UTF-8 with a BOM (so Excel reads the accents), ``;``-separated."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow(
        column.name for column in COLUMNS
    )
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def template_xlsx() -> bytes:
    """A first sheet with the header row to fill in; the example sits on a second sheet,
    which the import never reads."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Apprenants"
    example = workbook.create_sheet(EXAMPLE_SHEET_TITLE)
    for target in (sheet, example):
        target.append([column.name for column in COLUMNS])
        for index, column in enumerate(COLUMNS, start=1):
            cell = target.cell(row=1, column=index)
            cell.font = Font(bold=True)
            target.column_dimensions[cell.column_letter].width = max(len(column.name) + 4, 14)
        target.freeze_panes = "A2"
    # As text, a phone number keeps its leading 0 or +.
    phone = [column.name for column in COLUMNS].index("telephone") + 1
    for row in range(2, MAX_ROWS + 2):
        sheet.cell(row=row, column=phone).number_format = "@"
    example.append([EXAMPLE_ROW[column.name] for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Importing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CreatedTrainee:
    profile: TraineeProfile
    pin: str


@dataclass
class RosterImport:
    check: RosterCheck
    created: list[CreatedTrainee] = field(default_factory=list)


def enrolled_keys(cohort: Cohort) -> dict[tuple[str, int], str]:
    """Everyone ever enrolled in ``cohort`` (withdrawn included: they are the same person)."""
    return {
        trainee_key(name, year): name
        for name, year in cohort.enrolments.values_list(
            "trainee__display_name", "trainee__birth_year"
        )
    }


def import_roster(*, by, cohort: Cohort, filename: str, data: bytes) -> RosterImport:
    """Create and enrol every trainee of the file, or — if any row is wrong — none."""
    try:
        table = read_table(filename, data)
    except RosterFileError as error:
        return RosterImport(RosterCheck(errors=[RosterError(error.message)]))
    with transaction.atomic():
        # Lock the cohort so two imports at once cannot both take the last places.
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        check = check_rows(table, existing=enrolled_keys(cohort), places_left=cohort.places_left)
        if not check.ok:
            return RosterImport(check)
        created = []
        for row in check.trainees:
            profile, pin = services.create_trainee(
                by=by,
                cohort=cohort,
                display_name=row.display_name,
                sex=row.sex,
                birth_year=row.birth_year,
                nationality=row.nationality,
                preferred_language=row.preferred_language,
                phone=row.phone,
                consents=row.consents,
            )
            created.append(CreatedTrainee(profile, pin))
    return RosterImport(check, created)
