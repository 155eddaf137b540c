"""An exercise's PDF (the CV, the business plan), through the one PDF service (lms/pdf.py).

A render takes about a second; a trainee taps "Print" again, a trainer opens the same work the
same day. So each PDF is kept in the shared cache (every web process sees it) under the
document's version, the language and what the PDF shows from outside the document: the
photo only while the trainee's photo consent stands, the trainings of the certificates they
hold now, their name. Withdrawing consent or revoking a certificate must take them off the
next PDF at once, not a day later: any change makes a new key, an old one simply expires.
The template is the exercise's (courses/exercises/), fed the same data and figures as the
page.
"""

import hashlib

from django.core.cache import cache
from django.utils import translation

from courses.exercises import exercise
from learning import cv_photo, cv_trainings
from lms.pdf import render_pdf

PDF_CACHE_SECONDS = 24 * 3600


def pdf_context(document, language: str) -> dict:
    described = exercise(document.kind)
    return {
        "document": document,
        "exercise": described,
        "data": document.data,
        "figures": None if described.figures is None else described.figures(document.data),
        "trainee": document.trainee,
        "language": language,
    }


def _shown_beside(document) -> str:
    """A short fingerprint of what the PDF shows besides the document's text (two small
    queries, against a render of a second): the photo as it may be shown now, the
    platform's trainings as they stand now, the trainee's name."""
    photo = cv_photo.shown_photo(document)
    shown = (
        photo.name if photo else "",
        cv_trainings.platform_trainings(document.trainee),
        document.trainee.display_name,
    )
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:16]


def _key(document, language: str) -> str:
    beside = _shown_beside(document)
    return f"exercise-pdf:{document.pk}:{document.version}:{beside}:{language}"


def document_pdf(document, language: str) -> bytes:
    """The PDF of the document as it is now, in ``language`` (rendered once per version)."""
    with translation.override(language):
        key = _key(document, language)
        pdf = cache.get(key)
        if pdf is None:
            template = exercise(document.kind).pdf_template
            pdf = render_pdf(template, pdf_context(document, language), pdf_tags=True)
            cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


def filename(document, language: str) -> str:
    return f"{document.kind}-{document.pk}-{language}.pdf"
