"""The audit log screen (coordinators only) over the one audit trail, with filters and exports."""

import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from cohorts import services
from lms import audit
from tests.permissions import PERSONAS, answer, sign_in_as


@pytest.fixture
def viewed(trainer, trainee):
    return audit.record(trainer, audit.Action.VIEWED, trainee)


def test_a_coordinator_reads_who_viewed_which_record(client, coordinator, viewed, trainee):
    client.force_login(coordinator)

    page = client.get(reverse("lms_audit_log")).content.decode()

    assert f"#{trainee.pk}" in page
    assert "Consultation" in page
    assert "Awa Test" not in page  # a record is named by its id, never by the person's name


def test_the_audit_log_filters_by_action(client, coordinator, viewed, trainee, trainer):
    audit.record(trainer, audit.Action.PIN_RESET, trainee)
    client.force_login(coordinator)

    response = client.get(reverse("lms_audit_log"), {"action": audit.Action.PIN_RESET})

    assert [entry.action for entry in response.context["object_list"]] == [audit.Action.PIN_RESET]


def test_a_bad_filter_is_not_a_500(client, coordinator, viewed):
    client.force_login(coordinator)
    response = client.get(
        reverse("lms_audit_log"),
        {"action": "nope", "user": "x", "timestamp_after": "hier", "p": "x"},
    )
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_audit_log_exports_as_csv_and_xlsx(client, coordinator, viewed, trainee, fmt):
    client.force_login(coordinator)

    response = client.get(reverse("lms_audit_log"), {"export": fmt})

    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        text = content.decode("utf-8")
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        text = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    assert f"#{trainee.pk}" in text and "Consultation" in text


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_coordinators_open_the_audit_log(client, request, persona, viewed):
    sign_in_as(client, request, persona)

    got = answer(client.get(reverse("lms_audit_log")))

    expected = {"coordinator": "ok", "anonymous": "login", "trainee": "login"}
    assert got == expected.get(persona, "login" if "trainee" in persona else "denied")


def test_details_read_as_phrases_in_the_readers_language(client, coordinator, trainer, cohort):
    services.viewed_roster(by=trainer, cohort=cohort, trainees=[7, 3])
    audit.record(trainer, audit.Action.EXPORTED, cohort, document="login cards")
    audit.record(trainer, audit.Action.WITHDRAWN, cohort, cohort=cohort.pk, reason="Départ")
    client.force_login(coordinator)

    # Only ASCII white space is folded: str.split() would fold the no-break spaces too, and
    # French typography is part of what is checked.
    french = re.sub(r"[ \t\r\n]+", " ", client.get(reverse("lms_audit_log")).content.decode())
    with translation.override("en"):
        entries = list(audit.entries().filter(object_id=str(cohort.pk)).order_by("pk"))
        english = [" · ".join(audit.describe(entry.data)) for entry in entries]

    assert "apprenants\u00a0: 2 (#3, #7)" in french
    assert "document\u00a0: cartes de connexion" in french
    assert "motif\u00a0: «\u00a0Départ\u00a0»" in french
    assert "trainees: 2 (#3, #7)" in english
    assert "document: login cards" in english
    assert f"cohort: #{cohort.pk} · reason: “Départ”" in english
