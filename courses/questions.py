"""Assessment questions: each block class knows the shape of its answer, how to read it from
the plain HTML form, and how to score it. No database access.

Answers are stored against the question's stream block id (the same in every translation of
an assessment), one value per question:

- single and picture choice: the index (0, 1, …) of the chosen answer in ``choices``;
- multiple choice: the sorted list of the indexes of the chosen answers;
- true/false: ``True`` for "vrai", ``False`` for "faux";
- scale: an integer from 1 (😞) to 5 (😀);
- open: the text typed, at most ``MAX_TEXT_LENGTH`` characters.

An unanswered question is simply absent. Choices are identified by their index, so editors must
keep the order of the choices when they translate a question.

Scoring (shared/curriculum.md §7): a question earns its ``points`` when answered right — single
and picture choice: the chosen answer is a correct one; multiple choice: all or nothing, the
chosen set equals the set of correct answers; true/false: the answer matches. Scale and open
questions are never scored (no points, no maximum).
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

MAX_TEXT_LENGTH = 2000
SCALE_VALUES = range(1, 6)


def _is_int(value: object) -> bool:
    # JSON true/false arrive as bool, which Python counts as an int.
    return isinstance(value, int) and not isinstance(value, bool)


def _form_int(value: str) -> int | str:
    try:
        return int(value)
    except ValueError:
        return value  # left as text, so that normalising rejects it


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, required=False, label=gettext_lazy("Texte"))
    image = ImageBlock(required=False, label=gettext_lazy("Image"))
    correct = blocks.BooleanBlock(required=False, label=gettext_lazy("Bonne réponse"))

    class Meta:
        preview_value = {"text": "Une réponse", "correct": True}


class QuestionBlock(blocks.StructBlock):
    """What every question has, and the answer behaviour each kind overrides."""

    text = blocks.TextBlock(label=gettext_lazy("Question"))
    read_aloud = blocks.TextBlock(
        required=False,
        label=gettext_lazy("Texte lu à voix haute"),
        help_text=gettext_lazy("Si vide, la question est lue telle quelle."),
    )
    image = ImageBlock(required=False, label=gettext_lazy("Image"))
    points = blocks.IntegerBlock(default=1, min_value=0, max_value=10, label=gettext_lazy("Points"))

    #: Whether right answers earn the question's points.
    scored = True

    def normalise(self, value: Mapping, raw: object) -> Any:
        """The answer in its stored shape, None when unanswered; ValueError when malformed.

        A question kind that does not say how its answers look accepts none.
        """
        if raw is None:
            return None
        raise ValueError(_("Type de question inconnu."))

    def from_form(self, data, field: str) -> object:
        """What the plain form sent for this question (a QueryDict), before normalising."""
        answer = data.get(field, "")
        return None if answer == "" else _form_int(answer)

    def is_right(self, value: Mapping, answer: object) -> bool:
        return False

    def worth(self, value: Mapping) -> int:
        return (value.get("points") or 0) if self.scored else 0

    def example_answer(self, value: Mapping, right: bool) -> object:
        """A right (or wrong) answer, for demo data and tests."""
        return None


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(
        AnswerChoiceBlock(), min_num=2, max_num=8, label=gettext_lazy("Réponses")
    )
    multiple = False

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if value["points"] and correct == 0:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Cochez au moins une bonne réponse."))}
            )
        if not self.multiple and correct > 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Une seule bonne réponse possible."))}
            )
        for choice in value["choices"]:
            if not choice["text"] and not choice["image"]:
                raise StructBlockValidationError(
                    block_errors={
                        "choices": ValidationError(_("Chaque réponse a un texte ou une image."))
                    }
                )
        return value

    def _exists(self, value, index) -> bool:
        return _is_int(index) and 0 <= index < len(value["choices"])

    def _correct(self, value) -> list[int]:
        return [i for i, choice in enumerate(value["choices"]) if choice["correct"]]

    def normalise(self, value, raw):
        if raw is None:
            return None
        if not self._exists(value, raw):
            raise ValueError(_("Cette réponse n'existe pas."))
        return raw

    def is_right(self, value, answer):
        return self._exists(value, answer) and bool(value["choices"][answer]["correct"])

    def example_answer(self, value, right):
        correct = self._correct(value)
        wrong = [i for i in range(len(value["choices"])) if i not in correct]
        return (correct or [0])[0] if right or not wrong else wrong[0]


CHOICE_PREVIEW = {
    "text": "Qu'est-ce qu'une force personnelle ?",
    "points": 1,
    "choices": [
        {"text": "Une qualité qui m'aide", "correct": True},
        {"text": "Un défaut", "correct": False},
    ],
}


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = gettext_lazy("Choix unique")
        template = "courses/questions/single_choice.html"
        preview_value = CHOICE_PREVIEW


class PictureChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "image"
        label = gettext_lazy("Choix d'images")
        template = "courses/questions/picture_choice.html"
        preview_value = CHOICE_PREVIEW


class MultipleChoiceBlock(ChoiceQuestionBlock):
    multiple = True

    class Meta:
        icon = "tasks"
        label = gettext_lazy("Choix multiple")
        template = "courses/questions/multiple_choice.html"
        preview_value = {
            "text": "Quels documents emporter ?",
            "points": 1,
            "choices": [
                {"text": "Passeport", "correct": True},
                {"text": "Diplômes", "correct": True},
                {"text": "Rien", "correct": False},
            ],
        }

    def normalise(self, value, raw):
        if raw is None:
            return None
        if not isinstance(raw, list):
            raise ValueError(_("Une liste de réponses est attendue."))
        if not all(self._exists(value, index) for index in raw):
            raise ValueError(_("Cette réponse n'existe pas."))
        return sorted(set(raw)) or None

    def from_form(self, data, field):
        return [_form_int(answer) for answer in data.getlist(field) if answer != ""] or None

    def is_right(self, value, answer):
        if not isinstance(answer, list) or not answer:
            return False
        return set(answer) == set(self._correct(value))

    def example_answer(self, value, right):
        correct = self._correct(value)
        wrong = [i for i in range(len(value["choices"])) if i not in correct]
        return correct if right else (wrong or correct[:-1])


class TrueFalseBlock(QuestionBlock):
    answer = blocks.BooleanBlock(
        required=False, label=gettext_lazy("La bonne réponse est « vrai »")
    )

    # What the radio buttons of the plain form send.
    FORM_VALUES = {"true": True, "false": False}

    class Meta:
        icon = "tick"
        label = gettext_lazy("Vrai ou faux")
        template = "courses/questions/true_false.html"
        preview_value = {"text": "Partager son histoire est obligatoire.", "answer": False}

    def normalise(self, value, raw):
        if raw is None:
            return None
        if not isinstance(raw, bool):
            raise ValueError(_("Répondez par vrai ou faux."))
        return raw

    def from_form(self, data, field):
        answer = data.get(field, "")
        return None if answer == "" else self.FORM_VALUES.get(answer, answer)

    def is_right(self, value, answer):
        return isinstance(answer, bool) and answer == bool(value.get("answer"))

    def example_answer(self, value, right):
        return bool(value.get("answer")) == right


class ScaleBlock(QuestionBlock):
    """A 1–5 scale (smileys): self-assessment and satisfaction items; never scored."""

    points = blocks.IntegerBlock(default=0, min_value=0, max_value=0, label=gettext_lazy("Points"))
    low_label = blocks.CharBlock(required=False, max_length=60, label=gettext_lazy("Libellé de 1"))
    high_label = blocks.CharBlock(required=False, max_length=60, label=gettext_lazy("Libellé de 5"))
    overall = blocks.BooleanBlock(
        required=False,
        label=gettext_lazy("Question de satisfaction globale"),
        help_text=gettext_lazy("Sert au calcul de la part des apprenants satisfaits."),
    )

    scored = False

    class Meta:
        icon = "pick"
        label = gettext_lazy("Échelle de 1 à 5")
        template = "courses/questions/scale.html"
        preview_value = {"text": "Dans l'ensemble, êtes-vous satisfait ?", "overall": True}

    def normalise(self, value, raw):
        if raw is None:
            return None
        if not _is_int(raw) or raw not in SCALE_VALUES:
            raise ValueError(_("Choisissez une valeur de 1 à 5."))
        return raw

    def example_answer(self, value, right):
        return 5 if right else 2


class OpenQuestionBlock(QuestionBlock):
    """A short free answer (survey: "most useful part", "what to improve"); never scored."""

    points = blocks.IntegerBlock(default=0, min_value=0, max_value=0, label=gettext_lazy("Points"))

    scored = False

    class Meta:
        icon = "edit"
        label = gettext_lazy("Question ouverte")
        template = "courses/questions/open.html"
        preview_value = {"text": "Qu'est-ce qui vous a été le plus utile ?"}

    def normalise(self, value, raw):
        if raw is None:
            return None
        if not isinstance(raw, str):
            raise ValueError(_("Un texte est attendu."))
        if len(raw) > MAX_TEXT_LENGTH:
            raise ValueError(
                _("Réponse trop longue : %(limit)d caractères au plus.")
                % {"limit": MAX_TEXT_LENGTH}
            )
        return raw.strip() or None

    def from_form(self, data, field):
        return data.get(field, "")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    picture_choice = PictureChoiceBlock()
    scale = ScaleBlock()
    open = OpenQuestionBlock()
