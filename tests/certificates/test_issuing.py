"""Issuing: one or a whole cohort, safe to repeat, frozen once issued."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates import pdf, services
from certificates.credentials import badge
from certificates.errors import NotEligible, ReissueReasonRequired
from certificates.models import BulkIssue, Certificate
from cohorts import attendance_services
from cohorts import services as cohort_services
from cohorts.models import SessionDay
from courses.models import ModulePage
from learning.models import Attempt
from lms import audit
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.content.pdfs import pdf_text
from tests.courses.factories import lesson, make_assessment, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(trainer):
    module = module_page(code="cert", title="Entrepreneuriat")
    module.pre_test = module.post_test = make_assessment(title="Test — entrepreneuriat")
    module.save()
    for day in range(1, 6):
        lesson(module, day, duration_minutes=300)
    today = timezone.localdate()
    cohort = CohortFactory(
        module=module,
        start_date=today - datetime.timedelta(days=20),
        end_date=today - datetime.timedelta(days=1),
        trainers=[trainer],
    )
    attendance_services.plan_session_days(by=trainer, cohort=cohort)
    return cohort


def _attend(cohort, trainer, trainee, days: int):
    enrolment = trainee.enrolments.get()
    for day in SessionDay.objects.filter(cohort=cohort).order_by("date")[:days]:
        attendance_services.record_mark(by=trainer, enrolment=enrolment, day=day, status="present")
    return enrolment


def _post_test(enrolment):
    from tests.learning.factories import SubmittedAttemptFactory

    SubmittedAttemptFactory(
        enrolment=enrolment, phase="post", assessment=enrolment.cohort.module.post_test
    )


def test_an_eligible_trainee_is_issued_an_attestation_once(finished, trainer):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)

    first = services.issue(by=trainer, enrolment=enrolment)
    again = services.issue(by=trainer, enrolment=enrolment)

    assert first == again
    assert Certificate.objects.count() == 1
    assert first.snapshot["days"] == 5
    assert first.snapshot["hours"] == 25.0


def test_a_trainee_below_the_rule_gets_a_statement_not_an_attestation(finished, trainer):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 2)
    _post_test(enrolment)

    with pytest.raises(NotEligible):
        services.issue(by=trainer, enrolment=enrolment)
    statement = services.issue(by=trainer, enrolment=enrolment, kind="statement")

    assert statement.snapshot["days_attended"] == 2
    assert statement.snapshot["hours_attended"] == 10.0


def test_bulk_issue_run_twice_gives_no_duplicates(finished, trainer):
    eligible = [
        _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5) for _ in range(3)
    ]
    for enrolment in eligible:
        _post_test(enrolment)
    _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 1)

    bulk = services.request_bulk_issue(by=trainer, cohort=finished)
    services.run_bulk_issue(bulk.pk)
    again = services.run_bulk_issue(bulk.pk)

    assert Certificate.objects.count() == 3
    assert (again.done, again.skipped, again.total) == (3, 1, 4)
    assert again.finished_at is not None
    assert BulkIssue.objects.count() == 1


def _verification_page(client, certificate) -> str:
    response = client.get(f"/verify/{certificate.code}/")
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").main.get_text(" ").split())


def _everything_shown(client, certificate) -> dict:
    """What anyone is shown of the certificate: the verification page and its JSON form, the
    PDF's text and the signed credential (its proof's date aside, the same every time)."""
    json_record = client.get(f"/verify/{certificate.code}.json").json()
    credential = badge.signed(certificate)
    return {
        "page": _verification_page(client, certificate),
        "json": json_record,
        "pdf": pdf_text(pdf.render(certificate)),
        "credential": {key: credential[key] for key in ("name", "issuer", "credentialSubject")},
    }


def test_editing_the_module_or_the_trainee_changes_no_issued_certificate(
    client, finished, trainer, coordinator
):
    trainee = TraineeFactory(cohort=finished, by=trainer, display_name="Awa Diallo")
    enrolment = _attend(finished, trainer, trainee, 5)
    _post_test(enrolment)
    certificate = services.issue(by=trainer, enrolment=enrolment)
    snapshot = dict(certificate.snapshot)
    point = finished.orientation_point
    first_day, last_day = finished.session_days.order_by("date")[::4]
    before = _everything_shown(client, certificate)

    # The module's title and a day's title (a topic), the cohort's dates and its last session
    # day, the orientation point's name and city, the trainee's name.
    module = ModulePage.objects.get(pk=finished.module_id)
    module.title = "Titre changé"
    module.save()
    topic = module.lessons().first()
    topic.title = "Sujet changé"
    topic.save()
    today = timezone.localdate()
    cohort_services.update_cohort(
        by=coordinator,
        cohort=finished,
        start_date=finished.start_date - datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=30),
    )
    attendance_services.move_session_day(
        by=trainer, day=last_day, date=today + datetime.timedelta(days=3)
    )
    point.name = "Lieu changé"
    point.city = "Villechangée"
    point.save()
    trainee.display_name = "Nom changé"
    trainee.save()
    certificate.refresh_from_db()
    after = _everything_shown(client, certificate)

    assert certificate.snapshot == snapshot
    assert after == before
    for shown in (after["page"], after["pdf"], json.dumps(after, ensure_ascii=False)):
        for changed in (
            "Titre changé",
            "Sujet changé",
            "Lieu changé",
            "Villechangée",
            "Nom changé",
        ):
            assert changed not in shown
    assert "Awa Diallo" in after["page"] and "Awa Diallo" in after["pdf"]
    assert "Entrepreneuriat" in after["page"] and "Entrepreneuriat" in after["pdf"]
    assert snapshot["topics"][0] == "Jour 1" and "Jour 1" in after["pdf"]
    assert snapshot["place"] in after["page"] and snapshot["place"] in after["pdf"]
    assert after["json"]["holder_name"] == "Awa Diallo"
    assert after["json"]["module"] == "Entrepreneuriat"
    assert (after["json"]["start_date"], after["json"]["end_date"]) == (
        first_day.date.isoformat(),
        last_day.date.isoformat(),
    )
    assert (after["json"]["place"], after["json"]["city"]) == (snapshot["place"], "Rabat")
    subject = after["credential"]["credentialSubject"]
    assert subject["name"] == "Awa Diallo"
    assert subject["achievement"]["name"] == "Entrepreneuriat"
    assert subject["activityEndDate"] == last_day.date.isoformat()


def test_revoking_and_reissuing(finished, trainer, coordinator):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)
    certificate = services.issue(by=trainer, enrolment=enrolment)

    new = services.reissue(by=coordinator, certificate=certificate, reason="  Papier   perdu ")

    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revocation_reason == "replaced"
    assert new.is_duplicate and new.code != certificate.code
    assert not new.is_revoked
    assert Attempt.objects.count() == 1


def _history(certificate) -> list[tuple]:
    return [
        (entry.action, entry.user, entry.data)
        for entry in audit.entries_about(certificate).order_by("timestamp", "pk")
    ]


def test_a_reissue_writes_the_replacement_in_both_certificates_histories(
    finished, trainer, coordinator
):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)
    certificate = services.issue(by=trainer, enrolment=enrolment)

    new = services.reissue(by=coordinator, certificate=certificate, reason="  Papier   perdu ")

    assert _history(certificate)[-1] == (
        audit.Action.CERTIFICATE_REVOKED,
        coordinator,
        {"reason": "replaced", "replaced_by": new.pk, "explanation": "Papier perdu"},
    )
    assert _history(new) == [
        (
            audit.Action.CERTIFICATE_ISSUED,
            coordinator,
            {"enrolment": enrolment.pk, "certificate_type": "attestation"},
        ),
        (
            audit.Action.CERTIFICATE_REISSUED,
            coordinator,
            {"replaces": certificate.pk, "explanation": "Papier perdu"},
        ),
    ]


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reissue_without_a_reason_changes_nothing(finished, trainer, coordinator, reason):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)
    certificate = services.issue(by=trainer, enrolment=enrolment)

    with pytest.raises(ReissueReasonRequired):
        services.reissue(by=coordinator, certificate=certificate, reason=reason)

    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert Certificate.objects.count() == 1
    assert not audit.entries().filter(action=audit.Action.CERTIFICATE_REVOKED).exists()


def test_reissuing_a_certificate_already_revoked_does_not_revoke_it_again(
    finished, trainer, coordinator
):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)
    certificate = services.issue(by=trainer, enrolment=enrolment)
    services.revoke(by=coordinator, certificate=certificate, reason="issued_in_error")

    services.reissue(by=coordinator, certificate=certificate, reason="Erreur corrigée")

    certificate.refresh_from_db()
    assert certificate.revocation_reason == "issued_in_error"
    revoked = [row for row in _history(certificate) if row[0] == audit.Action.CERTIFICATE_REVOKED]
    assert [data for _action, _user, data in revoked] == [{"reason": "issued_in_error"}]


# --- One certificate per enrolment and kind: the constraint, and the race it settles ----------


def _eligible(finished, trainer):
    enrolment = _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 5)
    _post_test(enrolment)
    return enrolment


def test_the_database_refuses_a_second_certificate_of_the_same_kind(finished, trainer):
    enrolment = _eligible(finished, trainer)
    first = services.issue(by=trainer, enrolment=enrolment)

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(enrolment=enrolment, kind=first.kind, status_index=999)

    # A statement is another kind, and a reissue (a duplicate) is let through.
    Certificate.objects.create(enrolment=enrolment, kind="statement", status_index=1000)
    Certificate.objects.create(
        enrolment=enrolment, kind=first.kind, duplicate_of=first, status_index=1001
    )
    assert Certificate.objects.filter(enrolment=enrolment).count() == 3


def test_an_issue_that_loses_the_race_answers_with_the_winners_certificate(
    monkeypatch, finished, trainer, coordinator
):
    enrolment = _eligible(finished, trainer)
    real = services._original
    rival = {}

    def look_up_then_lose(enrolment, kind):
        found = real(enrolment, kind)
        if "certificate" not in rival:
            # Another issuer (the bulk job, say) issues it right after our look-up missed.
            rival["certificate"] = None
            rival["certificate"] = services.issue(by=coordinator, enrolment=enrolment)
        return found

    monkeypatch.setattr(services, "_original", look_up_then_lose)
    issued = audit.entries().filter(action=audit.Action.CERTIFICATE_ISSUED)

    ours = services.issue(by=trainer, enrolment=enrolment)

    assert ours == rival["certificate"]
    assert Certificate.objects.count() == 1
    assert [entry.user for entry in issued] == [coordinator]


def test_two_bulk_requests_give_one_jobs_worth_of_certificates(
    finished, trainer, coordinator, django_capture_on_commit_callbacks
):
    eligible = [_eligible(finished, trainer) for _ in range(3)]
    _attend(finished, trainer, TraineeFactory(cohort=finished, by=trainer), 1)

    with django_capture_on_commit_callbacks() as queued:
        first = services.request_bulk_issue(by=trainer, cohort=finished)
        second = services.request_bulk_issue(by=coordinator, cohort=finished)
    assert len(queued) == 2
    # The two jobs, as the workers run them (one after the other, or the second retried).
    services.run_bulk_issue(first.pk)
    services.run_bulk_issue(second.pk)

    assert sorted(Certificate.objects.values_list("enrolment_id", flat=True)) == sorted(
        enrolment.pk for enrolment in eligible
    )
    runs = [BulkIssue.objects.get(pk=bulk.pk) for bulk in (first, second)]
    assert [(run.done, run.skipped, run.total) for run in runs] == [(3, 1, 4), (3, 1, 4)]
    assert all(run.finished_at for run in runs)
