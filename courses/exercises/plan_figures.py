"""The business plan's figures as the page, the autosave's answer and the PDF show them: one
JSON-ready dict, so the three can never disagree (templates/learning/exercises/
plan_figures.html prints it; exercise.js and plan.js put a fresh one in the page after each
save).

Amounts are written the French way in the plan's currency ("1 352 000 FCFA"), as the
warnings of courses/business_plan are; a month short of cash carries a flag in words, not
only a colour. The cash-flow chart is drawn here too (lms/charts.py), from the same months.
"""

from decimal import Decimal
from functools import lru_cache

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from courses.business_plan import (
    Figures,
    Plan,
    figures,
    format_money,
    format_number,
    parse_plan,
    round_money,
)
from lms.charts import monthly_amount_chart


def plan_figures(data: dict, *, chart: bool = True) -> dict:
    """The figures of a plan kept by the exercise (its ``clean`` accepted it); ``chart``
    False leaves the cash-flow chart out (None): drawing it is most of the cost."""
    plan = parse_plan(data)
    result = figures(plan)
    currency = result.currency

    def money(amount: Decimal) -> str:
        return format_money(amount, currency)

    months = [
        {
            "number": month.number,
            "label": month_label(month.number),
            "seasonal": _quantity(month.seasonal),
            "units": _quantity(month.units),
            "revenue": money(month.revenue),
            "variable_costs": money(month.variable_costs),
            "fixed_costs": money(month.fixed_costs),
            "profit": money(month.profit),
            "loss": round_money(month.profit, currency) < 0,
            "opening_cash": money(month.opening_cash),
            "cash_in": money(month.cash_in),
            "cash_out": money(month.cash_out),
            "closing_cash": money(month.closing_cash),
            "negative": month.negative_cash,
            "flag": _("Manque d'argent") if month.negative_cash else "",
        }
        for month in result.months
    ]
    return {
        "currency": currency,
        "startup": {
            "equipment": money(result.equipment_total),
            "stock": money(result.stock_total),
            "pre_opening": money(result.pre_opening_total),
            "spent_before_opening": money(result.spent_before_opening),
            "reserve_months": result.reserve_months,
            "reserve": money(result.reserve),
            "capital": money(result.startup_capital),
        },
        "monthly": {
            "depreciation": money(result.depreciation),
            "other": money(result.other_costs_total),
            "cash_fixed_costs": money(result.cash_fixed_costs),
            "fixed_costs": money(result.fixed_costs),
        },
        "sales": _sales(plan, result, money),
        "tables": _tables(plan, result, money),
        "months": months,
        "totals": {
            "units": _quantity(result.units_total),
            "revenue": money(result.revenue_total),
            "variable_costs": money(result.variable_costs_total),
            "fixed_costs": money(result.fixed_costs_total),
            "profit": money(result.profit_total),
            "average_profit": money(result.average_monthly_profit),
            "opening_cash": money(result.opening_cash),
            "cash_in": money(result.cash_in_total),
            "cash_out": money(result.cash_out_total),
            "closing_cash": money(result.closing_cash),
        },
        "payback": _payback(result),
        "funding": _funding(result, money),
        "negative_cash_months": list(result.negative_cash_months),
        "warnings": [{"code": w.code, "message": w.message} for w in result.warnings],
        "chart": _chart(currency, tuple(month.closing_cash for month in result.months))
        if chart
        else None,
    }


def month_label(number: int) -> str:
    # Months of activity, not of the calendar: the business may open in any month.
    return _("Mois %(number)s") % {"number": number}


def _quantity(value: Decimal) -> str:
    """Units and factors: whole numbers as such, others to two decimals ("2,5", "0,33")."""
    if value == value.to_integral_value():
        return format_number(value, 0)
    return format_number(value, 2).rstrip("0").rstrip(",")


def _tables(plan: Plan, result: Figures, money) -> dict:
    """The plan's own tables, written out for the PDF and the trainer's preview."""
    monthly = plan.monthly
    return {
        "equipment": [
            {
                "label": line.label,
                "amount": money(line.amount),
                "life_months": line.life_months,
                "depreciation": money(depreciation),
            }
            for line, depreciation in zip(
                plan.startup.equipment, result.depreciation_lines, strict=True
            )
        ],
        "stock": _lines(plan.startup.stock, money),
        "pre_opening": _lines(plan.startup.pre_opening, money),
        "monthly": [
            {"label": label, "amount": money(amount)}
            for label, amount in (
                (_("Loyer"), monthly.rent),
                (_("Salaires"), monthly.wages),
                (_("Ce que je prends pour vivre"), monthly.drawings),
                (_("Eau et électricité"), monthly.utilities),
                (_("Téléphone et transport"), monthly.phone_transport),
                (_("Remboursement du prêt"), monthly.loan_instalment),
            )
        ]
        + _lines(monthly.other, money),
    }


def _lines(lines, money) -> list[dict]:
    return [{"label": line.label, "amount": money(line.amount)} for line in lines]


def _sales(plan: Plan, result: Figures, money) -> dict:
    if result.break_even_units is None:
        units = revenue = "—"
    else:
        units = format_number(result.break_even_units_whole, 0)
        revenue = money(result.break_even_revenue)
    sales = plan.sales
    return {
        "product": sales.product,
        "price": money(sales.price),
        "variable_cost": money(sales.variable_cost),
        "units_per_month": _quantity(sales.units_per_month),
        "unit_contribution": money(result.unit_contribution),
        "contribution_is_positive": result.contribution_is_positive,
        "break_even_units": units,
        "break_even_revenue": revenue,
    }


def _payback(result: Figures) -> str:
    if result.payback_months is None:
        return _("Jamais : l'activité ne fait pas de bénéfice")
    months = format_number(result.payback_months, 1)
    # The plural follows the number as shown, to one decimal ("1,0 month", "7,5 months").
    count = 1 if round(result.payback_months, 1) == 1 else 2
    return ngettext("%(months)s mois", "%(months)s mois", count) % {"months": months}


def _funding(result: Figures, money) -> dict:
    gap = result.funding_gap
    shown = round_money(gap, result.currency)
    if shown > 0:
        gap_label = _("Il manque")
    elif shown < 0:
        gap_label = _("Il reste en plus")
    else:
        gap_label = _("Il ne manque rien")
    return {
        "iom_in_kind": money(result.funding_iom_in_kind),
        "own": money(result.own_contribution),
        "loan": money(result.funding_loan),
        "total": money(result.funding_total),
        # What is still missing, or what is left over: a positive amount, said in words.
        "gap": money(abs(shown)),
        "gap_label": gap_label,
        "missing": shown > 0,
        "own_share": "—"
        if result.own_share is None
        else f"{format_number(result.own_share * 100, 0)}\u00a0%",
    }


def _chart(currency: str, closing: tuple[Decimal, ...]) -> dict:
    return dict(_chart_in(get_language(), currency, closing))  # a copy: callers may add to it


# Drawing the chart is most of the figures' cost (about 10 ms of the 11), and an autosave sends
# the figures back: most saves change a text, not the twelve closing amounts. The chart is a
# pure function of the language, the currency and those amounts, so each process keeps the
# last few it drew; nothing else depends on it.
@lru_cache(maxsize=128)
def _chart_in(language: str, currency: str, closing: tuple[Decimal, ...]) -> dict:
    chart = monthly_amount_chart(
        _("L'argent en caisse à la fin de chaque mois"),
        [month_label(number) for number in range(1, len(closing) + 1)],
        list(closing),
        formatter=lambda amount: format_money(amount, currency),
        label=_("Argent en caisse"),
        negative_label=_("Manque d'argent"),
    )
    return {
        "src": chart.data_uri,
        "svg": chart.svg,
        "alt": chart.alt,
        "width": chart.width,
        "height": chart.height,
    }


def cash_flow_chart_svg(data: dict) -> str:
    """The plan's cash-flow chart alone, as SVG (the page fetches it after an autosave): the
    figures are worked out, none of them written out."""
    result = figures(parse_plan(data))
    closing = tuple(month.closing_cash for month in result.months)
    return _chart_in(get_language(), result.currency, closing)["svg"]


def autosave_figures(data: dict) -> dict:
    """What an autosave sends back: the figures without the chart (the page fetches it)."""
    return plan_figures(data, chart=False)
