"""Dates as French readers write them ("1er novembre", "3 – 14 nov. 2026"), English for English."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from lms.dates import date_range, long_date, short_date, written_date
from tests.content.factories import english_guide, french_guide, publish

NBSP = "\u00a0"
D = datetime.date
ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"


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


# --- Every page that shows a date in words goes through lms.dates ---------------------------

FIRST = D(2026, 11, 1)


@pytest.fixture
def training_from_the_first(trainee, cohort):
    cohort.start_date, cohort.end_date = FIRST, D(2026, 11, 14)
    cohort.save(update_fields=["start_date", "end_date"])
    return trainee


@pytest.mark.parametrize(
    ("language", "dates"),
    [("fr", f"1er{NBSP}– 14{NBSP}nov.{NBSP}2026"), ("en", f"1–14{NBSP}Nov.{NBSP}2026")],
)
def test_the_trainee_home_writes_the_first_of_the_month_as_its_language_does(
    client, training_from_the_first, language, dates
):
    client.force_login(training_from_the_first.user)

    response = client.get("/learn/", headers={"accept-language": language})

    text = response.content.decode()
    assert dates in text
    assert ("1er" in text) == (language == "fr")


@pytest.mark.parametrize(
    ("path", "written"),
    [
        ("/fr/guides/mali/", f"1er{NBSP}novembre{NBSP}2026"),
        ("/fr/guides/mali/print/", f"1er{NBSP}novembre{NBSP}2026"),
        ("/en/guides/mali/", f"1{NBSP}November{NBSP}2026"),
    ],
)
def test_a_guide_says_it_was_last_verified_on_the_1er(db, client, path, written):
    for guide in (french_guide(), english_guide()):
        publish(guide, last_verified=FIRST)

    text = client.get(path).content.decode()

    assert written in text
    assert '<time datetime="2026-11-01">' in text or "/print/" in path


# Django's date filter and date_format are for machine formats only: ISO dates (datetime
# attributes, form fields) and numeric ones (d/m/Y in spreadsheets and narrow listing
# columns). A date in words is lms.dates' ("j F" would write "1 novembre").
MACHINE_FORMATS = {"Y-m-d", "c", "U", "H:i", "SHORT_DATE_FORMAT"}
TEMPLATE_DATE_FILTER = re.compile(r"\|date(?::\s*(['\"])(?P<format>.*?)\1)?")
# date_format(value[, "layout"]), the value possibly a call itself.
PYTHON_DATE_FORMAT = re.compile(r"\bdate_format\((?P<args>(?:[^()]|\([^()]*\))*)\)")


def layout_of(call_arguments: str) -> str | None:
    """The layout given to date_format (None: the default DATE_FORMAT, in words)."""
    literals = re.findall(r"[\"']([^\"']*)[\"']", call_arguments)
    return literals[-1] if literals else None


def test_templates_use_the_date_filter_for_machine_formats_only():
    found = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in {".html", ".txt", ".xml", ".js"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in TEMPLATE_DATE_FILTER.finditer(line):
                if match.group("format") not in MACHINE_FORMATS:
                    found.append(f"{path.relative_to(TEMPLATES)}:{number}: {match.group(0)}")
    assert found == []


def test_python_code_formats_no_date_in_words_itself():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if parts & {".venv", "node_modules", "tests"} or path == ROOT / "lms" / "dates.py":
            continue
        text = path.read_text(encoding="utf-8")
        for match in PYTHON_DATE_FORMAT.finditer(text):
            if layout_of(match.group("args")) not in MACHINE_FORMATS:
                found.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
        if "strftime(" in text and re.search(r"strftime\([\"'][^\"']*%[aAbBc]", text):
            found.append(f"{path.relative_to(ROOT)}: strftime with a day or month name")
    assert found == []


def test_the_checks_above_would_see_a_date_in_words():
    assert TEMPLATE_DATE_FILTER.search('{{ day|date:"j F Y" }}').group("format") == "j F Y"
    assert TEMPLATE_DATE_FILTER.search("{{ day|date }}").group("format") is None
    match = PYTHON_DATE_FORMAT.search('formats.date_format(localtime(day), "j F")')
    assert layout_of(match.group("args")) == "j F"
    assert layout_of(PYTHON_DATE_FORMAT.search("date_format(day.date)").group("args")) is None


@pytest.mark.parametrize(
    ("layout", "french", "english"),
    [
        ("l j F Y", "dimanche 1er novembre 2026", "Sunday 1 November 2026"),
        ("l j F", "dimanche 1er novembre", "Sunday 1 November"),
        ("D j F Y", "dim 1er novembre 2026", "Sun 1 November 2026"),
        ("j F", "1er novembre", "1 November"),
    ],
)
def test_a_date_in_words_takes_a_weekday_and_drops_the_year_on_request(layout, french, english):
    with translation.override("fr"):
        assert written_date(FIRST, layout).replace(NBSP, " ") == french
    with translation.override("en"):
        assert written_date(FIRST, layout).replace(NBSP, " ") == english


def test_a_moment_in_words_is_read_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Africa/Casablanca"
    late = datetime.datetime(2026, 10, 31, 23, 30, tzinfo=datetime.UTC)  # 1 Nov. 00:30 local
    with translation.override("fr"):
        assert written_date(late, "j F, H:i") == f"1er{NBSP}novembre, 00:30"


@pytest.mark.parametrize("layout", ["j F Y H:i", "F j", "d/m/Y", "j", "l F Y", "j F, H"])
def test_a_layout_that_is_not_a_date_in_words_is_refused(layout):
    with pytest.raises(ValueError):
        written_date(FIRST, layout)
