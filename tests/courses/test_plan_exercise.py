"""The business-plan exercise: its sixteen steps, what ``clean`` keeps or refuses (on the
field's path), and the figures the page, the autosave and the PDF show."""

import copy
import json

import pytest
from django.utils import translation

from courses.exercises import PLAN, ExerciseError
from courses.exercises.plan import TEXT_KEYS
from tests.courses.test_business_plan import bakery, written


@pytest.fixture(autouse=True)
def in_french():
    with translation.override("fr"):
        yield


def plan(**changes) -> dict:
    """Awa's bakery (tests/courses/test_business_plan.py) with texts, as the page sends it."""
    data = bakery(**changes)
    data["texts"] = {key: "" for key in TEXT_KEYS}
    data["texts"]["summary"] = "Une boulangerie à Dakar, du pain frais chaque matin."
    return data


def errors_of(data) -> dict[str, str]:
    with pytest.raises(ExerciseError) as refused:
        PLAN.clean(data)
    return refused.value.errors


def test_the_plan_has_the_sixteen_steps_of_the_syb_business_plan_each_with_a_prompt():
    assert [section.key for section in PLAN.sections] == [
        "summary", "promoter", "idea", "market", "marketing", "operations", "staff", "legal",
        "startup", "monthly", "sales", "profit", "cashflow", "funding", "risks", "actions",
    ]  # fmt: skip
    assert all(str(section.prompt) for section in PLAN.sections)
    assert "pseudonyme" in str(PLAN.section("promoter").prompt)
    assert PLAN.per_enrolment
    assert PLAN.template == "learning/exercises/plan.html"
    assert PLAN.pdf_template == "learning/exercises/plan_pdf.html"


def test_a_good_plan_is_kept_as_typed_and_cleaning_it_again_changes_nothing():
    data = plan()
    data["startup"]["equipment"][0]["label"] = "  Four à pain  "
    cleaned = PLAN.clean(data)
    assert cleaned["currency"] == "XOF"
    assert cleaned["startup"]["equipment"][0] == {
        "label": "Four à pain",
        "amount": "450 000",
        "life_months": "36",
    }
    assert cleaned["sales"]["seasonal"][3] == "0,8"
    assert cleaned["funding"] == {"iom_in_kind": "900 000", "own": "500 000", "loan": ""}
    assert cleaned["texts"]["summary"].startswith("Une boulangerie")
    assert PLAN.clean(cleaned) == cleaned


def test_keys_the_plan_does_not_have_are_dropped():
    data = plan()
    data["password"] = "secret"
    data["startup"]["equipment"][0]["colour"] = "rouge"
    data["texts"]["unknown"] = "x"
    cleaned = PLAN.clean(data)
    assert "password" not in cleaned
    assert "colour" not in cleaned["startup"]["equipment"][0]
    assert set(cleaned["texts"]) == set(TEXT_KEYS)


def test_the_months_sent_by_the_form_one_field_a_month_are_kept_as_a_list():
    data = plan()
    data["sales"]["seasonal"] = {str(index): "1" for index in range(12)} | {"11": "1,5"}
    assert PLAN.clean(data)["sales"]["seasonal"] == ["1"] * 11 + ["1,5"]
    data["sales"]["seasonal"] = {"12": "1"}
    assert "sales.seasonal" in errors_of(data)


def test_a_new_plan_is_in_the_currency_of_the_trainees_country():
    assert PLAN.start("gn")["currency"] == "GNF"
    assert PLAN.start("cm")["currency"] == "XAF"
    assert PLAN.start("ma")["currency"] == "MAD"
    assert PLAN.start("other")["currency"] == "XOF"
    assert PLAN.clean(PLAN.start("cd"))["currency"] == "CDF"


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            {"sales": {"units_per_month": "-40"}},
            "sales.units_per_month",
            "La quantité doit être un nombre positif.",
        ),
        (
            {"sales": {"price": "1 000 000 000 000 000"}},
            "sales.price",
            written("Ce nombre est trop grand\u00a0: au plus 1 000 000 000 000."),
        ),
        ({"sales": {"price": 10**15}}, "sales.price", None),
        ({"funding": {"own": "-5"}}, "funding.own", "Le montant doit être un nombre positif."),
        (
            {"sales": {"price": "beaucoup"}},
            "sales.price",
            "Saisissez un nombre, par exemple 1 250 000.",
        ),
        ({"currency": "EUR"}, "currency", "Cette monnaie n'est pas prise en charge."),
    ],
)
def test_a_wrong_number_is_refused_on_its_path(change, path, message):
    data = plan()
    for key, value in change.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    errors = errors_of(data)
    assert path in errors
    if message:
        assert errors[path] == message


def test_a_negative_amount_in_a_table_is_refused_on_its_line():
    data = plan()
    data["startup"]["stock"][1]["amount"] = "-15 000"
    assert errors_of(data) == {"startup.stock.1.amount": "Le montant doit être un nombre positif."}


def test_a_text_of_10000_characters_is_refused_and_so_is_a_nul():
    data = plan()
    data["texts"]["market"] = "x" * 10_000
    data["texts"]["risks"] = "La pluie\x00"
    errors = errors_of(data)
    assert errors["texts.market"] == "Ce texte est trop long (5000 caractères au plus)."
    assert errors["texts.risks"] == "Ce texte contient un caractère qui ne peut pas être écrit."


def test_arabic_and_emoji_are_kept_in_texts_and_labels():
    data = plan()
    data["texts"]["idea"] = "مخبزة صغيرة في داكار 🥖🍞\nDeuxième ligne"
    data["startup"]["stock"][0]["label"] = "دقيق 🌾"
    cleaned = PLAN.clean(data)
    assert cleaned["texts"]["idea"] == "مخبزة صغيرة في داكار 🥖🍞\nDeuxième ligne"
    assert cleaned["startup"]["stock"][0]["label"] == "دقيق 🌾"


@pytest.mark.parametrize(
    "data",
    ["a plan", [], {"texts": "summary"}, {"startup": []}, {"sales": {"seasonal": "1"}}],
)
def test_a_plan_of_the_wrong_shape_is_refused(data):
    assert errors_of(data)


def test_every_wrong_field_is_named_at_once():
    data = plan()
    data["texts"]["legal"] = 12
    data["monthly"]["rent"] = "-1"
    data["startup"]["equipment"][2]["life_months"] = "0"
    assert set(errors_of(data)) == {
        "texts.legal",
        "monthly.rent",
        "startup.equipment.2.life_months",
    }


def test_the_figures_are_written_in_the_plans_currency_the_french_way():
    figures = PLAN.figures(PLAN.clean(plan()))
    assert figures["currency"] == "XOF"
    assert figures["startup"]["capital"] == written("1 352 000 FCFA")
    assert figures["startup"]["reserve"] == written("450 000 FCFA")
    assert figures["monthly"]["depreciation"] == written("22 000 FCFA")
    assert figures["monthly"]["fixed_costs"] == written("172 000 FCFA")
    assert figures["sales"]["unit_contribution"] == written("60 FCFA")
    assert figures["sales"]["break_even_units"] == written("2 867")
    assert figures["sales"]["break_even_revenue"] == written("430 000 FCFA")
    assert [month["profit"] for month in figures["months"]][3] == written("20 000 FCFA")
    assert figures["months"][11]["closing_cash"] == written("1 650 000 FCFA")
    assert figures["totals"]["average_profit"] == written("74 000 FCFA")
    assert figures["payback"] == "18,3 mois"
    assert figures["funding"]["total"] == written("1 400 000 FCFA")
    assert figures["funding"]["own"] == written("500 000 FCFA")
    assert figures["funding"]["own_share"] == "37\u00a0%"
    assert (figures["funding"]["gap_label"], figures["funding"]["gap"]) == (
        "Il reste en plus",
        written("48 000 FCFA"),
    )
    assert not figures["funding"]["missing"]
    assert figures["warnings"] == []
    assert figures["tables"]["equipment"][1] == {
        "label": "Pétrin",
        "amount": written("180 000 FCFA"),
        "life_months": 24,
        "depreciation": written("7 500 FCFA"),
    }


def test_months_short_of_cash_are_flagged_in_words_and_the_gap_and_warnings_said():
    data = plan(sales={"seasonal": ["1", "0,5", "0,2", "0,5"]})
    data["funding"] = {"iom_in_kind": "902000", "own": "", "loan": ""}
    figures = PLAN.figures(PLAN.clean(data))
    assert [month["negative"] for month in figures["months"][:5]] == [
        False, False, True, True, False
    ]  # fmt: skip
    assert figures["months"][2]["flag"] == "Manque d'argent"
    assert figures["months"][2]["closing_cash"] == written("-42 000 FCFA")
    assert figures["months"][0]["flag"] == ""
    assert figures["negative_cash_months"] == [3, 4]
    assert figures["funding"]["missing"]
    assert figures["funding"]["gap"] == written("450 000 FCFA")
    assert [warning["code"] for warning in figures["warnings"]] == [
        "negative_cash",
        "funding_gap",
    ]
    assert "aux mois 3, 4" in figures["warnings"][0]["message"]


def test_the_cash_flow_chart_comes_with_the_figures_and_says_its_months_in_words():
    data = plan(sales={"seasonal": ["1", "0,5", "0,2", "0,5"]})
    data["funding"] = {"iom_in_kind": "902000", "own": "", "loan": ""}
    chart = PLAN.figures(PLAN.clean(data))["chart"]
    assert chart["src"].startswith("data:image/svg+xml;base64,")
    assert "Mois 3" in chart["alt"]
    assert written("-42 000 FCFA") in chart["alt"]
    assert "Manque d'argent" in chart["alt"]


def test_an_empty_plan_has_figures_too():
    figures = PLAN.figures(PLAN.clean(PLAN.start("sn")))
    assert figures["startup"]["capital"] == written("0 FCFA")
    assert figures["sales"]["break_even_units"] == "—"
    assert figures["payback"] == "Jamais\u00a0: l'activité ne fait pas de bénéfice"
    assert len(figures["months"]) == 12


def test_the_figures_are_json_ready():

    figures = PLAN.figures(PLAN.clean(plan()))
    assert json.loads(json.dumps(figures)) == figures


def test_cleaning_does_not_change_what_it_was_given():
    data = plan()
    before = copy.deepcopy(data)
    PLAN.clean(data)
    assert data == before
