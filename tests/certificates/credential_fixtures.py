"""Certificates to sign, for the credential tests: issued as the services issue them (the
snapshot of the real enrolment), without the attendance a real issue would check first."""

from django.db.models import Max

from certificates import snapshot
from certificates.models import Certificate


def make_certificate(enrolment, *, kind: str = "attestation", language: str = "fr"):
    top = Certificate.objects.aggregate(top=Max("status_index"))["top"]
    return Certificate.objects.create(
        enrolment=enrolment,
        kind=kind,
        language=language,
        snapshot=snapshot.take(enrolment, kind=kind, language=language),
        status_index=0 if top is None else top + 1,
    )
