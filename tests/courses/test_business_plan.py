"""courses/business_plan: the plan's figures read from what trainees type, worked out as in
shared/curriculum.md §5 and written in the plan's currency. No database."""

import itertools
import json
import re
from decimal import Decimal, localcontext

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from courses.business_plan import (
    AVERAGE_LOSS,
    CONTRIBUTION_NOT_POSITIVE,
    DEFAULT_LIFE_MONTHS,
    FUNDING_GAP,
    LOSS_EVERY_MONTH,
    NEGATIVE_CASH,
    PlanError,
    currency_for_country,
    figures,
    format_money,
    format_number,
    get_currency,
    parse_plan,
    round_money,
)
from courses.business_plan.figures import DEPRECIATION_QUANTUM


@pytest.fixture(autouse=True)
def in_french():
    with translation.override("fr"):
        yield


def written(text: str) -> str:
    """An amount as printed, from a test's readable spelling: digit groups are separated by a
    narrow no-break space, and a no-break space comes before the currency."""
    text = re.sub(r"(?<=\d) (?=\d)", "\u202f", text)
    return re.sub(r"(?<=\d) (?=[A-Z])", "\u00a0", text)


def errors_of(data) -> dict[str, str]:
    with pytest.raises(PlanError) as raised:
        parse_plan(data)
    return raised.value.errors


# Currencies and money.


@pytest.mark.parametrize(
    ("country", "currency"),
    [
        ("bf", "XOF"),
        ("ci", "XOF"),
        ("ml", "XOF"),
        ("sn", "XOF"),
        ("tg", "XOF"),
        ("cm", "XAF"),
        ("gn", "GNF"),
        ("cd", "CDF"),
        ("ma", "MAD"),
        ("SN", "XOF"),
        (" Cm ", "XAF"),
        ("fr", "XOF"),
        ("", "XOF"),
    ],
)
def test_each_country_has_its_currency_and_an_unknown_one_has_the_cfa_franc(country, currency):
    assert currency_for_country(country) == currency


@pytest.mark.parametrize(
    ("code", "places", "symbol"),
    [
        ("XOF", 0, "FCFA"),
        ("XAF", 0, "FCFA"),
        ("GNF", 0, "GNF"),
        ("CDF", 2, "CDF"),
        ("MAD", 2, "MAD"),
    ],
)
def test_each_currency_knows_its_decimals_and_how_it_is_written(code, places, symbol):
    currency = get_currency(code.lower())
    assert (currency.code, currency.places, currency.symbol) == (code, places, symbol)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("1250000"), "XOF", "1 250 000 FCFA"),
        (Decimal("12500.50"), "MAD", "12 500,50 MAD"),
        (Decimal("12500.5"), "CDF", "12 500,50 CDF"),
        (Decimal("-3000"), "GNF", "-3 000 GNF"),
        (Decimal("999.5"), "XAF", "1 000 FCFA"),  # half up, as on a till
        (Decimal("-999.5"), "XOF", "-1 000 FCFA"),
        (Decimal("0.004"), "MAD", "0,00 MAD"),
        (Decimal("-0.4"), "XOF", "0 FCFA"),  # a loss rounding to nothing is not "-0"
        (Decimal("1E+6"), "XOF", "1 000 000 FCFA"),
        (0, "XOF", "0 FCFA"),
        (Decimal("123"), "XOF", "123 FCFA"),
    ],
)
def test_money_is_written_the_french_way_rounded_to_the_currencys_decimals(
    amount, currency, expected
):
    assert format_money(amount, currency) == written(expected)


def test_money_can_name_the_iso_code_and_be_written_in_english():
    assert format_money(Decimal("1250000"), "XAF", code=True) == written("1 250 000 XAF")
    assert format_money(Decimal("1250000.456"), "MAD", "en") == "1,250,000.46\u00a0MAD"
    assert format_number(Decimal("2866.67"), 1, "en-gb") == "2,866.7"


# Reading what trainees type.


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1 250 000", Decimal("1250000")),
        ("1\u00a0250\u00a0000", Decimal("1250000")),  # no-break spaces, pasted from a document
        ("1\u202f250\u202f000", Decimal("1250000")),  # as this module writes it
        (" 450000 ", Decimal("450000")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),  # the point of a tablet's numeric keypad
        (",5", Decimal("0.5")),
        ("12,", Decimal("12")),
        ("+7", Decimal("7")),
        ("12,50000", Decimal("12.5")),  # trailing zeros are not decimals
        ("١٢٥٠", Decimal("1250")),  # Arabic-Indic digits, on a Moroccan keyboard
        (450000, Decimal("450000")),
        (12.5, Decimal("12.5")),
        ("", Decimal(0)),
        (None, Decimal(0)),
        ("1000000000000", Decimal(10) ** 12),
    ],
)
def test_a_price_is_read_as_typed_in_french_or_as_a_json_number(typed, read):
    assert parse_plan({"sales": {"price": typed}}).sales.price == read


def test_an_empty_plan_is_all_zeros_with_the_documented_defaults():
    plan = parse_plan({"startup": {"equipment": [{"label": "Four", "amount": "450000"}]}})
    assert plan.currency == "XOF"
    assert plan.startup.reserve_months == 3
    assert plan.startup.equipment[0].life_months == DEFAULT_LIFE_MONTHS == 36
    assert plan.sales.seasonal == (Decimal(1),) * 12
    assert plan.monthly.rent == plan.funding.own == plan.sales.units_per_month == Decimal(0)
    assert plan.startup.stock == plan.monthly.other == ()


def test_a_short_or_partly_empty_seasonal_list_counts_the_missing_months_as_usual():
    plan = parse_plan({"sales": {"seasonal": ["0,5", "", None, "2"]}})
    assert plan.sales.seasonal == (Decimal("0.5"), 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1)


def test_the_currency_is_the_plans_or_else_the_one_the_caller_gives():
    assert parse_plan({"currency": "mad"}).currency == "MAD"
    assert parse_plan({}, default_currency="GNF").currency == "GNF"
    assert parse_plan({"currency": ""}, default_currency="CDF").currency == "CDF"
    assert errors_of({"currency": "EUR"}) == {
        "currency": "Cette monnaie n'est pas prise en charge."
    }


def test_labels_may_be_any_text_up_to_200_characters():
    arabic_and_emoji = "فرن كهربائي 🍞🔥 👩🏾‍🍳"
    plan = parse_plan(
        {
            "startup": {
                "equipment": [{"label": arabic_and_emoji, "amount": "1"}],
                "stock": [{"label": "é" * 200, "amount": "1"}],
            },
            "sales": {"product": "  Pain  "},
        }
    )
    assert plan.startup.equipment[0].label == arabic_and_emoji
    assert plan.startup.stock[0].label == "é" * 200
    assert plan.sales.product == "Pain"


def test_the_texts_of_the_plan_beside_the_numbers_are_left_alone():
    assert parse_plan({"summary": {"text": "…"}, "risks": [1, 2]}).startup.equipment == ()


# Refusing what cannot be worked out, with the message on the field.

NOT_A_NUMBER = "Saisissez un nombre, par exemple 1 250 000."
NEGATIVE_AMOUNT = "Le montant doit être un nombre positif."
TOO_LARGE = "Ce nombre est trop grand\u00a0: au plus 1\u202f000\u202f000\u202f000\u202f000."


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", NEGATIVE_AMOUNT),
        ("\u22125", NEGATIVE_AMOUNT),  # the typographic minus
        (-0.5, NEGATIVE_AMOUNT),
        ("1000000000000000", TOO_LARGE),  # 10¹⁵
        ("1 000 000 000 000,5", TOO_LARGE),
        (10**15, TOO_LARGE),
        (10**400, TOO_LARGE),
        (1e15, TOO_LARGE),
        ("1e9", "Écrivez le nombre en entier, sans « e »\u00a0: 1 000 000 000 et non 1e9."),
        ("2,5E3", "Écrivez le nombre en entier, sans « e »\u00a0: 1 000 000 000 et non 1e9."),
        ("1.250.000", "Séparez les milliers par des espaces\u00a0: 1 250 000."),
        ("abc", NOT_A_NUMBER),
        ("12 FCFA", NOT_A_NUMBER),
        ("1,2,3", NOT_A_NUMBER),
        ("NaN", NOT_A_NUMBER),
        ("Infinity", NOT_A_NUMBER),
        (float("nan"), NOT_A_NUMBER),
        (float("inf"), NOT_A_NUMBER),
        (True, NOT_A_NUMBER),
        ({"amount": "5"}, NOT_A_NUMBER),
        (["5"], NOT_A_NUMBER),
        ("0,00001", "Au plus 4 chiffres après la virgule."),
        ("1" * 65, "Ce nombre est trop long."),
    ],
)
def test_an_amount_that_is_not_a_positive_number_of_reasonable_size_is_refused(typed, message):
    assert errors_of({"startup": {"equipment": [{"label": "Four", "amount": typed}]}}) == {
        "startup.equipment.0.amount": message
    }


def test_every_wrong_field_is_named_at_once():
    errors = errors_of(
        {
            "startup": {
                "equipment": [
                    {"label": "Four", "amount": "450000", "life_months": "0"},
                    {"label": "x" * 10_000, "amount": "1"},
                ],
                "stock": [{"label": "Farine", "amount": "60000"}, "Sucre"],
                "pre_opening": [{"label": "Caution", "amount": {"value": 5}}],
                "reserve_months": "2,5",
            },
            "monthly": {"rent": "-30000", "other": [{"label": 12, "amount": "1e9"}]},
            "sales": {
                "price": 10**15,
                "units_per_month": "-10",
                "seasonal": ["1", "1", "1", "11", "abc"],
            },
            "funding": {"own": "beaucoup"},
        }
    )
    assert errors == {
        "startup.equipment.0.life_months": (
            "La durée de vie doit être comprise entre 1 et 600 mois."
        ),
        "startup.equipment.1.label": "Le libellé ne peut pas dépasser 200 caractères.",
        "startup.stock.1": "Cette ligne n'a pas la forme attendue.",
        "startup.pre_opening.0.amount": NOT_A_NUMBER,
        "startup.reserve_months": "Saisissez un nombre entier de mois.",
        "monthly.rent": NEGATIVE_AMOUNT,
        "monthly.other.0.label": "Le libellé doit être un texte.",
        "monthly.other.0.amount": (
            "Écrivez le nombre en entier, sans « e »\u00a0: 1 000 000 000 et non 1e9."
        ),
        "sales.price": TOO_LARGE,
        "sales.units_per_month": "La quantité doit être un nombre positif.",
        "sales.seasonal.3": "Le coefficient saisonnier doit être compris entre 0 et 10.",
        "sales.seasonal.4": NOT_A_NUMBER,
        "funding.own": NOT_A_NUMBER,
    }


@pytest.mark.parametrize(
    ("startup", "path", "message"),
    [
        ({"reserve_months": "25"}, "startup.reserve_months", "entre 0 et 24 mois"),
        ({"reserve_months": "-1"}, "startup.reserve_months", "entre 0 et 24 mois"),
        (
            {"equipment": [{"amount": "1", "life_months": "601"}]},
            "startup.equipment.0.life_months",
            "entre 1 et 600 mois",
        ),
        (
            {"equipment": [{"amount": "1", "life_months": "12,5"}]},
            "startup.equipment.0.life_months",
            "nombre entier",
        ),
        ({"stock": [{"amount": "1"}] * 51}, "startup.stock", "Au plus 50 lignes"),
        ({"equipment": {"0": {"amount": "1"}}}, "startup.equipment", "forme attendue"),
        ({"pre_opening": "Caution 60000"}, "startup.pre_opening", "forme attendue"),
        ({"stock": [None]}, "startup.stock.0", "forme attendue"),
        ({"stock": [{"label": "a\x00b"}]}, "startup.stock.0.label", "ne peut pas être écrit"),
        ({"stock": [{"label": "\ud83d"}]}, "startup.stock.0.label", "ne peut pas être écrit"),
    ],
)
def test_months_rows_and_labels_out_of_bounds_are_refused_on_their_path(startup, path, message):
    errors = errors_of({"startup": startup})
    assert list(errors) == [path]
    assert message in errors[path]


def test_reserve_and_life_may_be_at_their_bounds_and_50_rows_are_allowed():
    plan = parse_plan(
        {
            "startup": {
                "reserve_months": "0",
                "equipment": [{"amount": "1", "life_months": "1"}, {"life_months": 600}],
                "stock": [{"amount": "1"}] * 50,
            },
            "sales": {"seasonal": ["0", "10"] * 6},
        }
    )
    assert plan.startup.reserve_months == 0
    assert [line.life_months for line in plan.startup.equipment] == [1, 600]
    assert len(plan.startup.stock) == 50


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (None, {"": "Ce plan d'affaires n'a pas la forme attendue."}),
        ([], {"": "Ce plan d'affaires n'a pas la forme attendue."}),
        ("{}", {"": "Ce plan d'affaires n'a pas la forme attendue."}),
        ({"startup": []}, {"startup": "Cette partie du plan n'a pas la forme attendue."}),
        ({"monthly": "30000"}, {"monthly": "Cette partie du plan n'a pas la forme attendue."}),
        ({"funding": 5}, {"funding": "Cette partie du plan n'a pas la forme attendue."}),
        (
            {"sales": {"seasonal": "1"}},
            {"sales.seasonal": "Les coefficients saisonniers n'ont pas la forme attendue."},
        ),
        (
            {"sales": {"seasonal": ["1"] * 13}},
            {"sales.seasonal": "Au plus 12 coefficients saisonniers, un par mois."},
        ),
    ],
)
def test_a_plan_or_a_part_of_the_wrong_shape_is_refused_where_it_is(data, errors):
    assert errors_of(data) == errors


def test_a_plan_error_is_a_value_error_whose_text_names_the_paths():
    with pytest.raises(ValueError, match="sales.price"):
        parse_plan({"sales": {"price": "abc"}})


# Three plans worked out by hand.


def bakery(**changes) -> dict:
    """Awa's bakery in Dakar, profitable and fully funded (worked out in the test below)."""
    data = {
        "currency": "XOF",
        "startup": {
            "equipment": [
                {"label": "Four", "amount": "450 000", "life_months": "36"},
                {"label": "Pétrin", "amount": "180000", "life_months": "24"},
                {"label": "Étagères", "amount": "72 000", "life_months": ""},  # 36 by default
            ],
            "stock": [
                {"label": "Farine", "amount": "60 000"},
                {"label": "Levure et sel", "amount": "15 000"},
            ],
            "pre_opening": [
                {"label": "Enregistrement", "amount": "25 000"},
                {"label": "Caution du local", "amount": "60 000"},
                {"label": "Réparations", "amount": "40 000"},
            ],
            "reserve_months": "",  # 3 by default
        },
        "monthly": {
            "rent": "30 000",
            "wages": "40 000",
            "drawings": "50 000",
            "utilities": "15 000",
            "phone_transport": "10 000",
            "loan_instalment": "",
            "other": [{"label": "Emballages", "amount": "5 000"}],
        },
        "sales": {
            "product": "Pain",
            "price": "150",
            "variable_cost": "90",
            "units_per_month": "4000",
            # Lean rainy season in months 4–5, school in 9, the feasts in 12.
            "seasonal": ["1", "1", "1", "0,8", "0,8", "1", "1", "1", "1,2", "1", "1", "1,5"],
        },
        "funding": {"iom_in_kind": "900 000", "own": "500 000", "loan": ""},
    }
    for section, values in changes.items():
        data[section] = {**data[section], **values}
    return data


def test_a_profitable_bakery_in_cfa_francs_worked_out_by_hand():
    result = figures(parse_plan(bakery()))

    # Start-up capital.
    # equipment 450 000 + 180 000 + 72 000 = 702 000; stock 60 000 + 15 000 = 75 000;
    # pre-opening 25 000 + 60 000 + 40 000 = 125 000; paid before opening 902 000.
    assert result.equipment_total == 702_000
    assert result.stock_total == 75_000
    assert result.pre_opening_total == 125_000
    assert result.spent_before_opening == 902_000
    # Cash fixed costs: 30 000 + 40 000 + 50 000 + 15 000 + 10 000 + 0 + 5 000 = 150 000.
    # Reserve: 3 months × 150 000 = 450 000 (no depreciation, drawings counted once).
    assert result.cash_fixed_costs == 150_000
    assert (result.reserve_months, result.reserve) == (3, 450_000)
    # 902 000 + 450 000 = 1 352 000.
    assert result.startup_capital == 1_352_000

    # Depreciation: 450 000 ÷ 36 = 12 500; 180 000 ÷ 24 = 7 500; 72 000 ÷ 36 = 2 000.
    assert result.depreciation_lines == (12_500, 7_500, 2_000)
    assert result.depreciation == 22_000
    # Fixed costs: 150 000 + 22 000 = 172 000.
    assert result.other_costs_total == 5_000
    assert result.fixed_costs == 172_000

    # Contribution: 150 − 90 = 60 a loaf.
    assert result.unit_contribution == 60
    assert result.contribution_is_positive
    # Break-even: 172 000 ÷ 60 = 2 866.67 loaves (2 867 to sell);
    # 172 000 ÷ (60 ÷ 150) = 172 000 ÷ 0.4 = 430 000 FCFA.
    assert round(result.break_even_units, 6) == Decimal("2866.666667")
    assert result.break_even_units_whole == 2867
    assert result.break_even_revenue == 430_000

    # Months at factor 1: 4 000 loaves, revenue 600 000, variable 360 000,
    #   profit 600 000 − 360 000 − 172 000 = 68 000.
    # Factor 0.8: 3 200 loaves, 480 000 − 288 000 − 172 000 = 20 000.
    # Factor 1.2: 4 800 loaves, 720 000 − 432 000 − 172 000 = 116 000.
    # Factor 1.5: 6 000 loaves, 900 000 − 540 000 − 172 000 = 188 000.
    usual, lean, school, feasts = 68_000, 20_000, 116_000, 188_000
    assert [month.profit for month in result.months] == [
        usual, usual, usual, lean, lean, usual, usual, usual, school, usual, usual, feasts
    ]  # fmt: skip
    assert [month.units for month in result.months][3:5] == [3_200, 3_200]
    assert result.months[11].revenue == 900_000
    assert result.months[11].variable_costs == 540_000
    # Σ factors = 8 × 1 + 2 × 0.8 + 1.2 + 1.5 = 12.3: 49 200 loaves, 7 380 000 FCFA of sales,
    # 4 428 000 of variable costs, 12 × 172 000 = 2 064 000 of fixed costs;
    # profit 7 380 000 − 4 428 000 − 2 064 000 = 888 000 (= 8 × 68 000 + 2 × 20 000
    # + 116 000 + 188 000), 74 000 a month on average.
    assert result.units_total == 49_200
    assert result.revenue_total == 7_380_000
    assert result.variable_costs_total == 4_428_000
    assert result.fixed_costs_total == 2_064_000
    assert result.profit_total == 888_000
    assert result.average_monthly_profit == 74_000
    # Payback: 1 352 000 ÷ 74 000 = 18.27 months.
    assert round(result.payback_months, 4) == Decimal("18.2703")

    # Cash: 1 400 000 of funding − 902 000 paid before opening = 498 000 on the first day.
    # Each month: sales − variable costs − 150 000 (no depreciation):
    #   factor 1: 240 000 − 150 000 = +90 000; 0.8: 192 000 − 150 000 = +42 000;
    #   1.2: 288 000 − 150 000 = +138 000; 1.5: 360 000 − 150 000 = +210 000.
    assert result.opening_cash == 498_000
    assert [month.closing_cash for month in result.months] == [
        588_000, 678_000, 768_000, 810_000, 852_000, 942_000,
        1_032_000, 1_122_000, 1_260_000, 1_350_000, 1_440_000, 1_650_000,
    ]  # fmt: skip
    assert result.months[1].opening_cash == 588_000
    assert result.months[0].cash_out == 360_000 + 150_000
    assert result.negative_cash_months == ()
    # 498 000 + 7 380 000 − (4 428 000 + 12 × 150 000) = 1 650 000.
    assert result.closing_cash == 1_650_000

    # Funding: 900 000 + 500 000 = 1 400 000; gap 1 352 000 − 1 400 000 = −48 000 (covered).
    assert result.funding_total == 1_400_000
    assert result.own_contribution == 500_000
    assert result.funding_gap == -48_000
    assert round(result.own_share, 4) == Decimal("0.3698")  # 500 000 ÷ 1 352 000
    assert result.warnings == ()

    assert format_money(result.startup_capital, "XOF") == written("1 352 000 FCFA")
    assert format_money(result.break_even_revenue, "XOF") == written("430 000 FCFA")
    assert format_money(result.funding_gap, "XOF") == written("-48 000 FCFA")
    assert format_number(result.payback_months, 1) == "18,3"


@pytest.mark.parametrize(
    ("seasonal", "months", "message"),
    [
        # Cash: 0 on the first day (the funding pays only what is bought before opening).
        # 1: 0 + 90 000 = 90 000; 0.5: 120 000 − 150 000 = −30 000 → 60 000;
        # 0.2: 48 000 − 150 000 = −102 000 → −42 000; 0.5 → −72 000; 1 → 18 000.
        (["1", "0,5", "0,2", "0,5"], (3, 4), "aux mois 3, 4\u00a0:"),
        # … 0.2 → −42 000; then 1: −42 000 + 90 000 = 48 000.
        (["1", "0,5", "0,2", "1"], (3,), "au mois 3\u00a0:"),
    ],
)
def test_a_lean_season_without_a_reserve_names_the_months_short_of_cash(seasonal, months, message):
    data = bakery(sales={"seasonal": seasonal}, funding={"iom_in_kind": "902000", "own": ""})
    result = figures(parse_plan(data))

    assert result.opening_cash == 0
    assert result.negative_cash_months == months
    assert [month.negative_cash for month in result.months[:5]] == [
        number in months for number in range(1, 6)
    ]
    # The reserve was not funded: 1 352 000 − 902 000 = 450 000 missing, no own contribution.
    assert result.funding_gap == 450_000
    assert result.own_contribution == 0
    codes = [warning.code for warning in result.warnings]
    assert codes == [NEGATIVE_CASH, FUNDING_GAP]
    assert message in result.warnings[0].message
    assert result.warnings[1].message == written(
        "Il manque 450 000 FCFA pour financer le démarrage."
    )


def test_a_tailor_losing_money_every_month_in_guinean_francs_worked_out_by_hand():
    data = {
        "currency": "GNF",
        "startup": {
            "equipment": [
                {"label": "Machine à coudre", "amount": "3 000 000", "life_months": "60"},
                {"label": "Table de coupe", "amount": "600 000", "life_months": "24"},
            ],
            "stock": [{"label": "Tissu", "amount": "1 500 000"}],
            "pre_opening": [{"label": "Enregistrement", "amount": "500 000"}],
            "reserve_months": "2",
        },
        "monthly": {
            "rent": "800 000",
            "drawings": "1 000 000",
            "utilities": "200 000",
            "phone_transport": "150 000",
        },
        # Usual months left empty (factor 1); December, the feasts, twice as many shirts.
        "sales": {
            "product": "Chemise",
            "price": "60 000",
            "variable_cost": "35 000",
            "units_per_month": "40",
            "seasonal": [""] * 11 + ["2"],
        },
        "funding": {"iom_in_kind": "5 000 000", "own": "1 000 000"},
    }
    result = figures(parse_plan(data))

    # Paid before opening: 3 600 000 + 1 500 000 + 500 000 = 5 600 000.
    # Cash fixed costs: 800 000 + 1 000 000 + 200 000 + 150 000 = 2 150 000;
    # reserve 2 × 2 150 000 = 4 300 000; start-up capital 5 600 000 + 4 300 000 = 9 900 000.
    assert result.spent_before_opening == 5_600_000
    assert result.reserve == 4_300_000
    assert result.startup_capital == 9_900_000
    # Depreciation 3 000 000 ÷ 60 + 600 000 ÷ 24 = 50 000 + 25 000 = 75 000;
    # fixed costs 2 150 000 + 75 000 = 2 225 000.
    assert result.depreciation == 75_000
    assert result.fixed_costs == 2_225_000
    # Contribution 60 000 − 35 000 = 25 000; break-even 2 225 000 ÷ 25 000 = 89 shirts,
    # 2 225 000 ÷ (25 000 ÷ 60 000) = 89 × 60 000 = 5 340 000 GNF.
    assert result.unit_contribution == 25_000
    assert result.break_even_units == 89
    assert result.break_even_units_whole == 89
    assert result.break_even_revenue == 5_340_000

    # Usual month: 40 shirts × 25 000 = 1 000 000 − 2 225 000 = −1 225 000.
    # December: 80 × 25 000 = 2 000 000 − 2 225 000 = −225 000.
    assert [month.profit for month in result.months] == [-1_225_000] * 11 + [-225_000]
    # Total: 11 × −1 225 000 − 225 000 = −13 700 000
    # (= 31 200 000 − 18 200 000 − 26 700 000 for 520 shirts); −1 141 666.67 a month.
    assert result.units_total == 520
    assert result.revenue_total == 31_200_000
    assert result.variable_costs_total == 18_200_000
    assert result.profit_total == -13_700_000
    assert round(result.average_monthly_profit, 2) == Decimal("-1141666.67")
    assert result.payback_months is None  # never

    # Cash: 6 000 000 − 5 600 000 = 400 000 on the first day; a usual month
    # 2 400 000 − 1 400 000 − 2 150 000 = −1 150 000, December 4 800 000 − 2 800 000
    # − 2 150 000 = −150 000: −750 000 after month 1, … −12 250 000, then −12 400 000.
    assert result.opening_cash == 400_000
    assert result.months[0].closing_cash == -750_000
    assert result.months[10].closing_cash == 400_000 - 11 * 1_150_000 == -12_250_000
    assert result.closing_cash == -12_400_000
    assert result.negative_cash_months == tuple(range(1, 13))

    # Funding 5 000 000 + 1 000 000 = 6 000 000; gap 9 900 000 − 6 000 000 = 3 900 000.
    assert result.funding_total == 6_000_000
    assert result.funding_gap == 3_900_000
    assert [warning.code for warning in result.warnings] == [
        LOSS_EVERY_MONTH,
        NEGATIVE_CASH,
        FUNDING_GAP,
    ]
    assert result.warnings[0].message == (
        "L'activité perd de l'argent tous les mois\u00a0: les ventes ne couvrent pas les coûts."
    )
    assert "aux mois 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\u00a0:" in result.warnings[1].message
    assert result.warnings[2].message == written(
        "Il manque 3 900 000 GNF pour financer le démarrage."
    )
    assert format_money(result.average_monthly_profit, "GNF") == written("-1 141 667 GNF")
    assert format_money(result.startup_capital, "GNF") == written("9 900 000 GNF")


def juice_stand(price: str, variable_cost: str) -> dict:
    """A juice stand in Kinshasa, in Congolese francs (two decimals)."""
    return {
        "currency": "CDF",
        "startup": {
            "equipment": [
                {"label": "Mixeur", "amount": "150 000", "life_months": "12"},
                {"label": "Glacière", "amount": "90 000", "life_months": "24"},
            ],
            "stock": [
                {"label": "Fruits", "amount": "45 000,50"},
                {"label": "Gobelets", "amount": "14 999,50"},
            ],
            "reserve_months": "1",
        },
        "monthly": {"rent": "20 000", "drawings": "30 000", "phone_transport": "5 000,25"},
        "sales": {
            "product": "Jus",
            "price": price,
            "variable_cost": variable_cost,
            "units_per_month": "300",
        },
        "funding": {"own": "355 000,25"},
    }


def test_a_juice_stand_selling_below_cost_is_flagged_and_has_no_break_even():
    result = figures(parse_plan(juice_stand(price="2 500", variable_cost="2 750,50")))

    # Equipment 150 000 + 90 000 = 240 000; stock 45 000.50 + 14 999.50 = 60 000; no
    # pre-opening costs. Cash fixed costs 20 000 + 30 000 + 5 000.25 = 55 000.25, reserve
    # 1 × 55 000.25; start-up capital 240 000 + 60 000 + 55 000.25 = 355 000.25.
    assert result.stock_total == 60_000
    assert result.pre_opening_total == 0
    assert result.reserve == Decimal("55000.25")
    assert result.startup_capital == Decimal("355000.25")
    # Depreciation 150 000 ÷ 12 + 90 000 ÷ 24 = 12 500 + 3 750 = 16 250;
    # fixed costs 55 000.25 + 16 250 = 71 250.25.
    assert result.depreciation == 16_250
    assert result.fixed_costs == Decimal("71250.25")
    # Contribution 2 500 − 2 750.50 = −250.50: each juice loses money; no break-even.
    assert result.unit_contribution == Decimal("-250.50")
    assert not result.contribution_is_positive
    assert result.break_even_units is None
    assert result.break_even_units_whole is None
    assert result.break_even_revenue is None

    # Every month: 300 juices, 750 000 of sales, 300 × 2 750.50 = 825 150 of costs;
    # profit 750 000 − 825 150 − 71 250.25 = −146 400.25; × 12 = −1 756 803.
    assert [month.profit for month in result.months] == [Decimal("-146400.25")] * 12
    assert result.profit_total == Decimal("-1756803.00")
    assert result.average_monthly_profit == Decimal("-146400.25")
    assert result.payback_months is None

    # Funded by the owner alone: 355 000.25, no gap, 100 % own contribution; cash on the
    # first day 355 000.25 − 300 000 = 55 000.25 (the reserve). Each month
    # 750 000 − 825 150 − 55 000.25 = −130 150.25: −75 150 after month 1,
    # 55 000.25 − 12 × 130 150.25 = −1 506 802.75 after month 12.
    assert result.funding_gap == 0
    assert result.own_share == 1
    assert result.opening_cash == Decimal("55000.25")
    assert result.months[0].closing_cash == Decimal("-75150.00")
    assert result.closing_cash == Decimal("-1506802.75")
    assert result.negative_cash_months == tuple(range(1, 13))

    assert [warning.code for warning in result.warnings] == [
        CONTRIBUTION_NOT_POSITIVE,
        LOSS_EVERY_MONTH,
        NEGATIVE_CASH,
    ]
    assert result.warnings[0].message.startswith(
        "Le prix de vente ne dépasse pas le coût variable d'une unité"
    )
    assert format_money(result.startup_capital, "CDF") == written("355 000,25 CDF")
    assert format_money(result.months[0].profit, "CDF") == written("-146 400,25 CDF")
    assert format_money(result.closing_cash, "CDF") == written("-1 506 802,75 CDF")


def test_a_price_equal_to_the_cost_has_no_contribution_and_no_break_even():
    result = figures(parse_plan(juice_stand(price="2 750,50", variable_cost="2 750,50")))

    # Contribution 0: each month loses exactly its fixed costs, 71 250.25.
    assert result.unit_contribution == 0
    assert not result.contribution_is_positive
    assert result.break_even_units is result.break_even_revenue is None
    assert [month.profit for month in result.months] == [Decimal("-71250.25")] * 12
    assert result.warnings[0].code == CONTRIBUTION_NOT_POSITIVE


def soap_maker(price: str, variable_cost: str) -> dict:
    """Fatou's soap in Thiès, in CFA francs (no decimals), sold at ``price``."""
    return {
        "currency": "XOF",
        "startup": {
            "equipment": [
                {"label": "Marmite", "amount": "60 000", "life_months": "12"},
                {"label": "Moules", "amount": "24 000", "life_months": "24"},
            ],
            "stock": [{"label": "Huile et soude", "amount": "40 000"}],
            "pre_opening": [{"label": "Étal au marché", "amount": "16 000"}],
            "reserve_months": "2",
        },
        "monthly": {"rent": "10 000", "drawings": "15 000", "phone_transport": "5 000"},
        "sales": {
            "product": "Savon",
            "price": price,
            "variable_cost": variable_cost,
            "units_per_month": "200",
            "seasonal": [""] * 11 + ["1,5"],  # the feasts of the last month
        },
        "funding": {"iom_in_kind": "100 000", "own": "50 000"},
    }


def test_soap_sold_below_its_cost_in_cfa_francs_worked_out_by_hand():
    result = figures(parse_plan(soap_maker(price="500", variable_cost="550")))

    # Paid before opening: 60 000 + 24 000 + 40 000 + 16 000 = 140 000. Paid out each month:
    # 10 000 + 15 000 + 5 000 = 30 000; reserve 2 × 30 000 = 60 000; start-up capital
    # 140 000 + 60 000 = 200 000.
    assert result.spent_before_opening == 140_000
    assert result.cash_fixed_costs == 30_000
    assert result.reserve == 60_000
    assert result.startup_capital == 200_000
    # Depreciation 60 000 ÷ 12 + 24 000 ÷ 24 = 5 000 + 1 000; fixed costs 30 000 + 6 000.
    assert result.depreciation == 6_000
    assert result.fixed_costs == 36_000
    # Contribution 500 − 550 = −50: each soap sold loses 50 FCFA; no break-even.
    assert result.unit_contribution == -50
    assert not result.contribution_is_positive
    assert result.break_even_units is result.break_even_revenue is None
    assert result.break_even_units_whole is None

    # Months 1–11: 200 soaps, 100 000 of sales, 110 000 of costs, profit
    # 100 000 − 110 000 − 36 000 = −46 000. Month 12: 300 soaps, 150 000 of sales, 165 000
    # of costs, profit −51 000. The year: 11 × −46 000 − 51 000 = −557 000, on average
    # −46 416.67 a month, written −46 417 FCFA.
    assert [month.units for month in result.months] == [200] * 11 + [300]
    assert [month.profit for month in result.months] == [-46_000] * 11 + [-51_000]
    assert result.profit_total == -557_000
    assert format_money(result.average_monthly_profit, "XOF") == written("-46 417 FCFA")
    assert result.payback_months is None

    # Funding 100 000 in kind + 50 000 own = 150 000: 50 000 missing, own share 25 %. Cash
    # on the first day 150 000 − 140 000 = 10 000; months 1–11 each 100 000 − (110 000 +
    # 30 000) = −40 000: −30 000 after month 1, 10 000 − 11 × 40 000 = −430 000 after
    # month 11; month 12 150 000 − (165 000 + 30 000) = −45 000: −475 000.
    assert result.funding_total == 150_000
    assert result.funding_gap == 50_000
    assert result.own_share == Decimal("0.25")
    assert result.opening_cash == 10_000
    assert result.months[0].closing_cash == -30_000
    assert result.months[10].closing_cash == -430_000
    assert result.closing_cash == -475_000
    assert result.negative_cash_months == tuple(range(1, 13))

    assert [warning.code for warning in result.warnings] == [
        CONTRIBUTION_NOT_POSITIVE,
        LOSS_EVERY_MONTH,
        NEGATIVE_CASH,
        FUNDING_GAP,
    ]
    assert result.warnings[-1].message == written(
        "Il manque 50 000 FCFA pour financer le démarrage."
    )
    assert format_money(result.closing_cash, "XOF") == written("-475 000 FCFA")


def test_soap_sold_at_its_cost_in_cfa_francs_loses_exactly_its_fixed_costs():
    result = figures(parse_plan(soap_maker(price="550", variable_cost="550")))

    # Contribution 0: whatever is sold, each month loses its fixed costs, 36 000; the year
    # 12 × −36 000 = −432 000.
    assert result.unit_contribution == 0
    assert result.break_even_units is result.break_even_revenue is None
    assert [month.profit for month in result.months] == [-36_000] * 12
    assert result.profit_total == -432_000
    assert result.warnings[0].code == CONTRIBUTION_NOT_POSITIVE


def test_a_plan_losing_money_only_on_average_says_how_much_a_month():
    # Bakery, 2 000 loaves at factor 1 and 5 000 in December: months 1–11
    # 2 000 × 60 − 172 000 = −52 000, December 5 000 × 60 − 172 000 = +128 000;
    # −52 000 × 11 + 128 000 = −444 000, −37 000 a month on average.
    data = bakery(sales={"units_per_month": "2000", "seasonal": [""] * 11 + ["2,5"]})
    result = figures(parse_plan(data))

    assert result.average_monthly_profit == -37_000
    assert result.payback_months is None
    assert result.warnings[0] == (
        AVERAGE_LOSS,
        written("Sur l'année, l'activité perd en moyenne 37 000 FCFA par mois."),
    )


def test_an_empty_plan_works_out_to_zeros_and_says_it_earns_nothing():
    result = figures(parse_plan({}))

    assert result.startup_capital == result.fixed_costs == result.profit_total == 0
    assert result.break_even_units is None
    assert result.payback_months is None
    assert result.own_share is None
    assert [warning.code for warning in result.warnings] == [
        CONTRIBUTION_NOT_POSITIVE,
        AVERAGE_LOSS,
    ]


def test_depreciation_that_does_not_divide_evenly_is_kept_to_ten_decimals():
    # 100 000 ÷ 36 = 2 777.777…: every later sum is exact from these ten decimals.
    data = {"startup": {"equipment": [{"amount": "100000", "life_months": "36"}] * 3}}
    result = figures(parse_plan(data))

    assert result.depreciation_lines == (Decimal("2777.7777777778"),) * 3
    assert result.depreciation == Decimal("8333.3333333334")
    assert format_money(result.depreciation, "XOF") == written("8 333 FCFA")


def test_the_figures_as_json_hold_plain_decimal_strings():
    answer = figures(parse_plan(bakery())).to_dict()

    assert json.loads(json.dumps(answer)) == answer
    assert answer["startup_capital"] == "1352000"
    assert answer["break_even_revenue"] == "430000"
    assert answer["break_even_units_whole"] == 2867
    assert answer["months"][3]["seasonal"] == "0.8"
    assert answer["months"][0]["negative_cash"] is False
    assert answer["negative_cash_months"] == []
    assert answer["payback_months"].startswith("18.27027027")
    assert answer["warnings"] == []
    loss = figures(parse_plan({})).to_dict()
    assert loss["warnings"][0]["code"] == CONTRIBUTION_NOT_POSITIVE
    assert loss["payback_months"] is None


def test_warnings_are_in_the_active_language():
    with translation.override("en"):
        result = figures(parse_plan({}))
    # Already translated (a str, not a lazy string) so that it goes into JSON.
    assert all(type(warning.message) is str for warning in result.warnings)
    assert result.warnings[0].message.startswith("The selling price is not more than")


# Properties: for any plan within the bounds, the tables add up; for anything at all, a plan
# or a PlanError.

PROPERTIES = settings(max_examples=200, deadline=None, database=None)

decimals = st.decimals(min_value=0, max_value=10**12, places=4, allow_nan=False)


@st.composite
def typed(draw, numbers=decimals):
    """A number as a trainee might type it: with a point or a comma, grouped or not, as a JSON
    number, or left empty."""
    number = draw(numbers)
    style = draw(st.sampled_from(["plain", "comma", "french", "spaced", "json", "empty"]))
    if style == "empty":
        return draw(st.sampled_from(["", None]))
    if style == "json":
        return int(number) if number == number.to_integral_value() else str(number)
    if style == "comma":
        return f"{number:f}".replace(".", ",")
    if style == "french":
        return format_number(number, 4)
    if style == "spaced":
        return f"{number:,f}".replace(",", "\u00a0").replace(".", ",")
    return f"{number:f}"


labels = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)
lines = st.fixed_dictionaries({"label": labels, "amount": typed()})
equipment_lines = st.fixed_dictionaries(
    {"label": labels, "amount": typed(), "life_months": st.integers(1, 600).map(str) | st.just("")}
)
valid_plans = st.fixed_dictionaries(
    {
        "currency": st.sampled_from(["XOF", "XAF", "GNF", "CDF", "MAD"]),
        "startup": st.fixed_dictionaries(
            {
                "equipment": st.lists(equipment_lines, max_size=4),
                "stock": st.lists(lines, max_size=4),
                "pre_opening": st.lists(lines, max_size=4),
                "reserve_months": st.integers(0, 24).map(str) | st.just(""),
            }
        ),
        "monthly": st.fixed_dictionaries(
            {
                key: typed()
                for key in (
                    "rent",
                    "wages",
                    "drawings",
                    "utilities",
                    "phone_transport",
                    "loan_instalment",
                )
            }
            | {"other": st.lists(lines, max_size=4)}
        ),
        "sales": st.fixed_dictionaries(
            {
                "product": labels,
                "price": typed(),
                "variable_cost": typed(),
                "units_per_month": typed(),
                "seasonal": st.lists(
                    typed(st.decimals(min_value=0, max_value=10, places=4)), max_size=12
                ),
            }
        ),
        "funding": st.fixed_dictionaries({key: typed() for key in ("iom_in_kind", "own", "loan")}),
    }
)


def close(a: Decimal, b: Decimal) -> bool:
    """Equal but for the last of 60 significant digits, for figures got by division."""
    return abs(a - b) <= max(abs(a), abs(b)) * Decimal("1e-50")


@PROPERTIES
@given(valid_plans)
def test_for_any_plan_within_bounds_the_tables_add_up(data):
    plan = parse_plan(data)
    result = figures(plan)
    # The test's own sums in as many digits as the figures' (60), not the default 28.
    with localcontext(prec=100):
        check_the_tables_add_up(plan, result)
    json.dumps(result.to_dict())
    for amount in (result.startup_capital, result.profit_total, result.closing_cash):
        format_money(amount, plan.currency)


def check_the_tables_add_up(plan, result):
    startup, monthly, sales, funding = plan.startup, plan.monthly, plan.sales, plan.funding
    assert result.equipment_total == sum(line.amount for line in startup.equipment)
    assert result.stock_total == sum(line.amount for line in startup.stock)
    assert result.pre_opening_total == sum(line.amount for line in startup.pre_opening)
    assert result.startup_capital == (
        result.equipment_total + result.stock_total + result.pre_opening_total + result.reserve
    )
    # What is paid out each month, the owner's drawings counted once...
    assert result.other_costs_total == sum(line.amount for line in monthly.other)
    assert result.cash_fixed_costs == (
        monthly.rent
        + monthly.wages
        + monthly.drawings
        + monthly.utilities
        + monthly.phone_transport
        + monthly.loan_instalment
        + result.other_costs_total
    )
    # ...and the reserve is that many months of it (figures.py: not of the depreciation).
    assert result.reserve_months == startup.reserve_months
    assert result.reserve == startup.reserve_months * result.cash_fixed_costs
    # Depreciation: each piece's amount ÷ its life, kept to ten decimals, then added up;
    # within half a unit of the tenth decimal a piece of the exact sum.
    assert result.depreciation_lines == tuple(
        (line.amount / line.life_months).quantize(DEPRECIATION_QUANTUM)
        for line in startup.equipment
    )
    assert result.depreciation == sum(result.depreciation_lines, Decimal(0))
    exact = sum((line.amount / line.life_months for line in startup.equipment), Decimal(0))
    assert abs(result.depreciation - exact) <= len(startup.equipment) * DEPRECIATION_QUANTUM / 2
    assert result.fixed_costs == result.cash_fixed_costs + result.depreciation

    # Each month, exactly (no rounding before a figure is written out): units × the month's
    # seasonal factor, sold at the price, costing the variable cost; cash in is the sales,
    # cash out the variable costs and what is paid out each month.
    assert [month.seasonal for month in result.months] == list(sales.seasonal[:12])
    for month in result.months:
        assert month.units == sales.units_per_month * month.seasonal
        assert month.revenue == sales.units_per_month * month.seasonal * sales.price
        assert month.variable_costs == month.units * sales.variable_cost
        assert month.fixed_costs == result.fixed_costs
        assert month.profit == month.revenue - month.variable_costs - month.fixed_costs
        assert month.cash_in == month.revenue
        assert month.cash_out == month.variable_costs + result.cash_fixed_costs
        assert month.closing_cash == month.opening_cash + month.cash_in - month.cash_out
    # The year's totals are the sums of its months.
    months = result.months
    assert result.units_total == sum(month.units for month in months)
    assert result.revenue_total == sum(month.revenue for month in months)
    assert result.variable_costs_total == sum(month.variable_costs for month in months)
    assert result.fixed_costs_total == sum(month.fixed_costs for month in months)
    assert result.profit_total == sum(month.profit for month in months)
    assert result.cash_in_total == sum(month.cash_in for month in months)
    assert result.cash_out_total == sum(month.cash_out for month in months)
    assert close(result.average_monthly_profit, result.profit_total / 12)

    # The funding plan: every source added up; the first day's cash is what is left of it
    # once equipment, stock and pre-opening costs are paid.
    assert (result.funding_iom_in_kind, result.own_contribution, result.funding_loan) == (
        funding.iom_in_kind,
        funding.own,
        funding.loan,
    )
    assert result.funding_total == funding.iom_in_kind + funding.own + funding.loan
    assert result.opening_cash == result.funding_total - (
        result.equipment_total + result.stock_total + result.pre_opening_total
    )

    # Every month opens with the previous one's closing cash, and the year adds up exactly.
    assert len(result.months) == 12
    assert result.months[0].opening_cash == result.opening_cash
    for before, after in itertools.pairwise(result.months):
        assert after.opening_cash == before.closing_cash
    assert result.closing_cash == result.months[-1].closing_cash
    assert result.closing_cash == (
        result.opening_cash + result.revenue_total - result.cash_out_total
    )
    assert result.cash_out_total == result.variable_costs_total + 12 * result.cash_fixed_costs
    assert result.profit_total == (
        result.revenue_total - result.variable_costs_total - 12 * result.fixed_costs
    )
    # Flagged by the cash as shown, to the currency's decimals.
    assert result.negative_cash_months == tuple(
        month.number
        for month in result.months
        if round_money(month.closing_cash, plan.currency) < 0
    )

    assert result.funding_gap + result.funding_total == result.startup_capital
    assert result.own_contribution == plan.funding.own

    contribution = plan.sales.price - plan.sales.variable_cost
    assert result.unit_contribution == contribution
    if contribution > 0:
        assert close(result.break_even_revenue, result.break_even_units * plan.sales.price)
        assert result.break_even_units_whole >= result.break_even_units
    else:
        assert result.break_even_units is result.break_even_revenue is None
        assert CONTRIBUTION_NOT_POSITIVE in [warning.code for warning in result.warnings]
    if result.profit_total > 0:
        assert close(result.payback_months * result.average_monthly_profit, result.startup_capital)
    else:
        assert result.payback_months is None


@PROPERTIES
@given(decimals)
def test_a_number_written_out_the_french_way_reads_back_as_itself(number):
    assert parse_plan({"sales": {"price": format_number(number, 4)}}).sales.price == number


# JSON-like garbage: anything json.loads could give, and whatever Python callers might pass.
garbage = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=70)
    | st.sampled_from(["", "1e9", "NaN", "-1", "1 250 000", "12,5", "1.250.000", "\ud800"]),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)


def shaped(keys: dict) -> st.SearchStrategy:
    """Dicts with some of these keys, each holding what it should or garbage."""
    return st.fixed_dictionaries({}, optional={key: value | garbage for key, value in keys.items()})


def table(row_keys: tuple[str, ...]) -> st.SearchStrategy:
    return st.lists(shaped(dict.fromkeys(row_keys, garbage)) | garbage, max_size=4)


plan_shaped_garbage = shaped(
    {
        "currency": garbage,
        "startup": shaped(
            {
                "equipment": table(("label", "amount", "life_months")),
                "stock": table(("label", "amount")),
                "pre_opening": table(("label", "amount")),
                "reserve_months": garbage,
            }
        ),
        "monthly": shaped({"rent": garbage, "drawings": garbage, "other": table(("amount",))}),
        "sales": shaped(
            {
                "price": garbage,
                "variable_cost": garbage,
                "units_per_month": garbage,
                "seasonal": st.lists(garbage, max_size=13),
            }
        ),
        "funding": shaped({"own": garbage, "loan": garbage}),
    }
)


@PROPERTIES
@given(garbage | plan_shaped_garbage)
def test_anything_at_all_gives_a_plan_or_a_plan_error_and_nothing_else(data):
    try:
        plan = parse_plan(data)
    except PlanError as error:
        assert error.errors
        assert all(
            type(path) is str and type(message) is str for path, message in error.errors.items()
        )
    else:
        json.dumps(figures(plan).to_dict())


def test_the_largest_figures_are_written_to_the_last_digit():
    # 10²⁶ has 27 digits; with its decimals it is past the default 28 digits of Decimal.
    amount = Decimal("119998799999999976000240000.005")
    assert format_money(amount, "MAD") == written("119 998 799 999 999 976 000 240 000,01 MAD")


def test_flags_go_by_the_amounts_as_shown():
    # Equipment 0.4 FCFA unfunded: a gap of 0.4, shown "0 FCFA", is nothing missing;
    # the first day's cash −0.4 shows "0 FCFA" and is not short. At 0.5 both show 1.
    def result(amount):
        return figures(parse_plan({"startup": {"equipment": [{"amount": amount}]}}))

    assert result("0,4").funding_gap == Decimal("0.4")
    assert [warning.code for warning in result("0,4").warnings] == [
        CONTRIBUTION_NOT_POSITIVE,
        AVERAGE_LOSS,
    ]
    assert result("0,4").negative_cash_months == ()
    assert result("0,5").negative_cash_months == tuple(range(1, 13))
    assert FUNDING_GAP in [warning.code for warning in result("0,5").warnings]
