"""The trainee's own certificates in their space (/learn/) and on their CV."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from certificates import pdf as pdf_service
from certificates import services
from certificates.models import Certificate
from learning import cv_trainings
from tests.certificates.credential_fixtures import make_certificate
from tests.certificates.issued import issue_attestation
from tests.permissions import PERSONAS, answers, sign_in_as

pytestmark = pytest.mark.django_db

# Only the holder gets their certificate; another trainee is not told it exists, staff are
# sent to their admin (trainee_required), where the certificates have their own screens.
HOLDER_ONLY = {
    "anonymous": "login",
    "trainee": "ok",
    "other_trainee": "hidden",
    "trainer": "denied",
    "other_trainer": "denied",
    "coordinator": "denied",
    "editor": "denied",
}
# What every verifier fetches: public.
PUBLIC = dict.fromkeys(PERSONAS, "ok")


@pytest.fixture
def certificate(trainee, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_certificate(trainee.enrolments.get())


def _downloads(certificate) -> dict[str, tuple[str, str]]:
    return {
        "pdf": ("get", reverse("learn_certificate_pdf", args=[certificate.code])),
        "credential": ("get", reverse("learn_certificate_credential", args=[certificate.code])),
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_holder_downloads_their_certificate(
    persona,
    request,
    client,
    certificate,
    other_trainee,
    trainer,
    other_trainer,
    coordinator,
    editor,
):
    sign_in_as(client, request, persona)

    assert set(answers(client, _downloads(certificate)).values()) == {HOLDER_ONLY[persona]}


@pytest.mark.parametrize("persona", PERSONAS)
def test_anyone_fetches_the_status_list_and_the_did_document(
    persona,
    request,
    client,
    settings,
    certificate,
    other_trainee,
    trainer,
    other_trainer,
    coordinator,
    editor,
):
    settings.SITE_BASE_URL = "https://foras.example.org"
    sign_in_as(client, request, persona)
    urls = {
        "status": ("get", reverse("credential_status_list")),
        "did": ("get", reverse("credential_did_document")),
    }

    assert answers(client, urls) == {name: PUBLIC[persona] for name in urls}


def test_the_holder_downloads_the_pdf_and_the_signed_credential(client, trainee, certificate):
    pdf_service.store(certificate.pk)  # as the worker does once the certificate is issued
    client.force_login(trainee.user)

    pdf = client.get(reverse("learn_certificate_pdf", args=[certificate.code]))
    credential = client.get(reverse("learn_certificate_credential", args=[certificate.code]))

    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert "attachment" in credential["Content-Disposition"]
    body = json.loads(credential.content)
    assert body["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert body["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


def test_the_home_page_lists_the_certificates_with_their_downloads(client, trainee, certificate):
    client.force_login(trainee.user)

    page = client.get(reverse("learn_home")).content.decode()

    assert "Mes attestations" in page
    assert certificate.printed_code in page
    assert reverse("learn_certificate_pdf", args=[certificate.code]) in page
    assert reverse("learn_certificate_credential", args=[certificate.code]) in page


def test_a_trainee_without_certificates_sees_no_such_section(client, other_trainee, certificate):
    client.force_login(other_trainee.user)

    assert "Mes attestations" not in client.get(reverse("learn_home")).content.decode()


def test_a_revoked_certificate_leaves_the_space_and_the_cv(
    client, trainee, certificate, coordinator
):
    assert [training.title for training in cv_trainings.platform_trainings(trainee)] == [
        certificate.snapshot["module"]
    ]

    services.revoke(by=coordinator, certificate=certificate, reason="issued_in_error")

    assert cv_trainings.platform_trainings(trainee) == []
    client.force_login(trainee.user)
    assert certificate.printed_code not in client.get(reverse("learn_home")).content.decode()
    assert client.get(reverse("learn_certificate_pdf", args=[certificate.code])).status_code == 404


def test_the_cv_lists_the_training_where_and_when(trainee, certificate):
    (training,) = cv_trainings.platform_trainings(trainee)

    assert training.where == certificate.snapshot["city"]
    assert training.year == certificate.snapshot["end_date"][:4]


# --- The PDF is rendered by the worker, never in the trainee's request ---------------------------


def _pdf_url(certificate) -> str:
    return reverse("learn_certificate_pdf", args=[certificate.code])


def _downloaded(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    return b"".join(response.streaming_content)


def test_issuing_queues_the_render_the_worker_stores_the_pdf_and_the_holder_downloads_it(
    client, trainer, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks() as queued:
        certificate = issue_attestation(trainer)
    assert not Certificate.objects.get(pk=certificate.pk).pdf  # nothing rendered while issuing

    for task in queued:  # the commit: django-q2 runs the queued tasks (Q_SYNC in the tests)
        task()

    stored = Certificate.objects.get(pk=certificate.pk).pdf
    assert stored.name.endswith(".pdf")
    content = stored.read()
    assert content.startswith(b"%PDF")
    client.force_login(certificate.enrolment.trainee.user)
    assert _downloaded(client.get(_pdf_url(certificate))) == content


def test_a_pdf_not_yet_rendered_gets_a_waiting_page_and_the_render_queued_once(
    client, trainee, certificate, monkeypatch, django_capture_on_commit_callbacks
):
    def no_render_here(*args, **kwargs):
        raise AssertionError("a PDF was rendered in the web request")

    monkeypatch.setattr(pdf_service, "render", no_render_here)
    client.force_login(trainee.user)
    url = _pdf_url(certificate)

    with django_capture_on_commit_callbacks() as queued:
        waiting = client.get(url)
        again = client.get(url)  # a reload within the minute asks the worker nothing more
        status = client.get(url, HTTP_ACCEPT="application/json")

    assert waiting.status_code == again.status_code == 200
    assert waiting["Content-Type"].startswith("text/html")
    assert "no-cache" in waiting["Cache-Control"] and "no-cache" in status["Cache-Control"]
    page = BeautifulSoup(waiting.content, "html.parser")
    assert "Votre attestation est en préparation" in page.h1.get_text()
    box = page.select_one("[data-document-wait]")
    assert box["data-status-url"] == url
    assert box.select_one("[data-document-link]")["href"] == url
    assert box.select_one("[data-document-link]").has_attr("hidden")
    assert page.select_one('script[src$="js/document-wait.js"]')
    assert not page.select_one("meta[http-equiv]")  # the script polls; the page never reloads
    assert status.json() == {"ready": False}
    assert len(queued) == 1

    monkeypatch.undo()
    queued[0]()  # the worker renders it

    assert client.get(url, HTTP_ACCEPT="application/json").json() == {"ready": True}
    assert _downloaded(client.get(url)).startswith(b"%PDF")


def test_the_home_page_links_the_pdf_without_a_download_attribute(client, trainee, certificate):
    # A PDF still being rendered answers with a page: a download attribute would save that
    # page as the PDF.
    client.force_login(trainee.user)

    page = BeautifulSoup(client.get(reverse("learn_home")).content, "html.parser")

    link = page.select_one(f'.certificate-card a[href="{_pdf_url(certificate)}"]')
    assert link is not None and not link.has_attr("download")
