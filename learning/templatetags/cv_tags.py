"""What the CV's templates show (templates/learning/exercises/cv*.html): the CV's labelled
view, the labels the live preview needs, the photo and the platform's trainings."""

from pathlib import Path

from django import template
from django.urls import reverse

from courses.exercises.cv import (
    DURATIONS,
    EDUCATION,
    LANGUAGE_SKILLS,
    LEVELS,
    LICENCES,
    PERSONAL_SKILLS,
    TECHNICAL_SKILLS,
)
from courses.exercises.cv_view import labels, view
from learning import cv_photo, cv_trainings

register = template.Library()


@register.filter
def cv_view(data) -> dict:
    return view(data)


@register.simple_tag
def cv_choices() -> dict:
    """The illustrated lists the builder offers."""
    return {
        "technical": TECHNICAL_SKILLS,
        "personal": PERSONAL_SKILLS,
        "durations": DURATIONS,
        "language_skills": LANGUAGE_SKILLS,
        "levels": LEVELS,
        "education": EDUCATION,
        "licences": LICENCES,
        "labels": labels(),
    }


@register.simple_tag
def cv_photo_url(document) -> str:
    """The address of the photo while it may be shown ("" otherwise); it changes with it."""
    photo = cv_photo.shown_photo(document)
    if photo is None:
        return ""
    # The file's random name in the address: a new photo is fetched anew, not from a cache.
    return reverse("learn_cv_photo_file", args=[document.pk]) + f"?v={Path(photo.name).stem}"


@register.simple_tag
def cv_photo_allowed(document) -> bool:
    return cv_photo.photo_allowed(document.trainee)


@register.simple_tag
def cv_photo_data_uri(document) -> str:
    return cv_photo.photo_data_uri(document)


@register.simple_tag
def platform_trainings(document) -> list:
    return cv_trainings.platform_trainings(document.trainee)


@register.filter
def cv_steps(sections) -> list[dict]:
    """The page's ``sections`` as steps: each with its number and its neighbours' keys."""
    keys = [item["section"].key for item in sections]
    return [
        {
            **item,
            "number": index + 1,
            "previous": keys[index - 1] if index else "",
            "next": keys[index + 1] if index + 1 < len(keys) else "",
        }
        for index, item in enumerate(sections)
    ]


@register.filter
def cv_level_fields(row) -> list[dict]:
    """A language row's four levels, each with the skill it measures, as the page's select
    values ("0".."3")."""
    row = row if isinstance(row, dict) else {}
    return [{"skill": skill, "value": str(row.get(skill.id, 0))} for skill in LANGUAGE_SKILLS]


@register.filter
def in_list(value, chosen) -> bool:
    """``value`` is among ``chosen`` (a list of ids, or one id)."""
    if isinstance(chosen, str):
        return value == chosen
    return isinstance(chosen, list) and value in chosen
