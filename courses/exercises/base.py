"""The exercises a trainee writes over several days (the CV, the business plan): what each one
holds and how its data is checked. The trainee's work itself lives in ``learning`` (one
versioned-document mechanism for every exercise, learning/models/exercises.py); this module
only describes exercises and never touches the database.

An exercise is a list of sections (the steps the trainee goes through and the trainer
comments on) and a ``clean`` function that turns what a tablet sent into the data kept, or
raises ExerciseError with a message per field. The exercises themselves are in this package
(cv.py, plan.py); __init__.py lists them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _


class ExerciseError(ValueError):
    """Data that cannot be kept: ``errors`` maps a field's path ("skills.3") to a message
    for the trainee, in their language; ``message`` says it in one sentence."""

    def __init__(self, errors: dict[str, str], message: str | None = None):
        self.errors = {path: str(text) for path, text in errors.items()}
        self.message = message or next(iter(self.errors.values()), "")
        super().__init__(self.message)


@dataclass(frozen=True)
class Section:
    """One step of an exercise: what the trainee fills in, and what the trainer comments on."""

    key: str
    title: str | Promise
    #: What the step asks, in plain words (it can be read aloud on the tablet).
    prompt: str | Promise = ""
    icon: str = ""


@dataclass(frozen=True)
class Exercise:
    """An exercise: its sections, its empty data and how data sent by a tablet is checked.

    ``per_enrolment``: the work belongs to one enrolment (the business plan of an
    entrepreneurship course) rather than to the trainee across modules (the CV).
    """

    kind: str
    title: str | Promise
    sections: tuple[Section, ...]
    clean: Callable[[object], dict]
    empty: Callable[[], dict]
    per_enrolment: bool = False
    #: The figures worked out from the data (the business plan's), shown by the page, sent
    #: back with each autosave and printed in the PDF: one function for all three.
    figures: Callable[[dict], object] | None = None
    #: What an autosave sends back when lighter than ``figures`` (the plan's, without its
    #: chart, which the page fetches when it shows it); ``figures`` otherwise.
    autosave_figures: Callable[[dict], object] | None = None
    #: The data a new document starts with, for a trainee of this nationality (an ISO2 code:
    #: the business plan's currency is the country's); ``empty()`` when not given.
    initial: Callable[[str], dict] | None = None
    #: The builder's page, the work read back (the trainer's review, earlier versions: given
    #: data, figures and document) and the PDF's templates.
    template: str = "learning/exercises/page.html"
    preview_template: str = ""
    pdf_template: str = ""

    def start(self, nationality: str) -> dict:
        """The data of a document started now by a trainee of ``nationality``."""
        return self.empty() if self.initial is None else self.initial(nationality)

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    @property
    def section_keys(self) -> frozenset[str]:
        return frozenset(section.key for section in self.sections)


#: The longest text a trainee may type in one field (a section of the business plan).
MAX_TEXT = 5000


def clean_text(value: object, path: str, errors: dict, max_length: int = MAX_TEXT) -> str:
    """``value`` as the text kept (spaces at the ends dropped); "" and an entry in ``errors``
    when it is not text or too long."""
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[path] = _("Ce champ doit contenir du texte.")
        return ""
    value = value.strip()
    if len(value) > max_length:
        errors[path] = _("Ce texte est trop long (%(max)s caractères au plus).") % {
            "max": max_length
        }
        return ""
    return value
