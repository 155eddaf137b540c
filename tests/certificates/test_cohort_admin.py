"""A cohort's certificates in the admin: who is eligible and why not, issuing one or all,
the progress of a bulk issue; and the roster's certificate column."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates.models import BulkIssue, Certificate
from lms import audit
from tests.certificates.admin_fixtures import certificate_of, finished_cohort, trainee_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(trainer):
    return finished_cohort(trainer)


def _page(client, cohort):
    return client.get(reverse("certificates:cohort", args=[cohort.pk]))


def _row_text(response, name) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    for row in soup.select("table.lms-certificates tbody tr, table.lms-roster tbody tr"):
        if name in row.get_text():
            return " ".join(row.get_text(" ").split())
    raise AssertionError(f"no row for {name}")


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_page_says_who_is_eligible_and_why_not(client, trainer, finished):
    trainee_in(finished, trainer, "Awa")
    trainee_in(finished, trainer, "Binta", post_test=False)
    trainee_in(finished, trainer, "Chloé", days=2)
    client.force_login(trainer)

    response = _page(client, finished)

    assert response.status_code == 200
    assert "Éligible" in _row_text(response, "Awa")
    assert "manque : test de fin" in _row_text(response, "Binta")
    chloe = _row_text(response, "Chloé")
    assert "2/5 jours — encore 2 jours requis" in chloe
    assert "Attestation d'assiduité" in chloe  # a statement is offered instead


def test_a_trainer_issues_an_attestation_to_an_eligible_trainee(client, trainer, finished):
    enrolment = trainee_in(finished, trainer, "Awa")
    client.force_login(trainer)

    response = client.post(
        reverse("certificates:issue", args=[finished.pk]),
        {"enrolment": enrolment.pk, "kind": "attestation", "language": "en"},
        follow=True,
    )

    certificate = Certificate.objects.get()
    assert (certificate.enrolment, certificate.kind, certificate.language) == (
        enrolment,
        "attestation",
        "en",
    )
    assert any(certificate.printed_code in message for message in _messages(response))
    assert audit.entries_about(certificate).filter(action=audit.Action.CERTIFICATE_ISSUED).exists()


def test_a_trainee_below_the_rule_gets_a_clear_refusal_then_a_statement(client, trainer, finished):
    enrolment = trainee_in(finished, trainer, "Chloé", days=2)
    client.force_login(trainer)
    url = reverse("certificates:issue", args=[finished.pk])

    refused = client.post(
        url, {"enrolment": enrolment.pk, "kind": "attestation", "language": "fr"}, follow=True
    )
    assert not Certificate.objects.exists()
    assert any("encore 2 jours requis" in message for message in _messages(refused))

    client.post(url, {"enrolment": enrolment.pk, "kind": "statement", "language": "fr"})
    assert Certificate.objects.get().kind == "statement"


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "attestation", "language": "fr"},
        {"enrolment": "abc", "kind": "attestation", "language": "fr"},
        {"enrolment": "OTHER", "kind": "attestation", "language": "fr"},
        {"enrolment": "AWA", "kind": "diploma", "language": "fr"},
        {"enrolment": "AWA", "kind": "attestation", "language": "de"},
    ],
)
def test_bad_input_changes_nothing_and_says_why(client, trainer, finished, other_trainee, data):
    awa = trainee_in(finished, trainer, "Awa")
    ids = {"AWA": awa.pk, "OTHER": other_trainee.enrolments.get().pk}
    data = {key: ids.get(value, value) for key, value in data.items()}
    client.force_login(trainer)

    response = client.post(reverse("certificates:issue", args=[finished.pk]), data, follow=True)

    assert response.status_code == 200
    assert not Certificate.objects.exists()
    assert response.context["messages"]


def test_issue_all_runs_in_the_background_and_shows_its_progress(
    client, trainer, finished, django_capture_on_commit_callbacks
):
    for name in ("Awa", "Binta"):
        trainee_in(finished, trainer, name)
    trainee_in(finished, trainer, "Chloé", days=1)
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates:issue_all", args=[finished.pk]), {"language": "fr"}
        )
    assert response.status_code == 302

    bulk = BulkIssue.objects.get()
    assert Certificate.objects.filter(kind="attestation").count() == 2
    progress = client.get(reverse("certificates:bulk", args=[bulk.pk])).json()
    assert progress == {
        "id": bulk.pk,
        "percent": 100,
        "done": 2,
        "skipped": 1,
        "total": 3,
        "finished": True,
    }
    page = _page(client, finished)
    assert b'value="100"' in page.content
    assert "Awa" in page.content.decode()


def test_a_running_bulk_issue_shows_its_bar_and_a_refresh_link(client, trainer, finished):
    bulk = BulkIssue.objects.create(cohort=finished, requested_by=trainer, total=4, done=1)
    client.force_login(trainer)

    soup = BeautifulSoup(_page(client, finished).content, "html.parser")

    box = soup.select_one("[data-bulk-progress]")
    assert box["data-status-url"] == reverse("certificates:bulk", args=[bulk.pk])
    assert box.select_one("progress")["value"] == "25"
    assert box.select_one("[data-bulk-refresh]")  # the way without JavaScript


def test_a_bad_language_for_issue_all_starts_nothing(client, trainer, finished):
    client.force_login(trainer)

    response = client.post(
        reverse("certificates:issue_all", args=[finished.pk]), {"language": "xx"}, follow=True
    )

    assert not BulkIssue.objects.exists()
    assert "Choisissez le français ou l'anglais." in _messages(response)


def test_another_trainer_cannot_follow_a_bulk_issue_of_a_cohort_they_do_not_teach(
    client, trainer, other_trainer, finished
):
    bulk = BulkIssue.objects.create(cohort=finished, requested_by=trainer, total=1)
    client.force_login(other_trainer)

    assert client.get(reverse("certificates:bulk", args=[bulk.pk])).status_code == 404


# --- The roster's column (added from certificates through the cohorts' hook) -------------


def _roster(client, cohort):
    return client.get(reverse("cohorts:detail", args=[cohort.pk]))


def test_the_roster_shows_who_is_eligible_why_not_and_what_was_issued(client, trainer, finished):
    issued = trainee_in(finished, trainer, "Awa")
    certificate = certificate_of(issued, by=trainer)
    trainee_in(finished, trainer, "Binta")
    trainee_in(finished, trainer, "Chloé", post_test=False)
    client.force_login(trainer)

    response = _roster(client, finished)

    assert certificate.printed_code in _row_text(response, "Awa")
    assert "Éligible" in _row_text(response, "Binta")
    assert "manque : test de fin" in _row_text(response, "Chloé")
    assert reverse("certificates:cohort", args=[finished.pk]) in response.content.decode()


def _queries(client, cohort) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert _roster(client, cohort).status_code == 200
    return len(queries)


def test_the_roster_column_reads_a_fixed_number_of_queries_whatever_its_size(
    client, trainer, finished
):
    certificate_of(trainee_in(finished, trainer, "Awa"), by=trainer)
    client.force_login(trainer)
    _roster(client, finished)  # warm the caches (site, locales, session)
    with_one = _queries(client, finished)
    for number in range(6):
        enrolment = trainee_in(finished, trainer, f"Apprenant {number}", days=number)
        if number % 2:
            certificate_of(enrolment, kind="statement", by=trainer)

    assert _queries(client, finished) == with_one


def test_the_certificate_page_of_a_cohort_reads_a_fixed_number_of_queries(
    client, trainer, finished
):
    certificate_of(trainee_in(finished, trainer, "Awa"), by=trainer)
    client.force_login(trainer)
    _page(client, finished)
    with CaptureQueriesContext(connection) as first:
        _page(client, finished)
    for number in range(6):
        certificate_of(trainee_in(finished, trainer, f"Apprenant {number}", days=number))
    with CaptureQueriesContext(connection) as second:
        _page(client, finished)

    assert len(second) == len(first)
