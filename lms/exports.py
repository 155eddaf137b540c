"""Spreadsheet exports that French spreadsheets open as they are.

Wagtail's generic views export XLSX (typed cells: numbers and dates, nothing to convert) and
CSV. Its CSV is comma-separated without a byte-order mark, which a French Excel opens as one
column of garbled accents: ours is ";"-separated, UTF-8 with a BOM, with decimal commas in
French (the roster import and the results exports write the same).
"""

import codecs
import csv

from django.utils.formats import number_format
from wagtail.admin.views.mixins import Echo


def decimal(value) -> str:
    """A number as the reader writes it: 26,7 in French, 26.7 in English."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = round(value, 3)
        return str(int(value)) if value.is_integer() else number_format(value, use_l10n=True)
    return str(value)


class SemicolonCsvMixin:
    """For a view with Wagtail's SpreadsheetExportMixin: the CSV export French Excel reads."""

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        headings = {field: self.get_heading(queryset, field) for field in self.list_export}
        yield codecs.BOM_UTF8 + writer.writerow(headings)
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV and isinstance(value, float):
            return decimal(value)
        return super().preprocess_field_value(field, value, export_format)
