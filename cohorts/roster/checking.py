"""Checking a roster table: header, every row through the trainee form, formulas,
duplicates. Pure: no database."""

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cohorts.forms import TraineeForm
from cohorts.roster.columns import (
    COLUMN_BY_KEY,
    COLUMN_OF_FORM_FIELD,
    COLUMNS,
    FORMULA_STARTS,
    LANGUAGES,
    NATIONALITIES,
    PHONE,
    PHONE_WITH_PLUS,
    SEXES,
    YES_NO,
    Column,
    RosterCheck,
    RosterError,
    RosterFileError,
    Table,
    TraineeRow,
    fold,
    header_key,
)
from cohorts.roster.reading import read_table

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
