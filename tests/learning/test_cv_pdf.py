"""The CV as a one-page A4 PDF, in French or in English, with the photo when there is one."""

import io

import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from PIL import Image

from certificates import services as certificates
from cohorts.services import enrol, record_consent
from courses.exercises.cv import PERSONAL_SKILLS, TECHNICAL_SKILLS
from learning import exercise_pdf
from learning import exercise_services as services
from learning.cv_photo import prepare_photo
from tests.certificates.credential_fixtures import make_certificate
from tests.cohorts.factories import CohortFactory
from tests.courses.factories import module_page


def full_cv() -> dict:
    """A CV at the lengths trainees write: six skills of each kind, four jobs, three
    languages, three trainings, two referees, every field filled."""
    return {
        "name": "Aminata Traoré",
        "phone": "+223 00 00 00 00 (WhatsApp)",
        "town": "Ségou",
        "birth_year": "1992",
        "objective": (
            "Je cherche un travail de couturière dans un atelier de Ségou, puis ouvrir mon "
            "propre atelier de couture et de retouches avec une autre couturière."
        ),
        "skills": {
            "technical": [skill.id for skill in TECHNICAL_SKILLS[:6]],
            "personal": [skill.id for skill in PERSONAL_SKILLS[:6]],
        },
        "experience": [
            {"what": "Couturière dans un atelier", "where": "Casablanca", "how_long": "2-5y"},
            {"what": "Vendeuse au marché", "where": "Ségou, Mali", "how_long": "1-2y"},
            {"what": "Aide-cuisinière dans un restaurant", "where": "Tunis", "how_long": "6-12m"},
            {"what": "Garde d'enfants dans une famille", "where": "Rabat", "how_long": "lt6m"},
        ],
        "languages": [
            {"language": "Bambara", "speak": 3, "understand": 3, "read": 1, "write": 1},
            {"language": "Français", "speak": 2, "understand": 3, "read": 2, "write": 1},
            {"language": "Arabe dialectal", "speak": 1, "understand": 2, "read": 0, "write": 0},
        ],
        "trainings": [
            {"title": "Initiation à la couture", "where": "Casablanca", "year": "2024"},
            {"title": "Hygiène en cuisine", "where": "Rabat", "year": "2025"},
            {"title": "Développement personnel (FORAS)", "where": "Rabat", "year": "2026"},
        ],
        "education": "secondary",
        "driving_licence": ["A", "B"],
        "referees": [
            {"name": "Mme Fatou Diallo", "contact": "Atelier Couture Plus, Casablanca"},
            {"name": "M. Idrissa Konaté", "contact": "Restaurant du port, Tunis"},
        ],
    }


@pytest.fixture
def cv(trainee):
    document = services.get_or_start_document(trainee, "cv")
    return services.save_document(document, full_cv(), 0)


def pdf_text(content: bytes) -> tuple[int, str]:
    document = pdfium.PdfDocument(content)
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    return len(document), " ".join(text.split())


def pdf_images(content: bytes) -> int:
    """How many pictures the PDF's pages hold (the CV's only one is the photo)."""
    return sum(
        1
        for page in pdfium.PdfDocument(content)
        for item in page.get_objects()
        if item.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
    )


def a_photo(size: tuple[int, int] = (900, 1200)) -> io.BytesIO:
    """An upload as the browser sends it: a portrait PNG."""
    picture = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(picture, "PNG")
    picture.seek(0)
    picture.size = len(picture.getvalue())
    return picture


@pytest.fixture
def cv_with_photo(cv, trainee, trainer, settings, tmp_path):
    """The full CV with a photo, the trainee's photo consent on record."""
    settings.MEDIA_ROOT = tmp_path
    record_consent(by=trainer, trainee=trainee, purpose="photos", granted=True)
    return services.set_photo(cv, prepare_photo(a_photo()), by=trainee.user)


ENTREPRENEURSHIP = "Entrepreneuriat et commercialisation"


@pytest.fixture
def entrepreneurship(trainee, trainer):
    """The trainee's enrolment in a second module, Entrepreneuriat, after their cohort's
    Développement personnel (which the full CV names among the trainings typed)."""
    cohort = CohortFactory(name="Rabat — EC", module=module_page("ec", ENTREPRENEURSHIP))
    return enrol(by=trainer, trainee=trainee, cohort=cohort)


@pytest.fixture
def two_attestations(trainee, entrepreneurship):
    """The trainee's attestations of both modules."""
    return [make_certificate(enrolment) for enrolment in trainee.enrolments.order_by("pk")]


def test_a_full_cv_is_one_a4_page_with_its_words(cv):
    pages, text = pdf_text(exercise_pdf.document_pdf(cv, "fr"))

    assert pages == 1
    for expected in (
        "Aminata Traoré",
        "Maçonnerie",  # a skill's label
        "Travail en équipe",
        "Couturière dans un atelier",
        "2 à 5 ans",
        "Bambara",
        "Pas du tout",  # a language level in words
        "Assez bien",
        "Initiation à la couture",
        "Collège ou lycée",
        "B — voiture",
        "Mme Fatou Diallo",
    ):
        assert expected in text, expected
    width, height = pdfium.PdfDocument(exercise_pdf.document_pdf(cv, "fr"))[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_the_english_cv_has_english_labels(cv):
    pages, text = pdf_text(exercise_pdf.document_pdf(cv, "en"))

    assert pages == 1
    assert "Aminata Traoré" in text  # what the trainee wrote stays as written
    for english in ("Masonry", "Teamwork", "Not at all", "Languages", "Experience", "2 to 5 years"):
        assert english.lower() in text.lower(), english  # headings print in capitals
    for french in ("Maçonnerie", "Pas du tout", "Langues", "Expérience"):
        assert french.lower() not in text.lower(), french


def test_the_pdf_is_served_to_the_trainee_in_either_language(client, trainee, cv):
    client.force_login(trainee.user)
    enrolment = trainee.enrolments.get()
    url = reverse("learn_exercise_pdf", args=["cv", enrolment.pk])

    response = client.get(url + "?lang=en")

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(url).content.startswith(b"%PDF")


def test_the_photo_is_in_the_pdf_and_an_empty_cv_still_renders(
    trainee, trainer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    record_consent(by=trainer, trainee=trainee, purpose="photos", granted=True)
    document = services.get_or_start_document(trainee, "cv")
    empty_pages, _text = pdf_text(exercise_pdf.document_pdf(document, "fr"))
    assert empty_pages == 1

    document = services.set_photo(document, prepare_photo(a_photo()), by=trainee.user)

    assert pdf_images(exercise_pdf.document_pdf(document, "fr")) == 1


def test_withdrawing_photo_consent_takes_the_photo_off_the_next_pdf_at_once(
    cv_with_photo, trainee, trainer
):
    assert pdf_images(exercise_pdf.document_pdf(cv_with_photo, "fr")) == 1  # now cached

    record_consent(by=trainer, trainee=trainee, purpose="photos", granted=False)

    assert pdf_images(exercise_pdf.document_pdf(cv_with_photo, "fr")) == 0


def test_a_revoked_certificate_leaves_the_next_pdf_at_once(cv, two_attestations, coordinator):
    _dp, entrepreneurship = two_attestations
    _pages, text = pdf_text(exercise_pdf.document_pdf(cv, "fr"))  # now cached
    assert ENTREPRENEURSHIP in text

    certificates.revoke(by=coordinator, certificate=entrepreneurship, reason="issued_in_error")

    _pages, text = pdf_text(exercise_pdf.document_pdf(cv, "fr"))
    assert ENTREPRENEURSHIP not in text
    assert "Aminata Traoré" in text


def test_a_certificate_issued_is_on_the_next_pdf_at_once(cv, entrepreneurship):
    assert ENTREPRENEURSHIP not in pdf_text(exercise_pdf.document_pdf(cv, "fr"))[1]  # cached

    make_certificate(entrepreneurship)

    assert ENTREPRENEURSHIP in pdf_text(exercise_pdf.document_pdf(cv, "fr"))[1]


def test_a_full_cv_with_a_photo_and_two_attestations_is_still_one_page(
    cv_with_photo, two_attestations
):
    for language in ("fr", "en"):
        content = exercise_pdf.document_pdf(cv_with_photo, language)
        pages, text = pdf_text(content)

        assert pages == 1, language
        assert pdf_images(content) == 1
        for certificate in two_attestations:
            assert certificate.snapshot["module"] in text
        assert "Mme Fatou Diallo" in text  # the last section, the referees, still on it
