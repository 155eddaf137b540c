"""The business-plan exercise (shared/curriculum.md §5): its sixteen sections and checks; the
figures are worked out by courses/business_plan.py."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from courses.exercises.base import Exercise, ExerciseError, Section, clean_text

SECTIONS = (
    Section("summary", _l("Résumé"), _l("Mon projet en quelques phrases.")),
    Section("idea", _l("L'idée"), _l("Quoi, pour qui, où, pourquoi ?")),
)


def empty() -> dict:
    return {section.key: "" for section in SECTIONS}


def clean(data: object) -> dict:
    if not isinstance(data, dict):
        raise ExerciseError({"": _("Le plan envoyé est illisible.")})
    errors: dict[str, str] = {}
    cleaned = {s.key: clean_text(data.get(s.key), s.key, errors) for s in SECTIONS}
    if errors:
        raise ExerciseError(errors)
    return cleaned


PLAN = Exercise(
    kind="plan",
    title=_l("Mon plan d'affaires"),
    sections=SECTIONS,
    clean=clean,
    empty=empty,
    per_enrolment=True,
)
