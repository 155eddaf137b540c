from courses.models.pages import CourseIndexPage, ModulePage

__all__ = ["CourseIndexPage", "ModulePage"]
