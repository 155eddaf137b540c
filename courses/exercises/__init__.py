"""Every exercise of the platform, by kind (see base.py for what an exercise is)."""

from courses.exercises.base import Exercise, ExerciseError, Section
from courses.exercises.cv import CV
from courses.exercises.plan import PLAN

EXERCISES: dict[str, Exercise] = {exercise.kind: exercise for exercise in (CV, PLAN)}
KIND_CHOICES = [(exercise.kind, exercise.title) for exercise in EXERCISES.values()]


def exercise(kind: str) -> Exercise:
    """The exercise named ``kind``; KeyError for an unknown one."""
    return EXERCISES[kind]


__all__ = ["CV", "EXERCISES", "KIND_CHOICES", "PLAN", "Exercise", "ExerciseError", "Section"]
