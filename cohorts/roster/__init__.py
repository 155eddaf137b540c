"""Roster import: a CSV or XLSX list of trainees, every row checked, all created or none.

Reading (``reading.read_table``) and checking (``checking.check_rows``) are pure: bytes in,
rows and errors out, no database. ``importing.import_roster`` adds what needs the database —
who is already enrolled, the places left — and creates every trainee in one transaction, or
nothing at all.

Row numbers are the ones the user sees in their spreadsheet: the header is row 1.
"""

from cohorts.roster.checking import check_file, check_rows, is_formula
from cohorts.roster.columns import (
    COLUMNS,
    EXAMPLE_SHEET_TITLE,
    MAX_BYTES,
    MAX_ROWS,
    NATIONALITIES,
    RosterCheck,
    RosterError,
    RosterFileError,
    trainee_key,
)
from cohorts.roster.importing import import_roster
from cohorts.roster.reading import read_table, too_big_error
from cohorts.roster.templates import template_csv, template_xlsx

__all__ = [
    "COLUMNS",
    "EXAMPLE_SHEET_TITLE",
    "NATIONALITIES",
    "trainee_key",
    "MAX_BYTES",
    "MAX_ROWS",
    "RosterCheck",
    "RosterError",
    "RosterFileError",
    "check_file",
    "check_rows",
    "import_roster",
    "is_formula",
    "read_table",
    "template_csv",
    "template_xlsx",
    "too_big_error",
]
