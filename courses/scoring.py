"""Checking and scoring a whole set of answers. Pure functions, no database access.

``questions`` is the value of an ``Assessment.questions`` stream (or any iterable of stream
children with ``id``, ``block`` and ``value``); each question's block (courses/questions.py)
knows the shape of its answer and whether it is right.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from courses.questions import MAX_TEXT_LENGTH

__all__ = [
    "MAX_TEXT_LENGTH",
    "AnswerError",
    "answers_from_form",
    "form_field",
    "normalise_answers",
    "questions_by_id",
    "score_answers",
]


class AnswerError(ValueError):
    """Answers that cannot be kept: ``errors`` maps a question id ("" for the whole) to why."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{key}: {message}" for key, message in errors.items()))
        self.errors = errors

    @property
    def message(self) -> str:
        return next(iter(self.errors.values()))


def questions_by_id(questions: Iterable) -> dict[str, Any]:
    return {question.id: question for question in questions}


def normalise_answers(questions: Iterable, answers: object) -> dict[str, Any]:
    """Checked answers in their stored shape; AnswerError if anything is wrong (nothing kept).

    Unlike scoring, which ignores them, an answer to an unknown question is an error here:
    it means the page and the assessment do not match.
    """
    if not isinstance(answers, dict):
        raise AnswerError({"": _("Les réponses sont mal formées.")})
    by_id = questions_by_id(questions)
    clean, errors = {}, {}
    for question_id, raw in answers.items():
        question = by_id.get(question_id)
        if question is None:
            errors[str(question_id)] = _("Cette question ne fait pas partie du test.")
            continue
        try:
            value = question.block.normalise(question.value, raw)
        except ValueError as error:
            errors[question_id] = str(error)
            continue
        if value is not None:
            clean[question_id] = value
    if errors:
        raise AnswerError(errors)
    return clean


def form_field(question_id: str) -> str:
    """The name of a question's field in the assessment form."""
    return f"q-{question_id}"


def answers_from_form(questions: Iterable, data) -> dict[str, Any]:
    """Answers posted by the plain HTML form (a QueryDict), checked; AnswerError if wrong.

    Fields other than the questions' (the CSRF token, the version) are not answers.
    """
    questions = list(questions)
    raw = {
        question.id: question.block.from_form(data, form_field(question.id))
        for question in questions
    }
    return normalise_answers(questions, raw)


def score_answers(questions: Iterable, answers: Mapping[str, Any]) -> tuple[int, int]:
    """(points earned, points possible); answers to unknown questions are ignored."""
    points = max_points = 0
    for question in questions:
        worth = question.block.worth(question.value)
        max_points += worth
        if worth and question.block.is_right(question.value, answers.get(question.id)):
            points += worth
    return points, max_points
