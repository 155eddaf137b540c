"""The demo assessments and results: idempotent, translated with the same block ids, scored."""

import pytest

from courses.assessment_demo import DEMO_SCORES, seed_assessments, seed_attempts
from courses.models import Assessment, Attempt, ModulePage, SurveyCompletion, SurveyResponse
from courses.scoring import normalise_answers, score_answers
from tests.cohorts import factories


@pytest.fixture
def seeded(db):
    """A demo-like cohort per module (the full demo roster takes too long to build)."""
    dp = factories.module_page("dp")
    ec = factories.module_page("ec", "Entrepreneuriat et commercialisation")
    for module, city in ((dp, "Rabat"), (ec, "Casablanca")):
        cohort = factories.cohort(f"{city} — démo", city, module=module)
        for number in range(len(DEMO_SCORES)):
            factories.trainee(cohort, f"{city} {number:02d}")
    seed_assessments()
    seed_attempts()


def test_seeding_twice_changes_nothing(seeded):
    counts = (
        Assessment.objects.count(),
        Attempt.objects.count(),
        SurveyResponse.objects.count(),
    )
    seed_assessments()
    seed_attempts()
    assert counts == (
        Assessment.objects.count(),
        Attempt.objects.count(),
        SurveyResponse.objects.count(),
    )
    assert counts[0] == 8  # (test + survey) × (dp, ec) × (fr, en)


def test_each_module_has_a_15_question_test_and_the_survey_in_french_and_english(seeded):
    for module in ModulePage.objects.filter(code__in=["dp", "ec"]):
        test, survey = module.pre_test, module.survey
        assert module.post_test == test
        assert len(test.questions) == 15
        assert {q.block_type for q in test.questions} == {
            "single_choice",
            "true_false",
            "multiple_choice",
        }
        assert [q.block_type for q in survey.questions].count("scale") == 11
        assert [q.block_type for q in survey.questions].count("open") == 2
        assert (
            sum(bool(q.value["overall"]) for q in survey.questions if q.block_type == "scale") == 1
        )
        for assessment in (test, survey):
            french, english = (
                Assessment.objects.get(
                    translation_key=assessment.translation_key, locale__language_code=language
                )
                for language in ("fr", "en")
            )
            assert [q.id for q in english.questions] == [q.id for q in french.questions]
            assert english.questions[0].value["text"] != french.questions[0].value["text"]


def test_attempts_are_scored_from_their_answers_with_varied_results(seeded):
    attempts = list(Attempt.objects.select_related("assessment"))
    for attempt in attempts:
        assert (attempt.points, attempt.max_points) == score_answers(
            attempt.assessment.questions, attempt.answers
        )
    pre_scores = [a.score for a in attempts if a.phase == "pre"]
    assert 100 in pre_scores
    assert len(set(pre_scores)) > 5
    assert sum(a.phase == "post" for a in attempts) < len(pre_scores)


def test_demo_survey_answers_are_valid_and_match_the_completions(seeded):
    responses = list(SurveyResponse.objects.select_related("assessment"))
    assert responses
    assert len(responses) == SurveyCompletion.objects.count()
    for response in responses:
        assert normalise_answers(response.assessment.questions, response.answers)
