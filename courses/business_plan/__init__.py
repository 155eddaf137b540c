"""The business-plan exercise's figures (shared/curriculum.md §5), with no database access.

``parse_plan`` reads the plan's JSON as the trainee typed it into exact numbers (plan.py),
``figures`` works out the profit, cash-flow and funding plans (figures.py), ``format_money``
writes an amount in the plan's currency (money.py)::

    plan = parse_plan(data, default_currency=currency_for_country("sn"))  # or PlanError
    result = figures(plan)
    format_money(result.startup_capital, plan.currency)  # "1 250 000 FCFA"
"""

from courses.business_plan.figures import (
    AVERAGE_LOSS,
    CONTRIBUTION_NOT_POSITIVE,
    FUNDING_GAP,
    LOSS_EVERY_MONTH,
    NEGATIVE_CASH,
    Figures,
    Month,
    PlanWarning,
    figures,
)
from courses.business_plan.money import (
    CURRENCIES,
    DEFAULT_CURRENCY,
    Currency,
    currency_for_country,
    format_money,
    format_number,
    get_currency,
    round_money,
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
    "AVERAGE_LOSS",
    "CONTRIBUTION_NOT_POSITIVE",
    "CURRENCIES",
    "DEFAULT_CURRENCY",
    "DEFAULT_LIFE_MONTHS",
    "DEFAULT_RESERVE_MONTHS",
    "FUNDING_GAP",
    "LOSS_EVERY_MONTH",
    "MAX_AMOUNT",
    "MAX_LABEL_LENGTH",
    "MAX_ROWS",
    "NEGATIVE_CASH",
    "Currency",
    "EquipmentLine",
    "Figures",
    "Funding",
    "Line",
    "Month",
    "Monthly",
    "Plan",
    "PlanError",
    "PlanWarning",
    "Sales",
    "Startup",
    "currency_for_country",
    "figures",
    "format_money",
    "format_number",
    "get_currency",
    "parse_plan",
    "round_money",
]
