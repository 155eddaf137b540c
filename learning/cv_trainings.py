"""The FORAS trainings a trainee has finished, to show on their CV beside those they type.

Attestations are issued by ``certificates``, which sits above ``learning`` (DESIGN.md): it
registers its source here from its AppConfig.ready() (certificates/holders.py,
``register(source)``, where ``source(trainee)`` returns ``Training``s) rather than
``learning`` reaching up to it. Only valid certificates are listed: a revoked one leaves the
CV, and its PDF (learning/exercise_pdf.py keys the cached PDF on this list).
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
