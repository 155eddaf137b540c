"""Learning records for tests: scored attempts and anonymous survey answers.

Attempts made here carry a given score directly (a results table needs 40 % or 73 %, which a
short test's questions cannot produce); tests of taking a test go through learning/services.py.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from learning.models import Attempt, Phase, SurveyResponse


class SubmittedAttemptFactory(DjangoModelFactory):
    """A submitted attempt scoring ``score`` % (``points`` of 10)."""

    class Meta:
        model = Attempt

    class Params:
        score_percent = 50

    phase = Phase.PRE
    assessment = factory.LazyAttribute(lambda a: a.enrolment.cohort.module.pre_test)
    submitted_at = factory.LazyFunction(timezone.now)
    points = factory.LazyAttribute(lambda a: a.score_percent / 10)
    max_points = 10
    score = factory.SelfAttribute("score_percent")


class SurveyResponseFactory(DjangoModelFactory):
    """An anonymous survey response of ``cohort`` to its module's survey."""

    class Meta:
        model = SurveyResponse

    assessment = factory.LazyAttribute(lambda r: r.cohort.module.survey)
    answers = factory.LazyFunction(dict)
    submitted_on = factory.LazyFunction(lambda: datetime.date(2026, 3, 10))
