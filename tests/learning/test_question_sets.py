"""The parsed questions an autosave checks answers against (learning/services.questions_of)."""

from courses.models import Assessment
from learning.services import questions_of
from tests.courses.factories import make_assessment


def fresh(assessment):
    return Assessment.objects.get(pk=assessment.pk)  # as each autosave reads it


def test_the_questions_are_parsed_once_for_an_unchanged_assessment(db):
    assessment = make_assessment()
    assert questions_of(fresh(assessment)) is questions_of(fresh(assessment))


def test_an_edited_assessment_is_parsed_again(db):
    assessment = make_assessment()
    before = questions_of(fresh(assessment))
    edited = fresh(assessment)
    edited.questions = list(edited.questions.raw_data)[:2]
    edited.save()
    after = questions_of(fresh(assessment))
    assert after is not before
    assert [block.id for block in after] == [block.id for block in before][:2]
