"""The calculations of shared/curriculum.md §5 on a parsed ``Plan``, with no database access.

Every figure is exact: amounts have at most four decimals and are bounded (plan.py), so the
sums and products below fit in the 60 digits of ``_PRECISION`` without rounding, and the tables
add up to the last digit. Divisions are the exception: depreciation is kept to ten decimals
(``DEPRECIATION_QUANTUM``, far below a centime) because it enters every later sum; break-even
and payback, which nothing adds up, keep 60 significant digits. Rounding to the currency's
decimals happens only when a figure is written out (money.format_money).

The flags and warnings go by the figures as shown: a month closing at −0.4 FCFA shows
"0 FCFA" and is not flagged short of cash, nor is a gap of 0.4 FCFA a missing sum.
"""

from dataclasses import dataclass, fields, is_dataclass, replace
from decimal import ROUND_CEILING, Context, Decimal, localcontext
from typing import Any, NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.business_plan.money import format_money, round_money
from courses.business_plan.plan import MONTHS, Plan

DEPRECIATION_QUANTUM = Decimal("1e-10")
_PRECISION = 60
_JSON = Context(prec=_PRECISION)

CONTRIBUTION_NOT_POSITIVE = "contribution_not_positive"
LOSS_EVERY_MONTH = "loss_every_month"
AVERAGE_LOSS = "average_loss"
NEGATIVE_CASH = "negative_cash"
FUNDING_GAP = "funding_gap"


class PlanWarning(NamedTuple):
    code: str  # one of the constants above, for the page to style or the trainer to filter
    message: str  # in plain words, in the active language


@dataclass(frozen=True)
class Month:
    number: int  # 1–12: months of activity, not calendar months
    seasonal: Decimal
    units: Decimal
    revenue: Decimal
    variable_costs: Decimal
    fixed_costs: Decimal  # with depreciation: the profit plan's cost
    profit: Decimal
    opening_cash: Decimal
    cash_in: Decimal  # the month's sales, paid in cash
    cash_out: Decimal  # variable costs and fixed costs without depreciation
    closing_cash: Decimal
    negative_cash: bool


@dataclass(frozen=True)
class Figures:
    currency: str
    # Start-up capital (the start-up costs table).
    equipment_total: Decimal
    stock_total: Decimal
    pre_opening_total: Decimal
    spent_before_opening: Decimal  # equipment + stock + pre-opening: paid before the first sale
    reserve_months: int
    reserve: Decimal
    startup_capital: Decimal
    # Monthly costs.
    depreciation_lines: tuple[Decimal, ...]  # one a piece of equipment, in the table's order
    depreciation: Decimal
    other_costs_total: Decimal
    cash_fixed_costs: Decimal  # what is paid out each month: fixed costs without depreciation
    fixed_costs: Decimal
    # Sales and break-even.
    unit_contribution: Decimal
    contribution_is_positive: bool
    break_even_units: Decimal | None  # None when the contribution is not above 0
    break_even_units_whole: int | None  # rounded up: the units to sell to break even at least
    break_even_revenue: Decimal | None
    # The 12 months of the profit and cash-flow plans, and their totals.
    months: tuple[Month, ...]
    units_total: Decimal
    revenue_total: Decimal
    variable_costs_total: Decimal
    fixed_costs_total: Decimal
    profit_total: Decimal
    cash_in_total: Decimal
    cash_out_total: Decimal
    opening_cash: Decimal
    closing_cash: Decimal
    negative_cash_months: tuple[int, ...]
    average_monthly_profit: Decimal
    payback_months: Decimal | None  # None when the business makes no profit: never paid back
    # Funding plan.
    funding_iom_in_kind: Decimal
    own_contribution: Decimal
    funding_loan: Decimal
    funding_total: Decimal
    funding_gap: Decimal  # positive: money still missing; negative: more than needed
    own_share: Decimal | None  # own contribution ÷ start-up capital; None when that is 0
    warnings: tuple[PlanWarning, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: Decimals as plain strings ("1250000", "12.5", never "1.25E+6")."""
        return _json_safe(self)


def figures(plan: Plan) -> Figures:
    """Every figure of the profit, cash-flow and funding plans, with the plan's warnings."""
    with localcontext(prec=_PRECISION):
        return _figures(plan)


def _figures(plan: Plan) -> Figures:
    startup, monthly, sales, funding = plan.startup, plan.monthly, plan.sales, plan.funding

    equipment_total = sum((line.amount for line in startup.equipment), Decimal(0))
    stock_total = sum((line.amount for line in startup.stock), Decimal(0))
    pre_opening_total = sum((line.amount for line in startup.pre_opening), Decimal(0))
    spent_before_opening = equipment_total + stock_total + pre_opening_total

    depreciation_lines = tuple(
        (line.amount / line.life_months).quantize(DEPRECIATION_QUANTUM)
        for line in startup.equipment
    )
    depreciation = sum(depreciation_lines, Decimal(0))
    other_costs_total = sum((line.amount for line in monthly.other), Decimal(0))
    # §5 counts the owner's drawings in the fixed costs ("wages (including owner's
    # drawings)"); they are their own line here, counted once.
    cash_fixed_costs = (
        monthly.rent
        + monthly.wages
        + monthly.drawings
        + monthly.utilities
        + monthly.phone_transport
        + monthly.loan_instalment
        + other_costs_total
    )
    fixed_costs = cash_fixed_costs + depreciation

    # §5: reserve = N months × (monthly fixed costs + owner's drawings). The drawings are
    # already in the fixed costs above, so adding them again would count them twice; and
    # depreciation is no money paid out, so the reserve does not hold it. The reserve is N
    # months of what is paid out: N × the cash fixed costs.
    reserve = startup.reserve_months * cash_fixed_costs
    startup_capital = spent_before_opening + reserve

    unit_contribution = sales.price - sales.variable_cost
    contribution_is_positive = unit_contribution > 0
    if contribution_is_positive:
        break_even_units = fixed_costs / unit_contribution
        # §5's fixed ÷ (contribution ÷ price), in one division rather than two: exact
        # whenever the quotient is (172 000 × 150 ÷ 60 = 430 000, not 429 999.999…).
        break_even_revenue = fixed_costs * sales.price / unit_contribution
        break_even_units_whole = int(break_even_units.to_integral_value(ROUND_CEILING))
    else:
        break_even_units = break_even_revenue = break_even_units_whole = None

    # The money of the funding left once equipment, stock and pre-opening are paid is the
    # cash of the first day: the reserve, if the plan is fully funded.
    funding_total = funding.iom_in_kind + funding.own + funding.loan
    opening_cash = funding_total - spent_before_opening

    months = []
    cash = opening_cash
    for number, seasonal in enumerate(sales.seasonal[:MONTHS], start=1):
        units = sales.units_per_month * seasonal
        revenue = units * sales.price
        variable_costs = units * sales.variable_cost
        cash_out = variable_costs + cash_fixed_costs
        closing = cash + revenue - cash_out
        months.append(
            Month(
                number=number,
                seasonal=seasonal,
                units=units,
                revenue=revenue,
                variable_costs=variable_costs,
                fixed_costs=fixed_costs,
                profit=revenue - variable_costs - fixed_costs,
                opening_cash=cash,
                cash_in=revenue,
                cash_out=cash_out,
                closing_cash=closing,
                negative_cash=round_money(closing, plan.currency) < 0,
            )
        )
        cash = closing

    profit_total = sum((month.profit for month in months), Decimal(0))
    average_monthly_profit = profit_total / MONTHS
    # capital × 12 ÷ profit rather than capital ÷ (profit ÷ 12): one division, not two.
    payback_months = startup_capital * MONTHS / profit_total if profit_total > 0 else None

    result = Figures(
        currency=plan.currency,
        equipment_total=equipment_total,
        stock_total=stock_total,
        pre_opening_total=pre_opening_total,
        spent_before_opening=spent_before_opening,
        reserve_months=startup.reserve_months,
        reserve=reserve,
        startup_capital=startup_capital,
        depreciation_lines=depreciation_lines,
        depreciation=depreciation,
        other_costs_total=other_costs_total,
        cash_fixed_costs=cash_fixed_costs,
        fixed_costs=fixed_costs,
        unit_contribution=unit_contribution,
        contribution_is_positive=contribution_is_positive,
        break_even_units=break_even_units,
        break_even_units_whole=break_even_units_whole,
        break_even_revenue=break_even_revenue,
        months=tuple(months),
        units_total=sum((month.units for month in months), Decimal(0)),
        revenue_total=sum((month.revenue for month in months), Decimal(0)),
        variable_costs_total=sum((month.variable_costs for month in months), Decimal(0)),
        fixed_costs_total=fixed_costs * MONTHS,
        profit_total=profit_total,
        cash_in_total=sum((month.cash_in for month in months), Decimal(0)),
        cash_out_total=sum((month.cash_out for month in months), Decimal(0)),
        opening_cash=opening_cash,
        closing_cash=cash,
        negative_cash_months=tuple(month.number for month in months if month.negative_cash),
        average_monthly_profit=average_monthly_profit,
        payback_months=payback_months,
        funding_iom_in_kind=funding.iom_in_kind,
        own_contribution=funding.own,
        funding_loan=funding.loan,
        funding_total=funding_total,
        funding_gap=startup_capital - funding_total,
        own_share=funding.own / startup_capital if startup_capital > 0 else None,
        warnings=(),
    )
    return _with_warnings(result)


def _with_warnings(result: Figures) -> Figures:
    money = {"currency": result.currency}

    def shown(amount: Decimal) -> Decimal:
        return round_money(amount, result.currency)

    average_profit = shown(result.average_monthly_profit)
    warnings = []
    if not result.contribution_is_positive:
        warnings.append(
            PlanWarning(
                CONTRIBUTION_NOT_POSITIVE,
                _(
                    "Le prix de vente ne dépasse pas le coût variable d'une unité : chaque "
                    "vente ne rapporte rien ou fait perdre de l'argent. Augmentez le prix ou "
                    "baissez le coût."
                ),
            )
        )
    if all(shown(month.profit) < 0 for month in result.months):
        warnings.append(
            PlanWarning(
                LOSS_EVERY_MONTH,
                _(
                    "L'activité perd de l'argent tous les mois : les ventes ne couvrent pas "
                    "les coûts."
                ),
            )
        )
    elif average_profit < 0:
        warnings.append(
            PlanWarning(
                AVERAGE_LOSS,
                _("Sur l'année, l'activité perd en moyenne %(amount)s par mois.")
                % {"amount": format_money(-average_profit, **money)},
            )
        )
    elif average_profit == 0:
        warnings.append(
            PlanWarning(AVERAGE_LOSS, _("Sur l'année, l'activité ne fait aucun bénéfice."))
        )
    if result.negative_cash_months:
        count = len(result.negative_cash_months)
        warnings.append(
            PlanWarning(
                NEGATIVE_CASH,
                ngettext(
                    "Il manque de l'argent en caisse au mois %(months)s : prévoyez plus "
                    "d'argent au départ ou moins de dépenses.",
                    "Il manque de l'argent en caisse aux mois %(months)s : prévoyez plus "
                    "d'argent au départ ou moins de dépenses.",
                    count,
                )
                % {"months": ", ".join(str(number) for number in result.negative_cash_months)},
            )
        )
    if shown(result.funding_gap) > 0:
        warnings.append(
            PlanWarning(
                FUNDING_GAP,
                _("Il manque %(amount)s pour financer le démarrage.")
                % {"amount": format_money(result.funding_gap, **money)},
            )
        )
    return replace(result, warnings=tuple(warnings))


def _json_safe(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value.normalize(_JSON):f}"
    if isinstance(value, PlanWarning):
        return value._asdict()
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: _json_safe(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, tuple | list):
        return [_json_safe(item) for item in value]
    return value
