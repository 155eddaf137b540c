"""The certificate list and one certificate's page in the admin: search by code, filters,
audited exports, the snapshot, the PDF, revoking and reissuing."""

import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import reverse

from certificates import codes, services
from certificates.models import Certificate
from lms import audit
from tests.certificates.admin_fixtures import certificate_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(trainee, trainer):
    return certificate_of(trainee.enrolments.get(), by=trainer)


@pytest.fixture
def other_certificate(other_trainee, other_trainer):
    return certificate_of(other_trainee.enrolments.get(), by=other_trainer)


def _listed(client, query="") -> str:
    response = client.get(reverse("certificates:index") + query)
    assert response.status_code == 200
    return response.content.decode()


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_trainer_lists_only_their_cohorts_certificates(
    client, trainer, certificate, other_certificate
):
    client.force_login(trainer)

    page = _listed(client)

    assert certificate.printed_code in page
    assert other_certificate.printed_code not in page


def test_a_code_is_found_however_it_is_typed(client, coordinator, certificate, other_certificate):
    client.force_login(coordinator)
    typed = codes.grouped(certificate.code).lower().replace("-", " ")

    page = _listed(client, "?q=" + typed.replace(" ", "+"))

    assert certificate.printed_code in page
    assert other_certificate.printed_code not in page


def test_the_status_filter_and_bad_filter_values(
    client, coordinator, certificate, other_certificate
):
    services.revoke(by=coordinator, certificate=other_certificate, reason="issued_in_error")
    client.force_login(coordinator)

    revoked = _listed(client, "?status=revoked")
    assert other_certificate.printed_code in revoked
    assert certificate.printed_code not in revoked
    assert _listed(client, "?status=zz&cohort=abc&kind=diploma")  # a form error, not a 500


def test_a_trainer_cannot_filter_by_another_trainers_cohort(
    client, trainer, other_cohort, other_certificate
):
    client.force_login(trainer)

    assert other_certificate.printed_code not in _listed(client, f"?cohort={other_cohort.pk}")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_holds_what_the_user_sees_and_is_written_to_the_audit_trail(
    client, trainer, cohort, trainee, certificate, other_certificate, fmt
):
    client.force_login(trainer)

    response = client.get(reverse("certificates:index") + f"?export={fmt}")

    assert f"attestations.{fmt}" in response["Content-Disposition"]
    content = _content(response)
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        assert certificate.printed_code in text and "Awa Test" in text
        assert other_certificate.printed_code not in text
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
            certificate.printed_code
        ]
    entry = audit.entries_about(cohort).get(action=audit.Action.EXPORTED)
    assert entry.user == trainer
    assert entry.data == {"document": f"certificates {fmt}", "trainees": [trainee.pk]}


def test_the_certificate_page_shows_the_snapshot_the_links_and_the_history(
    client, coordinator, certificate
):
    certificate.pdf.save("c.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    services.revoke(by=coordinator, certificate=certificate, reason="issued_in_error")
    client.force_login(coordinator)

    response = client.get(reverse("certificates:detail", args=[certificate.pk]))

    page = response.content.decode()
    assert "Awa Test" in page
    assert f"/verify/{certificate.code}/" in page
    assert reverse("certificates:pdf", args=[certificate.pk]) in page
    assert "Délivrée par erreur" in page
    assert "Attestation révoquée" in page  # the history, from the audit trail
    assert audit.entries_about(certificate).filter(action=audit.Action.VIEWED).count() == 1


def test_the_pdf_downloads_once_rendered_and_the_download_is_recorded(
    client, trainer, certificate, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    url = reverse("certificates:pdf", args=[certificate.pk])

    with django_capture_on_commit_callbacks() as queued:
        waiting = client.get(url)
    assert waiting.status_code == 302  # not rendered yet: back to the page, with a message
    assert len(queued) == 1  # and the worker is asked for it again

    certificate.pdf.save("c.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert _content(response) == b"%PDF-1.4 test"
    assert audit.entries_about(certificate).filter(action=audit.Action.EXPORTED).count() == 1


def test_a_coordinator_revokes_with_a_neutral_reason_after_confirming(
    client, coordinator, certificate
):
    client.force_login(coordinator)
    url = reverse("certificates:revoke", args=[certificate.pk])

    confirm = client.get(url)
    assert "Révoquer l'attestation" in confirm.content.decode()
    response = client.post(url, {"reason": "withdrawn"}, follow=True)

    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revocation_reason == "withdrawn"
    assert any("est révoquée" in str(m) for m in response.context["messages"])
    assert audit.entries_about(certificate).filter(action=audit.Action.CERTIFICATE_REVOKED).exists()


@pytest.mark.parametrize("data", [{}, {"reason": "replaced"}, {"reason": "because"}])
def test_revoking_without_a_valid_reason_changes_nothing(client, coordinator, certificate, data):
    client.force_login(coordinator)

    response = client.post(reverse("certificates:revoke", args=[certificate.pk]), data)

    assert response.status_code == 400
    assert "Choisissez le motif." in response.content.decode()
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_revoking_twice_says_so(client, coordinator, certificate):
    services.revoke(by=coordinator, certificate=certificate, reason="withdrawn")
    client.force_login(coordinator)

    response = client.post(
        reverse("certificates:revoke", args=[certificate.pk]), {"reason": "withdrawn"}, follow=True
    )

    assert "Cette attestation est déjà révoquée." in [str(m) for m in response.context["messages"]]


def test_a_trainer_may_not_revoke(client, trainer, certificate):
    client.force_login(trainer)

    client.post(reverse("certificates:revoke", args=[certificate.pk]), {"reason": "withdrawn"})

    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_a_coordinator_reissues_a_duplicate(client, coordinator, certificate):
    client.force_login(coordinator)

    response = client.post(
        reverse("certificates:reissue", args=[certificate.pk]),
        {"language": "en", "reason": "Nom corrigé"},
        follow=True,
    )

    new = Certificate.objects.exclude(pk=certificate.pk).get()
    assert new.is_duplicate and new.duplicate_of == certificate and new.language == "en"
    assert response.redirect_chain[-1][0] == reverse("certificates:detail", args=[new.pk])
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "replaced"
    assert audit.entries_about(new).filter(action=audit.Action.CERTIFICATE_REISSUED).exists()
    # The old certificate's page tells its replacement and why, from its history.
    old_page = client.get(reverse("certificates:detail", args=[certificate.pk]))
    history = " ".join(BeautifulSoup(old_page.content, "html.parser").get_text(" ").split())
    assert "Attestation révoquée" in history
    assert "Remplacée par une nouvelle attestation" in history
    assert f"remplacée par : {new.pk}" in history
    assert "explication : « Nom corrigé »" in history


def test_the_reissue_form_asks_why(client, coordinator, certificate):
    client.force_login(coordinator)
    url = reverse("certificates:reissue", args=[certificate.pk])

    form = client.get(url).content.decode()
    response = client.post(url, {"language": "fr", "reason": "  "})

    assert 'name="reason"' in form
    assert response.status_code == 400
    assert "Dites pourquoi l&#x27;attestation est délivrée à nouveau." in response.content.decode()
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert Certificate.objects.count() == 1


def test_reissuing_in_an_unknown_language_changes_nothing(client, coordinator, certificate):
    client.force_login(coordinator)

    response = client.post(
        reverse("certificates:reissue", args=[certificate.pk]),
        {"language": "de", "reason": "Papier perdu"},
    )

    assert response.status_code == 400
    assert Certificate.objects.count() == 1


def test_the_certificate_page_writes_its_dates_and_language_in_words(
    client, coordinator, certificate
):
    snapshot = {**certificate.snapshot, "start_date": "2026-11-01", "end_date": "2026-11-14"}
    Certificate.objects.filter(pk=certificate.pk).update(snapshot=snapshot, language="fr")
    client.force_login(coordinator)

    page = client.get(reverse("certificates:detail", args=[certificate.pk])).content.decode()

    assert "1er\u00a0– 14\u00a0nov.\u00a02026" in page
    assert "2026-11-01" not in page
    assert "Français" in page
