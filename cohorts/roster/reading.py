"""Reading an uploaded roster file (CSV or XLSX) into a table of text cells, or a clear
error: wrong encoding, not a table, corrupt, too big."""

import codecs
import csv
import io
import re
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

from cohorts.roster.columns import (
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_XLSX_UNPACKED_BYTES,
    RosterFileError,
    Table,
)


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
        import openpyxl  # ~200 ms and ~15 MiB: only when a workbook is read, never at start-up

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
