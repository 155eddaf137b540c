"""Answers to assessment questions: their shape, their checking and their score.

Pure functions, no database access. ``questions`` is the value of an ``Assessment.questions``
stream (or any iterable of stream children with ``id``, ``block_type`` and ``value``).

Answers are a dict keyed by the question's stream block id (the same in every translation of
an assessment), holding one value per question type:

- ``single_choice``, ``picture_choice``: the index (0, 1, …) of the chosen answer in the
  question's ``choices`` list;
- ``multiple_choice``: the sorted list of the indexes of the chosen answers;
- ``true_false``: ``True`` for "vrai", ``False`` for "faux";
- ``scale``: an integer from 1 (😞) to 5 (😀);
- ``open``: the text typed, at most ``MAX_TEXT_LENGTH`` characters.

An unanswered question is simply absent. Choices are identified by their index, so editors
must keep the order of the choices when they translate a question.

Scoring (shared/curriculum.md §7): a question earns its ``points`` when answered right —
single and picture choice: the chosen answer is a correct one; multiple choice: all or
nothing, the chosen set equals the set of correct answers; true/false: the answer matches.
Scale and open questions are never scored (no points, no maximum).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

MAX_TEXT_LENGTH = 2000
SCALE_VALUES = range(1, 6)
CHOICE_TYPES = {"single_choice", "picture_choice"}
SCORED_TYPES = CHOICE_TYPES | {"multiple_choice", "true_false"}

# What a form field (a radio, a checkbox) sends for true/false questions.
FORM_BOOLEANS = {"true": True, "false": False}


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


def _is_int(value: object) -> bool:
    # JSON true/false arrive as bool, which Python counts as an int.
    return isinstance(value, int) and not isinstance(value, bool)


def normalise_answer(block_type: str, question: Mapping, raw: object) -> Any:
    """One answer in its stored shape, or None when unanswered; ValueError when malformed."""
    if raw is None:
        return None
    if block_type in CHOICE_TYPES:
        if not _is_int(raw) or not 0 <= raw < len(question["choices"]):
            raise ValueError(_("Cette réponse n'existe pas."))
        return raw
    if block_type == "multiple_choice":
        if not isinstance(raw, list):
            raise ValueError(_("Une liste de réponses est attendue."))
        if not all(_is_int(index) and 0 <= index < len(question["choices"]) for index in raw):
            raise ValueError(_("Cette réponse n'existe pas."))
        return sorted(set(raw)) or None
    if block_type == "true_false":
        if not isinstance(raw, bool):
            raise ValueError(_("Répondez par vrai ou faux."))
        return raw
    if block_type == "scale":
        if not _is_int(raw) or raw not in SCALE_VALUES:
            raise ValueError(_("Choisissez une valeur de 1 à 5."))
        return raw
    if block_type == "open":
        if not isinstance(raw, str):
            raise ValueError(_("Un texte est attendu."))
        if len(raw) > MAX_TEXT_LENGTH:
            raise ValueError(
                _("Réponse trop longue : %(limit)d caractères au plus.")
                % {"limit": MAX_TEXT_LENGTH}
            )
        return raw.strip() or None
    raise ValueError(_("Type de question inconnu."))


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
            value = normalise_answer(question.block_type, question.value, raw)
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


def _form_int(value: str) -> int | str:
    try:
        return int(value)
    except ValueError:
        return value  # left as text, so that normalising rejects it


def answers_from_form(questions: Iterable, data) -> dict[str, Any]:
    """Answers posted by the plain HTML form (a QueryDict), checked; AnswerError if wrong.

    Fields other than the questions' (the CSRF token, the version) are not answers.
    """
    raw = {}
    for question in questions:
        name, kind = form_field(question.id), question.block_type
        if kind == "multiple_choice":
            values = [_form_int(value) for value in data.getlist(name) if value != ""]
            raw[question.id] = values or None
            continue
        value = data.get(name, "")
        if kind == "open":
            raw[question.id] = value
        elif value == "":
            raw[question.id] = None
        elif kind == "true_false":
            raw[question.id] = FORM_BOOLEANS.get(value, value)
        else:
            raw[question.id] = _form_int(value)
    return normalise_answers(questions, raw)


def is_right(block_type: str, question: Mapping, answer: object) -> bool:
    if block_type in CHOICE_TYPES:
        return (
            _is_int(answer)
            and 0 <= answer < len(question["choices"])
            and bool(question["choices"][answer]["correct"])
        )
    if block_type == "multiple_choice":
        if not isinstance(answer, list) or not answer:
            return False
        correct = {i for i, choice in enumerate(question["choices"]) if choice["correct"]}
        return set(answer) == correct
    if block_type == "true_false":
        return isinstance(answer, bool) and answer == bool(question.get("answer"))
    return False


def score_answers(questions: Iterable, answers: Mapping[str, Any]) -> tuple[int, int]:
    """(points earned, points possible); answers to unknown questions are ignored."""
    points = max_points = 0
    for question in questions:
        if question.block_type not in SCORED_TYPES:
            continue
        worth = question.value.get("points") or 0
        max_points += worth
        if is_right(question.block_type, question.value, answers.get(question.id)):
            points += worth
    return points, max_points
