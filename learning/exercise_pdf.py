"""An exercise's PDF (the CV, the business plan), through the one PDF service (lms/pdf.py).

A render takes about a second; a trainee taps "Print" again, a trainer opens the same work the
same day. So each PDF is kept in the shared cache (every web process sees it) under the
document's version, its photo and the language: any change makes a new key, an old one
simply expires. The template is the exercise's (courses/exercises/), fed the same data and
figures as the page.
"""

from django.core.cache import cache
from django.utils import translation

from courses.exercises import exercise
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


def _key(document, language: str) -> str:
    photo = document.photo.name if document.photo else ""
    return f"exercise-pdf:{document.pk}:{document.version}:{photo}:{language}"


def document_pdf(document, language: str) -> bytes:
    """The PDF of the document as it is now, in ``language`` (rendered once per version)."""
    key = _key(document, language)
    pdf = cache.get(key)
    if pdf is None:
        with translation.override(language):
            template = exercise(document.kind).pdf_template
            pdf = render_pdf(template, pdf_context(document, language), pdf_tags=True)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


def filename(document, language: str) -> str:
    return f"{document.kind}-{document.pk}-{language}.pdf"
