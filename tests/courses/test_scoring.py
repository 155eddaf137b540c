"""Scoring answers against an assessment's questions: hand-computed cases for every type."""

import pytest
from django.http import QueryDict

from courses.scoring import (
    MAX_TEXT_LENGTH,
    AnswerError,
    answers_from_form,
    normalise_answers,
    score_answers,
)
from tests.courses.factories import make_assessment, question


@pytest.fixture
def assessment(db):
    return make_assessment()


@pytest.fixture
def ids(assessment):
    """The block ids, by type: answers are keyed by them."""
    return {child.block_type: child.id for child in assessment.questions}


def test_all_right_answers_earn_every_point(assessment, ids):
    answers = {
        ids["single_choice"]: 0,
        ids["multiple_choice"]: [0, 2],
        ids["true_false"]: True,
        ids["picture_choice"]: 0,
        ids["scale"]: 4,
        ids["open"]: "Beaucoup",
    }

    assert score_answers(assessment.questions, answers) == (5, 5)


def test_all_wrong_answers_earn_nothing_but_keep_the_maximum(assessment, ids):
    answers = {
        ids["single_choice"]: 1,
        ids["multiple_choice"]: [1],
        ids["true_false"]: False,
        ids["picture_choice"]: 1,
    }

    assert score_answers(assessment.questions, answers) == (0, 5)


def test_a_partly_right_multiple_choice_answer_earns_nothing(assessment, ids):
    assert score_answers(assessment.questions, {ids["multiple_choice"]: [0]}) == (0, 5)
    assert score_answers(assessment.questions, {ids["multiple_choice"]: [0, 1, 2]}) == (0, 5)
    assert score_answers(assessment.questions, {ids["multiple_choice"]: [2, 0]}) == (2, 5)


def test_mixed_answers_are_counted_question_by_question(assessment, ids):
    answers = {ids["single_choice"]: 0, ids["true_false"]: False, ids["picture_choice"]: 0}

    assert score_answers(assessment.questions, answers) == (2, 5)


def test_false_is_right_when_the_answer_is_faux(db):
    assessment = make_assessment(questions=[("true_false", question("La terre est plate."))])
    qid = assessment.questions[0].id

    assert score_answers(assessment.questions, {qid: False}) == (1, 1)
    assert score_answers(assessment.questions, {qid: True}) == (0, 1)


def test_no_answers_earn_nothing(assessment):
    assert score_answers(assessment.questions, {}) == (0, 5)


def test_answers_to_unknown_questions_are_ignored(assessment, ids):
    answers = {"not-a-question": 0, ids["single_choice"]: 0}

    assert score_answers(assessment.questions, answers) == (1, 5)


def test_scale_and_open_questions_are_never_scored(db):
    assessment = make_assessment(
        kind="survey",
        questions=[
            ("scale", question("Satisfait ?", points=0)),
            ("open", question("Et ?", points=0)),
        ],
    )
    answers = {assessment.questions[0].id: 5, assessment.questions[1].id: "Bien"}

    assert score_answers(assessment.questions, answers) == (0, 0)


def test_badly_typed_answers_score_nothing(assessment, ids):
    answers = {ids["single_choice"]: "0", ids["true_false"]: 1, ids["multiple_choice"]: 0}

    assert score_answers(assessment.questions, answers) == (0, 5)


def test_normalising_keeps_good_answers_in_their_stored_shape(assessment, ids):
    answers = {
        ids["single_choice"]: 2,
        ids["multiple_choice"]: [2, 0, 2],
        ids["true_false"]: False,
        ids["picture_choice"]: None,
        ids["scale"]: 5,
        ids["open"]: "  Le budget  ",
    }

    assert normalise_answers(assessment.questions, answers) == {
        ids["single_choice"]: 2,
        ids["multiple_choice"]: [0, 2],
        ids["true_false"]: False,
        ids["scale"]: 5,
        ids["open"]: "Le budget",
    }


@pytest.mark.parametrize(
    ("kind", "bad"),
    [
        ("single_choice", 3),
        ("single_choice", -1),
        ("single_choice", "0"),
        ("single_choice", True),
        ("multiple_choice", 0),
        ("multiple_choice", [0, 7]),
        ("true_false", "vrai"),
        ("true_false", 1),
        ("picture_choice", 2),
        ("scale", 0),
        ("scale", 6),
        ("scale", 2.5),
        ("open", 12),
        ("open", "x" * (MAX_TEXT_LENGTH + 1)),
    ],
)
def test_malformed_answers_are_refused_with_a_reason(assessment, ids, kind, bad):
    with pytest.raises(AnswerError) as error:
        normalise_answers(assessment.questions, {ids[kind]: bad})

    assert list(error.value.errors) == [ids[kind]]
    assert error.value.message


def test_an_answer_to_an_unknown_question_is_refused_when_saving(assessment):
    with pytest.raises(AnswerError) as error:
        normalise_answers(assessment.questions, {"not-a-question": 1})

    assert list(error.value.errors) == ["not-a-question"]


@pytest.mark.parametrize("answers", [[], "answers", None, 3])
def test_answers_that_are_not_a_mapping_are_refused(assessment, answers):
    with pytest.raises(AnswerError):
        normalise_answers(assessment.questions, answers)


def test_a_text_of_exactly_the_limit_is_kept(assessment, ids):
    text = "x" * MAX_TEXT_LENGTH

    assert normalise_answers(assessment.questions, {ids["open"]: text}) == {ids["open"]: text}


def test_the_plain_form_is_read_into_the_same_answers(assessment, ids):
    data = QueryDict(mutable=True)
    data.update({"csrfmiddlewaretoken": "x", "version": "3"})
    data[f"q-{ids['single_choice']}"] = "0"
    data.setlist(f"q-{ids['multiple_choice']}", ["2", "0"])
    data[f"q-{ids['true_false']}"] = "false"
    data[f"q-{ids['scale']}"] = "4"
    data[f"q-{ids['open']}"] = ""

    assert answers_from_form(assessment.questions, data) == {
        ids["single_choice"]: 0,
        ids["multiple_choice"]: [0, 2],
        ids["true_false"]: False,
        ids["scale"]: 4,
    }


def test_a_tampered_form_is_refused(assessment, ids):
    data = QueryDict(mutable=True)
    data[f"q-{ids['single_choice']}"] = "9"
    data[f"q-{ids['true_false']}"] = "peut-être"

    with pytest.raises(AnswerError) as error:
        answers_from_form(assessment.questions, data)

    assert set(error.value.errors) == {ids["single_choice"], ids["true_false"]}


def test_a_question_kind_without_its_own_answer_rule_accepts_no_answer():
    from courses.questions import QuestionBlock

    block = QuestionBlock()

    assert block.normalise({}, None) is None
    with pytest.raises(ValueError, match="Type de question inconnu"):
        block.normalise({}, 1)
    assert block.worth({"points": 3}) == 3 and not block.is_right({}, 1)
