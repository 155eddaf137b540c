"""Sections that apps above ``learning`` add to the trainee's home page (/learn/).

``certificates`` sits above ``learning`` (DESIGN.md), so the home page does not reach up to
it: it registers a source from its AppConfig.ready() — ``register(source)``, where
``source(trainee)`` returns a ``Panel`` or None — as it does for the CV (cv_trainings.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Panel:
    """A template to include on the home page, with its own context (as ``panel``)."""

    template: str
    context: dict = field(default_factory=dict)


_SOURCES: list[Callable[[object], Panel | None]] = []


def register(source: Callable[[object], Panel | None]) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def panels_for(trainee) -> list[Panel]:
    return [panel for source in _SOURCES if (panel := source(trainee)) is not None]
