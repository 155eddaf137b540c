"""Every change to certificates: issue, issue a cohort in the background, revoke, reissue.

One transaction and one audit entry each; the PDF is rendered by a worker once the
transaction is committed. Issuing is safe to repeat: a unique constraint keeps one
certificate per enrolment and kind, and a second request finds the first.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django_q.tasks import async_task

from certificates import snapshot
from certificates.errors import (
    AlreadyRevoked,
    NoAttendance,
    NotEligible,
    ReasonRequired,
    ReissueReasonRequired,
)
from certificates.evidence import eligibility_for
from certificates.models import BulkIssue, Certificate, CertificateKind, RevocationReason
from cohorts.models import Cohort, Enrolment
from lms import audit

LANGUAGES = ("fr", "en")


def _next_status_index() -> int:
    # Called with the certificates' table written in the same transaction; a rare clash of
    # two issuers is caught by the unique constraint and retried by the caller.
    top = Certificate.objects.aggregate(top=Max("status_index"))["top"]
    return 0 if top is None else top + 1


def _queue_pdf(certificate: Certificate) -> None:
    transaction.on_commit(
        lambda: async_task("certificates.tasks.render_certificate_pdf", certificate.pk)
    )


# A trainee waiting for a PDF the worker has not rendered yet (certificates/trainee_views.py)
# asks again at most this often: reloading the page does not pile up renders.
PDF_REQUEST_INTERVAL = 60


def request_pdf(certificate: Certificate) -> bool:
    """Ask a worker for the certificate's PDF (issuing queued it already: this is for when that
    render has not come yet). ``True`` when a render was queued now."""
    if certificate.pdf:
        return False
    if not cache.add(f"certificates:pdf-requested:{certificate.pk}", 1, PDF_REQUEST_INTERVAL):
        return False
    _queue_pdf(certificate)
    return True


def _queue_status_list() -> None:
    transaction.on_commit(lambda: async_task("certificates.tasks.publish_status_list"))


def _original(enrolment, kind: str) -> Certificate | None:
    """The enrolment's certificate of ``kind`` (not a reissue), if it has one."""
    return Certificate.objects.filter(
        enrolment=enrolment, kind=kind, duplicate_of__isnull=True
    ).first()


def _create(by, enrolment, kind: str, language: str, duplicate_of=None) -> tuple[Certificate, bool]:
    """The certificate of ``enrolment`` of ``kind``: the existing one, or a new one."""
    if duplicate_of is None and (existing := _original(enrolment, kind)) is not None:
        return existing, False
    for _attempt in range(3):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    enrolment=enrolment,
                    kind=kind,
                    language=language,
                    snapshot=snapshot.take(enrolment, kind=kind, language=language),
                    issued_by=by,
                    duplicate_of=duplicate_of,
                    status_index=_next_status_index(),
                )
        except IntegrityError:
            # Another issuer got there since we looked (a bulk run and a click at once): the
            # unique constraint kept theirs, which is the one to answer with.
            if duplicate_of is None and (existing := _original(enrolment, kind)) is not None:
                return existing, False
            continue  # a code or status index taken at the same instant: try again
        audit.record(
            by,
            audit.Action.CERTIFICATE_ISSUED,
            certificate,
            enrolment=enrolment.pk,
            certificate_type=kind,
        )
        _queue_pdf(certificate)
        return certificate, True
    raise IntegrityError("certificate: no free code or status index after three tries")


def _check_language(language: str) -> str:
    return language if language in LANGUAGES else "fr"


@transaction.atomic
def issue(
    *, by, enrolment: Enrolment, kind: str = CertificateKind.ATTESTATION, language: str = "fr"
) -> Certificate:
    """Issue one trainee's attestation (if eligible) or statement of attendance."""
    enrolment = Enrolment.objects.select_related("cohort__module", "trainee").get(pk=enrolment.pk)
    eligibility = eligibility_for(enrolment.cohort, [enrolment])[enrolment.pk]
    if kind == CertificateKind.ATTESTATION and not eligibility.eligible:
        raise NotEligible(eligibility.reasons)
    if kind == CertificateKind.STATEMENT and eligibility.attended_days < 1:
        raise NoAttendance()
    certificate, _new = _create(by, enrolment, kind, _check_language(language))
    return certificate


@transaction.atomic
def request_bulk_issue(*, by, cohort, language: str = "fr") -> BulkIssue:
    """Issue the attestations of every eligible trainee of ``cohort`` in the background."""
    total = cohort.enrolments.active().count()
    bulk = BulkIssue.objects.create(
        cohort=cohort, requested_by=by, language=_check_language(language), total=total
    )
    audit.record(by, audit.Action.CERTIFICATES_REQUESTED, cohort, trainees=total)
    transaction.on_commit(lambda: async_task("certificates.tasks.bulk_issue", bulk.pk))
    return bulk


def run_bulk_issue(bulk_id: int) -> BulkIssue:
    """The worker's part: each eligible trainee gets an attestation (once: a run repeated or
    two runs at once give no duplicate); the progress is saved as it goes."""
    bulk = BulkIssue.objects.select_related("cohort__module", "requested_by").get(pk=bulk_id)
    enrolments = list(bulk.cohort.enrolments.active().select_related("trainee", "cohort"))
    eligibility = eligibility_for(bulk.cohort, enrolments)
    done = skipped = 0
    for enrolment in enrolments:
        if eligibility[enrolment.pk].eligible:
            with transaction.atomic():
                _create(bulk.requested_by, enrolment, CertificateKind.ATTESTATION, bulk.language)
            done += 1
        else:
            skipped += 1
        BulkIssue.objects.filter(pk=bulk.pk).update(
            done=done, skipped=skipped, total=len(enrolments)
        )
    BulkIssue.objects.filter(pk=bulk.pk).update(finished_at=timezone.now())
    bulk.refresh_from_db()
    return bulk


@transaction.atomic
def revoke(*, by, certificate: Certificate, reason: str) -> Certificate:
    if reason not in RevocationReason.values:
        raise ReasonRequired()
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.is_revoked:
        raise AlreadyRevoked()
    locked.revoked_at = timezone.now()
    locked.revoked_by = by
    locked.revocation_reason = reason
    locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    audit.record(by, audit.Action.CERTIFICATE_REVOKED, locked, reason=reason)
    _queue_status_list()
    return locked


@transaction.atomic
def reissue(
    *, by, certificate: Certificate, reason: str, language: str | None = None
) -> Certificate:
    """A new certificate in place of ``certificate`` (a lost paper, a corrected name): the old
    one is revoked as replaced, the new one is printed as a duplicate and snapshots anew.

    ``reason``: why, in the coordinator's words (required, kept in the audit trail only, on
    both certificates' histories; never shown to whoever checks a code).
    """
    reason = " ".join(reason.split())[:200]
    if not reason:
        raise ReissueReasonRequired()
    locked = (
        Certificate.objects.select_for_update().select_related("enrolment").get(pk=certificate.pk)
    )
    original = locked.duplicate_of or locked
    revoking = not locked.is_revoked
    if revoking:
        locked.revoked_at = timezone.now()
        locked.revoked_by = by
        locked.revocation_reason = RevocationReason.REPLACED
        locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        _queue_status_list()
    new, _created = _create(
        by, locked.enrolment, locked.kind, _check_language(language or locked.language), original
    )
    if revoking:
        audit.record(
            by,
            audit.Action.CERTIFICATE_REVOKED,
            locked,
            reason=RevocationReason.REPLACED.value,
            replaced_by=new.pk,
            explanation=reason,
        )
    audit.record(by, audit.Action.CERTIFICATE_REISSUED, new, replaces=locked.pk, explanation=reason)
    return new


# --- Readings and exports: recorded, as every reading of a trainee's file is ----------------


def viewed(*, by, certificate: Certificate) -> None:
    """A member of staff opened the certificate's page (it names the holder)."""
    audit.record(by, audit.Action.VIEWED, certificate)


def downloaded_pdf(*, by, certificate: Certificate) -> None:
    audit.record(by, audit.Action.EXPORTED, certificate, document="pdf")


def exported_list(*, by, rows, document: str) -> None:
    """The certificate list exported: one entry per cohort, naming its trainees in the file.

    ``rows`` are ``(cohort_id, trainee_id)`` pairs, read once from the exported queryset.
    """
    trainees: dict[int, set[int]] = {}
    for cohort_id, trainee_id in rows:
        trainees.setdefault(cohort_id, set()).add(trainee_id)
    for cohort in Cohort.objects.filter(pk__in=trainees):
        audit.record(
            by,
            audit.Action.EXPORTED,
            cohort,
            document=document,
            trainees=sorted(trainees[cohort.pk]),
        )
