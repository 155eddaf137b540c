from courses.models.assessments import Assessment, AssessmentKind
from courses.models.pages import CourseIndexPage, LessonPage, ModulePage

__all__ = ["Assessment", "AssessmentKind", "CourseIndexPage", "LessonPage", "ModulePage"]
