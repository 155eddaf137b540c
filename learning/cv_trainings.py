"""The FORAS trainings a trainee has finished, to show on their CV beside those they type.

For now this lists nothing: attestations are issued by ``certificates``, which comes later
and sits above ``learning`` (DESIGN.md), so it will register a source here from its
AppConfig.ready() — ``register(source)``, where ``source(trainee)`` returns ``Training``s —
rather than ``learning`` reaching up to it. Nothing is made up in the meantime.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Training:
    title: str
    where: str
    year: str


_SOURCES: list[Callable[[object], list[Training]]] = []


def register(source: Callable[[object], list[Training]]) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def platform_trainings(trainee) -> list[Training]:
    """The trainings the platform can vouch for (attestations issued to ``trainee``)."""
    return [training for source in _SOURCES for training in source(trainee)]
