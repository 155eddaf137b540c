"""The downloadable roster templates (CSV and XLSX)."""

import codecs
import csv
import io

from cohorts.roster.columns import COLUMNS, EXAMPLE_SHEET_TITLE, MAX_ROWS

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
    import openpyxl  # only when the template is downloaded, never at start-up
    from openpyxl.styles import Font

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
