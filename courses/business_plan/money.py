"""Currencies of the programme's countries and money written the French way.

Amounts are kept unrounded (``decimal.Decimal``) and rounded to the currency's decimals only
here, when written out, so a total is never the sum of already-rounded parts.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

# French (CLDR "fr"): digits grouped by a narrow no-break space, a decimal comma, a no-break
# space before the currency so the two never part at a line end. The minus is the ASCII one,
# as CLDR and the browser's Intl.NumberFormat("fr") write it.
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
_SEPARATORS = {"fr": (NARROW_NBSP, ","), "en": (",", ".")}
_TRANSLATIONS = {
    (group, point): str.maketrans({",": group, ".": point}) for group, point in _SEPARATORS.values()
}


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217
    places: int  # decimals shown
    symbol: str  # what a trainee reads after an amount

    def __str__(self) -> str:
        return self.code


# FCFA is how both CFA francs are written in French; the others go by their ISO code, which is
# what banks and microfinance forms in those countries print.
CURRENCIES: dict[str, Currency] = {
    "XOF": Currency("XOF", 0, "FCFA"),
    "XAF": Currency("XAF", 0, "FCFA"),
    "GNF": Currency("GNF", 0, "GNF"),
    "CDF": Currency("CDF", 2, "CDF"),
    "MAD": Currency("MAD", 2, "MAD"),
}
DEFAULT_CURRENCY = "XOF"

# The West African (UEMOA) and Central African (CEMAC) franc zones in full, so a plan in Niger
# or Gabon gets its franc and not the default by chance.
_COUNTRY_CURRENCY = {
    **dict.fromkeys(["bf", "bj", "ci", "gw", "ml", "ne", "sn", "tg"], "XOF"),
    **dict.fromkeys(["cm", "cf", "cg", "ga", "gq", "td"], "XAF"),
    "gn": "GNF",
    "cd": "CDF",
    "ma": "MAD",
}


def currency_for_country(iso2: str) -> str:
    """The ISO code of the currency a plan in this country is written in (XOF if unknown)."""
    key = iso2.strip().lower() if isinstance(iso2, str) else ""
    return _COUNTRY_CURRENCY.get(key, DEFAULT_CURRENCY)


def get_currency(currency: str | Currency) -> Currency:
    """The ``Currency`` for an ISO code (any case); ``KeyError`` for one not listed."""
    if isinstance(currency, Currency):
        return currency
    return CURRENCIES[currency.strip().upper()]


def format_number(value: Decimal | int, places: int = 0, language: str = "fr") -> str:
    """``value`` rounded half up to ``places`` decimals, grouped by thousands."""
    group, point = _SEPARATORS.get(language[:2].lower(), _SEPARATORS["fr"])
    rounded = _round(Decimal(value), places)
    # A loss that rounds to nothing is written 0, not -0.
    sign = "-" if rounded < 0 else ""
    # Decimal's own formatting groups the digits exactly (a plan's figures are written a
    # hundred times per autosave); its "," and "." are then made the language's.
    text = format(rounded.copy_abs(), f",.{places}f")
    return sign + text.translate(_TRANSLATIONS[group, point])


def round_money(amount: Decimal | int, currency: str | Currency) -> Decimal:
    """The amount as shown: rounded half up to the currency's decimals."""
    return _round(Decimal(amount), get_currency(currency).places)


def _round(value: Decimal, places: int) -> Decimal:
    # Half up, as on a till; in enough digits for the largest figure of a plan (10²⁶ and 12
    # decimals), where the default 28 would round it a second time.
    with localcontext(prec=80):
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_money(
    amount: Decimal | int, currency: str | Currency, language: str = "fr", *, code: bool = False
) -> str:
    """The amount as a trainee reads it: "1 250 000 FCFA", "12 500,50 MAD", "-3 000 GNF".

    Rounded half up to the currency's decimals; ``code=True`` writes the ISO code (XOF, XAF)
    where the two CFA francs must be told apart. ``language="en"`` writes "1,250,000 FCFA".
    """
    money = get_currency(currency)
    label = money.code if code else money.symbol
    return f"{format_number(amount, money.places, language)}{NBSP}{label}"
