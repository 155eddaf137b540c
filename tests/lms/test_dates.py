"""Dates as French readers write them ("1er novembre", "3 – 14 nov. 2026"), English for English."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from lms.templatetags.lms_tags import date_range, long_date, short_date

NBSP = "\u00a0"
D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "french", "english"),
    [
        (D(2026, 11, 3), D(2026, 11, 14), "3 – 14 nov. 2026", "3–14 Nov. 2026"),
        (D(2026, 11, 30), D(2026, 12, 13), "30 nov. – 13 déc. 2026", "30 Nov. – 13 Dec. 2026"),
        (
            D(2026, 12, 28),
            D(2027, 1, 8),
            "28 déc. 2026 – 8 janv. 2027",
            "28 Dec. 2026 – 8 Jan. 2027",
        ),
        (D(2026, 11, 1), D(2026, 11, 14), "1er – 14 nov. 2026", "1–14 Nov. 2026"),
        (D(2026, 11, 1), D(2026, 11, 1), "1er nov. 2026", "1 Nov. 2026"),
    ],
)
def test_a_date_range_is_written_as_each_language_writes_it(start, end, french, english):
    with translation.override("fr"):
        assert date_range(start, end).replace(NBSP, " ") == french
    with translation.override("en"):
        assert date_range(start, end).replace(NBSP, " ") == english


def test_the_first_of_the_month_is_1er_in_french_only():
    with translation.override("fr"):
        assert long_date(D(2026, 11, 1)) == f"1er{NBSP}novembre{NBSP}2026"
        assert short_date(D(2026, 11, 2)) == f"2{NBSP}nov.{NBSP}2026"
    with translation.override("en"):
        assert long_date(D(2026, 11, 1)) == f"1{NBSP}November{NBSP}2026"


def test_a_day_never_parts_from_its_month_and_the_dash_keeps_its_left_side():
    with translation.override("fr"):
        text = date_range(D(2026, 11, 30), D(2026, 12, 13))
    assert text == f"30{NBSP}nov.{NBSP}– 13{NBSP}déc.{NBSP}2026"


def test_an_aware_datetime_is_read_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Africa/Casablanca"
    late = datetime.datetime(2026, 10, 31, 23, 30, tzinfo=datetime.UTC)  # 1 Nov. 00:30 local
    with translation.override("fr"):
        assert long_date(late).startswith("1er")


def test_the_tags_work_in_templates_and_an_empty_date_is_blank():
    template = Template("{% load lms_tags %}[{% date_range a b %}][{{ none|long_date }}]")
    with translation.override("fr"):
        text = template.render(Context({"a": D(2026, 11, 3), "b": D(2026, 11, 14), "none": None}))
    assert text.replace(NBSP, " ") == "[3 – 14 nov. 2026][]"
