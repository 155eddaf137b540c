from learning.models.exercises import Comment, Document, DocumentVersion, Status, VersionReason
from learning.models.records import (
    Attempt,
    LessonProgress,
    Phase,
    SurveyCompletion,
    SurveyResponse,
)

__all__ = [
    "Attempt",
    "Comment",
    "Document",
    "DocumentVersion",
    "LessonProgress",
    "Phase",
    "Status",
    "SurveyCompletion",
    "SurveyResponse",
    "VersionReason",
]
