"""What the business plan's templates (templates/learning/exercises/plan*.html) read from a
plan's data: a step's text by the step's key, and the currencies a plan may be written in."""

from django import template

from courses.business_plan.plan import MONTHS
from courses.exercises.plan import SECTIONS, TEXT_KEYS, currencies
from courses.exercises.plan_figures import month_label

register = template.Library()


@register.filter
def step_text(data, key: str) -> str:
    """The text the trainee wrote for the step ``key`` ("" for a step that has none)."""
    texts = data.get("texts") if isinstance(data, dict) else None
    if key not in TEXT_KEYS or not isinstance(texts, dict):
        return ""
    return texts.get(key) or ""


@register.filter
def is_text_step(key: str) -> bool:
    return key in TEXT_KEYS


@register.simple_tag
def plan_currencies() -> list[tuple[str, str]]:
    return currencies()


@register.filter
def seasonal_fields(data) -> list[tuple[dict, str]]:
    """The twelve months' factors as typed, each with its field's index and the month's name."""
    sales = data.get("sales") if isinstance(data, dict) else None
    typed = sales.get("seasonal") if isinstance(sales, dict) else None
    typed = typed if isinstance(typed, list) else []
    return [
        (
            {"index": str(index), "label": month_label(index + 1)},
            typed[index] if index < len(typed) else "",
        )
        for index in range(MONTHS)
    ]


@register.simple_tag
def plan_sections():
    """The plan's steps, for the templates that print the whole plan."""
    return SECTIONS
