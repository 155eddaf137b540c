"""The chart service: self-contained, scriptless, accessible SVG, for the page and the PDF."""

import base64
from decimal import Decimal
from xml.etree import ElementTree

import pypdfium2
import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template

from lms import charts
from lms.pdf import render_pdf

MONTHS = [f"M{number}" for number in range(1, 13)]
# Francs CFA, month by month: three months below zero, one at exactly zero.
CASH_FLOW = [
    Decimal(amount)
    for amount in (-250000, -120000, 30000, 80000, 150000, -40000)
    + (200000, 250000, 300000, 0, 350000, 400000)
]


def francs(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", "\u202f") + " FCFA"


def _svg(chart: charts.Chart) -> BeautifulSoup:
    return BeautifulSoup(chart.svg, "html.parser")


@pytest.fixture
def scores():
    return charts.grouped_bar_chart(
        "Début et fin",
        ["Awa", "Binta", "Dado"],
        [
            charts.Series("Début", [40, 100, 60]),
            charts.Series("Fin", [80, 90, None]),
        ],
        value_format=lambda value: f"{value:g} %",
        y_range=(0, 100),
        threshold=70,
    )


@pytest.fixture
def cash_flow():
    return charts.monthly_amount_chart(
        "Trésorerie sur 12 mois", MONTHS, CASH_FLOW, formatter=francs, show_title=True
    )


def test_a_chart_is_an_svg_document_with_no_script_and_no_xml_declaration(scores, cash_flow):
    for chart in (scores, cash_flow):
        assert chart.svg.startswith("<svg ")
        assert "<script" not in chart.svg
        assert "<?xml" not in chart.svg
        assert "<!--" not in chart.svg  # pygal's comments carry the day's date


def test_a_chart_has_a_fixed_size_that_scales_with_its_view_box(scores):
    root = _svg(scores).svg

    assert (root["width"], root["height"], root["viewbox"]) == ("480", "300", "0 0 480 300")


def test_a_chart_has_its_title_and_text_alternative_inside(scores):
    root = _svg(scores).svg

    assert root["role"] == "img"
    assert root["aria-label"] == "Début et fin"
    assert root.find("title", recursive=False).get_text() == "Début et fin"
    description = root.find("desc", recursive=False).get_text()
    assert description.startswith("Awa — Début\u00a0: 40 %; Awa — Fin\u00a0: 80 %; Binta")
    assert "Dado — Fin\u00a0: pas de valeur" in description


def test_the_same_chart_draws_the_same_svg(scores):
    again = charts.grouped_bar_chart(
        "Début et fin",
        ["Awa", "Binta", "Dado"],
        [charts.Series("Début", [40, 100, 60]), charts.Series("Fin", [80, 90, None])],
        value_format=lambda value: f"{value:g} %",
        y_range=(0, 100),
        threshold=70,
    )

    assert again.svg == scores.svg


def test_each_bar_carries_its_value_and_a_missing_one_the_missing_mark(scores):
    svg = _svg(scores)
    post = svg.select("g.serie-1 g.bar")

    assert [bar.title.get_text() for bar in svg.select("g.serie-0 g.bar")] == [
        "Awa — Début\u00a0: 40 %",
        "Binta — Début\u00a0: 100 %",
        "Dado — Début\u00a0: 60 %",
    ]
    assert post[2].title.get_text() == "Dado — Fin\u00a0: pas de valeur"
    assert post[2].select_one("desc.label").get_text() == charts.MISSING
    assert float(post[2].rect["height"]) == 0  # no bar drawn: the mark stands on the baseline
    marks = [text.get_text() for text in svg.select(".text-overlay g.serie-1 text.label")]
    assert marks == [charts.MISSING]


def test_the_threshold_is_a_major_guide_with_its_label(scores):
    majors = _svg(scores).select(".axis.y .guides path.major")

    assert len(majors) == 1
    assert majors[0].find_next_sibling("text").get_text() == "70 %"


def test_values_must_match_the_categories():
    with pytest.raises(ValueError, match="2 values, not 3"):
        charts.grouped_bar_chart("T", ["a", "b", "c"], [charts.Series("S", [1, 2])])
    with pytest.raises(ValueError, match="11 amounts for 12 months"):
        charts.monthly_amount_chart("T", MONTHS, CASH_FLOW[:11], formatter=francs)


def test_negative_months_are_hatched_and_named_in_the_legend(cash_flow):
    svg = _svg(cash_flow)
    positive = svg.select("g.serie-0 g.bar:has(title)")
    negative = svg.select("g.serie-1 g.bar:has(title)")

    assert [bar.select_one("desc.x_label").get_text() for bar in negative] == ["M1", "M2", "M6"]
    assert len(positive) == 9
    assert svg.select_one(f"pattern#{charts.NEGATIVE_PATTERN_ID}") is not None
    style = svg.style.get_text()
    assert f".color-1 a:visited{{stroke:url(#{charts.NEGATIVE_PATTERN_ID});" in style
    assert f".color-0 a:visited{{stroke:{charts.BLUE};" in style
    legends = [text.get_text() for text in svg.select("g.legend text")]
    assert legends == ["Montant", "Mois en négatif"]
    # Each month's empty share in the other series leaves no outline on the baseline.
    assert len(svg.select('g.bar[style="stroke: none"]')) == 12


def test_the_pattern_keeps_its_name_when_another_library_registered_the_svg_namespace():
    ElementTree.register_namespace("svg", "http://www.w3.org/2000/svg")  # as qrcode does
    chart = charts.monthly_amount_chart("Trésorerie", MONTHS, CASH_FLOW, formatter=francs)

    assert f'<pattern id="{charts.NEGATIVE_PATTERN_ID}"' in chart.svg
    assert "svg:" not in chart.svg


def test_a_month_with_no_amount_is_marked_missing():
    chart = charts.monthly_amount_chart(
        "Trésorerie", MONTHS, [*CASH_FLOW[:11], None], formatter=francs
    )
    marks = [text.get_text() for text in _svg(chart).select(".text-overlay text.label")]

    assert marks == [charts.MISSING]
    assert chart.description.endswith("M12\u00a0: pas de valeur")


def test_the_cash_flow_labels_come_from_the_callers_formatter(cash_flow):
    svg = _svg(cash_flow)
    y_labels = [text.get_text() for text in svg.select(".axis.y text")]

    assert "400\u202f000 FCFA" in y_labels
    assert "-200\u202f000 FCFA" in y_labels
    assert svg.select_one("text.title").get_text() == "Trésorerie sur 12 mois"
    assert "M1\u00a0: -250\u202f000 FCFA (Mois en négatif); M2" in cash_flow.description
    assert "M10\u00a0: 0 FCFA; M11" in cash_flow.description


def test_a_template_shows_a_chart_as_an_image_with_its_text_alternative(scores):
    html = Template("{{ chart }}").render(Context({"chart": scores}))
    img = BeautifulSoup(html, "html.parser").img

    assert img["class"] == ["chart"]
    assert (img["width"], img["height"]) == ("480", "300")
    assert img["alt"] == scores.alt
    assert img["alt"].startswith("Début et fin. Awa — Début\u00a0: 40 %")
    encoded = img["src"].removeprefix("data:image/svg+xml;base64,")
    assert base64.b64decode(encoded).decode() == scores.svg


@pytest.fixture
def template_dir(settings, tmp_path):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    return tmp_path


def test_a_chart_renders_in_a_pdf_with_its_labels(template_dir, cash_flow):
    (template_dir / "chart.html").write_text(
        '{% load lms_tags %}<style>{% inline_static "css/print.css" %}</style>'
        "<h1>Plan d'affaires</h1>{{ chart }}"
    )

    pdf = pypdfium2.PdfDocument(render_pdf("chart.html", {"chart": cash_flow}))

    assert len(pdf) == 1
    text = pdf[0].get_textpage().get_text_range()
    for label in ("Plan d'affaires", "Trésorerie sur 12 mois", "M12", "Mois en négatif"):
        assert label in text
    assert "400" in text and "FCFA" in text
