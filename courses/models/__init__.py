from courses.models.assessments import Assessment, AssessmentKind
from courses.models.pages import CourseIndexPage, LessonPage, ModulePage
from courses.models.records import (
    Attempt,
    LessonProgress,
    Phase,
    SurveyCompletion,
    SurveyResponse,
)

__all__ = [
    "Assessment",
    "AssessmentKind",
    "Attempt",
    "CourseIndexPage",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "Phase",
    "SurveyCompletion",
    "SurveyResponse",
]
