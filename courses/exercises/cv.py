"""The CV exercise (shared/curriculum.md §6). Its steps, illustrated lists and checks."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from courses.exercises.base import Exercise, ExerciseError, Section, clean_text

SECTIONS = (
    Section("objective", _l("Ce que je cherche"), _l("Je cherche…")),
    Section("skills", _l("Mes compétences"), _l("Choisissez ce que vous savez faire.")),
    Section("experience", _l("Mon expérience"), _l("Ce que j'ai fait, où, combien de temps.")),
)


def empty() -> dict:
    return {section.key: "" for section in SECTIONS}


def clean(data: object) -> dict:
    if not isinstance(data, dict):
        raise ExerciseError({"": _("Le CV envoyé est illisible.")})
    errors: dict[str, str] = {}
    cleaned = {s.key: clean_text(data.get(s.key), s.key, errors) for s in SECTIONS}
    if errors:
        raise ExerciseError(errors)
    return cleaned


CV = Exercise(kind="cv", title=_l("Mon CV"), sections=SECTIONS, clean=clean, empty=empty)
