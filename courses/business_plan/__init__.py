"""The business-plan exercise's figures (shared/curriculum.md §5), with no database access.

``parse_plan`` reads the plan's JSON as the trainee typed it into exact numbers (plan.py),
``format_money`` writes an amount in the plan's currency (money.py).
"""

from courses.business_plan.money import (
    CURRENCIES,
    DEFAULT_CURRENCY,
    Currency,
    currency_for_country,
    format_money,
    format_number,
    get_currency,
)
from courses.business_plan.plan import (
    DEFAULT_LIFE_MONTHS,
    DEFAULT_RESERVE_MONTHS,
    MAX_AMOUNT,
    MAX_LABEL_LENGTH,
    MAX_ROWS,
    EquipmentLine,
    Funding,
    Line,
    Monthly,
    Plan,
    PlanError,
    Sales,
    Startup,
    parse_plan,
)

__all__ = [
    "CURRENCIES",
    "DEFAULT_CURRENCY",
    "DEFAULT_LIFE_MONTHS",
    "DEFAULT_RESERVE_MONTHS",
    "MAX_AMOUNT",
    "MAX_LABEL_LENGTH",
    "MAX_ROWS",
    "Currency",
    "EquipmentLine",
    "Funding",
    "Line",
    "Monthly",
    "Plan",
    "PlanError",
    "Sales",
    "Startup",
    "currency_for_country",
    "format_money",
    "format_number",
    "get_currency",
    "parse_plan",
]
