"""A business plan's figures as typed by a trainee, read into exact numbers.

The plan is stored as JSON and every number in it arrives as the trainee typed it: a string
(possibly empty, in French — "1 250 000", "12,5" — or garbage) or a JSON number.
``parse_plan`` turns it into a ``Plan`` or raises ``PlanError`` naming every field that is
wrong, by its path in the JSON ("startup.equipment.0.amount", "sales.seasonal.3").

Left empty, a number counts as 0, except:
- ``startup.reserve_months``: 3, the N of shared/curriculum.md §5;
- ``life_months`` of a piece of equipment: 36 (``DEFAULT_LIFE_MONTHS``), three years, the
  usual life of the small equipment of a workshop or shop in the SYB worked examples; a
  shorter default would load the first plans with a depreciation the trainee never chose;
- ``sales.seasonal``: 1 for each month left empty or missing (the list may be shorter than
  12; it may not be longer).
Keys the calculations do not use (the plan's texts) are ignored.
"""

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from courses.business_plan.money import CURRENCIES, DEFAULT_CURRENCY, format_number, get_currency

MAX_AMOUNT = Decimal(10) ** 12  # a trillion of any of these currencies: no micro-business
MAX_DECIMALS = 4  # "12,5" FCFA a unit is fine; more is a typing slip, and keeps sums exact
MAX_ROWS = 50
MAX_LABEL_LENGTH = 200
DEFAULT_RESERVE_MONTHS = 3
MAX_RESERVE_MONTHS = 24
DEFAULT_LIFE_MONTHS = 36
MAX_LIFE_MONTHS = 600
DEFAULT_SEASONAL = Decimal(1)
MAX_SEASONAL = Decimal(10)
MONTHS = 12
USUAL_YEAR = (DEFAULT_SEASONAL,) * MONTHS  # every month sells the usual units

# Anything longer than this is not a number anyone typed (10¹² with four decimals and its
# spaces is 22 characters).
_MAX_NUMBER_TEXT = 64
# What is left once the spaces of "1 250 000" are gone: digits, one decimal comma or point.
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_DOTTED_THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3}){2,}(,\d*)?")
_EXPONENT = re.compile(r"[+-]?\d+([.,]\d*)?[eE][+-]?\d+")
_WIDE = Context(prec=100)  # more digits than any number let through has
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})


@dataclass(frozen=True)
class Line:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class EquipmentLine(Line):
    life_months: int = DEFAULT_LIFE_MONTHS


@dataclass(frozen=True)
class Startup:
    equipment: tuple[EquipmentLine, ...] = ()
    stock: tuple[Line, ...] = ()
    pre_opening: tuple[Line, ...] = ()
    reserve_months: int = DEFAULT_RESERVE_MONTHS


@dataclass(frozen=True)
class Monthly:
    rent: Decimal = Decimal(0)
    wages: Decimal = Decimal(0)
    drawings: Decimal = Decimal(0)  # what the owner takes home each month
    utilities: Decimal = Decimal(0)
    phone_transport: Decimal = Decimal(0)
    loan_instalment: Decimal = Decimal(0)
    other: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Sales:
    product: str = ""
    price: Decimal = Decimal(0)
    variable_cost: Decimal = Decimal(0)  # per unit sold
    units_per_month: Decimal = Decimal(0)
    seasonal: tuple[Decimal, ...] = USUAL_YEAR  # one factor a month


@dataclass(frozen=True)
class Funding:
    iom_in_kind: Decimal = Decimal(0)
    own: Decimal = Decimal(0)
    loan: Decimal = Decimal(0)


@dataclass(frozen=True)
class Plan:
    currency: str = DEFAULT_CURRENCY
    startup: Startup = Startup()
    monthly: Monthly = Monthly()
    sales: Sales = Sales()
    funding: Funding = Funding()


class PlanError(ValueError):
    """A plan that cannot be worked out: ``errors`` maps a field's path ("" for the whole
    plan) to a message for the trainee."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{path}: {message}" for path, message in errors.items()))
        self.errors = errors


class _Invalid(Exception):
    def __init__(self, message: str):
        self.message = message


def _join(path: str, key: str | int) -> str:
    return f"{path}.{key}" if path else str(key)


class _Reader:
    """Reads one plan, collecting an error per path instead of stopping at the first."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def section(self, data: Any, path: str) -> dict:
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.errors[path] = _("Cette partie du plan n'a pas la forme attendue.")
            return {}
        return data

    def value(self, value: Any, path: str, read: Callable[[Any], Any], default: Any):
        try:
            return read(value)
        except _Invalid as invalid:
            self.errors[path] = invalid.message
            return default

    def field(self, data: dict, key: str, path: str, read: Callable[[Any], Any], default: Any):
        return self.value(data.get(key), _join(path, key), read, default)

    def rows(self, data: dict, key: str, path: str, read_row: Callable[[dict, str], Any]):
        path = _join(path, key)
        rows = data.get(key)
        if rows is None:
            return ()
        if not isinstance(rows, list):
            self.errors[path] = _("Ce tableau n'a pas la forme attendue.")
            return ()
        if len(rows) > MAX_ROWS:
            self.errors[path] = _("Au plus %(count)s lignes dans ce tableau.") % {"count": MAX_ROWS}
            return ()
        read = []
        for index, row in enumerate(rows):
            row_path = _join(path, index)
            if not isinstance(row, dict):
                self.errors[row_path] = _("Cette ligne n'a pas la forme attendue.")
                continue
            read.append(read_row(row, row_path))
        return tuple(read)

    def line(self, row: dict, path: str) -> Line:
        return Line(
            label=self.field(row, "label", path, read_label, ""),
            amount=self.field(row, "amount", path, read_amount, Decimal(0)),
        )

    def equipment_line(self, row: dict, path: str) -> EquipmentLine:
        line = self.line(row, path)
        life = self.field(row, "life_months", path, read_life_months, DEFAULT_LIFE_MONTHS)
        return EquipmentLine(line.label, line.amount, life)

    def seasonal(self, data: dict, path: str) -> tuple[Decimal, ...]:
        path = _join(path, "seasonal")
        factors = data.get("seasonal")
        if factors is None:
            return USUAL_YEAR
        if not isinstance(factors, list):
            self.errors[path] = _("Les coefficients saisonniers n'ont pas la forme attendue.")
            return USUAL_YEAR
        if len(factors) > MONTHS:
            self.errors[path] = _("Au plus 12 coefficients saisonniers, un par mois.")
            return USUAL_YEAR
        read = [
            self.value(factor, _join(path, month), read_seasonal, DEFAULT_SEASONAL)
            for month, factor in enumerate(factors)
        ]
        return (*read, *[DEFAULT_SEASONAL] * (MONTHS - len(read)))


def parse_plan(data: Any, *, default_currency: str = DEFAULT_CURRENCY) -> Plan:
    """The plan's figures, or ``PlanError`` with a message for each field that is wrong.

    ``default_currency`` is the one used when the plan names none (see
    ``currency_for_country``).
    """
    if not isinstance(data, dict):
        raise PlanError({"": _("Ce plan d'affaires n'a pas la forme attendue.")})
    default_currency = get_currency(default_currency).code  # KeyError: the caller's mistake
    reader = _Reader()
    currency = reader.field(data, "currency", "", read_currency, "") or default_currency

    startup_data = reader.section(data.get("startup"), "startup")
    startup = Startup(
        equipment=reader.rows(startup_data, "equipment", "startup", reader.equipment_line),
        stock=reader.rows(startup_data, "stock", "startup", reader.line),
        pre_opening=reader.rows(startup_data, "pre_opening", "startup", reader.line),
        reserve_months=reader.field(
            startup_data, "reserve_months", "startup", read_reserve_months, 0
        ),
    )

    monthly_data = reader.section(data.get("monthly"), "monthly")
    amounts = {
        key: reader.field(monthly_data, key, "monthly", read_amount, Decimal(0))
        for key in ("rent", "wages", "drawings", "utilities", "phone_transport", "loan_instalment")
    }
    monthly = Monthly(**amounts, other=reader.rows(monthly_data, "other", "monthly", reader.line))

    sales_data = reader.section(data.get("sales"), "sales")
    sales = Sales(
        product=reader.field(sales_data, "product", "sales", read_label, ""),
        price=reader.field(sales_data, "price", "sales", read_amount, Decimal(0)),
        variable_cost=reader.field(sales_data, "variable_cost", "sales", read_amount, Decimal(0)),
        units_per_month=reader.field(
            sales_data, "units_per_month", "sales", read_quantity, Decimal(0)
        ),
        seasonal=reader.seasonal(sales_data, "sales"),
    )

    funding_data = reader.section(data.get("funding"), "funding")
    funding = Funding(
        **{
            key: reader.field(funding_data, key, "funding", read_amount, Decimal(0))
            for key in ("iom_in_kind", "own", "loan")
        }
    )

    if reader.errors:
        raise PlanError(reader.errors)
    return Plan(currency, startup, monthly, sales, funding)


# Readers of one value: each returns it, or raises _Invalid with the trainee's message.


def read_number(value: Any, *, empty: Decimal | None = Decimal(0)) -> Decimal | None:
    """A number as typed: "1 250 000", "12,5", 12.5; ``empty`` for "" or null.

    Refused: words, several decimal separators, exponents ("1e9"), NaN and infinities, booleans,
    lists and objects. The sign is kept; the callers say whether a negative number may be.
    """
    if value is None:
        return empty
    if isinstance(value, bool):
        raise _Invalid(_("Saisissez un nombre, par exemple 1 250 000."))
    if isinstance(value, int):
        # A bound before Decimal(): no need to carry a number of a million digits around.
        if abs(value) > 10 * MAX_AMOUNT:
            raise _too_large()
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Invalid(_("Saisissez un nombre, par exemple 1 250 000."))
        # repr() is the shortest text for the float: 0.1, not 0.1000000000000000055…
        return Decimal(repr(value))
    if not isinstance(value, str):
        raise _Invalid(_("Saisissez un nombre, par exemple 1 250 000."))
    if len(value) > _MAX_NUMBER_TEXT:
        raise _Invalid(_("Ce nombre est trop long."))
    text = "".join(char for char in value if not char.isspace()).translate(_MINUS_SIGNS)
    if not text:
        return empty
    if _EXPONENT.fullmatch(text):
        raise _Invalid(_("Écrivez le nombre en entier, sans « e » : 1 000 000 000 et non 1e9."))
    if _DOTTED_THOUSANDS.fullmatch(text):
        raise _Invalid(_("Séparez les milliers par des espaces : 1 250 000."))
    if not _NUMBER.fullmatch(text):
        raise _Invalid(_("Saisissez un nombre, par exemple 1 250 000."))
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:  # a digit of a script Decimal does not read
        raise _Invalid(_("Saisissez un nombre, par exemple 1 250 000.")) from None
    # "-0" is 0: no "-0" in a table or a total.
    return number.copy_abs() if number.is_zero() else number


def _too_large() -> _Invalid:
    return _Invalid(
        _("Ce nombre est trop grand : au plus %(max)s.") % {"max": format_number(MAX_AMOUNT)}
    )


def _check_decimals(number: Decimal) -> Decimal:
    # Trailing zeros do not count: "12,50000" is 12,5.
    if number.normalize(_WIDE).as_tuple().exponent < -MAX_DECIMALS:
        raise _Invalid(_("Au plus %(count)s chiffres après la virgule.") % {"count": MAX_DECIMALS})
    return number


def read_amount(value: Any) -> Decimal:
    """An amount of money: 0 when empty, between 0 and 10¹²."""
    number = read_number(value)
    if number < 0:
        raise _Invalid(_("Le montant doit être un nombre positif."))
    if number > MAX_AMOUNT:
        raise _too_large()
    return _check_decimals(number)


def read_quantity(value: Any) -> Decimal:
    """A number of units (may be 2,5 kg): 0 when empty, between 0 and 10¹²."""
    number = read_number(value)
    if number < 0:
        raise _Invalid(_("La quantité doit être un nombre positif."))
    if number > MAX_AMOUNT:
        raise _too_large()
    return _check_decimals(number)


def _read_whole_months(value: Any, default: int, low: int, high: int, message: str) -> int:
    number = read_number(value, empty=Decimal(default))
    if number < low or number > high:
        raise _Invalid(message)
    if number != number.to_integral_value():
        raise _Invalid(_("Saisissez un nombre entier de mois."))
    return int(number)


def read_reserve_months(value: Any) -> int:
    return _read_whole_months(
        value,
        DEFAULT_RESERVE_MONTHS,
        0,
        MAX_RESERVE_MONTHS,
        _("La réserve doit couvrir entre 0 et %(max)s mois.") % {"max": MAX_RESERVE_MONTHS},
    )


def read_life_months(value: Any) -> int:
    return _read_whole_months(
        value,
        DEFAULT_LIFE_MONTHS,
        1,
        MAX_LIFE_MONTHS,
        _("La durée de vie doit être comprise entre 1 et %(max)s mois.") % {"max": MAX_LIFE_MONTHS},
    )


def read_seasonal(value: Any) -> Decimal:
    """A month's factor on the usual sales: 1 when empty, between 0 and 10."""
    number = read_number(value, empty=DEFAULT_SEASONAL)
    if number < 0 or number > MAX_SEASONAL:
        raise _Invalid(
            _("Le coefficient saisonnier doit être compris entre 0 et %(max)s.")
            % {"max": MAX_SEASONAL}
        )
    return _check_decimals(number)


def read_label(value: Any) -> str:
    """A line's label: any text (Arabic, emoji…) up to 200 characters, spaces trimmed.

    Control characters and lone surrogates are refused: neither can be printed, and the
    database's JSON refuses a NUL.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Invalid(_("Le libellé doit être un texte."))
    label = value.strip()
    if len(label) > MAX_LABEL_LENGTH:
        raise _Invalid(
            _("Le libellé ne peut pas dépasser %(max)s caractères.") % {"max": MAX_LABEL_LENGTH}
        )
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in label):
        raise _Invalid(_("Le libellé contient un caractère qui ne peut pas être écrit."))
    return label


def read_currency(value: Any) -> str:
    """An ISO code among CURRENCIES, any case; "" when empty (the default applies)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and value.strip().upper() in CURRENCIES:
        return value.strip().upper()
    raise _Invalid(_("Cette monnaie n'est pas prise en charge."))
