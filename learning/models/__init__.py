from learning.models.records import (
    Attempt,
    LessonProgress,
    Phase,
    SurveyCompletion,
    SurveyResponse,
)

__all__ = ["Attempt", "LessonProgress", "Phase", "SurveyCompletion", "SurveyResponse"]
