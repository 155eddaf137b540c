"""courses/business_plan: the plan's figures read from what trainees type, worked out as in
shared/curriculum.md §5 and written in the plan's currency. No database."""

import re
from decimal import Decimal

import pytest
from django.utils import translation

from courses.business_plan import (
    DEFAULT_LIFE_MONTHS,
    PlanError,
    currency_for_country,
    format_money,
    format_number,
    get_currency,
    parse_plan,
)


@pytest.fixture(autouse=True)
def in_french():
    with translation.override("fr"):
        yield


def written(text: str) -> str:
    """An amount as printed, from a test's readable spelling: digit groups are separated by a
    narrow no-break space, and a no-break space comes before the currency."""
    text = re.sub(r"(?<=\d) (?=\d)", "\u202f", text)
    return re.sub(r" (?=[A-Za-z])", "\u00a0", text)


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
TOO_LARGE = "Ce nombre est trop grand : au plus 1\u202f000\u202f000\u202f000\u202f000."


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
        ("1e9", "Écrivez le nombre en entier, sans « e » : 1 000 000 000 et non 1e9."),
        ("2,5E3", "Écrivez le nombre en entier, sans « e » : 1 000 000 000 et non 1e9."),
        ("1.250.000", "Séparez les milliers par des espaces : 1 250 000."),
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
            "Écrivez le nombre en entier, sans « e » : 1 000 000 000 et non 1e9."
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
